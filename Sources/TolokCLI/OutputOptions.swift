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
        var batch = AtomicFile.Batch()
        return stage(csv.bytes, name, to: folder, in: &batch, console: console) && commit(&batch, console: console)
    }

    /// Stages `bytes` as `name` in `folder` (written when `batch` is committed); false (after
    /// saying why, every staged file discarded) on failure.
    func stage(_ bytes: [UInt8], _ name: String, to folder: URL, in batch: inout AtomicFile.Batch, console: Console) -> Bool {
        do {
            try batch.stage([bytes], at: folder.appendingPathComponent(name))
            return true
        } catch {
            console.err("error: \(error.description); nothing written")
            return false
        }
    }

    /// Renames the staged files into place; false (after saying why, none of them written) on failure.
    func commit(_ batch: inout AtomicFile.Batch, console: Console) -> Bool {
        do {
            try batch.commit()
            return true
        } catch {
            console.err("error: \(error.description); nothing written")
            return false
        }
    }
}
