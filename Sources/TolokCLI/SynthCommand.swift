import Foundation
import Tolok
import TolokSynth

/// `tolok synth`: a synthetic datasets folder for benchmarks.
enum SynthCommand {
    static let help = """
    USAGE: tolok synth [--districts N] [--provinces N] [--years N] [--indicators N] [--budget-lines N]
                       [--seed S] --out DIR [--schemas DIR] [--format F]

    Writes a synthetic datasets folder in the project's own format, which tolok validate accepts:
    districts in provinces (BPS-like codes), one report per district with each indicator over the
    years (targets, realisations, printed capaian), budget lines with printed percentages, BPS
    references for every province and the nation, and a mapping table that carries district-specific
    label variants through every transform (as_is, scale, ratio, sum, per_1000). About 3 % of the
    values are missing, some targets are 0, and about 1 % of the printed figures are deliberately
    wrong (a capaian, a budget percentage, a series value ten times too large). The same settings
    and seed give the same bytes.

    OPTIONS:
      --districts N       districts (default 514)
      --provinces N       provinces (default 38)
      --years N           years, up to 2024 (default 10)
      --indicators N      canonical indicators (default 200)
      --budget-lines N    budget lines per district over all years (default 300)
      --seed S            random seed (default 1)
      --out DIR           the folder to write (created)
      --schemas DIR       the Table Schemas to copy (default: datasets/schemas)
      --format F          table (default: one line), or csv, md, json: the rows written per kind

    EXAMPLE:
      tolok synth --districts 514 --provinces 38 --years 10 --indicators 200 --budget-lines 300 --seed 1 --out /tmp/synth
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        var s = Synthesizer()
        func count(_ name: String, _ current: Int) throws(UsageError) -> Int {
            guard let text = try arguments.value(name) else { return current }
            guard let n = Int(text), n > 0 else { throw UsageError(message: "\(name) needs a positive whole number, not '\(text)'") }
            return n
        }
        s.districts = try count("--districts", s.districts)
        s.provinces = try count("--provinces", s.provinces)
        s.years = try count("--years", s.years)
        s.indicators = try count("--indicators", s.indicators)
        s.budgetLines = try count("--budget-lines", s.budgetLines)
        if let seed = try arguments.value("--seed") {
            guard let value = UInt64(seed) else { throw UsageError(message: "--seed needs a non-negative integer") }
            s.seed = value
        }
        guard let out = try arguments.value("--out") else { throw UsageError(message: "--out is required") }
        let schemas = try arguments.value("--schemas") ?? "datasets/schemas"
        let format = try PrintOptions.format(arguments.value("--format"))
        try arguments.finish(command: "synth")
        guard FileManager.default.fileExists(atPath: schemas + "/observations.json") else {
            console.err("error: no Table Schemas in \(schemas) (run from the repository folder, or give --schemas DIR)")
            return 2
        }
        do {
            let summary = try s.write(to: URL(fileURLWithPath: out, isDirectory: true), schemas: URL(fileURLWithPath: schemas, isDirectory: true))
            if let format, format != .table {
                let table = Tabular(header: ["kind", "rows"], rows: [
                    [.text("observations"), .integer(summary.observations)], [.text("budget"), .integer(summary.budgetLines)],
                    [.text("references"), .integer(summary.references)], [.text("indicator_mappings"), .integer(summary.mappings)],
                ])
                let text = table.render(format)
                console.out(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
                return 0
            }
            console.out("Wrote \(out): \(s.districts) districts, \(s.provinces) provinces, \(s.years) years, \(s.indicators) indicators; "
                + "\(summary.observations) observations, \(summary.budgetLines) budget lines, \(summary.references) references, "
                + "\(summary.mappings) mapping rows in \(summary.files) files (\(summary.bytes / 1_000_000) MB)")
            return 0
        } catch {
            console.err("error: \(error.message)")
            return 1
        }
    }
}
