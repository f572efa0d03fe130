import Foundation
import Testing
import Tolok
@testable import TolokAlignment

/// The outputs of `tolok report` on the shipped datasets, written once.
let shippedReport: URL = {
    let out = try! temporaryFolder()
    let run = tolok("report", "--data", shippedDatasets, "--out", out.path)
    precondition(run.status == 0, run.err.joined(separator: "\n"))
    return out
}()

func reportRows(_ name: String) throws -> [[String: String]] {
    try readCSV(shippedReport.appendingPathComponent(name))
}

@Suite("Sound answers: corrections, suspect figures, definitions, small samples, targets")
struct SoundnessTests {
    // MARK: Definitions

    @Test func kabupatenBekasiTPAKIsBPSsAndThePlacementShareIsItsOwn() throws {
        let comparison = try reportRows("comparison.csv")
        let tpak = try #require(comparison.first { $0["district_code"] == "3216" && $0["year"] == "2024" && $0["indicator_id"] == "tpak" })
        #expect(tpak["value"] == "65.11")
        // 66,22 (the LKIP's "TPAK", placements / registered job seekers) appears only under its true indicator.
        #expect(!comparison.contains { $0["district_code"] == "3216" && $0["indicator_id"] == "tpak" && ($0["value"] == "66.22" || ($0["value_alternatives"] ?? "").contains("66.22")) })
        let share = try #require(comparison.first { $0["district_code"] == "3216" && $0["year"] == "2024" && $0["indicator_id"] == "placement_share" })
        #expect(share["value"] == "66.22")
    }

