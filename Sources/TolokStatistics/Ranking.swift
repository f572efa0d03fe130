import TolokModel
import TolokAlignment

/// When two values count as equal in a ranking: within 1e-9 × max(1, |a|, |b|) (the binary noise
/// of 47.12 printed against 0.4712 × 100). In a ranking ties chain: a value ties with the value
/// before it in order, so a run of values each within the tolerance of the next shares one rank.
public enum TieTolerance {
    public static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// The end of the run of ties that starts at `start` among `count` values in ranking order
    /// (`value(i)` the i-th): each value ties with the one before it.
    @inline(__always)
    public static func runEnd(from start: Int, count: Int, _ value: (Int) -> Double) -> Int {
        var end = start + 1
        while end < count, equal(value(end), value(end - 1)) { end += 1 }
        return end
    }
}

/// Competition ranking ("1, 2, 2, 4"), polarity-aware.
public enum CompetitionRank {
    /// Ranks of `values`: 1 for the best; equal values share the better rank and the next rank
    /// skips. Positive polarity ranks high values first, negative low values first.
    public static func ranks(_ values: [Double], polarity: Polarity) -> [Int] {
        var ranks = Array(repeating: 0, count: values.count)
        forEachRun(values, polarity: polarity) { run, position in
            for i in run { ranks[i] = position + 1 }
        }
        return ranks
    }

    /// Percentile of each value by how good it is, in (0, 100]: the average rank among the
    /// values ordered worst to best, / n × 100 (pandas `rank(pct=True)` on the values, or on
    /// their negation for negative polarity). The best value has 100.
    public static func percentiles(_ values: [Double], polarity: Polarity) -> [Double] {
        var result = Array(repeating: 0.0, count: values.count)
        forEachRun(values, polarity: polarity) { run, position in
            let p = percentile(position: position, ties: run.count, of: values.count)
            for i in run { result[i] = p }
        }
        return result
    }

    /// The percentile of the `ties` values that share the place after `position` better ones,
    /// among `n`: the average of their ranks counted from the worst, / n × 100.
    @inline(__always)
    public static func percentile(position: Int, ties: Int, of n: Int) -> Double {
        (Double(n - position - ties) + Double(ties + 1) / 2) / Double(n) * 100
    }

    /// Calls `body` with each run of tied values (their indices) and the number of better values.
    static func forEachRun(_ values: [Double], polarity: Polarity, _ body: (ArraySlice<Int>, Int) -> Void) {
        let order = values.indices.sorted { i, j in
            polarity == .positive ? values[i] > values[j] : values[i] < values[j]
        }
        var position = 0
        while position < order.count {
            let end = TieTolerance.runEnd(from: position, count: order.count) { values[order[$0]] }
            body(order[position..<end], position)
            position = end
        }
    }
}

/// The group of districts a ranking is made within.
public enum RankingScope: Sendable, Hashable, Comparable {
    /// Every district of the nation.
    case nation
    /// The districts of one province (BPS code) in the ranking's year.
    case province(String)
    /// Kabupaten with kabupaten, kota with kota.
    case kind(Area.Kind)

    /// The stable machine name: `nation`, `province:32`, `kind:kota`.
    public var id: String {
        switch self {
        case .nation: "nation"
        case .province(let code): "province:\(code)"
        case .kind(let kind): "kind:\(kind.rawValue)"
        }
    }

    private var order: (Int, String) {
        switch self {
        case .nation: (0, "")
        case .province(let code): (1, code)
        case .kind(let kind): (2, kind.rawValue)
        }
    }

    public static func < (a: RankingScope, b: RankingScope) -> Bool { a.order < b.order }

    /// The grouping this scope belongs to.
    public var grouping: Grouping {
        switch self {
        case .nation: .nation
        case .province: .province
        case .kind: .kind
        }
    }

    /// Which grouping a scope belongs to.
    public enum Grouping: String, Sendable, CaseIterable {
        case nation, province, kind
    }

    /// The scope of `district` under `grouping` in `year`.
    static func of(_ district: Area, grouping: Grouping, year: Int, areas: Areas) -> RankingScope? {
        switch grouping {
        case .nation: .nation
        case .province: areas.province(of: district, year: year).map { .province($0.code) }
        case .kind: district.kind.map { .kind($0) }
        }
    }
}

/// The values of a scope summarised: quartiles and the best value (only where the scope is
/// large enough to rank).
public struct ScopeSummary: Sendable {
    /// Districts with a value.
    public var count: Int
    public var distribution: Distribution?
    /// The best value by polarity.
    public var best: Double?
}

/// A row of a ranking table.
public struct RankingEntry: Sendable {
    public var indicator: Indicator
    public var year: Int
    public var scope: RankingScope
    public var district: Area
    /// The district's province in ``year``.
    public var provinceCode: String?
    /// `nil` for a district without a value (listed after the ranked ones).
    public var value: ResolvedValue?
    /// `nil` when the district has no value or the scope has too few values to rank.
    public var rank: Int?
    /// Districts with a value in this scope.
    public var rankedCount: Int
    /// Polarity-aware percentile (100 = best), where ranked.
    public var percentile: Double?
    /// The scope's quartiles and best value, where ranked.
    public var scopeSummary: ScopeSummary
    /// The district's province that year: quartiles and best value, where the province ranks.
    public var provinceSummary: ScopeSummary?
    public var note: String?

