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

    /// A grid brought up to date (facts appended, then the cells of facts whose mark changed
    /// resolved again) is the grid made of the facts as they are now: the same chosen facts,
    /// values and alternatives in the same order.
    @Test func aGridBroughtUpToDateEqualsOneMadeAnew() {
        var rng = SplitMix64(seed: 7)
        let prefers: (Fact, Fact) -> Bool = { a, b in
            if a.suspect != b.suspect { return !a.suspect }
            return a.priority < b.priority
        }
        func fact() -> Fact {
            var f = Fact(area: Int32.random(in: 0..<5, using: &rng), indicator: Int32.random(in: 0..<3, using: &rng),
                         year: Int32.random(in: 2020...2023, using: &rng), value: Double.random(in: 0...100, using: &rng),
                         kind: .observation, row: 0, source: -1)
            f.priority = Int32.random(in: 0..<4, using: &rng)
            return f
        }
        func same(_ a: ResolvedGrid, _ b: ResolvedGrid) -> Bool {
            a.chosen == b.chosen && a.others == b.others && a.placed == b.placed
                && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) } && a.values.count == b.values.count
        }
        for round in 0..<50 {
            var facts = (0..<200).map { _ in fact() }
            // The years 2020 and 2023 are in from the start: appended facts stay inside the grid.
            facts[0].year = 2020
            facts[1].year = 2023
            var grid = ResolvedGrid(facts, areaCount: 5, indicatorCount: 3, keepsValues: round % 2 == 0, prefers: prefers)
            let placed = facts.count
            facts += (0..<40).map { _ in fact() }
            var changed: [Int] = []
            for i in facts.indices where Int.random(in: 0..<5, using: &rng) == 0 {
                facts[i].suspect.toggle()
                if i < placed { changed.append(i) }
            }
            let inside = grid.place(factsFrom: facts, prefers: prefers)
            #expect(inside)
            grid.resolve(changed: changed, of: facts, prefers: prefers)
            #expect(same(grid, ResolvedGrid(facts, areaCount: 5, indicatorCount: 3, keepsValues: round % 2 == 0, prefers: prefers)),
                    "round \(round)")
        }
        // A fact outside the grid's years: nothing placed, a new grid needed.
        var facts = [fact(), fact()]
        facts[0].year = 2021
        facts[1].year = 2021
        var grid = ResolvedGrid(facts, areaCount: 5, indicatorCount: 3, prefers: prefers)
        facts.append(fact())
        facts[2].year = 2024
        let inside = grid.place(factsFrom: facts, prefers: prefers)
        #expect(!inside && grid.placed == 2)
        // Fewer facts than the grid placed: not its facts.
        let fewer = grid.place(factsFrom: [facts[0]], prefers: prefers)
        #expect(!fewer && grid.placed == 2)
    }
}