    @Test func nearAlikeIndicatorsAreNeverRankedTogether() throws {
        let catalogue = shippedAnalysis.alignment.catalogue
        // Kota Bekasi's share of competent job seekers among those placed is not the share of the register placed.
        #expect(shippedAnalysis.alignment.value("3275", 2020, "placement_share") == nil)
        #expect(shippedAnalysis.alignment.value("3275", 2020, "placement_share_competent")?.chosen.value == 61.15)
        #expect(catalogue.byID["placement_share"]?.comparableWith == ["placement_share_competent"])
        // Its disputes share counts settlements by joint agreement: apart from Jember's all-resolutions share.
        #expect(shippedAnalysis.alignment.value("3275", 2020, "disputes_resolved_share") == nil)
        #expect(shippedAnalysis.alignment.value("3275", 2020, "disputes_resolved_pb_share") != nil)
        let rankings = try reportRows("rankings.csv")
        #expect(!rankings.contains { $0["indicator_id"] == "placement_share" && $0["district_code"] == "3275" && $0["value_source"]?.hasPrefix("001 ") == true })
        // Every indicator states its definition.
        for indicator in catalogue.all { #expect(!indicator.numerator.isEmpty && !indicator.scope.isEmpty, "\(indicator.id)") }
    }

    @Test func aCountMappedAsIsOntoARateIsAnError() throws {
        let data = try copyOfShippedDatasets()
        let file = data.appendingPathComponent("indicator_mappings.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let line = text.split(separator: "\n").count + 1
        try (text + "map-wrong,3509,,Pencari kerja yang ditempatkan: angkatan kerja antar Negara (AKAN),trainees_certified_share,as_is,,,,,1,,a count is not a share\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        let column = "map-wrong,3509,,Pencari kerja yang ditempatkan: angkatan kerja antar Negara (AKAN),".count + 1
        #expect(run.err.contains("\(data.path)/indicator_mappings.csv:\(line):\(column): error: mapping map-wrong: the label is printed in 'orang' but trainees_certified_share is in percent: only a label of the same definition maps as is (a count never maps onto a rate; use ratio, sum or per_1000)"))
    }

    @Test func aLabelPrintedInTwoUnitsIsCheckedInEach() throws {
        // The clean fixture's TPT is printed in %; one more row prints it in orang. The mapping onto
        // tpt (percent) as is fits the first and not the second: an error naming the second.
        let data = try cleanFixture()
        let file = data.appendingPathComponent("observations.csv")
        try (String(contentsOf: file, encoding: .utf8) + "004-9,3509,2022,,,sasaran,Menurunnya pengangguran,Tingkat Pengangguran Terbuka,orang,negative,,,4.30,,004,Tabel 3.1,12,,\n")
            .write(to: file, atomically: true, encoding: .utf8)
        // Both units are kept, for the district and document and for any.
        let printed = MappingCheck.PrintedUnits(try #require(DatasetLoader.load(directory: data.path).dataset))
        #expect(printed.units(district: nil, source: nil, key: LabelKey.of("Tingkat Pengangguran Terbuka")) == ["%", "orang"])
        #expect(printed.units(district: "3509", source: "004", key: LabelKey.of("tingkat  pengangguran terbuka")) == ["%", "orang"])
        #expect(printed.units(district: "3509", source: nil, key: LabelKey.of("Tingkat Pengangguran Terbuka (TPT)")) == nil)
        // Only what the document asked for prints (BPS does not print the LKIP's label), in any
        // district; a district code the data never names has nothing.
        #expect(printed.units(district: nil, source: "004", key: LabelKey.of("Tingkat Pengangguran Terbuka")) == ["%", "orang"])
        #expect(printed.units(district: "3509", source: "bps", key: LabelKey.of("Tingkat Pengangguran Terbuka")) == nil)
        #expect(printed.units(district: nil, source: "bps", key: LabelKey.of("Tingkat Pengangguran Terbuka")) == nil)
        #expect(printed.units(district: "3216", source: nil, key: LabelKey.of("Tingkat Pengangguran Terbuka")) == nil)
        #expect(printed.units(district: "3509", source: "004", key: LabelKey.of("Pencari kerja yang ditempatkan")) == ["orang"])
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        let column = "map-1,*,,Tingkat Pengangguran Terbuka,".count + 1
        #expect(run.err.contains("\(data.path)/indicator_mappings.csv:2:\(column): error: mapping map-1: the label is printed in 'orang' but tpt is in percent: only a label of the same definition maps as is (a count never maps onto a rate; use ratio, sum or per_1000)"),
                "\(run.err)")
    }

    @Test func caveatsTravelWithTheValue() throws {
        let caveat = "includes overseas placements (AKAN): 2,042 of 3,898 in 2023"
        let comparison = try reportRows("comparison.csv")
        let placements = try #require(comparison.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["indicator_id"] == "placements" })
        #expect(placements["caveat"] == caveat)
        let costs = try reportRows("costs.csv")
        let cost = try #require(costs.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["indicator_id"] == "cost_per_placement" })
        #expect(cost["caveat"] == caveat)
        let budget = try reportRows("budget.csv")
        let whole = try #require(budget.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["programme_code"] == "all" })
        #expect(whole["caveat"] == "covers the programmes of 004 Tabel 3.8: 2.07.01, 2.07.03, 2.07.04, 2.07.05")
    }

    @Test func costsNameTheirLinesAndCountsInBothVariants() throws {
        let costs = try reportRows("costs.csv")
        func row(_ id: String) throws -> [String: String] {
            try #require(costs.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["indicator_id"] == id })
        }
        // 1.414.708.339 realised by programme 2.07.04 / 3.898 placed (AKAN included) and / 1.856 + 0 placed at home.
        let all = try row("cost_per_placement"), domestic = try row("cost_per_domestic_placement")
        #expect(all["cost"] == "362932" && all["outcome"] == "3898" && all["budget_line_ids"] == "004-t3.8-29")
        #expect(domestic["cost"] == "762235" && domestic["outcome"] == "1856" && domestic["outcome_record_ids"] == "004-txt-1 004-txt-2")
        #expect(domestic["definition"] == "realised spend of programme 2.07.04 / placements_domestic")
    }

    // MARK: Corrections

    @Test func correctionsAreApplied() throws {
        // Kota Bekasi 2020: with 001-cor-7 and 001-cor-8 the programmes of Tabel 3.10 sum to
        // 4.338.239.800 pagu and 3.916.632.280 realisasi: 90,28 % (the printed figures give 75,56 %).
        let comparison = try reportRows("comparison.csv")
        let absorption = try #require(comparison.first { $0["district_code"] == "3275" && $0["year"] == "2020" && $0["indicator_id"] == "budget_absorption" })
        #expect(absorption["value"] == "90.28")
        #expect(absorption["corrected"]?.contains("001-cor-7: pagu printed 2275367080, corrected to 2753367080") == true)
        // A withdrawn figure is dropped: the Renstra's transmigration programme printed as 0 (002-cor-2).
        let target = try #require(shipped.correctedObservations().first { $0.id == "002-t18-144" })
        #expect(target.target?.value == 15_500 && target.corrections.first?.printed?.value == 155_000)
        let line = try #require(shipped.correctedBudgetLines().first { $0.id == "002-t18b-25" })
        #expect(line.pagu == nil && line.corrections.first?.printed?.value == 0)
    }

    // MARK: Suspect values

    @Test func aSuspectValueIsMarkedAndLeftOutOfRanks() throws {
        // Kabupaten Mandailing Natal's TPT 2019, 1,09 %, against 4,43 (2018) and 6,50 (2020): an order of magnitude off.
        let finding = try #require(shippedAnalysis.audit.findings.first { $0.check == .seriesJump && $0.districtCode == "1213" && $0.year == 2019 })
        #expect(finding.published == 1.09 && finding.severity == .error)
        let rankings = try reportRows("rankings.csv")
        let row = try #require(rankings.first { $0["district_code"] == "1213" && $0["year"] == "2019" && $0["indicator_id"] == "tpt" && $0["scope"] == "nation" })
        #expect(row["rank"] == "" && row["note"]?.hasPrefix("left out as suspect") == true && row["suspect"]?.isEmpty == false)
        let comparison = try reportRows("comparison.csv")
        #expect(comparison.first { $0["district_code"] == "1213" && $0["year"] == "2019" && $0["indicator_id"] == "tpt" }?["suspect"]?.contains("series_jump") == true)
        // A participation rate over 95 % is implausible: Kabupaten Nduga 2021, 97,93.
        #expect(shippedAnalysis.audit.findings.contains { $0.check == .rateRange && $0.districtCode == "9429" && $0.published == 97.93 })
        #expect(shippedAnalysis.alignment.value("9429", 2021, "tpak")?.chosen.isSuspect == true)
        // --include-suspect keeps them.
        let kept = Analysis(shipped, includeSuspect: true).allRankings()
        #expect(kept.contains { $0.district.code == "1213" && $0.year == 2019 && $0.indicator.id == "tpt" && $0.rank != nil })
    }

    @Test func theLowerPrioritySourceOfADisagreementIsSuspect() throws {
        // Sidoarjo 2022: redaksijatim's 8,08 (press) against 8,80 in the BPS copies: the press figure is
        // suspect, BPS's is used and ranked.
        let v = try #require(shippedAnalysis.alignment.value("3515", 2022, "tpt"))
        #expect(v.chosen.value == 8.80 && !v.chosen.isSuspect)
        #expect(v.alternatives.contains { $0.value == 8.08 && $0.isSuspect })
    }

    @Test func aMidSeriesAndALastYearTypoAreBothCaught() throws {
        // Six districts with plausible TPT 2019–2023; 9916 prints 8,1 / 8,0 / 0,79 / 7,9 / 79,0.
        var districts = (0..<6).map { i in
            SyntheticDistrict(code: "99\(i + 10)", values: (2019...2023).map { ("tpt", $0, 5 + Double(i) + Double($0 - 2019) / 10) })
        }
        districts.append(SyntheticDistrict(code: "9916", values: zip(2019...2023, [8.1, 8.0, 0.79, 7.9, 79.0]).map { ("tpt", $0, $1) }))
        let analysis = Analysis(try syntheticDataset(districts))
        let jumps = analysis.audit.findings.filter { $0.check == .seriesJump && $0.districtCode == "9916" }
        #expect(Set(jumps.map(\.year)) == [2021, 2023])
        let rankings = analysis.allRankings().filter { $0.district.code == "9916" && $0.scope == .nation }
        for year in [2021, 2023] {
            let e = try #require(rankings.first { $0.year == year })
            #expect(e.rank == nil && e.note?.hasPrefix("left out as suspect") == true)
        }
        #expect(rankings.first { $0.year == 2022 }?.rank != nil)
    }

    @Test func aTwoYearSeriesTypoIsCaught() throws {
        let districts = [SyntheticDistrict(code: "9910", values: [("tpt", 2022, 6.5), ("tpt", 2023, 65.0)])]
        let analysis = Analysis(try syntheticDataset(districts))
        let jumps = analysis.audit.findings.filter { $0.check == .seriesJump }
        #expect(Set(jumps.map(\.year)) == [2022, 2023])
        #expect(jumps.allSatisfy { $0.detail.contains("which one, no other source tells") })
    }

    @Test func aValueIsCheckedAgainstOtherSourcesOfTheSameFact() throws {
        // 9910's TPT 2023 is its only year, printed by four sources: 8,1, 8,2, 8,3 and 81,0. With no series
        // to compare with, the 81 is caught against the other three (their median 8,2); they are not.
        let folder = try fourPrintingsOfTPT { sources in sources + (2...4).map { "s\($0),test\($0),Synthetic \($0),press,2023,,,,\n" }.joined() }
        let analysis = Analysis(try #require(DatasetLoader.load(directory: folder.path).dataset))
        let jumps = analysis.audit.findings.filter { $0.check == .seriesJump }
        #expect(jumps.map(\.recordIDs.first) == ["o4"])
        #expect(jumps.first?.detail == "tpt 2023 printed as 81; the other 3 sources of the same fact give 8.1, 8.2, 8.3: an order of magnitude off")
        #expect(jumps.first?.expected == 8.2)
    }

    @Test func aValueMarkedSuspectGivesWayToAnUnsuspectedOne() throws {
        // 9910's TPT 2023 printed by four press reports; the 81's has priority 1, so it is the value
        // used. Marked suspect, it gives way to the first of the others (8,1), and stays listed
        // after them: the grid is the one made anew of the facts as they are now.
        let folder = try fourPrintingsOfTPT { _ in
            "source_id,document,title,type,year,publisher,area_code,note,priority\n"
                + "s1,test,Synthetic,press,2023,,,,\ns2,test2,Synthetic 2,press,2023,,,,\ns3,test3,Synthetic 3,press,2023,,,,\n"
                + "s4,test4,Synthetic 4,press,2023,,,,1\n"
        }
        var alignment = Alignment(try #require(DatasetLoader.load(directory: folder.path).dataset))
        #expect(alignment.value("9910", 2023, "tpt")?.chosen.value == 81)
        alignment.markSuspects(["o4.value": ["a typo"]], threads: 2)
        let used = try #require(alignment.value("9910", 2023, "tpt"))
        #expect(used.chosen.value == 8.1 && !used.chosen.isSuspect)
        #expect(used.alternatives.map(\.value) == [8.2, 8.3, 81] && used.alternatives.map(\.isSuspect) == [false, false, true])
        let info = alignment.sourceInfo
        let anew = ResolvedGrid(alignment.facts, areaCount: alignment.grid.areaCount, indicatorCount: alignment.grid.indicatorCount,
                                keepsValues: true) { SourcePriority.prefers($0, over: $1, sources: info) }
        #expect(alignment.grid.chosen == anew.chosen && alignment.grid.others == anew.others)
    }

    /// A synthetic datasets folder where 9910's TPT 2023 is printed four times: 8,1 (record o1, in
    /// source s1), 8,2, 8,3 and 81,0 (o2–o4, in s2–s4); `sources` makes sources.csv of the folder's own.
    private func fourPrintingsOfTPT(sources: (String) -> String) throws -> URL {
        let folder = try syntheticFolder([SyntheticDistrict(code: "9910", values: [("tpt", 2023, 8.1)])])
        let references = folder.appendingPathComponent("references.csv"), sourcesFile = folder.appendingPathComponent("sources.csv")
        try (String(contentsOf: references, encoding: .utf8)
            + "o2,9910,tpt,2023,8,8.2,,%,false,,s2,test,,\no3,9910,tpt,2023,8,8.3,,%,false,,s3,test,,\no4,9910,tpt,2023,8,81.0,,%,false,,s4,test,,\n")
            .write(to: references, atomically: true, encoding: .utf8)
        try sources(String(contentsOf: sourcesFile, encoding: .utf8)).write(to: sourcesFile, atomically: true, encoding: .utf8)
        return folder
    }

    // MARK: Small samples

    @Test func noRankOrZScoreOverFewerThanFive() throws {
        for row in try reportRows("rankings.csv") where Int(row["n_ranked"] ?? "") ?? 0 < Rankings.minimumGroupSize {
            #expect(row["rank"] == "" && row["percentile"] == "" && row["scope_median"] == "", "\(row)")
        }
        for row in try reportRows("statistics.csv") {
            #expect((Int(row["n"] ?? "") ?? 0) >= Rankings.minimumGroupSize, "\(row)")
        }
        // The composite is of one year: every input is the district's value that year (comparison.csv,
        // unsuspected), and exactly the districts with such a value of every indicator are scored.
        let composite = try reportRows("composite.csv")
        let year = try #require(composite.first?["year"])
        let indicators = (composite.first?["indicators"] ?? "").split(separator: " ").map(String.init)
        #expect(indicators.count >= 2)
        var values: [String: String] = [:]
        for row in try reportRows("comparison.csv") where row["year"] == year && row["suspect"] == "" {
            values[row["district_code"]! + " " + row["indicator_id"]!] = row["value"]
        }
        let scored = composite.filter { $0["score"] != "" }
        for row in scored {
            let expected = indicators.map { "\($0) \(year)=\(values[row["district_code"]! + " " + $0] ?? "missing")" }
            #expect(row["inputs"] == expected.joined(separator: "; "), "\(row)")
        }
        let complete = Set(values.keys.map { String($0.split(separator: " ")[0]) }).filter { d in indicators.allSatisfy { values[d + " " + $0] != nil } }
        #expect(Set(scored.map { $0["district_code"]! }) == complete)
        // It ranks at least five districts.
        #expect(composite.filter { !($0["rank"] ?? "").isEmpty }.count >= Rankings.minimumGroupSize)
    }

    // MARK: Targets

    @Test func theNewestRevisionOfATargetWins() throws {
        // Jember's Renstra target for the disputes share in 2023: 89 before its change, 100 after.
        let t = try #require(shippedAnalysis.alignment.target("3509", 2023, "disputes_resolved_share"))
        #expect(t.chosen.value == 100 && t.chosen.revision == "setelah perubahan")
        // Swap the ranks in revisions.csv: the other revision wins, whatever the file order.
        let data = try copyOfShippedDatasets()
        let file = data.appendingPathComponent("revisions.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "sebelum perubahan,1,", with: "sebelum perubahan,3,").write(to: file, atomically: true, encoding: .utf8)
        let swapped = Analysis(try #require(DatasetLoader.load(directory: data.path).dataset))
        #expect(swapped.alignment.target("3509", 2023, "disputes_resolved_share")?.chosen.value == 89)
    }

    @Test func aRevisionMustBeRanked() throws {
        let data = try copyOfShippedDatasets()
        let file = data.appendingPathComponent("revisions.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "004,setelah perubahan,2", with: "004,sesudah,2").write(to: file, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        #expect(run.err.contains { $0.hasSuffix("error: revision 'setelah perubahan' of source 004 is not in revisions.csv: rank it there (the newest revision of a target wins)") })
    }

    @Test func targetsAreScoredAndAMetTargetNeedsNoPace() throws {
        let targets = try reportRows("targets.csv")
        // Jember placements 2023: 3.898 against 1.000: capaian 389,80, AA.
        let placements = try #require(targets.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["indicator_id"] == "placements" })
        #expect(placements["capaian"] == "389.80" && placements["predicate"] == "AA" && placements["met"] == "yes")
        // Kabupaten Bekasi TPT 2024: 8,82 against the Renstra's 9,02 (lower is better): met.
        let tpt = try #require(targets.first { $0["district_code"] == "3216" && $0["year"] == "2024" && $0["indicator_id"] == "tpt" })
        #expect(tpt["met"] == "yes")
        // A change across sources is flagged: Kabupaten Bekasi's TPT 2017 is the Renstra's, 2018 on BPS's.
        let trends = try reportRows("trends.csv")
        let tpt2018 = try #require(trends.first { $0["district_code"] == "3216" && $0["indicator_id"] == "tpt" && $0["year"] == "2018" })
        #expect(tpt2018["note"]?.hasPrefix("source break: 002 Tabel 1 (2017) → gh-jessch22") == true)
        for row in trends where row["target_met"] == "yes" {
            #expect(row["pace_per_year"] == "" && row["note"]?.contains("target already met") == true)
        }
    }

    // MARK: Audit reach

    @Test func aLineRewordedInAnotherTableIsOneFact() throws {
        // Kota Bekasi 2020: "Penetapan UMK dan UMSK, serta penetapan sektor unggulan 2020" (Tabel 3.10, realisasi
        // 102.370.000) and "Penyusunan Rekomendasi UMK dan UMSK Kota Baekasi tahun 2020" (Tabel 3.5, 83.250.000), both pagu 150.000.000.
        let f = try #require(shippedAnalysis.audit.findings.first {
            $0.check == .sameFact && $0.districtCode == "3275" && Set([$0.published, $0.expected]) == [102_370_000, 83_250_000]
        })
        #expect(Set([f.location.location, f.otherLocation?.location]) == ["Tabel 3.10", "Tabel 3.5"])
        #expect(LabelKey.similarity("Sinergitas lembaga kerja sama tripartit", "Sinergritas Lembaga Kerja Sama Tripartit") == 1)
    }

    @Test func everyPrintedAgencyTotalIsCompared() throws {
        // Kota Bekasi 2020: 15.762.508.500 (§4.1), 15.000.000.000 (§3.3), 15.062.824.500 (Lampiran).
        let totals = shippedAnalysis.audit.findings.filter {
            $0.check == .sameFact && $0.districtCode == "3275" && $0.year == 2020 && $0.location.sourceID == "001" && $0.detail.hasPrefix("the agency's total")
        }
        #expect(Set(totals.flatMap { [$0.published, $0.expected] }) == [15_762_508_500, 15_000_000_000, 15_062_824_500])
        // Every budget line with lines under it is checked against their sum, at every level.
        let lines = shipped.budgetLines()
        let parents = Set(lines.compactMap(\.parentID))
        for line in lines where parents.contains(line.id) && (line.pagu != nil || line.realisasi != nil) {
            #expect(shippedAnalysis.audit.ran(.total, on: line.id) || shippedAnalysis.audit.problems.contains { $0.contains(line.label) }, "\(line.id)")
        }
    }
}
