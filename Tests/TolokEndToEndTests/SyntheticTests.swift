import Foundation
import Testing
import Tolok

@Suite("Rankings, gaps and composite on synthetic data")
struct SyntheticTests {
    func ranking(_ dataset: Dataset, _ indicator: String, year: Int = 2023,
                 groupings: [RankingScope.Grouping] = [.nation]) -> [RankingEntry] {
        let analysis = Analysis(dataset)
        return Rankings.compute(analysis.alignment, areas: analysis.areas, indicator: analysis.alignment.catalogue.byID[indicator]!,
                                year: year, groupings: groupings)
    }

    @Test func tiesAndMissingPositivePolarity() throws {
        // TPAK (higher is better): 5, 3, 3, missing, 4, 6 → 2, 4, 4, listed, 3, 1.
        let entries = ranking(try syntheticDataset(indicator: "tpak", values: [5, 3, 3, nil, 4, 6]), "tpak")
        #expect(entries.map(\.district.code) == ["9915", "9910", "9914", "9911", "9912", "9913"])
        #expect(entries.map(\.rank) == [1, 2, 3, 4, 4, nil])
        #expect(entries.allSatisfy { $0.rankedCount == 5 && $0.scope == .nation })
        #expect(entries.last?.note == "no value for this indicator")
        // Percentiles as pandas rank(pct=True): 6 → 100, 3 and 3 → 30.
        #expect(entries.map(\.percentile) == [100, 80, 60, 30, 30, nil])
        // Quartiles of 3, 3, 4, 5, 6 (linear, as pandas): q1 3, median 4, q3 5; the best is 6.
        #expect(entries[0].scopeSummary.distribution?.q1 == 3 && entries[0].scopeSummary.distribution?.median == 4)
        #expect(entries[0].provinceSummary?.best == 6)
        #expect(entries[1].distanceToProvinceBest == -1)
    }

    @Test func tiesAndMissingNegativePolarity() throws {
        // TPT (lower is better): the same values rank the other way.
        let entries = ranking(try syntheticDataset(indicator: "tpt", values: [5, 3, 3, nil, 4, 6]), "tpt")
        #expect(entries.map(\.district.code) == ["9911", "9912", "9914", "9910", "9915", "9913"])
        #expect(entries.map(\.rank) == [1, 1, 3, 4, 5, nil])
        #expect(entries.map(\.percentile) == [90, 90, 60, 40, 20, nil])
        #expect(entries[0].provinceSummary?.best == 3)
        #expect(entries[4].distanceToProvinceBest == 3)
    }

    @Test func fewerThanFiveValuesAreListedNotRanked() throws {
        let entries = ranking(try syntheticDataset(indicator: "tpt", values: [5, 3, 3, nil]), "tpt")
        #expect(entries.map(\.district.code) == ["9910", "9911", "9912"])
        #expect(entries.allSatisfy { $0.rank == nil && $0.percentile == nil && $0.scopeSummary.distribution == nil })
        #expect(entries.allSatisfy { $0.note == "not ranked: 3 districts with a value in nation (at least 5 needed)" })
        // No statistics row for a group that small.
        #expect(AnalysisExports.statistics(entries).rows.isEmpty)
    }

    @Test func scopesByProvinceAndKindWithStableNames() throws {
        var districts = (0..<5).map { SyntheticDistrict(code: "99\($0 + 10)", values: [("tpt", 2023, Double($0 + 1))]) }
        districts += (0..<5).map { SyntheticDistrict(code: "98\($0 + 10)", kind: "kota", province: "98", values: [("tpt", 2023, Double($0) + 0.5)]) }
        let entries = ranking(try syntheticDataset(districts), "tpt", groupings: RankingScope.Grouping.allCases)
        #expect(Set(entries.map(\.scope.id)) == ["nation", "province:98", "province:99", "kind:kabupaten", "kind:kota"])
        let nation = entries.filter { $0.scope == .nation }
        #expect(nation.count == 10 && nation.first?.district.code == "9810" && nation.first?.rank == 1)
        let province99 = entries.filter { $0.scope == .province("99") }
        #expect(province99.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(province99.allSatisfy { $0.rankedCount == 5 })
        #expect(entries.filter { $0.scope == .kind(.kota) }.map(\.district.code) == ["9810", "9811", "9812", "9813", "9814"])
    }

