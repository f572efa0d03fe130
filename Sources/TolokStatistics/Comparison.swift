import TolokModel
import TolokAlignment

/// Better, worse or equal, by polarity.
public enum Verdict: String, Sendable {
    case better, worse, equal

    /// The verdict of `value` against `reference` for an indicator of `polarity`.
    public init(value: Double, reference: Double, polarity: Polarity) {
        let gap = Comparisons.gap(value, reference)
        if abs(gap) < 1e-9 * max(1, abs(reference)) {
            self = .equal
        } else {
            self = (gap > 0) == (polarity == .positive) ? .better : .worse
        }
    }
}

/// Which years to compare.
public enum YearPolicy: Sendable, Equatable {
    /// Every year a district has a value, each against its own province and nation that year.
    case all
    /// One year only.
    case year(Int)
    /// Each district's latest year with a value for the indicator (stated in the output).
    case latest

    public var description: String {
        switch self {
        case .all: "all years"
        case .year(let y): "year \(y)"
        case .latest: "latest per district"
        }
    }
}

/// A district's value of a canonical indicator in a year, against its province and the nation.
public struct Comparison: Sendable {
    public var district: Area
    public var province: Area?
    public var year: Int
    public var indicator: Indicator
    public var value: ResolvedValue
    public var provinceValue: ResolvedValue?
    public var nationalValue: ResolvedValue?
    /// value − province value, in the indicator's unit (percentage points for rates).
    public var gapProvince: Double?
    public var gapNational: Double?
    /// gap / reference × 100.
    public var relativeGapProvince: Double?
    public var relativeGapNational: Double?
    public var vsProvince: Verdict?
    public var vsNational: Verdict?
    /// The district's place among its province's districts and the nation's, that year.
    public var provinceRank: RankingEntry?
    public var nationRank: RankingEntry?
    /// Why a side is missing.
    public var note: String?
}

/// Ranking entries by district, indicator, year and grouping, for looking up a district's place.
public struct RankIndex: Sendable {
    private var entries: [String: RankingEntry] = [:]

    public init(_ rankings: [RankingEntry]) {
        for e in rankings where e.value != nil {
            entries[Self.key(e.district.code, e.indicator.id, e.year, e.scope.grouping)] = e
        }
    }

    /// The entry of `district` in its `grouping` scope for `indicator` in `year`.
    public func entry(_ district: String, _ indicator: String, _ year: Int, _ grouping: RankingScope.Grouping) -> RankingEntry? {
        entries[Self.key(district, indicator, year, grouping)]
    }

    private static func key(_ d: String, _ i: String, _ y: Int, _ g: RankingScope.Grouping) -> String {
        "\(d)\u{0}\(i)\u{0}\(y)\u{0}\(g.rawValue)"
    }
}

public enum Comparisons {
    /// Code of the nation in areas.csv.
    public static let nationCode = "00"

    /// The gap of `value` to a yardstick `reference`, in the indicator's unit (percentage points
    /// for rates).
    @inlinable
    public static func gap(_ value: Double, _ reference: Double) -> Double { value - reference }

    /// The gap as a percentage of the yardstick; `nil` for a yardstick of 0.
    @inlinable
    public static func relativeGap(_ value: Double, _ reference: Double) -> Double? {
        reference == 0 ? nil : gap(value, reference) / reference * 100
    }

    /// Comparisons for `districts` (all districts when `nil`) of `indicators` (ids; all when `nil`)
    /// under `policy`. With `ranks`, each row also carries the district's rank in its province and the nation.
    public static func compute(_ alignment: Alignment, areas: Areas, districts: [Area]? = nil, indicators: Set<String>? = nil,
                               policy: YearPolicy = .all, ranks: RankIndex? = nil) -> [Comparison] {
        let wanted = Set((districts ?? areas.all.filter { $0.level == .district }).map(\.code))
        // Only the cells of the districts asked for (the report asks for one at a time).
        var keys = alignment.keys(areas: districts.map { $0.map(\.code) }).filter { key in
            guard wanted.contains(key.areaCode), areas.byCode[key.areaCode]?.level == .district,
                  indicators?.contains(key.indicatorID) ?? true,
                  alignment.catalogue.byID[key.indicatorID] != nil else { return false }
            if case .year(let y) = policy { return key.year == y }
            return true
        }
        if policy == .latest {
            var latest: [String: Alignment.Key] = [:]
            for key in keys {
                let id = key.areaCode + "\u{0}" + key.indicatorID
                if let current = latest[id], current.year >= key.year { continue }
                latest[id] = key
            }
            keys = Array(latest.values)
        }
        keys.sort { ($0.areaCode, $0.indicatorID, $0.year) < ($1.areaCode, $1.indicatorID, $1.year) }
        return keys.map { key in
            let district = areas.byCode[key.areaCode]!
            let indicator = alignment.catalogue.byID[key.indicatorID]!
            let value = alignment.value(key.areaCode, key.year, key.indicatorID)!
            var c = Comparison(district: district, province: areas.province(of: district, year: key.year), year: key.year,
                               indicator: indicator, value: value)
            c.provinceRank = ranks?.entry(key.areaCode, key.indicatorID, key.year, .province)
            c.nationRank = ranks?.entry(key.areaCode, key.indicatorID, key.year, .nation)
            guard indicator.comparisons.contains("reference") else {
                c.note = "no provincial or national yardstick for this indicator"
                return c
            }
            var missing: [String] = []
            if let province = c.province, let p = alignment.value(province.code, key.year, key.indicatorID) {
                c.provinceValue = p
                c.gapProvince = gap(value.chosen.value, p.chosen.value)
                c.relativeGapProvince = relativeGap(value.chosen.value, p.chosen.value)
                c.vsProvince = Verdict(value: value.chosen.value, reference: p.chosen.value, polarity: indicator.polarity)
            } else {
                missing.append("no \(c.province?.name ?? "province") value for \(key.year)")
            }
            if let n = alignment.value(nationCode, key.year, key.indicatorID) {
                c.nationalValue = n
                c.gapNational = gap(value.chosen.value, n.chosen.value)
                c.relativeGapNational = relativeGap(value.chosen.value, n.chosen.value)
                c.vsNational = Verdict(value: value.chosen.value, reference: n.chosen.value, polarity: indicator.polarity)
            } else {
                missing.append("no national value for \(key.year)")
            }
            c.note = missing.isEmpty ? nil : missing.joined(separator: "; ")
            return c
        }
    }
}
