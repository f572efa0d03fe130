import Foundation
import Tolok

/// The options every writing command shares: `--data`, `--out`, `--csv-dialect`.
struct OutputOptions {
    var data: String
    var output: String
    var dialect: CSVDialect
    var english = false
    /// Keep suspect values in ranks, statistics and the composite.
    var includeSuspect = false

    init(_ arguments: inout Arguments) throws(UsageError) {
        data = try arguments.value("--data") ?? "datasets"
        output = try arguments.value("--out") ?? "notebooks-out"
        let dialectName = try arguments.value("--csv-dialect") ?? "standard"
        guard let dialect = CSVDialect(rawValue: dialectName) else {
            throw UsageError(message: "--csv-dialect must be one of: \(CSVDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.dialect = dialect
    }

    /// Creates the output folder; `nil` (after saying why) when it cannot.
    func createOutputFolder(console: Console) -> URL? {
        let url = URL(fileURLWithPath: output, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        } catch {
            console.err("error: cannot create the output folder \(output): \(error.localizedDescription)")
            return nil
        }
    }

    /// Writes `csv` as `name` in `folder` atomically; false (after saying why) on failure.
    func write(_ csv: CSVWriter, _ name: String, to folder: URL, console: Console) -> Bool {
        do {
            try csv.write(to: folder.appendingPathComponent(name))
            return true
        } catch {
            console.err("error: cannot write \(folder.appendingPathComponent(name).path): \(error.localizedDescription)")
            return false
        }
    }
}
