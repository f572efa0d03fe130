import TolokAlignment
import TolokModel

/// The benchmark pipeline (`benchmarks/SPEC.md`): every district's value of every indicator and
/// year against its province and the nation, with its capaian, and the competition ranks per
/// indicator and year in the nation and within each province. The comparison rows are computed
/// on demand (``comparison(district:indicator:year:)``), in the order the export writes them;
/// the ranks are a ``RankTable``.
public struct PipelineResult: Sendable {
    /// One comparison row: a district, indicator and year with a value (NaN = missing).
    public struct Row: Sendable {
        public var value: Double
        public var provinceValue: Double
        public var nationalValue: Double
        public var capaian: Double
    }

    public let alignment: Alignment
    public let geography: DistrictGeography
    /// Catalogue indices, by indicator id.
    public let indicators: [Int]
    /// The ranks: by indicator id, year, scope (nation, then provinces by code).
    public let ranks: RankTable
    /// Polarity of each indicator (by catalogue index).
    let polarities: [Polarity]

    /// The row of a district (area index), indicator (catalogue index) and year, if it has a value.
    @inline(__always)
    public func comparison(district d: Int, indicator ind: Int, year: Int) -> Row? {
        let grid = alignment.grid
        guard let f = grid.fact(indicator: ind, year: year, area: d) else { return nil }
        let value = alignment.facts[f].value
        func yardstick(_ area: Int32) -> Double {
            guard area >= 0, let f = grid.fact(indicator: ind, year: year, area: Int(area)) else { return .nan }
            return alignment.facts[f].value
        }
        var capaian = Double.nan
        if let t = alignment.targetGrid.fact(indicator: ind, year: year, area: d), alignment.targetFacts[t].value != 0 {
            capaian = Achievement.capaian(target: alignment.targetFacts[t].value, realisation: value, polarity: polarities[ind])
        }
        return Row(value: value, provinceValue: yardstick(geography.province(of: d, year: year)),
                   nationalValue: yardstick(geography.nation), capaian: capaian)
    }

    /// Rows of the comparison (districts with a value in some indicator and year).
    public var comparisonCount: Int {
        var n = 0
        for d in geography.districts {
            for ind in indicators {
                for y in alignment.grid.years where alignment.grid.fact(indicator: ind, year: y, area: Int(d)) != nil { n += 1 }
            }
        }
        return n
    }

    /// Rows of the rankings (members of ranked groups).
    public var rankCount: Int { ranks.groups.reduce(0) { $0 + ($1.isRanked ? Int($1.membersCount) : 0) } }
}

public enum Pipeline {
    /// Runs the pipeline over `alignment` (no audit: every value counts).
    public static func run(_ alignment: Alignment, areas: Areas) -> PipelineResult {
        let catalogue = alignment.catalogue
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let geography = DistrictGeography(alignment, areas: areas)
        let ranked = indicators.filter { catalogue.all[$0].comparisons.contains("rank") }
        let ranks = RankTable.compute(alignment, geography: geography, indicators: ranked, groupings: [.nation, .province],
                                      includeSuspect: true)
        return PipelineResult(alignment: alignment, geography: geography, indicators: indicators, ranks: ranks,
                              polarities: catalogue.all.map(\.polarity))
    }
}
