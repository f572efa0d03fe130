import Foundation
import Tolok

/// Options of the commands that print a table: `--data`, `--format`, `--lang`.
struct PrintOptions {
    var data: String
    var format: Tabular.Format?
    var english: Bool
    var includeSuspect: Bool
    /// No progress on standard error.
    var quiet: Bool

    init(_ arguments: inout Arguments) throws(UsageError) {
        data = try arguments.value("--data") ?? "datasets"
        includeSuspect = arguments.flag("--include-suspect")
        quiet = arguments.flag("--quiet")
        format = try Self.format(arguments.value("--format"))
        let lang = try arguments.value("--lang") ?? "id"
        guard lang == "id" || lang == "en" else { throw UsageError(message: "--lang must be id or en") }
        english = lang == "en"
    }

    /// The `--format` asked for, if any.
    static func format(_ name: String?) throws(UsageError) -> Tabular.Format? {
        guard let name else { return nil }
        guard let format = Tabular.Format(rawValue: name) else {
            throw UsageError(message: "--format must be one of: \(Tabular.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    /// Prints `table` in the chosen format (a terminal table on a terminal, CSV otherwise). A
    /// terminal table is the `compact` view of it, fitted to the console's width (csv, md and
    /// json keep every column).
    /// `catalogue` names the indicators that notes name by id.
    func print(_ table: Tabular, console: Console, catalogue: IndicatorCatalogue,
               compact: (Tabular, Wording) -> CompactView = CompactViews.generic) {
        let chosen = format ?? (console.isTerminal ? .table : .csv)
        let wording = Wording(english: english, names: catalogue.names(english: english))
        let text = chosen == .table ? compact(table, wording).render(width: console.width) : table.render(chosen)
        console.out(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
    }

    /// Prints a table too large to hold whole a part at a time, in a machine format (csv, md,
    /// json): `parts` hands each part's rows to the function it is given, in order. `false`, and
    /// nothing printed, for a terminal table, which needs every row to size its columns.
    func printInParts(header: [String], console: Console, _ parts: (_ add: ([[CSVCell]]) -> Void) -> Void) -> Bool {
        let chosen = format ?? (console.isTerminal ? .table : .csv)
        guard chosen != .table else { return false }
        var renderer = Tabular.Parts(header: header, format: chosen)
        // Each text ends a line (or is empty); the console ends each line it is given.
        func emit(_ text: String) {
            if !text.isEmpty { console.out(String(decoding: text.utf8.dropLast(), as: UTF8.self)) }
        }
        parts { rows in emit(renderer.text(of: rows)) }
        emit(renderer.end())
        return true
    }

    static let help = """
      --data DIR          the datasets folder (default: datasets)
      --format F          table (default on a terminal), csv (default otherwise), md or json
      --lang id|en        names, headers and notes of the terminal table in Indonesian (default) or
                          English (csv, md and json keep the notes as the exports write them)
      --include-suspect   keep values the audit suspects in ranks, statistics and the composite
                          (by default they are listed with the reason, not ranked)
      --quiet             no progress on standard error (shown for runs over two seconds)
    """
}

func parseYear(_ text: String?) throws(UsageError) -> Int? {
    guard let text else { return nil }
    guard let year = Int(text), (1900...2100).contains(year) else { throw UsageError(message: "--year needs a year such as 2023, not '\(text)'") }
    return year
}

/// `tolok compare`.
enum CompareCommand {
    static let help = """
    USAGE: tolok compare [--district CODE|SLUG] [--year Y | --latest] [--format F] [--lang id|en]

    Each district's value of each canonical indicator against its province and the nation: the
    gap (percentage points for rates), the relative gap, better/worse by polarity, and its rank
    among its province's districts and the nation's (where at least \(Rankings.minimumGroupSize) have a value),
    with the source of each side. Where sources disagree the documented priority decides (BPS, press, LKIP,
    Renstra, PK; then the newer source) and the other values are listed as alternatives.

    Years: by default every year a district has a value, each compared with its own province and
    the nation in that same year (reports cover different years: Kota Bekasi 2020, Jember 2023,
    Kabupaten Bekasi 2024). --year Y keeps one year; --latest keeps each district's latest year
    per indicator (the year is in the output).

    OPTIONS:
      --district D        a BPS code (3509) or slug (kab-jember); without it every district (at
                          national scale a million rows, as in comparison.csv of tolok report)
      --year Y            that year only
      --latest            each district's latest year
    \(PrintOptions.help)

    EXAMPLE:
      tolok compare --district kab-bekasi --year 2024
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try PrintOptions(&arguments)
        let district = try arguments.value("--district")
        let year = try parseYear(arguments.value("--year"))
        let latest = arguments.flag("--latest")
        try arguments.finish(command: "compare")
        if year != nil && latest { throw UsageError(message: "--year and --latest exclude each other") }
        let progress = Progress(console: console, quiet: options.quiet)
        guard let analysis = TolokCommandLine.analysis(options.data, command: "compare", console: console, includeSuspect: options.includeSuspect,
                                                       progress: progress) else { return 1 }
        var districts: [Area]?
        if let district {
            guard let area = analysis.areas.find(district), area.level == .district else {
                console.err("error: no district '\(district)' in areas.csv (use a BPS code such as 3509 or a slug such as kab-jember)")
                return 2
            }
            districts = [area]
        }
        let policy: YearPolicy = year.map { .year($0) } ?? (latest ? .latest : .all)
        let ranks = analysis.cellRanks()
        let english = options.english
        @Sendable func rows(_ districts: [Area]?) -> Tabular {
            AnalysisExports.comparison(Comparisons.compute(analysis.alignment, areas: analysis.areas, districts: districts, policy: policy,
                                                           ranks: ranks), policy: policy, english: english)
        }
        // Every district's rows (a million at national scale) in a machine format: parts of 32
        // districts (neighbours by code, sharing their province's values), two made at once on two
        // cores, printed in the order of the whole table, so that memory does not grow with the rows.
        if districts == nil, options.printInParts(header: AnalysisExports.comparisonHeader, console: console, { add in
            let all = analysis.areas.districts.sorted { $0.code < $1.code }
            let perPart = 32, threads = TolokCommandLine.parallel ? 2 : 1
            for start in stride(from: 0, to: all.count, by: perPart * threads) {
                let ranges = (0..<threads).map { k in min(start + k * perPart, all.count)..<min(start + (k + 1) * perPart, all.count) }
                    .filter { !$0.isEmpty }
                let parts = ParallelSlots<Tabular>(count: ranges.count)
                ParallelTasks.run(threads: threads, ranges.enumerated().map { k, range in { parts[k] = rows(Array(all[range])) } })
                for (k, range) in ranges.enumerated() {
                    let part = parts.take(k)!.rows
                    add(part)
                    progress.stage("compare: districts \(range.lowerBound + 1)–\(range.upperBound) of \(all.count)", rows: part.count)
                }
            }
        }) {
            return 0
        }
        let table = rows(districts)
        progress.stage("compare", rows: table.rows.count)
        options.print(table, console: console, catalogue: analysis.alignment.catalogue, compact: CompactViews.comparison)
        return 0
    }
}

/// `tolok rank`.
enum RankCommand {
    static let help = """
    USAGE: tolok rank --indicator ID [--year Y] [--province CODE | --peers nation|province|kind]
                      [--top N] [--around DISTRICT [--neighbours K]] [--format F]

    Ranks districts on one canonical indicator, polarity-aware (for the unemployment rate lower is
    better), with competition ranking for ties (1, 2, 2, 4), in each year with a value. A ranking
    is published only where at least \(Rankings.minimumGroupSize) districts have a value; a smaller group is
    listed unranked with the reason. Districts without a value follow the ranked ones with the
    reason. n_ranked counts the districts with a value in the scope; percentile is polarity-aware
    (100 = best); the province columns give the district's province that year (quartiles, best
    value, distance to the best).

    Scopes (the scope column): nation (every district), province:32 (the districts of province 32
    in that year: the districts of the Papua provinces created in 2022 rank in Papua or Papua Barat
    until 2023), kind:kabupaten and kind:kota.

    OPTIONS:
      --indicator ID      a canonical indicator (tolok indicators lists them)
      --year Y            that year only (default: every year with a value)
      --province CODE     rank within one province (e.g. 32): all its districts
      --peers G           nation (default), province (every province) or kind (kabupaten, kota)
      --top N             only the N best of each ranking
      --around D          only district D (code or slug) and its neighbours in each ranking
      --neighbours K      how many neighbours either side with --around (default 3)
    \(PrintOptions.help)

    EXAMPLES:
      tolok rank --indicator tpt --year 2023 --province 32
      tolok rank --indicator tpak --year 2024 --around kab-bekasi
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try PrintOptions(&arguments)
        guard let id = try arguments.value("--indicator") else { throw UsageError(message: "--indicator is required") }
        let year = try parseYear(arguments.value("--year"))
        let province = try arguments.value("--province")
        let peersName = try arguments.value("--peers")
        let top = try count(arguments.value("--top"), option: "--top")
        let around = try arguments.value("--around")
        let neighbours = try count(arguments.value("--neighbours"), option: "--neighbours") ?? 3
        try arguments.finish(command: "rank")
        var grouping = RankingScope.Grouping.nation
        if let peersName {
            guard let g = RankingScope.Grouping(rawValue: peersName) else { throw UsageError(message: "--peers must be nation, province or kind") }
            guard province == nil else { throw UsageError(message: "--province ranks within one province; --peers does not go with it") }
            grouping = g
        }
        let progress = Progress(console: console, quiet: options.quiet)
        guard let analysis = TolokCommandLine.analysis(options.data, command: "rank", console: console, includeSuspect: options.includeSuspect,
                                                       progress: progress) else { return 1 }
        guard let indicator = analysis.alignment.catalogue.byID[id] else {
            console.err("error: unknown indicator '\(id)'; known: \(analysis.alignment.catalogue.all.map(\.id).joined(separator: ", "))")
            return 2
        }
        if let province, analysis.areas.byCode[province]?.level != .province {
            console.err("error: '\(province)' is not a province code in areas.csv")
            return 2
        }
        var focus: Area?
        if let around {
            guard let area = analysis.areas.find(around), area.level == .district else {
                console.err("error: no district '\(around)' in areas.csv (use a BPS code such as 3216 or a slug such as kab-bekasi)")
                return 2
            }
            focus = area
        }
        var entries = Rankings.compute(analysis.alignment, areas: analysis.areas, indicator: indicator, year: year,
                                       province: province, groupings: [province == nil ? grouping : .province],
                                       includeSuspect: options.includeSuspect)
        if top != nil || focus != nil {
            entries = select(entries, top: top, around: focus, neighbours: neighbours)
        }
        progress.stage("rank", rows: entries.count)
        options.print(AnalysisExports.rankings(entries, english: options.english), console: console,
                      catalogue: analysis.alignment.catalogue, compact: CompactViews.rankings)
        return 0
    }

    /// The entries of each ranking (year × scope) among the `top` best and within `neighbours`
    /// places of district `around`.
    static func select(_ entries: [RankingEntry], top: Int?, around: Area?, neighbours: Int) -> [RankingEntry] {
        var groups: [[RankingEntry]] = []
        for e in entries {
            if let last = groups.last?.last, last.year == e.year, last.scope == e.scope { groups[groups.count - 1].append(e) } else { groups.append([e]) }
        }
        return groups.flatMap { group -> [RankingEntry] in
            let position = around.flatMap { a in group.firstIndex { $0.district.code == a.code } }
            if around != nil && position == nil && top == nil { return [] }
            return group.enumerated().filter { i, _ in
                (top.map { i < $0 } ?? false) || (position.map { abs(i - $0) <= neighbours } ?? false)
            }.map(\.element)
        }
    }

    static func count(_ text: String?, option: String) throws(UsageError) -> Int? {
        guard let text else { return nil }
        guard let n = Int(text), n >= 0 else { throw UsageError(message: "\(option) needs a whole number, not '\(text)'") }
        return n
    }
}

/// `tolok indicators`.
enum IndicatorsCommand {
    static let help = """
    USAGE: tolok indicators [--unmapped] [--format F] [--lang id|en]

    Lists the canonical indicators (datasets/indicators.csv) with how many districts and values the
    mapping tables give each. With --unmapped, lists instead every printed label that no row of
    datasets/indicator_mappings.csv covers (per district, with its first location): nothing is
    dropped silently; add mapping rows for the ones that mean a canonical indicator.
    \(PrintOptions.help)

    EXAMPLE:
      tolok indicators --unmapped --format md
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try PrintOptions(&arguments)
        let unmapped = arguments.flag("--unmapped")
        try arguments.finish(command: "indicators")
        let progress = Progress(console: console, quiet: options.quiet)
        guard let analysis = TolokCommandLine.analysis(options.data, command: "indicators", console: console, progress: progress) else { return 1 }
        options.print(unmapped ? AnalysisExports.unmapped(analysis.alignment.unmapped)
                               : AnalysisExports.indicators(analysis.alignment, english: options.english), console: console,
                      catalogue: analysis.alignment.catalogue)
        return 0
    }
}

/// `tolok composite`.
enum CompositeCommand {
    static let help = """
    USAGE: tolok composite [--indicators A,B,C] [--weights A=w,B=w | --weights FILE.csv] [--year Y]
                           [--min-coverage C] [--normalisation min-max|z-score|rank] [--draws N] [--seed S]
                           [--format F]

    A composite index over canonical indicators, all of ONE year: each indicator is normalised over
    the districts scored (min-max by default, polarity-aware: 1 best, 0 worst), then averaged with
    the weights (equal by default) over the indicators a district has. A district is scored only
    when it has values for at least the --min-coverage share of the weight (coverage is shown), and
    ranked only when at least \(Rankings.minimumGroupSize) districts are scored; the others are listed with the reason.
    Suspect values are left out unless --include-suspect.

    Robustness: the ranks are recomputed under N random weight vectors (uniform on the simplex,
    seeded so runs repeat: median rank and 5–95 % interval), under the other normalisations and
    with each indicator dropped in turn (rank_min_variants, rank_max_variants). A rank is 'stable'
    when all of these lie within ±10 % of the districts ranked (at least ±1) of it.

    OPTIONS:
      --indicators LIST   comma-separated canonical indicator ids (default: the two ranked indicators
                          most districts have, in the latest year in which \(Rankings.minimumGroupSize) districts have both,
                          then the next ones while \(Int(Composite.defaultKeptShare * 100)) % of those districts have every
                          one; on the shipped data TPT and TPAK)
      --weights W         id=weight pairs, or a CSV file with columns indicator_id,weight
      --year Y            the year (default: the default indicators' year; with --indicators, the
                          latest year in which \(Rankings.minimumGroupSize) districts have every one)
      --min-coverage C    share of the weight a district needs values for, 0–1 (default 1)
      --normalisation N   min-max (default), z-score or rank
      --draws N           random weight draws (default 1000)
      --seed S            random seed (default 1)
    \(PrintOptions.help)

    EXAMPLE:
      tolok composite --indicators tpt,tpak --year 2023 --draws 2000 --seed 7
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try PrintOptions(&arguments)
        let list = try arguments.value("--indicators")
        let weightsText = try arguments.value("--weights")
        let year = try parseYear(arguments.value("--year"))
        let coverageText = try arguments.value("--min-coverage") ?? "1"
        let normalisationText = try arguments.value("--normalisation") ?? Normalisation.minMax.rawValue
        let drawsText = try arguments.value("--draws") ?? "1000"
        let seedText = try arguments.value("--seed") ?? "1"
        try arguments.finish(command: "composite")
        guard let draws = Int(drawsText), draws >= 0, draws <= 1_000_000 else { throw UsageError(message: "--draws needs a count from 0 to 1000000") }
        guard let seed = UInt64(seedText) else { throw UsageError(message: "--seed needs a non-negative integer") }
        guard let coverage = Double(coverageText), (0...1).contains(coverage) else { throw UsageError(message: "--min-coverage needs a share from 0 to 1") }
        guard let normalisation = Normalisation(rawValue: normalisationText) else {
            throw UsageError(message: "--normalisation must be one of: \(Normalisation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let progress = Progress(console: console, quiet: options.quiet)
        guard let analysis = TolokCommandLine.analysis(options.data, command: "composite", console: console, includeSuspect: options.includeSuspect,
                                                       progress: progress) else { return 1 }
        let catalogue = analysis.alignment.catalogue
        var indicators: [Indicator]
        var defaultYear: Int?
        if let list {
            indicators = []
            for id in list.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                guard let ind = catalogue.byID[id] else { throw UsageError(message: "unknown indicator '\(id)' in --indicators") }
                indicators.append(ind)
            }
        } else {
            guard let spec = Composite.defaultSpec(analysis.alignment, areas: analysis.areas, includeSuspect: options.includeSuspect) else {
                console.err("error: no year in which \(Rankings.minimumGroupSize) districts have values of two ranked indicators; name them with --indicators and --year")
                return 1
            }
            indicators = spec.indicators
            defaultYear = spec.year
        }
        let weights = try Self.weights(weightsText, ids: indicators.map(\.id))
        guard let chosenYear = year ?? defaultYear ?? Composite.latestYear(analysis.alignment, areas: analysis.areas, indicators: indicators,
                                                          includeSuspect: options.includeSuspect) else {
            console.err("error: no year in which \(Rankings.minimumGroupSize) districts have every one of \(indicators.map(\.id).joined(separator: ", ")); choose --year")
            return 1
        }
        var spec = CompositeSpec(indicators: indicators, weights: weights, year: chosenYear)
        spec.minimumCoverage = coverage
        spec.normalisation = normalisation
        spec.draws = draws
        spec.seed = seed
        spec.includeSuspect = options.includeSuspect
        let entries = Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec)
        progress.stage("composite", rows: entries.count)
        options.print(AnalysisExports.composite(entries, spec: spec), console: console,
                      catalogue: analysis.alignment.catalogue, compact: CompactViews.composite)
        return 0
    }

    /// Weights from `id=w,id=w` or a CSV file `indicator_id,weight`; equal when absent.
    static func weights(_ text: String?, ids: [String]) throws(UsageError) -> [Double] {
        guard let text else { return ids.map { _ in 1 } }
        var pairs: [String: Double] = [:]
        var entries: [Substring] = []
        if text.hasSuffix(".csv") {
            guard let content = try? String(contentsOfFile: text, encoding: .utf8) else { throw UsageError(message: "cannot read the weights file \(text)") }
            entries = content.split(whereSeparator: \.isNewline).dropFirst().map { $0.replacingOccurrences(of: ",", with: "=")[...] }
        } else {
            entries = text.split(separator: ",")
        }
        for entry in entries {
            let parts = entry.split(separator: "=")
            guard parts.count == 2, let w = Double(parts[1].trimmingCharacters(in: .whitespaces)), w >= 0 else {
                throw UsageError(message: "bad weight '\(entry)': write indicator=weight")
            }
            pairs[parts[0].trimmingCharacters(in: .whitespaces)] = w
        }
        for key in pairs.keys where !ids.contains(key) { throw UsageError(message: "weight for '\(key)', which is not in --indicators") }
        let weights = ids.map { pairs[$0] ?? 0 }
        guard weights.reduce(0, +) > 0 else { throw UsageError(message: "the weights add up to 0") }
        return weights
    }
}
