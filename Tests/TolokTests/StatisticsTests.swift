import Testing
@testable import Tolok
@testable import TolokStatistics

@Suite("Rankings, distributions, verdicts")
struct StatisticsTests {
    @Test func competitionRankingSharesTiesAndSkips() {
        #expect(CompetitionRank.ranks([5, 3, 3], polarity: .positive) == [1, 2, 2])
        #expect(CompetitionRank.ranks([5, 3, 3], polarity: .negative) == [3, 1, 1])
        #expect(CompetitionRank.ranks([1, 4, 4, 2], polarity: .positive) == [4, 1, 1, 3])
        #expect(CompetitionRank.ranks([], polarity: .positive) == [])
    }

    @Test func medianSkippingOneIsTheMedianOfTheRest() {
        // The audit's series check takes a year's neighbours as the sorted series less that year.
        #expect(Auditor.median([1, 2, 40, 50], skipping: 2) == 2)   // [1, 2, 50]
        #expect(Auditor.median([1, 2, 40, 50], skipping: nil) == 21)  // (2 + 40) / 2
        #expect(Auditor.median([7], skipping: nil) == 7)
        var generator = SplitMix64(seed: 9)
        for count in 2...12 {
            let sorted = (0..<count).map { _ in Double(generator.next() % 1000) / 7 }.sorted()
            for skipped in 0..<count {
                var rest = sorted
                rest.remove(at: skipped)
                #expect(Auditor.median(sorted, skipping: skipped) == Distribution.quantile(rest, 0.5), "\(sorted) less \(skipped)")
            }
        }
    }

    @Test func distributionMatchesPandas() throws {
        // pandas: s = pd.Series([8.82, 7.9, 4.01, 10.68]); s.describe(), s.std()
        let d = try #require(Distribution([8.82, 7.9, 4.01, 10.68]))
        #expect(d.n == 4)
        #expect(abs(d.mean - 7.8525) < 1e-12)
        #expect(abs(d.median - 8.36) < 1e-12)
        #expect(abs(d.q1 - 6.9275) < 1e-12)
        #expect(abs(d.q3 - 9.285) < 1e-12)
        #expect(abs(try #require(d.standardDeviation) - 2.8105678548412003) < 1e-12)
        #expect(Distribution([]) == nil)
        #expect(Distribution([3])?.standardDeviation == nil)
    }

    @Test func percentilesArePolarityAwareAsPandas() {
        // pandas: pd.Series([8.82, 7.9, 4.01, 10.68]).rank(pct=True) → 0.75, 0.5, 0.25, 1.0
        #expect(CompetitionRank.percentiles([8.82, 7.9, 4.01, 10.68], polarity: .positive) == [75, 50, 25, 100])
        // Lower is better: (-s).rank(pct=True) → 0.5, 0.75, 1.0, 0.25
        #expect(CompetitionRank.percentiles([8.82, 7.9, 4.01, 10.68], polarity: .negative) == [50, 75, 100, 25])
        // Ties share the average rank: [3, 3, 5].rank(pct=True) → 0.5, 0.5, 1.0
        #expect(CompetitionRank.percentiles([3, 3, 5], polarity: .positive) == [50, 50, 100])
    }

    @Test func tiesWithinTheToleranceShareARank() {
        #expect(CompetitionRank.ranks([0.1 + 0.2, 0.3, 0.31], polarity: .positive) == [2, 2, 1])
        #expect(TieTolerance.equal(0.1 + 0.2, 0.3))
        #expect(!TieTolerance.equal(8.80, 8.81))
    }

    @Test func tiesChainWithinTheTolerance() {
        // 5.0199242948, 5.0199242972 (apart by 2.4e-9, within 5e-9) and 5.0199243010 (within the
        // tolerance of the second, not of the first): one rank for the run, as in the benchmark's
        // SPEC; the next value ranks 4th.
        let values = [5.0199242948, 5.0199242972, 5.0199243010, 5.02]
        #expect(CompetitionRank.ranks(values, polarity: .negative) == [1, 1, 1, 4])
        #expect(CompetitionRank.ranks(values, polarity: .positive) == [2, 2, 2, 1])
        #expect(!TieTolerance.equal(values[0], values[2]))
        // The percentiles see the same run (three tied at the top of four: (1 + 4/2) / 4).
        #expect(CompetitionRank.percentiles(values, polarity: .negative) == [75, 75, 75, 25])
        #expect(CompetitionRank.percentiles(values, polarity: .positive) == [50, 50, 50, 100])
    }

