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
    public var provinceRank: Place?
    public var nationRank: Place?
    /// Why a side is missing.
    public var note: String?

    /// A district's place in a ranking (its nation's or its province's) of one indicator and year,
    /// as the comparison shows it beside the gaps.
    public struct Place: Sendable, Equatable {
        /// The rank; `nil` when the value is listed unranked (a group too small to rank, or a
        /// value the audit suspects).
        public var rank: Int?
        /// How many districts of the group have a value that counts (``RankingEntry/rankedCount``).
        public var rankedCount: Int

        public init(rank: Int?, rankedCount: Int) {
            self.rank = rank
            self.rankedCount = rankedCount
        }
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
    /// under `policy`. With `ranks`, each row also carries the district's place in its province's
    /// ranking and the nation's (``CellRanks`` of the same alignment).
    public static func compute(_ alignment: Alignment, areas: Areas, districts: [Area]? = nil, indicators: Set<String>? = nil,
                               policy: YearPolicy = .all, ranks: CellRanks? = nil) -> [Comparison] {
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
        // The province's and the nation's values, each resolved once (a province's districts share them).
        var yardsticks: [Int: ResolvedValue?] = [:]
        func yardstick(_ code: String, _ year: Int, _ indicatorID: String) -> ResolvedValue? {
            guard let cell = alignment.cell(code, year, indicatorID) else { return nil }
            if let known = yardsticks[cell] { return known }
            let value = alignment.resolvedValue(cell: cell)
            yardsticks[cell] = value
            return value
        }
        return keys.map { key in
            let district = areas.byCode[key.areaCode]!
            let indicator = alignment.catalogue.byID[key.indicatorID]!
            let cell = alignment.cell(key.areaCode, key.year, key.indicatorID)!
            let value = alignment.resolvedValue(cell: cell)!
            var c = Comparison(district: district, province: areas.province(of: district, year: key.year), year: key.year,
                               indicator: indicator, value: value)
            if let ranks {
                c.provinceRank = ranks.provincePlace(cell: cell)
                c.nationRank = ranks.nationPlace(cell: cell)
            }
            guard indicator.comparisons.contains("reference") else {
                c.note = "no provincial or national yardstick for this indicator"
                return c
            }
            var missing: [String] = []
            if let province = c.province, let p = yardstick(province.code, key.year, key.indicatorID) {
                c.provinceValue = p
                c.gapProvince = gap(value.chosen.value, p.chosen.value)
                c.relativeGapProvince = relativeGap(value.chosen.value, p.chosen.value)
                c.vsProvince = Verdict(value: value.chosen.value, reference: p.chosen.value, polarity: indicator.polarity)
            } else {
                missing.append("no \(c.province?.name ?? "province") value for \(key.year)")
            }
            if let n = yardstick(nationCode, key.year, key.indicatorID) {
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
