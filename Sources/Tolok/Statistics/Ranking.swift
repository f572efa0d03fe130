/// Competition ranking ("1, 2, 2, 4"), polarity-aware.
public enum CompetitionRank {
    /// Ranks of `values`: 1 for the best; equal values share the better rank and the next rank
    /// skips. Positive polarity ranks high values first, negative low values first.
    public static func ranks(_ values: [Double], polarity: Polarity) -> [Int] {
        values.map { v in
            1 + values.count { other in
                abs(other - v) > 1e-9 * max(1, abs(v)) && (polarity == .positive ? other > v : other < v)
            }
        }
    }
}

/// How districts are grouped for rankings and statistics.
public enum PeerGrouping: String, Sendable, CaseIterable {
    /// All districts together.
    case none
    /// Kabupaten with kabupaten, kota with kota.
    case kind
    /// Within each province.
    case province

    /// The scope name of a district under this grouping, with `restriction` (a province code) applied first.
    func scope(of district: Area, areas: Areas) -> String {
        switch self {
        case .none: "national"
        case .kind: district.kind?.rawValue ?? "unknown"
        case .province: "province \(district.parentCode ?? "?")"
        }
    }
}

/// A row of a ranking table.
public struct RankingEntry: Sendable {
    public var indicator: Indicator
    public var year: Int
    /// `national`, `province 32`, `kabupaten`, `kota`.
    public var scope: String
    /// `nil` for a district without a value (listed after the ranked ones).
    public var rank: Int?
    public var district: Area
    public var value: ResolvedValue?
    /// Districts ranked in this scope.
    public var rankedCount: Int
    public var note: String?
}

public enum Rankings {
    /// Ranking tables for `indicator` in each year (or `year` only), over the districts in
    /// `province` (all when `nil`), grouped by `peers`.
    public static func compute(_ alignment: Alignment, areas: Areas, indicator: Indicator, year: Int? = nil,
                               province: String? = nil, peers: PeerGrouping = .none) -> [RankingEntry] {
        let districts = areas.all.filter { $0.level == .district && (province == nil || $0.parentCode == province) }
        let codes = Set(districts.map(\.code))
        let years = year.map { [$0] } ?? Set(alignment.resolved.keys.filter {
            $0.indicatorID == indicator.id && codes.contains($0.areaCode)
        }.map(\.year)).sorted()
        var entries: [RankingEntry] = []
        for y in years {
            var scopes: [String: [Area]] = [:]
            for d in districts {
                let scope = peers == .none && province != nil ? "province \(province!)" : peers.scope(of: d, areas: areas)
                scopes[scope, default: []].append(d)
            }
            for scope in scopes.keys.sorted() {
                let members = scopes[scope]!
                let withValue = members.compactMap { d in alignment.value(d.code, y, indicator.id).map { (d, $0) } }
                let ranks = CompetitionRank.ranks(withValue.map(\.1.chosen.value), polarity: indicator.polarity)
                let ranked = zip(withValue, ranks).sorted { ($0.1, $0.0.0.code) < ($1.1, $1.0.0.code) }
                for ((d, v), r) in ranked {
                    entries.append(RankingEntry(indicator: indicator, year: y, scope: scope, rank: r, district: d, value: v,
                                                rankedCount: withValue.count, note: nil))
                }
                let rankedCodes = Set(withValue.map(\.0.code))
                for d in members.sorted(by: { $0.code < $1.code }) where !rankedCodes.contains(d.code) {
                    let years = alignment.years(d.code, indicator.id)
                    let note = years.isEmpty ? "no value for this indicator" : "no value for \(y) (has \(years.map(String.init).joined(separator: ", ")))"
                    entries.append(RankingEntry(indicator: indicator, year: y, scope: scope, rank: nil, district: d, value: nil,
                                                rankedCount: withValue.count, note: note))
                }
            }
        }
        return entries
    }
}
