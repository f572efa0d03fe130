import Testing
@testable import Tolok

@Suite("Resolved grid")
struct ResolvedGridTests {
    @Test func aGridThatKeepsValuesHoldsTheChosenFactsValues() {
        // Two areas, one indicator, years 2020–2021. Area 0 in 2020 has two facts: the later one
        // is preferred (higher priority wins here) in one case, not in the other.
        func fact(_ area: Int32, _ year: Int32, _ value: Double, priority: Int32) -> Fact {
            var f = Fact(area: area, indicator: 0, year: year, value: value, kind: .observation, row: 0, source: -1)
            f.priority = priority
            return f
        }
        let facts = [fact(0, 2020, 1.5, priority: 1), fact(1, 2021, -4, priority: 1), fact(0, 2020, 2.5, priority: 2),
                     fact(0, 2020, 9, priority: 0)]
        let prefers: (Fact, Fact) -> Bool = { $0.priority > $1.priority }
        let kept = ResolvedGrid(facts, areaCount: 2, indicatorCount: 1, keepsValues: true, prefers: prefers)
        let plain = ResolvedGrid(facts, areaCount: 2, indicatorCount: 1, prefers: prefers)
        #expect(plain.values.isEmpty && kept.values.count == kept.chosen.count)
        #expect(kept.chosen == plain.chosen)
        let c = kept.cell(indicator: 0, year: 2020, area: 0)!, d = kept.cell(indicator: 0, year: 2021, area: 1)!
        #expect(kept.values[c] == 2.5 && kept.values[d] == -4)
        #expect(kept.value(cell: c, in: facts) == 2.5 && plain.value(cell: c, in: facts) == 2.5 && plain.value(cell: d, in: facts) == -4)
        // Cells without a fact hold NaN.
        #expect(kept.values[kept.cell(indicator: 0, year: 2021, area: 0)!].isNaN && kept.values[kept.cell(indicator: 0, year: 2020, area: 1)!].isNaN)
    }
}
