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
        // TPAK (higher is better): 50, 30, 30, missing, 40, 60 → 2, 4, 4, listed, 3, 1.
        let entries = ranking(try syntheticDataset(indicator: "tpak", values: [50, 30, 30, nil, 40, 60]), "tpak")
        #expect(entries.map(\.district.code) == ["9915", "9910", "9914", "9911", "9912", "9913"])
        #expect(entries.map(\.rank) == [1, 2, 3, 4, 4, nil])
        #expect(entries.allSatisfy { $0.rankedCount == 5 && $0.scope == .nation })
        #expect(entries.last?.note == "no value for this indicator")
        // Percentiles as pandas rank(pct=True): 60 → 100, 30 and 30 → 30.
        #expect(entries.map(\.percentile) == [100, 80, 60, 30, 30, nil])
        // Quartiles of 30, 30, 40, 50, 60 (linear, as pandas): q1 30, median 40, q3 50; the best is 60.
        #expect(entries[0].scopeSummary.distribution?.q1 == 30 && entries[0].scopeSummary.distribution?.median == 40)
        #expect(entries[0].scopeSummary.distribution?.q3 == 50)
        #expect(entries[0].provinceSummary?.best == 60)
        #expect(entries[1].distanceToProvinceBest == -10)
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

    @Test func tiesChainInTheRankTable() throws {
        // TPT (lower is better): three values each within 1e-9 × |v| of the next share rank 1,
        // though the first and the third are further apart.
        let entries = ranking(try syntheticDataset(indicator: "tpt", values: [5.0199242948, 5.0199242972, 5.019924301, 5.02, 6]), "tpt")
        #expect(entries.map(\.district.code) == ["9910", "9911", "9912", "9913", "9914"])
        #expect(entries.map(\.rank) == [1, 1, 1, 4, 5])
        // Their percentile is the run's: (5 − 3 + 4/2) / 5.
        #expect(entries.map(\.percentile) == [80, 80, 80, 40, 20])
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

    func compositeDataset() throws -> Dataset {
        // TPAK (higher better) and TPT (lower better) of six districts in 2023; 9915 lacks its TPT.
        let tpak: [Double] = [70, 60, 65, 50, 68, 72], tpt: [Double?] = [4, 8, 5, 9, 6, nil]
        return try syntheticDataset((0..<6).map { i in
            SyntheticDistrict(code: "99\(i + 10)", values: [("tpak", 2023, tpak[i])] + (tpt[i].map { [("tpt", 2023, $0)] } ?? []))
        })
    }

    @Test func theDefaultCompositeIsTheLatestYearWithTwoRankedIndicatorsOfFiveDistricts() throws {
        // 2024: TPAK of six districts but TPT of four; 2023: TPAK of six, TPT of five; 2022: both
        // of five, older.
        let dataset = try syntheticDataset((0..<6).map { i in
            let x = Double(i)
            var values: [(String, Int, Double)] = [("tpak", 2023, 60 + x), ("tpak", 2024, 61 + x)]
            if i < 5 { values += [("tpt", 2023, 4 + x), ("tpt", 2022, 5 + x), ("tpak", 2022, 59 + x)] }
            if i < 4 { values.append(("tpt", 2024, 3 + x)) }
            return SyntheticDistrict(code: "99\(i + 10)", values: values)
        })
        let analysis = Analysis(dataset)
        let spec = try #require(Composite.defaultSpec(analysis.alignment, areas: analysis.areas))
        #expect(spec.year == 2023)
        #expect(spec.indicators.map(\.id) == ["tpt", "tpak"] && spec.weights == [1, 1])
        // Four districts with TPT in 2023 too: then 2022.
        let fewer = try syntheticDataset((0..<6).map { i in
            let x = Double(i)
            var values: [(String, Int, Double)] = [("tpak", 2023, 60 + x), ("tpak", 2022, 59 + x)]
            if i < 4 { values.append(("tpt", 2023, 4 + x)) }
            if i < 5 { values.append(("tpt", 2022, 5 + x)) }
            return SyntheticDistrict(code: "99\(i + 10)", values: values)
        })
        let older = Analysis(fewer)
        #expect(Composite.defaultSpec(older.alignment, areas: older.areas)?.year == 2022)
    }

    @Test func theDefaultCompositeTakesFurtherIndicatorsWhileNineTenthsOfItsDistrictsHaveThem() throws {
        // 2024: TPT and TPAK of ten districts, placement_share of `placements` of them,
        // placement_share_competent of six (ranked, of five districts or more, but it would leave out four).
        func spec(placements: Int) throws -> (CompositeSpec, scored: Int) {
            let analysis = Analysis(try syntheticDataset((0..<10).map { i in
                let x = Double(i)
                var values: [(String, Int, Double)] = [("tpt", 2024, 3 + x), ("tpak", 2024, 60 + x)]
                if i < placements { values.append(("placement_share", 2024, 20 + x)) }
                if i < 6 { values.append(("placement_share_competent", 2024, 40 + x)) }
                return SyntheticDistrict(code: "99\(i + 10)", values: values)
            }))
            let spec = try #require(Composite.defaultSpec(analysis.alignment, areas: analysis.areas))
            let entries = Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec)
            return (spec, entries.count { $0.rank != nil })
        }
        // Nine of the ten: kept; the six are not.
        let nine = try spec(placements: 9)
        #expect(nine.0.year == 2024 && nine.0.indicators.map(\.id) == ["tpt", "tpak", "placement_share"])
        #expect(nine.scored == 9)
        // Eight of the ten: TPT and TPAK alone, every district scored.
        let eight = try spec(placements: 8)
        #expect(eight.0.indicators.map(\.id) == ["tpt", "tpak"])
        #expect(eight.scored == 10)
    }

    @Test func theDefaultCompositesYearHasFiveDistrictsWithBothOfItsFirstIndicators() throws {
        // 2024: TPT of five districts and TPAK of the five others (none has both); 2023: both of all ten.
        let analysis = Analysis(try syntheticDataset((0..<10).map { i in
            let x = Double(i)
            return SyntheticDistrict(code: "99\(i + 10)", values: [("tpt", 2023, 4 + x), ("tpak", 2023, 60 + x),
                                                                     i < 5 ? ("tpt", 2024, 4 + x) : ("tpak", 2024, 60 + x)])
        }))
        let spec = try #require(Composite.defaultSpec(analysis.alignment, areas: analysis.areas))
        #expect(spec.year == 2023 && spec.indicators.map(\.id) == ["tpt", "tpak"])
    }

    @Test func theCompositeCommandScoresTheDefaultCompositesYear() throws {
        // 2024: placement_share of seven districts and placement_share_competent of seven (the two
        // most districts have; two have both), TPT and TPAK of six: the default is 2023's TPT and
        // TPAK, as in the report, though six districts have both in 2024.
        let folder = try syntheticFolder((0..<12).map { i in
            let x = Double(i)
            var values: [(String, Int, Double)] = [("tpt", 2023, 4 + x), ("tpak", 2023, 60 + x)]
            if i < 7 { values.append(("placement_share", 2024, 20 + x)) }
            if i >= 5 { values.append(("placement_share_competent", 2024, 40 + x)) }
            if i < 6 { values += [("tpt", 2024, 4 + x), ("tpak", 2024, 60 + x)] }
            return SyntheticDistrict(code: "99\(i + 10)", values: values)
        })
        let run = tolok("composite", "--format", "csv", "--draws", "0", "--data", folder.path)
        #expect(run.status == 0, "\(run.err)")
        let first = try #require(run.out.first { $0.hasPrefix("1,") })
        #expect(first.contains(",tpt tpak,") && first.contains(",2023,"), "\(first)")
        #expect(run.out.count { $0.first?.isNumber == true } == 12)
    }

    @Test func compositeRobustnessIsReproducibleWithASeed() throws {
        let analysis = Analysis(try compositeDataset())
        let catalogue = analysis.alignment.catalogue
        var spec = CompositeSpec(indicators: [catalogue.byID["tpak"]!, catalogue.byID["tpt"]!], weights: [1, 1], year: 2023)
        spec.draws = 200
        let run = { (seed: UInt64) -> [CompositeEntry] in
            var s = spec
            s.seed = seed
            return Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: s)
        }
        let a = run(7), b = run(7)
        #expect(a.map(\.medianRank) == b.map(\.medianRank))
        #expect(a.map(\.rankP5) == b.map(\.rankP5) && a.map(\.rankP95) == b.map(\.rankP95))
        // Min–max over the five scored: 9910 (70, 4) is best on both: 1; 9913 (50, 9) worst on both: 0;
        // 9912 (65, 5): (0.75 + 0.8) / 2; 9914 (68, 6): (0.9 + 0.6) / 2.
        #expect(a.prefix(5).map(\.district.code) == ["9910", "9912", "9914", "9911", "9913"])
        #expect(a.prefix(5).map(\.rank) == [1, 2, 3, 4, 5])
        #expect(a[0].score == 1 && a[4].score == 0)
        #expect(abs((a[1].score ?? 0) - 0.775) < 1e-12 && abs((a[2].score ?? 0) - 0.75) < 1e-12)
        // 9915 has one indicator of two: coverage 0.5, below the 1 required, listed unranked.
        let partial = try #require(a.first { $0.district.code == "9915" })
        #expect(partial.coverage == 0.5 && partial.rank == nil && partial.score == nil)
        #expect(partial.note == "coverage 0.50 below the 1.00 required")
        // The variants: with TPT dropped 9914 (TPAK 68) ranks 2nd; with TPAK dropped 3rd. 9913 is last in
        // every variant: its rank is stable.
        let d9914 = try #require(a.first { $0.district.code == "9914" })
        #expect(d9914.rankMinVariants == 2)
        let d9913 = try #require(a.first { $0.district.code == "9913" })
        #expect(d9913.rankMinVariants == 5 && d9913.rankMaxVariants == 5 && d9913.stable == true)
    }

    @Test func compositeOfFewerThanFiveIsNotRanked() throws {
        let analysis = Analysis(try syntheticDataset(indicator: "tpak", values: [70, 60, 65, 50]))
        let spec = CompositeSpec(indicators: [analysis.alignment.catalogue.byID["tpak"]!], weights: [1], year: 2023)
        let entries = Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec)
        #expect(entries.allSatisfy { $0.rank == nil && $0.medianRank == nil })
        #expect(entries.allSatisfy { $0.note == "not ranked: 4 districts scored (at least 5 needed)" })
    }

    @Test func compositeAllowsPartialCoverageWhenAsked() throws {
        let analysis = Analysis(try compositeDataset())
        let catalogue = analysis.alignment.catalogue
        var spec = CompositeSpec(indicators: [catalogue.byID["tpak"]!, catalogue.byID["tpt"]!], weights: [1, 1], year: 2023)
        spec.minimumCoverage = 0.5
        spec.draws = 0
        let entries = Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec)
        // 9915 now scored on its TPAK alone (72, the best: 1).
        let partial = try #require(entries.first { $0.district.code == "9915" })
        #expect(partial.score == 1 && partial.coverage == 0.5 && partial.rank != nil)
    }

    /// Districts 9910… with TPT and TPAK in 2023, for the composite's robustness variants.
    func variantsEntries(tpt: [Double], tpak: [Double]) throws -> [CompositeEntry] {
        let analysis = Analysis(try syntheticDataset(tpt.indices.map { i in
            SyntheticDistrict(code: "99\(i + 10)", values: [("tpt", 2023, tpt[i]), ("tpak", 2023, tpak[i])])
        }))
        let catalogue = analysis.alignment.catalogue
        var spec = CompositeSpec(indicators: [catalogue.byID["tpt"]!, catalogue.byID["tpak"]!], weights: [1, 1], year: 2023)
        spec.draws = 0
        return Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec)
    }

    @Test func compositeVariantsWithOtherNormalisations() throws {
        // 9914 is 2nd on TPT (8,0) and 2nd on TPAK (68) alone, so dropping either keeps it 2nd; min–max
        // ranks it 2nd, the z-score 3rd (9910's TPT 3,5 is far from the others), the percentile rank 1st
        // (tied with 9913). Only the normalisation variants move it: 1 to 3.
        let entries = try variantsEntries(tpt: [3.5, 10.5, 9.5, 8.5, 8.0], tpak: [54, 50, 65, 70, 68])
        let d = try #require(entries.first { $0.district.code == "9914" })
        #expect(d.rank == 2 && d.rankMinVariants == 1 && d.rankMaxVariants == 3)
        #expect(entries.map(\.district.code) == ["9913", "9914", "9910", "9912", "9911"])
    }

    @Test func compositeVariantsWithEachIndicatorDropped() throws {
        // TPT 6, 5, 4, 3, 2 and TPAK 62, 66, 60, 64, 68: both evenly spaced, so min–max, z-score and
        // percentile rank give the same ranks (5, 3, 4, 2, 1); only dropping an indicator moves them.
        // 9911: 3rd, 4th on TPT alone, 2nd on TPAK alone; 9912: 4th, 3rd on TPT, 5th on TPAK.
        let entries = try variantsEntries(tpt: [6, 5, 4, 3, 2], tpak: [62, 66, 60, 64, 68])
        let d9911 = try #require(entries.first { $0.district.code == "9911" })
        #expect(d9911.rank == 3 && d9911.rankMinVariants == 2 && d9911.rankMaxVariants == 4)
        let d9912 = try #require(entries.first { $0.district.code == "9912" })
        #expect(d9912.rank == 4 && d9912.rankMinVariants == 3 && d9912.rankMaxVariants == 5)
        // The best is best in every variant.
        let d9914 = try #require(entries.first { $0.district.code == "9914" })
        #expect(d9914.rank == 1 && d9914.rankMinVariants == 1 && d9914.rankMaxVariants == 1)
    }

    @Test func compositeIsOfOneYear() throws {
        // 9915 has TPT in 2023 but TPAK only in 2022: its 2022 TPAK is not mixed in; it is listed at
        // coverage 0,5 with TPAK missing.
        var districts = (0..<5).map { i in
            SyntheticDistrict(code: "99\(i + 10)", values: [("tpt", 2023, 4 + Double(i)), ("tpak", 2023, 60 + Double(i))])
        }
        districts.append(SyntheticDistrict(code: "9915", values: [("tpt", 2023, 3), ("tpak", 2022, 75)]))
        let analysis = Analysis(try syntheticDataset(districts))
        let catalogue = analysis.alignment.catalogue
        var spec = CompositeSpec(indicators: [catalogue.byID["tpt"]!, catalogue.byID["tpak"]!], weights: [1, 1], year: 2023)
        spec.draws = 0
        let entries = Composite.compute(analysis.alignment, districts: analysis.areas.districts, spec: spec)
        let other = try #require(entries.first { $0.district.code == "9915" })
        #expect(other.rank == nil && other.coverage == 0.5 && other.inputs == "tpt 2023=3.00; tpak=missing")
        #expect(entries.filter { $0.rank != nil }.count == 5)
    }

    @Test func compositeLeavesSuspectValuesOut() throws {
        // 9915's TPAK 97,00 is above the plausible 95: suspect, so 9915 has TPT only (coverage 0,5) and
        // is listed with the reason; --include-suspect scores it.
        var districts = (0..<5).map { i in
            SyntheticDistrict(code: "99\(i + 10)", values: [("tpt", 2023, 4 + Double(i)), ("tpak", 2023, 60 + Double(i))])
        }
        districts.append(SyntheticDistrict(code: "9915", values: [("tpt", 2023, 3), ("tpak", 2023, 97)]))
        let folder = try syntheticFolder(districts)
        let run = tolok("composite", "--indicators", "tpt,tpak", "--year", "2023", "--format", "csv", "--data", folder.path)
        #expect(run.status == 0, "\(run.err)")
        let row = try #require(run.out.first { $0.contains(",9915,") })
        #expect(row.hasPrefix(",9915,Kabupaten Uji 9915,,0.5000,"))
        #expect(row.hasSuffix(",tpak 2023 left out as suspect; coverage 0.50 below the 1.00 required"))
        let kept = tolok("composite", "--indicators", "tpt,tpak", "--year", "2023", "--format", "csv", "--include-suspect", "--data", folder.path)
        let keptRow = try #require(kept.out.first { $0.contains(",9915,") })
        #expect(keptRow.hasPrefix("1,9915,Kabupaten Uji 9915,1.0000,1.0000,"))
        #expect(keptRow.contains(",tpt 2023=3.00; tpak 2023=97.00,"))
    }
}
