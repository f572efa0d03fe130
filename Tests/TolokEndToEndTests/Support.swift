import Foundation
import Synchronization
import Testing
import Tolok
import TolokCLI

/// The repository's root folder (this file is Tests/TolokEndToEndTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shipped datasets folder.
let shippedDatasets = repositoryRoot.appendingPathComponent("datasets").path

/// What a `tolok` run printed and returned.
struct Run {
    var status: Int32
    var out: [String]
    var err: [String]
}

/// Collects lines; a class so the console's closures can append to it (behind a lock: a command
/// may print from more than one thread).
final class Lines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ items: [String]) { storage.withLock { $0 += items } }
    var lines: [String] { storage.withLock { $0 } }
}

/// Runs `tolok` in-process with `arguments`.
func tolok(_ arguments: String...) -> Run { tolok(arguments) }

/// Runs `tolok` in-process with `arguments`.
func tolok(_ arguments: [String]) -> Run {
    let out = Lines(), err = Lines()
    let console = Console(out: { out.append($0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) },
                          err: { err.append([$0]) }, isTerminal: false)
    let status = TolokCommandLine.run(arguments, console: console)
    return Run(status: status, out: out.lines, err: err.lines)
}

/// Where this test process keeps its scratch folders; removed when the process exits.
let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tolok-tests-\(getpid())")
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = scratchRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A copy of the shipped datasets in a temporary folder.
func copyOfShippedDatasets() throws -> URL {
    let folder = try temporaryFolder().appendingPathComponent("datasets")
    try FileManager.default.copyItem(atPath: shippedDatasets, toPath: folder.path)
    return folder
}

/// Reads a CSV written by tolok into rows of named cells, with the library's own reader.
func readCSV(_ url: URL) throws -> [[String: String]] {
    var reader = CSVReader(bytes: try [UInt8](Data(contentsOf: url)))
    var fields: [CSVField] = []
    guard reader.nextRecord(into: &fields) != nil else { return [] }
    let header = fields.map { reader.text(of: $0) }
    var rows: [[String: String]] = []
    while reader.nextRecord(into: &fields) != nil {
        rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields.map { reader.text(of: $0) })))
    }
    #expect(reader.problems.isEmpty, "\(url.lastPathComponent): \(reader.problems)")
    return rows
}
