import Foundation
import TolokCLI

/// The whole of `tolok report` on a small datasets folder one of whose files is the input: the
/// clean fixture (Tests/TolokEndToEndTests/Fixtures/clean) with the shipped schemas, and the
/// input's first byte choosing the file it replaces (the rest is that file's bytes). No crash,
/// no hang; exit status 0 or 1 (never 2: the arguments are right); an error says where; a clean
/// run writes every output and leaves no temporary file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let folder = Workspace.shared.folder
    let file = Workspace.files[Int(data[0]) % Workspace.files.count]
    let url = URL(fileURLWithPath: folder + "/" + file)
    let original = try! Data(contentsOf: url)
    try! Data(bytes: data + 1, count: size - 1).write(to: url)
    defer { try! original.write(to: url) }

    var errors: [String] = []
    let console = Console(out: { _ in }, err: { errors.append($0) }, isTerminal: false)
    let status = TolokCommandLine.run(["report", "--data", folder, "--out", Workspace.shared.output], console: console)
    require(status == 0 || status == 1, "tolok report exited \(status): \(errors)")
    for line in errors where line.contains(": error: ") {
        require(line.hasPrefix(folder + "/"), "an error without its file: \(line)")
    }
    let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: Workspace.shared.output)) ?? []
    require(!leftovers.contains { $0.hasPrefix(".") }, "temporary files left behind: \(leftovers)")
    return 0
}

/// The datasets folder the harness works in (under /dev/shm when there is one), made once.
final class Workspace: Sendable {
    static let files = ["areas.csv", "sources.csv", "observations.csv", "budget.csv", "references.csv", "indicator_mappings.csv",
                        "indicators.csv", "programme_crosswalk.csv", "corrections.csv", "relations.csv", "revisions.csv",
                        "province_history.csv", "vintages.csv", "datapackage.json"]
    static let shared = Workspace()
    let folder: String
    let output: String

    private init() {
        let env = ProcessInfo.processInfo.environment
        guard let fixture = env["TOLOK_FUZZ_FIXTURE"], let schemas = env["TOLOK_FUZZ_SCHEMAS"] else {
            fatalError("set TOLOK_FUZZ_FIXTURE and TOLOK_FUZZ_SCHEMAS (fuzz/run.sh does)")
        }
        let root = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()) + "/tolok-fuzz-\(getpid())"
        folder = root + "/datasets"
        output = root + "/out"
        let fm = FileManager.default
        try? fm.removeItem(atPath: root)
        try! fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try! fm.copyItem(atPath: fixture, toPath: folder)
        try! fm.copyItem(atPath: schemas, toPath: folder + "/schemas")
        try! fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Workspace.shared.folder + "/..") }
    }
}
