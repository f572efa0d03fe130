import Foundation
import Tolok

/// `tolok audit`: recompute what can be recomputed and say where the published figures differ.
enum AuditCommand {
    static let help = """
    USAGE: tolok audit [--data DIR] [--out DIR] [--csv-dialect standard|excel-id]

    Recomputes every derivable figure and compares it with what the documents printed: capaian from
    target and realisation; budget percentages from pagu and realisasi; ratios from their counts;
    totals and subtotals from their lines (budget trees, months, quarters); printed averages; one
    fact printed in two places; series that jump by an order of magnitude; rates outside 0–100;
    unemployment rates against their counts. Consistent figures raise nothing; a difference within
    the printed precision (truncation included) is 'rounding', anything else 'error'.

    Writes audit.csv to the output folder and prints a grouped summary. Findings are results, not
    failures: the exit status is 0 unless the datasets have errors (1) or the usage is wrong (2).

    OPTIONS:
      --data DIR          the datasets folder (default: datasets)
      --out DIR           the output folder (default: notebooks-out)
      --csv-dialect D     standard (default) or excel-id
      --list              also print every finding, one line each

    EXAMPLE:
      tolok audit --list
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try OutputOptions(&arguments)
        let list = arguments.flag("--list")
        try arguments.finish(command: "audit")
        guard let dataset = TolokCommandLine.loadClean(options.data, command: "audit", console: console),
              let folder = options.createOutputFolder(console: console) else { return 1 }
        let report = Analysis(dataset).audit
        for problem in report.problems { console.err(warning(problem)) }
        guard options.write(AuditExport.csv(report, dataset: dataset, dialect: options.dialect), "audit.csv", to: folder, console: console) else { return 1 }
        AuditExport.summary(report, dataset: dataset).forEach(console.out)
        if list {
            for f in AuditExport.sorted(report.findings) {
                console.out("  \(f.severity.rawValue) \(f.check.rawValue) \(f.districtCode) \(f.year.map(String.init) ?? "-") \([f.location.sourceID, f.location.description].filter { !$0.isEmpty }.joined(separator: " ")): \(f.subject): \(f.detail)")
            }
        }
        console.out("→ \(options.output)/audit.csv")
        return 0
    }

    /// An audit problem (`path:LINE: message`) as a diagnostic line: `path:LINE: warning: message`.
    static func warning(_ problem: String) -> String {
        if let range = problem.range(of: #"^[^\n]*?:[0-9]+: "#, options: .regularExpression) {
            let location = problem[range].dropLast(2)
            let colon = location.lastIndex(of: ":")!
            return Diagnostic(.warning, file: String(location[..<colon]), line: Int(location[location.index(after: colon)...]),
                              String(problem[range.upperBound...])).description
        }
        return "warning: \(problem)"
    }
}
