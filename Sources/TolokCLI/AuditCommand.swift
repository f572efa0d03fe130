import Foundation
import Tolok

/// `tolok audit`: recompute what can be recomputed and say where the published figures differ.
enum AuditCommand {
    static let help = """
    USAGE: tolok audit [--data DIR] [--out DIR] [--csv-dialect standard|excel-id] [--list] [--format F] [--lang id|en] [--quiet]

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
      --list              also print every finding (grouped by area)
      --format F          table (default: the summary per check and per area, fitted to the terminal), or
                          csv, md, json: every finding with every column of audit.csv (the summary then
                          goes to standard error)
      --lang id|en        headers of the tables in Indonesian (default) or English
      --quiet             no progress on standard error (shown for runs over two seconds)

    EXAMPLE:
      tolok audit --list
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try OutputOptions(&arguments)
        let list = arguments.flag("--list")
        let format = try PrintOptions.format(arguments.value("--format"))
        let lang = try arguments.value("--lang") ?? "id"
        guard lang == "id" || lang == "en" else { throw UsageError(message: "--lang must be id or en") }
        let english = lang == "en"
        let quiet = arguments.flag("--quiet")
        try arguments.finish(command: "audit")
        let progress = Progress(console: console, quiet: quiet)
        guard let dataset = TolokCommandLine.loadClean(options.data, command: "audit", console: console, progress: progress),
              let folder = options.createOutputFolder(console: console) else { return 1 }
        let report = Analysis.Audited(dataset, threads: TolokCommandLine.parallel ? 2 : 1).audit
        progress.stage("align and audit", rows: TolokCommandLine.records(dataset))
        for problem in report.problems { console.err(warning(problem)) }
        guard options.write(AuditExport.csv(report, dataset: dataset, dialect: options.dialect), "audit.csv", to: folder, console: console) else { return 1 }
        if let format, format != .table {
            // Every finding, every column, on standard output; the summary on standard error.
            console.err(AuditExport.summary(report, dataset: dataset)[0] + " → \(options.output)/audit.csv")
            let text = AuditExport.tabular(report, dataset: dataset).render(format)
            console.out(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
            return 0
        }
        let pick = { (id: String, en: String) in english ? en : id }
        console.out(AuditExport.summary(report, dataset: dataset)[0])
        var checks = Tabular(header: [pick("pemeriksaan", "check"), pick("diperiksa", "checked"), pick("galat", "errors"), pick("pembulatan", "rounding")])
        for check in AuditCheck.allCases {
            let ran = report.runs.count(check)
            guard ran > 0 else { continue }
            checks.rows.append([.text(check.rawValue), .integer(ran), .integer(report.findings.count { $0.check == check && $0.severity == .error }),
                                .integer(report.findings.count { $0.check == check && $0.severity == .rounding })])
        }
        var areas = Tabular(header: [pick("wilayah", "area"), pick("kode", "code"), pick("galat", "errors"), pick("pembulatan", "rounding")])
        for code in Set(report.findings.map(\.districtCode)).sorted() {
            areas.rows.append([.text(dataset.areas.byCode[code]?.name ?? code), .text(code),
                               .integer(report.findings.count { $0.districtCode == code && $0.severity == .error }),
                               .integer(report.findings.count { $0.districtCode == code && $0.severity == .rounding })])
        }
        for table in [checks, areas] {
            let text = TerminalTable(table, width: console.width).render()
            console.out("\n" + String(text.dropLast()))
        }
        if list {
            let text = CompactViews.findings(AuditExport.tabular(report, dataset: dataset), Wording(english: english)).render(width: console.width)
            console.out("\n" + String(text.dropLast()))
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