    @Test func aDistrictRanksInTheProvinceItBelongedToThatYear() throws {
        // 9814 moved from province 98 to 99 in 2024 (as the new Papua provinces did).
        var districts = (0..<4).map { SyntheticDistrict(code: "99\($0 + 10)", values: [("tpt", 2023, 1), ("tpt", 2024, 1)]) }
        districts += (0..<5).map { SyntheticDistrict(code: "98\($0 + 10)", province: "98", values: [("tpt", 2023, 2), ("tpt", 2024, 2)]) }
        districts[8].province = "99"
        let dataset = try syntheticDataset(districts, history: ["9814,98,,2023"])
        let in2023 = ranking(dataset, "tpt", year: 2023, groupings: [.province]).first { $0.district.code == "9814" }
        let in2024 = ranking(dataset, "tpt", year: 2024, groupings: [.province]).first { $0.district.code == "9814" }
        #expect(in2023?.scope == .province("98") && in2023?.rankedCount == 5)
        #expect(in2024?.scope == .province("99") && in2024?.rankedCount == 5)
        // Its gap follows its province of each year, and the trend says the province changed.
        let analysis = Analysis(dataset)
        let comparisons = Comparisons.compute(analysis.alignment, areas: analysis.areas)
        #expect(comparisons.filter { $0.district.code == "9814" }.map { $0.province?.code } == ["98", "99"])
    }

    @Test func historyRowsAreValidated() throws {
        let folder = try syntheticFolder([SyntheticDistrict(code: "9910")], history: ["9910,97,,2023", "9910,98,2020,2019"])
        let diagnostics = DatasetLoader.load(directory: folder.path).diagnostics.map(\.message)
        #expect(diagnostics.contains("97 is not a province in areas.csv"))
        #expect(diagnostics.contains("from_year 2020 is after to_year 2019"))
    }

    @Test func gapsCloseOrWidenOverTheYears() throws {
        // TPT 10 → 9 → 8 against a province at 6 every year: the gap 4, 3, 2 closes by 1 a year
        // (improving, lower is better); against a nation at 5 → 6 → 7 it goes 5, 3, 1.
        let dataset = try syntheticDataset(
            [SyntheticDistrict(code: "9910", values: [("tpt", 2021, 10), ("tpt", 2022, 9), ("tpt", 2023, 8)])],
            provinces: ["99": [("tpt", 2021, 6), ("tpt", 2022, 6), ("tpt", 2023, 6)],
                        "00": [("tpt", 2021, 5), ("tpt", 2022, 6), ("tpt", 2023, 7)]])
        let analysis = Analysis(dataset)
        let trends = GapTrends.compute(Comparisons.compute(analysis.alignment, areas: analysis.areas))
        let province = try #require(trends.first { $0.yardstick == .province })
        #expect(province.points.map(\.gap) == [4, 3, 2])
        #expect(province.change == -2 && province.slopePerYear == -1)
        #expect(province.direction == .closing && province.movement == .improving)
        let nation = try #require(trends.first { $0.yardstick == .nation })
        #expect(nation.change == -4 && nation.slopePerYear == -2 && nation.direction == .closing)
    }

    @Test func aMissingProvinceFigureLeavesTheNationalGapWithAReason() throws {
        let dataset = try syntheticDataset([SyntheticDistrict(code: "9910", values: [("tpt", 2023, 8)])],
                                           provinces: ["00": [("tpt", 2023, 5)]])
        let analysis = Analysis(dataset)
        let c = try #require(Comparisons.compute(analysis.alignment, areas: analysis.areas).first)
        #expect(c.gapProvince == nil && c.gapNational == 3 && c.vsNational == .worse)
        #expect(c.note == "no Provinsi Uji value for 2023")
    }

    @Test func compositeRobustnessIsReproducibleWithASeed() throws {
        let dataset = try syntheticDataset(indicator: "tpak", values: [70, 60, 65, 50])
        let analysis = Analysis(dataset)
        let catalogue = analysis.alignment.catalogue
        let districts = analysis.areas.districts
        let run = { (seed: UInt64) in
            Composite.compute(analysis.alignment, districts: districts, indicators: [catalogue.byID["tpak"]!, catalogue.byID["tpt"]!],
                              weights: [1, 1], draws: 200, seed: seed)
        }
        let a = run(7), b = run(7)
        #expect(a.map(\.medianRank) == b.map(\.medianRank))
        #expect(a.map(\.rankP5) == b.map(\.rankP5))
        #expect(a.map(\.rankP95) == b.map(\.rankP95))
        // One indicator with values: scores are its min–max normalisation, coverage half the weight.
        #expect(a.map(\.district.code) == ["9910", "9912", "9911", "9913"])
        #expect(a.map(\.score) == [1, 0.75, 0.5, 0])
        #expect(a.allSatisfy { $0.coverage == 0.5 })
    }
}
