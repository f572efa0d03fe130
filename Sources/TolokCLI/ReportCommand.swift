import Foundation
import Tolok

/// `tolok report`: the main job.
enum ReportCommand {
    static let help = """
    USAGE: tolok report [--data DIR] [--out DIR] [--csv-dialect standard|excel-id]

    Loads and validates the datasets, computes everything and writes the outputs to the output
    folder, then prints a summary. Stops with exit status 1, writing nothing, when the datasets have
    errors (tolok validate lists them).

    Writes (columns documented in notebooks-out/README.md):
      achievement.csv   capaian, clamped capaian and predicate per observation with target and realisation
      audit.csv         every published figure that differs from its recomputation (see tolok audit)
      comparison.csv    district × year × indicator against province and nation, with ranks (tolok compare)
      gaps.csv          per district and indicator: is the gap to province and nation closing or widening
      rankings.csv      rankings per indicator and year: nation, province, kind (tolok rank)
      composite.csv     composite index of the indicators ≥ 2 districts have, with rank robustness
      statistics.csv    n, mean, median, quartiles, sd, cv; each district's z-score and percentile
      trends.csv        year-on-year change, compound change, distance to the Renstra end target
      targets.csv       each actual value against its plan's target for that year: capaian, predicate
      budget.csv        pagu, realisasi and absorption per district, year and standard programme
      costs.csv         cost per placement and per trainee, with the programmes used
      datapackage.json  the Frictionless descriptor of these files (a Table Schema each: codes as text)

    OPTIONS:
      --data DIR          the datasets folder (default: datasets)
      --out DIR           the output folder (default: notebooks-out; created if absent)
      --csv-dialect D     standard (RFC 4180, the default) or excel-id (semicolon, decimal comma,
                          BOM: for Excel with Indonesian regional settings)
      --lang id|en        indicator names in Indonesian (default) or English
      --include-suspect   keep values the audit suspects in ranks, statistics and the composite

    EXAMPLE:
      swift run -c release tolok report
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        var options = try OutputOptions(&arguments)
        let lang = try arguments.value("--lang") ?? "id"
        guard lang == "id" || lang == "en" else { throw UsageError(message: "--lang must be id or en") }
        options.english = lang == "en"
        options.includeSuspect = arguments.flag("--include-suspect")
        try arguments.finish(command: "report")
        let result = TolokCommandLine.load(options.data, console: console)
        guard let dataset = result.dataset, !result.hasErrors else {
            console.err("tolok report: \(result.diagnostics.errorCount) error(s) in \(options.data); nothing written. Fix them (tolok validate lists them) and run again.")
            return 1
        }
        guard let folder = options.createOutputFolder(console: console) else { return 1 }

        let areas = dataset.areas
        let reported = dataset.districtsWithData()
        let years = dataset.years()
        let span = years.isEmpty ? "none" : years.first! == years.last! ? "\(years.first!)" : "\(years.first!)–\(years.last!)"
        let provinces = areas.all.count { $0.level == .province }
        console.out("Loaded \(options.data): \(areas.districts.count) districts in \(provinces) provinces, \(reported.count) with reports ("
            + reported.prefix(5).map { "\($0.name) \($0.code)" }.joined(separator: ", ") + (reported.count > 5 ? ", …" : "") + "), years \(span)")
        let excluded = dataset.references().count { $0.excluded != nil }
        console.out("  \(dataset.count("observations")) observations, \(dataset.count("budget")) budget lines, "
            + "\(dataset.count("references")) references (\(excluded) excluded from analyses, reason in the data), \(dataset.count("sources")) sources; "
            + "\(result.diagnostics.errorCount) errors, \(result.diagnostics.warningCount) warnings")

        // Every file is staged and renamed into place at the end: a run that fails or is
        // interrupted on the way leaves the previous outputs as they were.
        var batch = AtomicFile.Batch()
        var written: [(name: String, header: [String])] = []
        func stage(_ csv: CSVWriter, _ name: String) -> Bool {
            written.append((name, csv.header))
            return options.stage(csv.bytes, name, to: folder, in: &batch, console: console)
        }
        let rows = AchievementExport.rows(dataset)
        guard stage(AchievementExport.csv(rows, dialect: options.dialect), "achievement.csv") else { return 1 }
        let withCapaian = rows.count { $0.achievement.capaian != nil }
        console.out("Achievement: \(rows.count) observations with a target and a realisation, \(withCapaian) with a capaian "
            + "(\(rows.count - withCapaian) without, reason in the note) → \(options.output)/achievement.csv")

        let analysis = Analysis(dataset, includeSuspect: options.includeSuspect)
        let audit = analysis.audit
        guard stage(AuditExport.csv(audit, dataset: dataset, dialect: options.dialect), "audit.csv") else { return 1 }
        console.out("Audit: \(audit.runs.count) checks, \(audit.count(.error)) errors, \(audit.count(.rounding)) rounding → \(options.output)/audit.csv (details: tolok audit)")

        let rankings = analysis.allRankings()
        let comparisons = Comparisons.compute(analysis.alignment, areas: areas, ranks: RankIndex(rankings))
        let gaps = GapTrends.compute(comparisons)
        let composite = defaultComposite(analysis)
        let outputs: [(String, Tabular)] = [
            ("comparison.csv", AnalysisExports.comparison(comparisons, policy: .all, english: options.english)),
            ("gaps.csv", AnalysisExports.gaps(gaps, english: options.english)),
            ("rankings.csv", AnalysisExports.rankings(rankings, english: options.english)),
            ("composite.csv", composite),
            ("statistics.csv", AnalysisExports.statistics(rankings)),
            ("trends.csv", AnalysisExports.trends(Trends.compute(analysis.alignment, areas: areas))),
            ("targets.csv", AnalysisExports.targets(TargetScores.compute(analysis.alignment, areas: areas), english: options.english)),
            ("budget.csv", AnalysisExports.budget(analysis.budgets, areas: areas)),
            ("costs.csv", AnalysisExports.costs(analysis.costs, areas: areas)),
        ]
        for (name, table) in outputs {
            guard stage(table.csv(options.dialect), name) else { return 1 }
        }
        // The Frictionless descriptor of the files: codes as text, numbers as numbers, the dialect.
        guard options.stage(OutputPackage.descriptor(written, dialect: options.dialect), "datapackage.json", to: folder, in: &batch, console: console),
              options.commit(&batch, console: console) else { return 1 }
        let compared = Set(comparisons.map(\.district.code)).count
        console.out("Comparison: \(comparisons.count) district × year × indicator values of \(compared) districts against province and nation → comparison.csv; "
            + "gap trends → gaps.csv")
        let ranked = rankings.filter { $0.rank != nil }
        console.out("Rankings: \(ranked.count) ranked rows (\(Set(ranked.map(\.district.code)).count) districts), "
            + "\(rankings.count - ranked.count) unranked with the reason → rankings.csv; "
            + "also composite.csv, statistics.csv, trends.csv, budget.csv, costs.csv in \(options.output)/")
        let unmapped = analysis.alignment.unmapped.count
        console.out("Mapping: \(unmapped) printed label\(unmapped == 1 ? "" : "s") map to no canonical indicator (tolok indicators --unmapped lists them)")
        return 0
    }

    /// The composite written by the report: ``Composite/defaultSpec(_:areas:includeSuspect:)``.
    static func defaultComposite(_ analysis: Analysis) -> Tabular {
        guard let spec = Composite.defaultSpec(analysis.alignment, areas: analysis.areas, includeSuspect: analysis.includeSuspect) else {
            return AnalysisExports.composite([], spec: CompositeSpec(indicators: [], weights: [], year: 0))
        }
        return AnalysisExports.composite(Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec), spec: spec)
    }
}
