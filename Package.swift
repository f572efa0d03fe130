// swift-tools-version:6.0
// Tolok — benchmarks Indonesian district labour agencies from their published reports.
// No package dependencies: Foundation, Dispatch and the test libraries only.
import PackageDescription

let package = Package(
    name: "Tolok",
    products: [
        .library(name: "Tolok", targets: ["Tolok"]),
        .executable(name: "tolok", targets: ["tolok"]),
    ],
    targets: [
        // The statistics library: model, input, alignment, statistics, output.
        .target(name: "Tolok"),
        // The `tolok` commands as a library, so tests can run them in-process.
        .target(name: "TolokCLI", dependencies: ["Tolok"]),
        // The executable: a thin `main` over TolokCLI.
        .executableTarget(name: "tolok", dependencies: ["TolokCLI"]),
        .testTarget(name: "TolokTests", dependencies: ["Tolok"]),
        .testTarget(name: "TolokEndToEndTests", dependencies: ["Tolok", "TolokCLI"], exclude: ["Fixtures"]),
    ]
)