    /// value − the best value of the district's province (in the unit; 0 for the best).
    public var distanceToProvinceBest: Double? {
        guard let v = value?.chosen.value, let best = provinceSummary?.best else { return nil }
        return v - best
    }
}

public enum Rankings {
    /// A ranking, percentiles, quartiles and z-scores are published only over at least this many
    /// districts with a value; smaller groups are listed with the reason.
    public static let minimumGroupSize = 5

    /// Ranking tables for `indicator` in each year with a value (or `year` only), under each of
    /// `groupings`, over the districts of `province` (all when `nil`).
    ///
    /// Within a scope of at least ``minimumGroupSize`` districts with a value, districts are
    /// ranked (competition ranking, polarity-aware) and the members without a value follow with
    /// the reason; a smaller scope lists its districts with a value, unranked, with the reason.
    ///
    /// A value the audit suspects (``AlignedValue/suspicions``) is left out, listed with the
    /// reason, unless `includeSuspect`.
    public static func compute(_ alignment: Alignment, areas: Areas, indicator: Indicator, year: Int? = nil,
                               province: String? = nil, groupings: [RankingScope.Grouping] = RankingScope.Grouping.allCases,
                               includeSuspect: Bool = false) -> [RankingEntry] {
        guard let ind = alignment.catalogue.index[indicator.id] else { return [] }
        let geography = DistrictGeography(alignment, areas: areas)
        let table = RankTable.compute(alignment, geography: geography, indicators: [ind], year: year,
                                      province: province.map { alignment.areaIndex[$0] ?? -2 }, groupings: groupings,
                                      includeSuspect: includeSuspect)
        return entries(table, alignment: alignment, areas: areas, geography: geography)
    }

    /// The entries of `table`: for each group its members (ranked, or listed with the reason the
    /// group is not ranked), then its others with the reason they are not ranked.
    public static func entries(_ table: RankTable, alignment: Alignment, areas: Areas, geography: DistrictGeography) -> [RankingEntry] {
        let all = areas.all
        var entries: [RankingEntry] = []
        for g in table.groups {
            let ind = Int(g.indicator), y = Int(g.year)
            let indicator = alignment.catalogue.all[ind]
            let scope: RankingScope = switch g.scopeKind {
            case .nation: .nation
            case .province: .province(alignment.areaCodes[Int(g.scopeCode)])
            case .kind: .kind(Area.Kind.allCases[Int(g.scopeCode)])
            }
            func entry(_ area: Int, _ v: ResolvedValue?, rank: Int?, percentile: Double?, note: String?) -> RankingEntry {
                let p = geography.province(of: area, year: y)
                return RankingEntry(indicator: indicator, year: y, scope: scope, district: all[area],
                                    provinceCode: p >= 0 ? alignment.areaCodes[Int(p)] : nil, value: v, rank: rank,
                                    rankedCount: g.count, percentile: percentile, scopeSummary: g.summary,
                                    provinceSummary: table.provinceSummary(indicator: ind, year: y, province: p), note: note)
            }
            func value(_ area: Int) -> ResolvedValue? {
                alignment.grid.cell(indicator: ind, year: y, area: area).flatMap { alignment.resolvedValue(cell: $0) }
            }
            let notRanked = g.isRanked ? nil
                : "not ranked: \(g.count) district\(g.count == 1 ? "" : "s") with a value in \(scope.id) (at least \(minimumGroupSize) needed)"
            for m in Int(g.membersStart)..<Int(g.membersStart + g.membersCount) {
                let area = Int(table.memberArea[m])
                entries.append(entry(area, value(area), rank: g.isRanked ? Int(table.memberRank[m]) : nil,
                                     percentile: g.isRanked ? table.memberPercentile[m] : nil, note: notRanked))
            }
            for o in Int(g.othersStart)..<Int(g.othersStart + g.othersCount) {
                let area = Int(table.otherArea[o])
                if let v = value(area) {
                    entries.append(entry(area, v, rank: nil, percentile: nil, note: suspectNote(v)))
                    continue
                }
                let years = alignment.years(alignment.areaCodes[area], indicator.id)
                let note = years.isEmpty ? "no value for this indicator"
                    : "no value for \(y) (has \(years.map(String.init).joined(separator: ", ")))"
                entries.append(entry(area, nil, rank: nil, percentile: nil, note: note))
            }
        }
        return entries
    }

    /// Why a suspect value is not ranked.
    static func suspectNote(_ v: ResolvedValue) -> String {
        "left out as suspect (--include-suspect keeps it): " + v.chosen.suspicions.joined(separator: "; ")
    }

    /// Count, quartiles and best value of `values`; quartiles and best only for a group large
    /// enough to rank.
    static func summary(_ values: [Double], polarity: Polarity) -> ScopeSummary {
        guard values.count >= minimumGroupSize else { return ScopeSummary(count: values.count) }
        return ScopeSummary(count: values.count, distribution: Distribution(values),
                            best: polarity == .positive ? values.max() : values.min())
    }
}
