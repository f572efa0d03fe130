import Testing
@testable import Tolok

@Suite("Achievement and predicate")
struct AchievementTests {
    @Test func jemberPlacementsAgainstTarget() throws {
        // LKIP Jember 2023, Tabel 3.1: 3.898 placed against a target of 1.000 → 389,8 %.
        let a = Achievement(target: 1000, realisation: 3898, polarity: .positive)
        #expect(abs(try #require(a.capaian) - 389.8) < 1e-9)
        #expect(a.clamped == 100)
        #expect(a.predicate == .aa)
    }

    @Test func jemberDisputesAgainstYearAndEndTargets() throws {
        // Tabel 3.1: 85,71 % against 89 % → 96,30 %; Tabel 3.3: against the 2026 target 95 % → 90,22 %.
        let year = Achievement(target: 89, realisation: 85.71, polarity: .positive)
        #expect(CSVWriter.format(try #require(year.capaian), decimals: 2) == "96.30")
        #expect(year.predicate == .aa)
        let end = Achievement(target: 95, realisation: 85.71, polarity: .positive)
        #expect(CSVWriter.format(try #require(end.capaian), decimals: 2) == "90.22")
        #expect(end.predicate == .aa)
    }

    @Test func negativePolarityRewardsLowerValues() throws {
        // Unemployment target 9.07 %, realised 10.68 % → (9.07 − 1.61) / 9.07 = 82.25 %.
        let a = Achievement(target: 9.07, realisation: 10.68, polarity: .negative)
        #expect(CSVWriter.format(try #require(a.capaian), decimals: 2) == "82.25")
        #expect(a.predicate == .a)
        let better = Achievement(target: 9.07, realisation: 8.0, polarity: .negative)
        #expect(try #require(better.capaian) > 100)
    }

    @Test func zeroTargetOrMissingValueGivesNoCapaianAndSaysWhy() {
        let zero = Achievement(target: 0, realisation: 5, polarity: .positive)
        #expect(zero.capaian == nil && zero.predicate == nil)
        #expect(zero.note == "target is 0: capaian is undefined")
        #expect(Achievement(target: 10, realisation: nil, polarity: .positive).note == "no realisation")
        #expect(Achievement(target: nil, realisation: 3, polarity: .positive).note == "no target")
    }

    /// Met is a capaian of 100 or more, the binary noise of a realisation equal to its target
    /// included (0.1 + 0.2 against 0.3 gives 100.00000000000003 or just under 100).
    @Test func aTargetIsMetAtACapaianOfAHundredNoiseIncluded() {
        #expect(Achievement(target: 1000, realisation: 3898, polarity: .positive).met == true)
        #expect(Achievement(target: 0.3, realisation: 0.1 + 0.2, polarity: .positive).met == true)
        #expect(Achievement(target: 0.1 + 0.2, realisation: 0.3, polarity: .positive).met == true)
        #expect(Achievement(target: 4.5, realisation: 4.5 + 1e-6, polarity: .negative).met == false)
        #expect(Achievement(target: 0, realisation: 5, polarity: .positive).met == nil)
    }

    @Test func missingPolarityIsAssumedPositiveAndNoted() {
        let a = Achievement(target: 50, realisation: 25, polarity: nil)
        #expect(a.capaian == 50)
        #expect(a.note?.contains("polarity not stated") == true)
    }

    @Test func negativeCapaianClampsToZero() {
        let a = Achievement(target: 5, realisation: 20, polarity: .negative)
        #expect(a.capaian == -200)
        #expect(a.clamped == 0)
        #expect(a.predicate == .d)
    }

    @Test(arguments: [
        (100.0, Predicate.aa), (90, .aa), (89.99, .a), (80, .a), (79.99, .bb), (70, .bb), (60, .b),
        (59.99, .cc), (50, .cc), (49.99, .c), (30, .c), (29.99, .d), (0, .d),
    ])
    func predicateBoundsAreLowerInclusive(capaian: Double, expected: Predicate) {
        #expect(Predicate(capaian: capaian) == expected)
    }
}
