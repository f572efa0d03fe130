import Foundation
import Tolok

/// `tolok report`: the main job.
enum ReportCommand {
    static let help = """
    USAGE: tolok report [--data DIR] [--out DIR] [--csv-dialect standard|excel-id]

    Loads and validates the datasets, computes achievement (capaian) for every observation with a
    target and a realisation, writes the outputs to the output folder and prints a summary.
    Stops with exit status 1, writing nothing, when the datasets have errors (see tolok validate).

    Writes:
      achievement.csv   capaian, clamped capaian and predicate per observation (see notebooks-out/README.md)

    OPTIONS:
      --data DIR          the datasets folder (default: datasets)
      --out DIR           the output folder (default: notebooks-out; created if absent)
      --csv-dialect D     standard (RFC 4180, the default) or excel-id (semicolon, decimal comma,
                          BOM: for Excel with Indonesian regional settings)

    EXAMPLE:
      swift run -c release tolok report
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let directory = try arguments.value("--data") ?? "datasets"
        let output = try arguments.value("--out") ?? "notebooks-out"
        let dialectName = try arguments.value("--csv-dialect") ?? "standard"
        guard let dialect = CSVDialect(rawValue: dialectName) else {
            throw UsageError(message: "--csv-dialect must be one of: \(CSVDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try arguments.finish(command: "report")

        let result = TolokCommandLine.load(directory, console: console)
        let d = result.diagnostics
        guard let dataset = result.dataset, !result.hasErrors else {
            console.err("tolok report: \(d.errorCount) error(s) in \(directory); nothing written. Fix them (tolok validate lists them) and run again.")
            return 1
        }
        let outURL = URL(fileURLWithPath: output, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
        } catch {
            console.err("error: cannot create the output folder \(output): \(error.localizedDescription)")
            return 1
        }

        let districts = dataset.districtsWithData()
        let years = dataset.years()
        let span = years.isEmpty ? "none" : years.first! == years.last! ? "\(years.first!)" : "\(years.first!)–\(years.last!)"
        console.out("Loaded \(directory): \(districts.count) district\(districts.count == 1 ? "" : "s") ("
            + districts.map { "\($0.name) \($0.code)" }.joined(separator: ", ") + "), years \(span)")
        console.out("  \(dataset.count("observations")) observations, \(dataset.count("budget")) budget lines, "
            + "\(dataset.count("references")) references, \(dataset.count("sources")) sources; "
            + "\(d.errorCount) errors, \(d.warningCount) warnings")

        let rows = AchievementExport.rows(dataset)
        let written = write(AchievementExport.csv(rows, dialect: dialect), "achievement.csv", to: outURL, console: console)
        guard written else { return 1 }
        let withCapaian = rows.filter { $0.achievement.capaian != nil }.count
        console.out("Achievement: \(rows.count) observations with a target and a realisation, \(withCapaian) with a capaian "
            + "(\(rows.count - withCapaian) without, reason in the note) → \(output)/achievement.csv")
        return 0
    }

    static func write(_ csv: CSVWriter, _ name: String, to directory: URL, console: Console) -> Bool {
        do {
            try csv.write(to: directory.appendingPathComponent(name))
            return true
        } catch {
            console.err("error: cannot write \(directory.appendingPathComponent(name).path): \(error.localizedDescription)")
            return false
        }
    }
}
