import Foundation
import Tolok

/// Options of the commands that print a table: `--data`, `--format`, `--lang`.
struct PrintOptions {
    var data: String
    var format: Tabular.Format?
    var english: Bool

    init(_ arguments: inout Arguments) throws(UsageError) {
        data = try arguments.value("--data") ?? "datasets"
        if let name = try arguments.value("--format") {
            guard let format = Tabular.Format(rawValue: name) else {
                throw UsageError(message: "--format must be one of: \(Tabular.Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.format = format
        }
        let lang = try arguments.value("--lang") ?? "id"
        guard lang == "id" || lang == "en" else { throw UsageError(message: "--lang must be id or en") }
        english = lang == "en"
    }

    /// Prints `table` in the chosen format (a terminal table on a terminal, CSV otherwise).
    func print(_ table: Tabular, console: Console) {
        let text = table.render(format ?? (console.isTerminal ? .table : .csv))
        console.out(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
    }

    static let help = """
      --data DIR          the datasets folder (default: datasets)
      --format F          table (default on a terminal), csv (default otherwise), md or json
      --lang id|en        indicator names in Indonesian (default) or English
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
    gap (percentage points for rates), the relative gap, and better/worse by polarity, with the
    source of each side. Where sources disagree the documented priority decides (BPS, press, LKIP,
    Renstra, PK; then the newer source) and the other values are listed as alternatives.

    Years: by default every year a district has a value, each compared with its own province and
    the nation in that same year (reports cover different years: Kota Bekasi 2020, Jember 2023,
    Kabupaten Bekasi 2024). --year Y keeps one year; --latest keeps each district's latest year
    per indicator (the year is in the output).

    OPTIONS:
      --district D        a BPS code (3509) or slug (kab-jember)
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
        guard let analysis = TolokCommandLine.analysis(options.data, command: "compare", console: console) else { return 1 }
        var districts: [Area]?
        if let district {
            guard let area = analysis.areas.find(district), area.level == .district else {
                console.err("error: no district '\(district)' in areas.csv (use a BPS code such as 3509 or a slug such as kab-jember)")
                return 2
            }
            districts = [area]
        }
        let policy: YearPolicy = year.map { .year($0) } ?? (latest ? .latest : .all)
        let rows = Comparisons.compute(analysis.alignment, areas: analysis.areas, districts: districts, policy: policy)
        options.print(AnalysisExports.comparison(rows, policy: policy, english: options.english), console: console)
        return 0
    }
}

/// `tolok rank`.
enum RankCommand {
    static let help = """
    USAGE: tolok rank --indicator ID [--year Y] [--province CODE] [--peers none|kind|province] [--format F]

    Ranks districts on one canonical indicator, polarity-aware (for the unemployment rate lower is
    better), with competition ranking for ties (1, 2, 2, 4). Districts without a value are listed
    after the ranked ones with the reason. n_ranked is the count ranked in the scope.

    OPTIONS:
      --indicator ID      a canonical indicator (tolok indicators lists them)
      --year Y            that year only (default: every year with a value)
      --province CODE     rank within one province (e.g. 32)
      --peers G           kind: kabupaten with kabupaten, kota with kota; province: within each province
    \(PrintOptions.help)

    EXAMPLE:
      tolok rank --indicator tpt --year 2023
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try PrintOptions(&arguments)
        guard let id = try arguments.value("--indicator") else { throw UsageError(message: "--indicator is required") }
        let year = try parseYear(arguments.value("--year"))
        let province = try arguments.value("--province")
        let peersName = try arguments.value("--peers") ?? "none"
        guard let peers = PeerGrouping(rawValue: peersName) else { throw UsageError(message: "--peers must be none, kind or province") }
        try arguments.finish(command: "rank")
        guard let analysis = TolokCommandLine.analysis(options.data, command: "rank", console: console) else { return 1 }
        guard let indicator = analysis.alignment.catalogue.byID[id] else {
            console.err("error: unknown indicator '\(id)'; known: \(analysis.alignment.catalogue.all.map(\.id).joined(separator: ", "))")
            return 2
        }
        if let province, analysis.areas.byCode[province]?.level != .province {
            console.err("error: '\(province)' is not a province code in areas.csv")
            return 2
        }
        let entries = Rankings.compute(analysis.alignment, areas: analysis.areas, indicator: indicator, year: year, province: province, peers: peers)
        options.print(AnalysisExports.rankings(entries, english: options.english), console: console)
        return 0
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
        guard let analysis = TolokCommandLine.analysis(options.data, command: "indicators", console: console) else { return 1 }
        options.print(unmapped ? AnalysisExports.unmapped(analysis.alignment.unmapped)
                               : AnalysisExports.indicators(analysis.alignment, english: options.english), console: console)
        return 0
    }
}

/// `tolok composite`.
enum CompositeCommand {
    static let help = """
    USAGE: tolok composite --indicators A,B,C [--weights A=w,B=w | --weights FILE.csv] [--year Y]
                           [--draws N] [--seed S] [--format F]

    A composite index over the chosen canonical indicators: each is min–max normalised within the
    compared districts (polarity-aware: 1 best, 0 worst; all equal gives 1), then averaged with the
    weights (equal by default) over the indicators a district has; coverage is the share of weight
    it had. Rank robustness: the ranks are recomputed under N random weight vectors (uniform on the
    simplex, seeded so runs repeat) and each district's median rank and 5–95 % interval reported.

    OPTIONS:
      --indicators LIST   comma-separated canonical indicator ids
      --weights W         id=weight pairs, or a CSV file with columns indicator_id,weight
      --year Y            that year (default: each district's latest year per indicator)
      --draws N           random weight draws (default 1000)
      --seed S            random seed (default 1)
    \(PrintOptions.help)

    EXAMPLE:
      tolok composite --indicators tpt,tpak,disputes_resolved_share --draws 2000 --seed 7
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let options = try PrintOptions(&arguments)
        guard let list = try arguments.value("--indicators") else { throw UsageError(message: "--indicators is required") }
        let weightsText = try arguments.value("--weights")
        let year = try parseYear(arguments.value("--year"))
        let drawsText = try arguments.value("--draws") ?? "1000"
        let seedText = try arguments.value("--seed") ?? "1"
        try arguments.finish(command: "composite")
        guard let draws = Int(drawsText), draws >= 0, draws <= 1_000_000 else { throw UsageError(message: "--draws needs a count from 0 to 1000000") }
        guard let seed = UInt64(seedText) else { throw UsageError(message: "--seed needs a non-negative integer") }
        guard let analysis = TolokCommandLine.analysis(options.data, command: "composite", console: console) else { return 1 }
        let ids = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        var indicators: [Indicator] = []
        for id in ids {
            guard let ind = analysis.alignment.catalogue.byID[id] else {
                throw UsageError(message: "unknown indicator '\(id)' in --indicators")
            }
            indicators.append(ind)
        }
        let weights = try Self.weights(weightsText, ids: ids)
        let districts = analysis.areas.all.filter { $0.level == .district }
        let entries = Composite.compute(analysis.alignment, districts: districts, indicators: indicators, weights: weights,
                                        year: year, draws: draws, seed: seed)
        options.print(AnalysisExports.composite(entries, indicators: indicators, weights: weights, year: year, draws: draws, seed: seed),
                      console: console)
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
