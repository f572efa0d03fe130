import Foundation
import Tolok

/// `tolok pipeline`: the benchmark pipeline (benchmarks/SPEC.md).
enum PipelineCommand {
    static let help = """
    USAGE: tolok pipeline [--data DIR] [--out DIR] [--quiet] [--format F]

    The benchmark pipeline of benchmarks/SPEC.md, the one benchmarks/run.sh times against pandas,
    polars and DuckDB: loads the tables it needs (areas, sources, indicators, mappings, observations,
    references), aligns the observations through the mapping table, and writes
      comparison.csv   each district, indicator and year: value, province and national values,
                       the gaps, the capaian
      rankings.csv     competition ranks per indicator and year in the nation and each province
                       (where at least \\(Rankings.minimumGroupSize) districts have a value)
    with numbers to fifteen significant digits. No audit: every value counts (tolok report audits).

    OPTIONS:
      --data DIR    the datasets folder (default: datasets)
      --out DIR     the output folder (default: notebooks-out/pipeline)
      --quiet       no progress on standard error
      --format F    table (default: one line), or csv, md, json: the files written and their rows

    EXAMPLE:
      tolok synth --out /tmp/synth && tolok pipeline --data /tmp/synth --out /tmp/pipeline
    """

    static let kinds: Set<String> = [AreaField.tableKind, ProvinceHistoryField.tableKind, VintageField.tableKind, RevisionField.tableKind,
                                     SourceField.tableKind, IndicatorField.tableKind, MappingField.tableKind, ObservationField.tableKind,
                                     ReferenceField.tableKind, CorrectionField.tableKind]

    /// The fields read of the large tables (the small ones are read whole).
    static let fields: [String: Set<String>] = [
        ObservationField.tableKind: names([.districtCode, .year, .period, .revision, .indicatorLabel, .target, .targetYear, .realisation,
                                           .sourceID] as [ObservationField]),
        ReferenceField.tableKind: names([.areaCode, .indicator, .year, .month, .value, .printedDecimals, .derived, .vintage, .sourceID,
                                         .excluded] as [ReferenceField]),
    ]

    private static func names<Field: TableField>(_ fields: [Field]) -> Set<String> { Set(fields.map(\.rawValue)) }

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let data = try arguments.value("--data") ?? "datasets"
        let output = try arguments.value("--out") ?? "notebooks-out/pipeline"
        let quiet = arguments.flag("--quiet")
        let format = try PrintOptions.format(arguments.value("--format"))
        try arguments.finish(command: "pipeline")
        let progress = Progress(console: console, quiet: quiet)
        // The records are let go once the pipeline holds what it needs of the alignment (by the
        // thread that then ranks, while the other formats comparison.csv).
        guard let (pipeline, records) = prepare(data, progress: progress, console: console) else { return 1 }
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        let rankCount: Int, comparisons: Int
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let (ranks, staged, rows) = try rankWhileWritingComparison(pipeline, to: folder, parallel: TolokCommandLine.parallel,
                                                                       first: { records[0] = nil })
            var batch = staged
            comparisons = rows
            rankCount = ranks.rankedMemberCount
            progress.stage("rank, comparison.csv", rows: rankCount)
            try PipelineExport.stageRankings(pipeline, ranks: ranks, to: folder, in: &batch, threads: TolokCommandLine.parallel ? 2 : 1)
            try batch.commit()
        } catch {
            console.err("error: cannot write to \(output): \(error)")
            return 1
        }
        progress.stage("rankings.csv", rows: rankCount)
        if let format, format != .table {
            let table = Tabular(header: ["file", "rows"], rows: [[.text("comparison.csv"), .integer(comparisons)],
                                                                 [.text("rankings.csv"), .integer(rankCount)]])
            let text = table.render(format)
            console.out(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
        } else if !quiet {
            console.out("Pipeline: \(NumberText.grouped(comparisons)) comparison rows, \(NumberText.grouped(rankCount)) ranks → \(output)/comparison.csv, rankings.csv ("
                + String(format: "%.2f s", progress.elapsed) + ")")
        }
        return 0
    }

    /// Loads the tables the pipeline reads and aligns them; `nil` (the errors shown) when the
    /// data has errors. Only the pipeline's values outlive this call, and the alignment with the
    /// records in a slot of their own, the one reference to them (emptied to free them).
    private static func prepare(_ data: String, progress: Progress, console: Console) -> (Pipeline, ParallelSlots<Alignment>)? {
        // Only the fields the pipeline reads, as a data-frame reader reads only the columns it
        // uses; the records' ids only when there are corrections to apply by id, and then only
        // looked up among the ids the corrections name (a million ids are not interned).
        let package = DatasetLoader.Package(directory: data, parallel: TolokCommandLine.parallel)
        let corrections = DatasetLoader.load(package, kinds: [CorrectionField.tableKind]).dataset?.count(CorrectionField.self) ?? 0
        var fields = Self.fields
        let id = ObservationField.id.rawValue
        if corrections > 0 { fields[ObservationField.tableKind]!.insert(id) }
        let lookedUp = corrections > 0 ? [ObservationField.tableKind: Set([id])] : [:]
        let result = DatasetLoader.load(package, kinds: kinds, fields: fields, lookedUp: lookedUp,
                                        parallel: TolokCommandLine.parallel)
        for d in result.diagnostics where d.severity == .error { console.err(d.description) }
        guard let dataset = result.dataset, !result.hasErrors else {
            console.err("tolok pipeline: \(result.diagnostics.errorCount) error(s) in \(data); nothing written.")
            return nil
        }
        let rows = dataset.count(ObservationField.self) + dataset.count(ReferenceField.self)
        progress.stage("load", rows: rows)
        let records = ParallelSlots<Alignment>(count: 1)
        records[0] = Alignment(dataset, threads: TolokCommandLine.parallel ? 2 : 1)
        progress.stage("align", rows: rows)
        return (Pipeline(records[0]!, areas: dataset.areas), records)
    }

    /// The ranks, computed on one core while `comparison.csv` is formatted and written on the
    /// other, which the first joins once the ranks are done (the file does not need them); the
    /// file staged in the batch returned, with its rows. `first` runs on the ranking thread
    /// before it ranks. `parallel: false`: one after the other on the calling thread (the same
    /// bytes).
    private static func rankWhileWritingComparison(_ pipeline: Pipeline, to folder: URL, parallel: Bool, first: @escaping @Sendable () -> Void)
        throws(AtomicFile.Failure) -> (ranks: RankTable, staged: AtomicFile.Batch, comparisonRows: Int) {
        var batch = AtomicFile.Batch()
        let ranks = ParallelSlots<RankTable>(count: 1)
        let rows = try PipelineExport.stageComparison(pipeline, to: folder, in: &batch, threads: parallel ? 2 : 1,
                                                      leadIn: { first(); ranks[0] = pipeline.rank(threads: 1) })
        return (ranks[0]!, batch, rows)
    }
}
