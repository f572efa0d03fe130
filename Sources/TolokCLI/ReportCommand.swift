import Dispatch
import Foundation
import Tolok

/// `tolok report`: the main job.
enum ReportCommand {
    static let help = """
    USAGE: tolok report [--data DIR] [--out DIR] [--csv-dialect standard|excel-id] [--lang id|en] [--format F]

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
      report.html       the report to read: each district with reports among its province's districts,
                        its series against province and nation, capaian, budgets, costs, audit findings,
                        the composite; one file with its charts inside (open it in any browser)
      summary.md        the same findings as a briefing in Markdown tables
      tolok.ipynb       a Jupyter notebook that loads the CSV files with pandas and redraws the charts

    OPTIONS:
      --data DIR          the datasets folder (default: datasets)
      --out DIR           the output folder (default: notebooks-out; created if absent)
      --csv-dialect D     standard (RFC 4180, the default) or excel-id (semicolon, decimal comma,
                          BOM: for Excel with Indonesian regional settings)
      --lang id|en        the reports and indicator names in Indonesian (default) or English
      --format F          the headline printed at the end: table (default; fitted to the terminal),
                          or csv, md, json (every column; the summary lines then go to standard error)
      --include-suspect   keep values the audit suspects in ranks, statistics, the composite, the
                          gap trends and the year-on-year changes (marked in every output either way)
      --quiet             no progress on standard error (shown for runs over two seconds)

    EXAMPLE:
      swift run -c release tolok report
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        var options = try OutputOptions(&arguments)
        let lang = try arguments.value("--lang") ?? "id"
        guard lang == "id" || lang == "en" else { throw UsageError(message: "--lang must be id or en") }
        options.english = lang == "en"
        options.includeSuspect = arguments.flag("--include-suspect")
        let format = try PrintOptions.format(arguments.value("--format"))
        let quiet = arguments.flag("--quiet")
        try arguments.finish(command: "report")
        // With a machine format standard output carries the table only.
        let machine = format != nil && format != .table
        let printTable = console.out
        var console = console
        if machine { console.out = console.err }
        let progress = Progress(console: console, quiet: quiet)
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
        let excluded = dataset.referenceSpan().excluded
        console.out("  \(dataset.count(ObservationField.self)) observations, \(dataset.count(BudgetField.self)) budget lines, "
            + "\(dataset.count(ReferenceField.self)) references (\(excluded) excluded from analyses, reason in the data), \(dataset.count(SourceField.self)) sources; "
            + "\(result.diagnostics.errorCount) errors, \(result.diagnostics.warningCount) warnings")

        // Every file is staged and renamed into place at the end: a run that fails or is
        // interrupted on the way leaves the previous outputs as they were.
        var batch = AtomicFile.Batch()
        // Each CSV file, its header (for the descriptor) and its rows (for the notice of the files
        // an Excel sheet cannot hold).
        var written: [(name: String, header: [String], rows: Int)] = []
        func stage(_ csv: CSVWriter, _ name: String) -> Bool {
            written.append((name, csv.header, csv.rows))
            return options.stage(csv.bytes, name, to: folder, in: &batch, console: console)
        }
        let threads = TolokCommandLine.parallel ? 2 : 1
        let records = TolokCommandLine.records(dataset)
        progress.stage("load and validate", rows: records)
        let audited = Analysis.Audited(dataset, threads: threads)
        progress.stage("align and audit", rows: records)
        // achievement.csv needs only the corrected observations: one thread finishes the analysis
        // (marks the suspects, computes the costs) and makes audit.csv before it joins the other in
        // writing it. The analysis takes the alignment out of its slot: its one reference.
        let achievement: AchievementExport.Counts
        let audit = audited.audit, corrected = audited.correctedObservations
        let toFinish = ParallelSlots<Analysis.Audited>(count: 1)
        toFinish[0] = consume audited
        let finished = ParallelSlots<Analysis>(count: 1)
        let auditCSV = ParallelSlots<CSVWriter>(count: 1)
        let dialect = options.dialect, includeSuspect = options.includeSuspect
        do {
            achievement = try AchievementExport.write(dataset, corrected: corrected, dialect: options.dialect,
                                                      to: folder.appendingPathComponent("achievement.csv"), in: &batch, threads: threads,
                                                      leadIn: {
                                                          finished[0] = Analysis(toFinish.take(0)!, includeSuspect: includeSuspect, threads: 1)
                                                          auditCSV[0] = AuditExport.csv(audit, dataset: dataset, dialect: dialect)
                                                      })
            written.append(("achievement.csv", AchievementExport.header, achievement.rows))
        } catch {
            console.err("error: \(error.description); nothing written")
            return 1
        }
        let analysis = finished.take(0)!
        let alignment = analysis.alignment
        progress.stage("achievement.csv; suspects and costs beside it", rows: achievement.rows)
        console.out("Achievement: \(achievement.rows) observations with a target and a realisation, \(achievement.withCapaian) with a capaian "
            + "(\(achievement.rows - achievement.withCapaian) without, reason in the note) → \(options.output)/achievement.csv")

        guard stage(auditCSV[0]!, "audit.csv") else { return 1 }
        console.out("Audit: \(audit.runs.count) checks, \(audit.count(.error)) errors, \(audit.count(.rounding)) rounding → \(options.output)/audit.csv (details: tolok audit)")

        progress.stage("audit.csv", rows: audit.findings.count)
        let geography = DistrictGeography(alignment, areas: areas)
        // The default composite, the small tables (composite.csv, budget.csv, costs.csv) and the
        // reports people read (report.html, summary.md, tolok.ipynb), computed, rendered and staged
        // in a batch of their own on a thread of their own while the large CSV files are written;
        // also the districts comparison.csv covers, for the summary line.
        let reports = ParallelSlots<Rendered>(count: 1)
        let rendering = DispatchGroup()
        let english = options.english
        let render: @Sendable () -> Void = {
            let composite = Composite.defaultSpec(alignment, areas: areas, includeSuspect: analysis.includeSuspect)
                .map { (spec: $0, entries: Composite.compute(alignment, districts: areas.districts, spec: $0)) }
            let data = ReportData(analysis, english: english, composite: composite)
            let tables: [(name: String, csv: CSVWriter)] = [
                ("composite.csv", (composite.map { AnalysisExports.composite($0.entries, spec: $0.spec) }
                    ?? AnalysisExports.composite([], spec: CompositeSpec(indicators: [], weights: [], year: 0))).csv(dialect)),
                ("budget.csv", AnalysisExports.budget(analysis.budgets, areas: areas).csv(dialect)),
                ("costs.csv", AnalysisExports.costs(analysis.costs, areas: areas).csv(dialect)),
            ]
            var staged = AtomicFile.Batch()
            let result: Result<AtomicFile.Batch, AtomicFile.Failure>
            do throws(AtomicFile.Failure) {
                for (name, csv) in tables { try staged.stage([csv.bytes], at: folder.appendingPathComponent(name)) }
                for (name, text) in ReportFiles.render(data, dialect: dialect) {
                    try staged.stage([Array(text.utf8)], at: folder.appendingPathComponent(name))
                }
                result = .success(staged)
            } catch {
                result = .failure(error)
            }
            reports[0] = Rendered(data: data, staged: result, tables: tables.map { ($0.name, $0.csv.header, $0.csv.rows) },
                                  comparedDistricts: Self.comparedDistricts(alignment, districts: geography.districts))
        }
        if threads > 1 { DispatchQueue.global().async(group: rendering, execute: render) } else { render() }
        /// Waits for the reports and removes what they staged (the run failed).
        func abandonReports() {
            rendering.wait()
            if case .success(var staged)? = reports.take(0)?.staged { staged.discard() }
        }
        // The ranks, then the large files, written from the grids and the rank table in blocks on both cores.
        let ranks = RankTable.compute(alignment, geography: geography, indicators: analysis.rankedIndicators.compactMap { alignment.catalogue.index[$0.id] },
                                      includeSuspect: options.includeSuspect)
        progress.stage("rank", rows: ranks.memberArea.count)
        let file = { (name: String) in folder.appendingPathComponent(name) }
        let cells = FactCells(alignment, dialect: options.dialect, threads: threads)
        // The rows of each large file, by name, once written.
        var largeFileRows: [String: Int] = [:]
        do {
            // Side by side, the largest first (each thread takes a file of its own in turn).
            let ranked = RankingsExport.jobs(ranks, alignment: alignment, areas: areas, geography: geography, english: options.english,
                                             dialect: options.dialect, cells: cells, rankings: file("rankings.csv"), statistics: file("statistics.csv"))
            let jobs = [
                ranked.rankings, ranked.statistics,
                ComparisonExport.job(alignment, areas: areas, geography: geography, ranks: CellRanks(ranks, alignment: alignment),
                                     english: options.english, dialect: options.dialect, cells: cells, to: file("comparison.csv")),
                TrendsExport.job(alignment, areas: areas, geography: geography, includeSuspect: options.includeSuspect,
                                 dialect: options.dialect, cells: cells, to: file("trends.csv")),
                TargetsExport.job(alignment, areas: areas, geography: geography, english: options.english, dialect: options.dialect, cells: cells,
                                  to: file("targets.csv")),
                GapsExport.job(alignment, areas: areas, geography: geography, english: options.english,
                               includeSuspect: options.includeSuspect, dialect: options.dialect, to: file("gaps.csv")),
            ]
            let rows = try BlockWriter.write(jobs, in: &batch, threads: threads)
            largeFileRows = Dictionary(uniqueKeysWithValues: zip(jobs.map(\.url.lastPathComponent), rows))
        } catch {
            console.err("error: \(error.description); nothing written")
            abandonReports()
            return 1
        }
        written += [("comparison.csv", AnalysisExports.comparisonHeader), ("gaps.csv", AnalysisExports.gapsHeader),
                    ("rankings.csv", AnalysisExports.rankingsHeader), ("statistics.csv", AnalysisExports.statisticsHeader),
                    ("trends.csv", AnalysisExports.trendsHeader), ("targets.csv", AnalysisExports.targetsHeader)]
            .map { name, header in (name, header, largeFileRows[name]!) }
        progress.stage("comparison, gaps, rankings, statistics, trends, targets", rows: alignment.facts.count)
        rendering.wait()
        let rendered = reports.take(0)!
        switch rendered.staged {
        case .success(let staged): batch.append(staged)
        case .failure(let error):
            console.err("error: \(error.description); nothing written")
            batch.discard()
            return 1
        }
        written += rendered.tables
        let reportData = rendered.data
        let comparisonRows = largeFileRows["comparison.csv"] ?? 0
        console.out("Comparison: \(comparisonRows) district × year × indicator values of \(rendered.comparedDistricts) districts against province and nation → comparison.csv; "
            + "gap trends → gaps.csv")
        var rankedRows = 0, unrankedRows = 0
        var isRanked = [Bool](repeating: false, count: areas.all.count)
        for g in ranks.groups {
            if g.isRanked {
                rankedRows += g.count
                for m in Int(g.membersStart)..<Int(g.membersStart + g.membersCount) { isRanked[Int(ranks.memberArea[m])] = true }
                unrankedRows += Int(g.othersCount)
            } else {
                unrankedRows += g.count + Int(g.othersCount)
            }
        }
        console.out("Rankings: \(rankedRows) ranked rows (\(isRanked.count { $0 }) districts), "
            + "\(unrankedRows) unranked with the reason → rankings.csv; "
            + "also composite.csv, statistics.csv, trends.csv, budget.csv, costs.csv in \(options.output)/")
        // The Frictionless descriptor of the files: codes as text, numbers as numbers, the dialect.
        guard options.stage(OutputPackage.descriptor(written.map { ($0.name, $0.header) }, dialect: options.dialect), "datapackage.json", to: folder, in: &batch, console: console),
              options.commit(&batch, console: console) else { return 1 }
        progress.stage("composite, budget, costs, reports (made beside the large files); all renamed into place")
        let shown = reportData.districts.count, omitted = reportData.omittedDistricts
        console.out("Reports: report.html (charts; open in a browser), summary.md (briefing), tolok.ipynb (pandas and matplotlib) for "
            + (omitted > 0 ? "the first \(shown) of the \(shown + omitted) districts with reports by code (the CSV files have every one): " : "")
            + reportData.districts.map(\.area.name).joined(separator: ", ") + " → \(options.output)/")
        let unmapped = analysis.alignment.unmapped.count
        if let notice = SpreadsheetLimit.notice(written.map { ($0.name, $0.rows) }) {
            console.out(notice)
        }
        console.out("Mapping: \(unmapped) printed label\(unmapped == 1 ? "" : "s") map to no canonical indicator (tolok indicators --unmapped lists them)")
        let headline = HeadlineTable.tabular(reportData)
        let text = machine ? headline.render(format!) : "\n" + CompactViews.headline(headline, Wording(english: options.english, names: reportData.indicatorNames)).render(width: console.width)
        printTable(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
        return 0
    }

    /// What the reports' thread makes while the large files are written: the reports' data, the
    /// small tables and the reports staged in a batch of their own (or why that failed), the
    /// tables' names and headers for the descriptor and their rows, and the districts comparison.csv covers.
    private struct Rendered: Sendable {
        var data: ReportData
        var staged: Result<AtomicFile.Batch, AtomicFile.Failure>
        var tables: [(name: String, header: [String], rows: Int)]
        var comparedDistricts: Int
    }

    /// The districts with at least one row in comparison.csv (a value of an indicator in a year).
    private static func comparedDistricts(_ alignment: Alignment, districts: [Int32]) -> Int {
        let grid = alignment.grid
        return districts.count { d in
            alignment.catalogue.all.indices.contains { ind in grid.years.contains { grid.fact(indicator: ind, year: $0, area: Int(d)) != nil } }
        }
    }
}
