// swift-tools-version:6.0
// Tolok — benchmarks Indonesian district labour agencies from their published reports.
// No package dependencies: Foundation, Dispatch and the test libraries only.
//
// One module per stage of the data flow; each depends only on the stages before it, so the
// compiler keeps the flow one-way:
//
//   TolokModel → TolokInput → TolokAlignment → TolokStatistics → TolokOutput → Tolok (re-exports) → TolokCLI → tolok
import PackageDescription

let package = Package(
    name: "Tolok",
    products: [
        .library(name: "Tolok", targets: ["Tolok"]),
        .executable(name: "tolok", targets: ["tolok"]),
    ],
    targets: [
        // Value types and the columnar table: areas, sources, observations, budget lines, references.
        .target(name: "TolokModel"),
        // Reading: CSV bytes, canonical numbers, the data package, validation diagnostics.
        .target(name: "TolokInput", dependencies: ["TolokModel"]),
        // Printed labels onto canonical indicators, programme codes, source priority.
        .target(name: "TolokAlignment", dependencies: ["TolokModel", "TolokInput"]),
        // Achievement, audit, comparisons, rankings, composite, trends, costs.
        .target(name: "TolokStatistics", dependencies: ["TolokModel", "TolokAlignment"]),
        // CSV (two dialects), tables, Markdown, JSON, HTML reports.
        .target(name: "TolokOutput", dependencies: ["TolokModel", "TolokAlignment", "TolokStatistics"]),
        // Synthetic datasets in the project's own format, for benchmarks at national scale.
        .target(name: "TolokSynth", dependencies: ["TolokModel", "TolokOutput"]),
        // The library: re-exports the stages.
        .target(name: "Tolok", dependencies: ["TolokModel", "TolokInput", "TolokAlignment", "TolokStatistics", "TolokOutput"]),
        // The `tolok` commands as a library, so tests can run them in-process.
        .target(name: "TolokCLI", dependencies: ["Tolok", "TolokSynth"]),
        // The executable: a thin `main` over TolokCLI.
        .executableTarget(name: "tolok", dependencies: ["TolokCLI"]),
        .testTarget(name: "TolokTests", dependencies: ["Tolok"]),
        .testTarget(name: "TolokEndToEndTests", dependencies: ["Tolok", "TolokCLI"], exclude: ["Fixtures"]),
    ]
)
