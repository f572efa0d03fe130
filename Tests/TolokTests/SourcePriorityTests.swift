import Testing
import Tolok

/// The source priority's rules, each deciding only when the ones before it tie.
@Suite("Source priority")
struct SourcePriorityTests {
    typealias Standing = SourcePriority.Standing

    /// A published LKIP figure of the first vintage, stated priority 1, mapping priority 1, of 2023.
    let base = Standing(suspect: false, derived: false, vintageRank: 0, typeRank: SourcePriority.rank("LKIP"), sourcePriority: 1,
                        priority: 1, sourceYear: 2023)

    /// The standing `base` changed by `change`, preferred (`true`) or not over `base`.
    func prefers(_ change: (inout Standing) -> Void) -> (over: Bool, under: Bool) {
        var other = base
        change(&other)
        return (SourcePriority.prefers(other, over: base), SourcePriority.prefers(base, over: other))
    }

    @Test func eachRuleDecidesOnItsOwn() {
        #expect(prefers { $0.suspect = true } == (false, true))
        #expect(prefers { $0.derived = true } == (false, true))
        #expect(prefers { $0.vintageRank = 1 } == (true, false))
        #expect(prefers { $0.typeRank = SourcePriority.rank("BPS") } == (true, false))
        #expect(prefers { $0.typeRank = SourcePriority.rank("Renstra") } == (false, true))
        #expect(prefers { $0.sourcePriority = Int.max } == (false, true))  // an unstated priority comes last
        #expect(prefers { $0.priority = 2 } == (false, true))
        #expect(prefers { $0.sourceYear = 2024 } == (true, false))
        #expect(prefers { _ in } == (false, false))  // a tie: dataset order decides
    }

    @Test func anEarlierRuleOutweighsEveryLaterOne() {
        // Published before derived, whatever the vintage, the type or the year.
        #expect(prefers { $0.derived = true; $0.vintageRank = 5; $0.typeRank = 0; $0.sourceYear = 2030 } == (false, true))
        // BPS before LKIP even when the LKIP's figure is newer and its mapping preferred.
        #expect(prefers { $0.typeRank = SourcePriority.rank("BPS"); $0.priority = 9; $0.sourceYear = 2000 } == (true, false))
        // The source's stated priority before the mapping's and the year.
        #expect(prefers { $0.sourcePriority = 2; $0.priority = 0; $0.sourceYear = 2030 } == (false, true))
        // Not suspect before anything else.
        #expect(prefers { $0.suspect = true; $0.typeRank = 0; $0.vintageRank = 9 } == (false, true))
    }

    @Test func theTypesOrderIsBPSPressLKIPRenstraPKOther() {
        let ranks = ["BPS", "press", "LKIP", "Renstra", "PK", "other"].map(SourcePriority.rank)
        #expect(ranks == Array(0..<6))
        #expect(SourcePriority.rank("a type no one knows") == 6)
    }
}
