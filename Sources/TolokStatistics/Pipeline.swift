import TolokAlignment
import TolokModel

/// The benchmark pipeline (`benchmarks/SPEC.md`): every district's value of every indicator and
/// year against its province and the nation, with its capaian, and the competition ranks per
/// indicator and year in the nation and within each province. All over integer ids and the
/// alignment's grid; the rows are numbers, ready for a byte writer.
public struct PipelineResult: Sendable {
    /// One comparison row: a district, indicator and year with a value (NaN = missing).
    public struct Row: Sendable {
        public var area: Int32
        public var indicator: Int32
        public var year: Int32
        public var value: Double
        public var provinceValue: Double
        public var nationalValue: Double
        public var capaian: Double
    }

    /// One ranked district in one scope: the nation (`province` -1) or a province (its area index).
    public struct Rank: Sendable {
        public var indicator: Int32
        public var year: Int32
        public var province: Int32
        public var area: Int32
        public var value: Double
        public var rank: Int32
        public var count: Int32
    }

    public let alignment: Alignment
    /// By district code, indicator id, year.
    public var rows: [Row]
    /// By indicator id, year, scope (nation, then provinces by code), rank, district code.
    public var ranks: [Rank]
}

public enum Pipeline {
    /// Runs the pipeline over `alignment` (no audit: every value counts).
    public static func run(_ alignment: Alignment, areas: Areas) -> PipelineResult {
        let catalogue = alignment.catalogue
        let grid = alignment.grid, targets = alignment.targetGrid
        let codes = alignment.areaCodes
        let areaCount = codes.count
        // Districts by code; indicators by id.
        let districts = areas.all.indices.filter { areas.all[$0].level == .district }.sorted { codes[$0] < codes[$1] }
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let nation = alignment.areaIndex[Comparisons.nationCode].map(Int.init) ?? -1
        let years = Array(grid.years)
        // Each district's province, per year (the history of boundaries applied).
        var provinceOf = [[Int]](repeating: [Int](repeating: -1, count: areaCount), count: years.count)
        for (y, year) in years.enumerated() {
            for d in districts {
                provinceOf[y][d] = areas.province(of: areas.all[d], year: year).flatMap { alignment.areaIndex[$0.code] }.map(Int.init) ?? -1
            }
        }
        func value(_ ind: Int, _ year: Int, _ area: Int) -> Double {
            guard area >= 0, let f = grid.fact(indicator: ind, year: year, area: area) else { return .nan }
            return alignment.facts[f].value
        }

        var rows: [PipelineResult.Row] = []
        rows.reserveCapacity(alignment.facts.count)
        for d in districts {
            for ind in indicators {
                let polarity = catalogue.all[ind].polarity
                for (y, year) in years.enumerated() {
                    guard let f = grid.fact(indicator: ind, year: year, area: d) else { continue }
                    let v = alignment.facts[f].value
                    var capaian = Double.nan
                    if let t = targets.fact(indicator: ind, year: year, area: d),
                       let c = Achievement(target: alignment.targetFacts[t].value, realisation: v, polarity: polarity).capaian {
                        capaian = c
                    }
                    rows.append(PipelineResult.Row(area: Int32(d), indicator: Int32(ind), year: Int32(year), value: v,
                                                   provinceValue: value(ind, year, provinceOf[y][d]), nationalValue: value(ind, year, nation),
                                                   capaian: capaian))
                }
            }
        }

        var ranks: [PipelineResult.Rank] = []
        let provinces = areas.all.indices.filter { areas.all[$0].level == .province }.sorted { codes[$0] < codes[$1] }
        for ind in indicators where catalogue.all[ind].comparisons.contains("rank") {
            let polarity = catalogue.all[ind].polarity
            for (y, year) in years.enumerated() {
                var members: [[Int]] = [[]] + provinces.map { _ in [] }
                var provinceSlot = [Int](repeating: -1, count: areaCount)
                for (i, p) in provinces.enumerated() { provinceSlot[p] = i + 1 }
                for d in districts where grid.fact(indicator: ind, year: year, area: d) != nil {
                    members[0].append(d)
                    let p = provinceOf[y][d]
                    if p >= 0, provinceSlot[p] > 0 { members[provinceSlot[p]].append(d) }
                }
                for (slot, group) in members.enumerated() where group.count >= Rankings.minimumGroupSize {
                    let values = group.map { value(ind, year, $0) }
                    let r = CompetitionRank.ranks(values, polarity: polarity)
                    let order = group.indices.sorted { (r[$0], codes[group[$0]]) < (r[$1], codes[group[$1]]) }
                    for i in order {
                        ranks.append(PipelineResult.Rank(indicator: Int32(ind), year: Int32(year), province: slot == 0 ? -1 : Int32(provinces[slot - 1]),
                                                         area: Int32(group[i]), value: values[i], rank: Int32(r[i]), count: Int32(group.count)))
                    }
                }
            }
        }
        return PipelineResult(alignment: alignment, rows: rows, ranks: ranks)
    }
}