    @Test func rankOrderSortsByValueThenIndexAsTheComparatorDoes() {
        // Groups small (insertion) and large (radix), with ties, negatives, zeros of both signs,
        // huge and tiny magnitudes: the order of sorting by (value, index).
        var random = SplitMix64(seed: 7)
        var scratch = RankTable.SortScratch()
        let pool: [Double] = [0, -0.0, 1, -1, 2.5, -2.5, 1e-300, -1e-300, 1e300, -1e300, 42, 42.000000001, 0.1 + 0.2, 0.3]
        for n in [0, 1, 2, 3, 17, 48, 49, 64, 200, 513] {
            for _ in 0..<20 {
                let values = (0..<n).map { _ in
                    random.next() % 3 == 0 ? pool[Int(random.next() % UInt64(pool.count))] : (Double(random.next() % 2_000_001) - 1e6) / 100
                }
                var order = values.enumerated().map { (value: $1, index: Int32($0)) }
                let expected = order.sorted { $0.value < $1.value || ($0.value == $1.value && $0.index < $1.index) }
                RankTable.sortByValueThenIndex(&order, scratch: &scratch)
                #expect(order.map(\.index) == expected.map(\.index), "n = \(n)")
            }
        }
    }

    @Test func aScopeMetTwiceIsRankedOnce() {
        // Two provinces with slots, a province code without one, two kinds: each true once,
        // and once more after the flags are cleared for the next indicator and year.
        var ranked = RankedScopes(provinceCount: 2, kindCount: 2)
        for _ in 0..<2 {
            let firsts = [ranked.insertNation(), ranked.insertProvince(40, slot: 1), ranked.insertProvince(10, slot: 0),
                          ranked.insertProvince(-1, slot: -1), ranked.insertProvince(77, slot: -1), ranked.insertKind(1), ranked.insertKind(0)]
            let again = [ranked.insertNation(), ranked.insertProvince(40, slot: 1), ranked.insertProvince(10, slot: 0),
                         ranked.insertProvince(-1, slot: -1), ranked.insertProvince(77, slot: -1), ranked.insertKind(1), ranked.insertKind(0)]
            #expect(firsts == Array(repeating: true, count: 7))
            #expect(again == Array(repeating: false, count: 7))
            ranked.removeAll()
        }
    }

    @Test func verdictFollowsPolarity() {
        // Kabupaten Bekasi TPT 2024 8.82 against Jawa Barat 6.75: lower is better → worse.
        #expect(Verdict(value: 8.82, reference: 6.75, polarity: .negative) == .worse)
        #expect(Verdict(value: 66.22, reference: 67.71, polarity: .positive) == .worse)
        #expect(Verdict(value: 4.01, reference: 4.88, polarity: .negative) == .better)
        #expect(Verdict(value: 5, reference: 5, polarity: .negative) == .equal)
    }

    @Test func seededGeneratorRepeats() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
    }
}

@Suite("Printed precision")
struct PrintedPrecisionTests {
    @Test func roundedIsConsistentTruncatedIsRoundingElseError() {
        // Jember Tabel 3.8: 2.684.594.463 / 3.432.609.159 = 78.2086… printed 78,20 (truncated).
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 78.20, decimals: 2), exact: 78.2086) == .rounding)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 78.21, decimals: 2), exact: 78.2086) == nil)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 85.71, decimals: 2), exact: 12.0 / 14 * 100) == nil)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 66.30, decimals: 2), exact: 67.30) == .error)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 43_987_586_629, decimals: 0), exact: 44_022_386_629) == .error)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 0.5, decimals: 0), exact: 0.5) == .rounding)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 1, decimals: 0), exact: 0.5) == nil)
        // Kabupaten Bekasi Tabel 1.6: placements printed 24.065, the months add up to 24.064.
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 24_065, decimals: 0), exact: 24_064) == .error)
        #expect(PrintedPrecision.compare(printed: CanonicalNumber(value: 85.70, decimals: 2), exact: 85.71) == .error)
    }
}
