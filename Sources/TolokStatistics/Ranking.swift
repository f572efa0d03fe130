import TolokModel
import TolokAlignment

/// When two values count as equal: within a billionth of the larger magnitude (at least 1e-9),
/// so values that differ only in their binary representation tie.
public enum TieTolerance {
    public static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}

/// Competition ranking ("1, 2, 2, 4"), polarity-aware.
public enum CompetitionRank {
    /// Ranks of `values`: 1 for the best; equal values share the better rank and the next rank
    /// skips. Positive polarity ranks high values first, negative low values first.
    public static func ranks(_ values: [Double], polarity: Polarity) -> [Int] {
        let order = values.indices.sorted { i, j in
            polarity == .positive ? values[i] > values[j] : values[i] < values[j]
        }
        var ranks = Array(repeating: 0, count: values.count)
        var position = 0
        while position < order.count {
            let first = values[order[position]]
            var end = position
            while end < order.count, TieTolerance.equal(values[order[end]], first) {
                ranks[order[end]] = position + 1
                end += 1
            }
            position = end
        }
        return ranks
    }

    /// Percentile of each value by how good it is, in (0, 100]: the average rank among the
    /// values ordered worst to best, / n × 100 (pandas `rank(pct=True)` on the values, or on
    /// their negation for negative polarity). The best value has 100.
    public static func percentiles(_ values: [Double], polarity: Polarity) -> [Double] {
        let n = Double(values.count)
        return values.map { v in
            var worse = 0, equal = 0
            for other in values {
                if TieTolerance.equal(other, v) { equal += 1 } else if (polarity == .positive) == (other < v) { worse += 1 }
            }
            return (Double(worse) + Double(equal + 1) / 2) / n * 100
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
        let districts = areas.districts
        let years = year.map { [$0] } ?? Set(alignment.keys(indicator: indicator.id).filter {
            areas.byCode[$0.areaCode]?.level == .district
        }.map(\.year)).sorted()
        var entries: [RankingEntry] = []
        for y in years {
            var provinceOf: [String: String] = [:]
            for d in districts { provinceOf[d.code] = areas.province(of: d, year: y)?.code }
            let members = districts.filter { province == nil || provinceOf[$0.code] == province }
            var values: [String: ResolvedValue] = [:]
            var suspect: [String: ResolvedValue] = [:]
            for d in districts {
                guard let v = alignment.value(d.code, y, indicator.id) else { continue }
                if v.chosen.isSuspect && !includeSuspect { suspect[d.code] = v } else { values[d.code] = v }
            }

            // The province summaries, for every row.
            var byProvince: [String: [Double]] = [:]
            for d in districts { if let p = provinceOf[d.code], let v = values[d.code] { byProvince[p, default: []].append(v.chosen.value) } }
            let provinceSummaries = byProvince.mapValues { summary($0, polarity: indicator.polarity) }

            var done = Set<RankingScope>()
            for grouping in groupings {
                var scopes: [RankingScope: [Area]] = [:]
                for d in members {
                    let scope = grouping == .nation && province != nil ? .province(province!)
                        : RankingScope.of(d, grouping: grouping, year: y, areas: areas)
                    if let scope { scopes[scope, default: []].append(d) }
                }
                for scope in scopes.keys.sorted() where done.insert(scope).inserted {
                    let group = scopes[scope]!.sorted { $0.code < $1.code }
                    let withValue = group.compactMap { d in values[d.code].map { (d, $0) } }
                    let numbers = withValue.map(\.1.chosen.value)
                    let scopeSummary = summary(numbers, polarity: indicator.polarity)
                    func entry(_ d: Area, _ v: ResolvedValue?, rank: Int?, percentile: Double?, note: String?) -> RankingEntry {
                        RankingEntry(indicator: indicator, year: y, scope: scope, district: d, provinceCode: provinceOf[d.code],
                                     value: v, rank: rank, rankedCount: withValue.count, percentile: percentile,
                                     scopeSummary: scopeSummary, provinceSummary: provinceOf[d.code].flatMap { provinceSummaries[$0] },
                                     note: note)
                    }
                    guard withValue.count >= minimumGroupSize else {
                        let note = "not ranked: \(withValue.count) district\(withValue.count == 1 ? "" : "s") with a value in \(scope.id) (at least \(minimumGroupSize) needed)"
                        for (d, v) in withValue { entries.append(entry(d, v, rank: nil, percentile: nil, note: note)) }
                        for d in group { if let v = suspect[d.code] { entries.append(entry(d, v, rank: nil, percentile: nil, note: suspectNote(v))) } }
                        continue
                    }
                    let ranks = CompetitionRank.ranks(numbers, polarity: indicator.polarity)
                    let percentiles = CompetitionRank.percentiles(numbers, polarity: indicator.polarity)
                    let order = withValue.indices.sorted { (ranks[$0], withValue[$0].0.code) < (ranks[$1], withValue[$1].0.code) }
                    for i in order {
                        entries.append(entry(withValue[i].0, withValue[i].1, rank: ranks[i], percentile: percentiles[i], note: nil))
                    }
                    for d in group where values[d.code] == nil {
                        if let v = suspect[d.code] {
                            entries.append(entry(d, v, rank: nil, percentile: nil, note: suspectNote(v)))
                            continue
                        }
                        let years = alignment.years(d.code, indicator.id)
                        let note = years.isEmpty ? "no value for this indicator"
                            : "no value for \(y) (has \(years.map(String.init).joined(separator: ", ")))"
                        entries.append(entry(d, nil, rank: nil, percentile: nil, note: note))
                    }
                }
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
