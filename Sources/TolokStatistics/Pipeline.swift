import TolokAlignment
import TolokModel

/// The benchmark pipeline (`benchmarks/SPEC.md`): every district's value of every indicator and
/// year against its province and the nation, with its capaian, and the competition ranks per
/// indicator and year in the nation and within each province.
///
/// It keeps only what those need of an alignment (the resolved grids and their facts, the codes
/// and ids), so the caller can let the alignment and its records go before ranking: at national
/// scale the records are about a third of the memory. The comparison rows are computed on demand
/// (``comparison(district:indicator:year:)``), in the order the export writes them; the ranks are
/// a ``RankTable`` (``rank(threads:)``).
public struct Pipeline: Sendable {
    /// One comparison row: a district, indicator and year with a value (NaN = missing).
    public struct Row: Sendable {
        public var value: Double
        public var provinceValue: Double
        public var nationalValue: Double
        public var capaian: Double
    }

    /// Area codes, by area index.
    public let areaCodes: [String]
    /// Indicator ids, by catalogue index.
    public let indicatorIDs: [String]
    public let geography: DistrictGeography
    /// Catalogue indices, by indicator id.
    public let indicators: [Int]
    /// The indicators ranked (those whose comparisons include `rank`), by id.
    public let rankedIndicators: [Int]
    /// The actual values: grid, facts, polarities.
    public let values: RankTable.Input
    public let targetGrid: ResolvedGrid
    public let targetFacts: [Fact]

    /// The pipeline over `alignment` (no audit: every value counts).
    public init(_ alignment: Alignment, areas: Areas) {
        let catalogue = alignment.catalogue
        areaCodes = alignment.areaCodes
        indicatorIDs = catalogue.all.map(\.id)
        indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        rankedIndicators = indicators.filter { catalogue.all[$0].comparisons.contains("rank") }
        geography = DistrictGeography(alignment, areas: areas)
        values = RankTable.Input(alignment)
        targetGrid = alignment.targetGrid
        targetFacts = alignment.targetFacts
    }

    /// The competition ranks per ranked indicator and year, in the nation and each province
    /// (no summaries: the pipeline writes ranks only).
    public func rank(threads: Int = 2) -> RankTable {
        RankTable.compute(values, geography: geography, indicators: rankedIndicators, groupings: [.nation, .province],
                          includeSuspect: true, summaries: false, threads: threads)
    }

    /// The row of a district (area index), indicator (catalogue index) and year, if it has a value.
    @inline(__always)
    public func comparison(district d: Int, indicator ind: Int, year: Int) -> Row? {
        let grid = values.grid, facts = values.facts
        // The district's own value from its fact: the rows come district by district, as the facts
        // lie (the grid's values of one district are a row of areas apart, a cache miss each at
        // national scale); the province's and the nation's, repeated, from the grid's values.
        guard let f = grid.fact(indicator: ind, year: year, area: d) else { return nil }
        let value = facts[f].value
        func yardstick(_ area: Int32) -> Double {
            guard area >= 0, let c = grid.cell(indicator: ind, year: year, area: Int(area)), grid.chosen[c] >= 0 else { return .nan }
            return grid.value(cell: c, in: facts)
        }
        var capaian = Double.nan
        if let t = targetGrid.fact(indicator: ind, year: year, area: d), targetFacts[t].value != 0 {
            capaian = Achievement.capaian(target: targetFacts[t].value, realisation: value, polarity: values.polarities[ind])
        }
        return Row(value: value, provinceValue: yardstick(geography.province(of: d, year: year)),
                   nationalValue: yardstick(geography.nation), capaian: capaian)
    }

    /// Rows of the comparison (districts with a value in some indicator and year).
    public var comparisonCount: Int {
        var n = 0
        let grid = values.grid
        for d in geography.districts {
            for ind in indicators {
                for y in grid.years where grid.fact(indicator: ind, year: y, area: Int(d)) != nil { n += 1 }
            }
        }
        return n
    }
}

extension RankTable {
    /// Rows of a rankings file: the members of ranked groups.
    public var rankedMemberCount: Int { groups.reduce(0) { $0 + ($1.isRanked ? Int($1.membersCount) : 0) } }
}
