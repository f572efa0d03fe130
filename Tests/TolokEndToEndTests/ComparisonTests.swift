import Foundation
import Synchronization
import Testing
import Tolok
import TolokCLI

/// The analysis of the shipped datasets, computed once.
let shippedAnalysis = Analysis(shipped)

func comparison(_ district: String, _ indicator: String, _ year: Int) throws -> Comparison {
    try #require(Comparisons.compute(shippedAnalysis.alignment, areas: shipped.areas, policy: .year(year)).first {
        $0.district.code == district && $0.indicator.id == indicator
    }, "no comparison for \(district) \(indicator) \(year)")
}

func format(_ value: Double?) -> String? { value.map { CSVWriter.format($0, decimals: 2) } }

@Suite("Comparisons against province and nation")
struct ComparisonTests {
    @Test func kabupatenBekasiTPT2024AgainstJawaBarat() throws {
        // 8,82 % against Jawa Barat's 6,75 %: +2,07 points, worse (lower is better).
        let c = try comparison("3216", "tpt", 2024)
        #expect(c.value.chosen.value == 8.82)
        #expect(c.provinceValue?.chosen.value == 6.75)
        #expect(format(c.gapProvince) == "2.07")
        #expect(c.vsProvince == .worse)
        #expect(c.nationalValue?.chosen.value == 4.91)
    }

    @Test func comparisonsOfSomeIndicatorsAreThoseRowsOfAll() throws {
        // Kabupaten Bekasi's TPT and TPAK rows, asked for alone: the same rows as in every indicator's.
        let bekasi = try #require(shipped.areas.byCode["3216"])
        let describe = { (c: Comparison) in "\(c.indicator.id) \(c.year) \(c.value.chosen.value) \(c.gapProvince ?? .nan) \(c.gapNational ?? .nan) \(c.note ?? "")" }
        let all = Comparisons.compute(shippedAnalysis.alignment, areas: shipped.areas, districts: [bekasi])
        let some = Comparisons.compute(shippedAnalysis.alignment, areas: shipped.areas, districts: [bekasi], indicators: ["tpt", "tpak"])
        #expect(some.map(describe) == all.filter { ["tpt", "tpak"].contains($0.indicator.id) }.map(describe))
        #expect(some.contains { $0.indicator.id == "tpt" && $0.year == 2024 && $0.value.chosen.value == 8.82 })
        #expect(all.count > some.count)
    }

    @Test func placesAreTheDistrictsEntriesInTheRankings() throws {
        // Every comparison's places (from the rank columns, CellRanks) are the district's entries in
        // the rankings built row by row (Rankings.compute): ranked, listed unranked, or absent.
        var entries: [String: Comparison.Place] = [:]
        for e in shippedAnalysis.allRankings() where e.value != nil && e.scope.grouping != .kind {
            entries["\(e.district.code) \(e.indicator.id) \(e.year) \(e.scope.grouping.rawValue)"] = Comparison.Place(rank: e.rank, rankedCount: e.rankedCount)
        }
        let rows = Comparisons.compute(shippedAnalysis.alignment, areas: shipped.areas, ranks: shippedAnalysis.cellRanks())
        for c in rows {
            let key = "\(c.district.code) \(c.indicator.id) \(c.year) "
            #expect(c.provinceRank == entries[key + "province"], "\(key)province")
            #expect(c.nationRank == entries[key + "nation"], "\(key)nation")
        }
        // Both kinds of place occur: a rank, and a value listed unranked (a group too small, or suspect).
        #expect(rows.contains { $0.provinceRank?.rank != nil } && rows.contains { $0.nationRank?.rank != nil })
        #expect(rows.contains { $0.provinceRank != nil && $0.provinceRank?.rank == nil })
    }

    @Test func kabupatenBekasiTPAK2024AgainstJawaBarat() throws {
        // BPS: 65,11 % against Jawa Barat's 67,71 %: −2,60 points, worse (higher is better).
        let c = try comparison("3216", "tpak", 2024)
        #expect(c.value.chosen.value == 65.11)
        #expect(shipped.sources()[c.value.chosen.source.sourceID]?.type == "BPS")
        #expect(c.provinceValue?.chosen.value == 67.71)
        #expect(format(c.gapProvince) == "-2.60")
        #expect(c.vsProvince == .worse)
        // Against the nation: BPS's 70,63, not the 68,53 the LKIP quotes (kept as an alternative).
        #expect(c.nationalValue?.chosen.value == 70.63)
        #expect(format(c.gapNational) == "-5.52")
        #expect(c.vsNational == .worse)
    }

    @Test func jemberTPT2023AgainstJawaTimur() throws {
        // 4,01 % against Jawa Timur's 4,88 %: −0,87 points, better.
        let c = try comparison("3509", "tpt", 2023)
        #expect(format(c.gapProvince) == "-0.87")
        #expect(c.vsProvince == .better)
        #expect(c.vsNational == .better)
    }

    @Test func jemberDisputesFromTheCountsThroughTheMappingTable() throws {
        // 12 of 14 cases → 85,71 %, computed by the mapping's ratio transform from the two counts.
        let v = try #require(shippedAnalysis.alignment.value("3509", 2023, "disputes_resolved_share"))
        #expect(format(v.chosen.value) == "85.71")
        #expect(v.chosen.via.hasPrefix("mapping map-3509-disp-1 (ratio"))
        #expect(v.chosen.recordIDs == ["004-txt-5", "004-txt-4"])
        // The printed 85,71 % stays visible as an alternative.
        #expect(v.alternatives.contains { $0.value == 85.71 })
    }

    @Test func sourcePriorityPrefersBPSAndKeepsTheOther() throws {
        let v = try #require(shippedAnalysis.alignment.value("00", 2024, "tpak"))
        #expect(v.chosen.value == 70.63 && v.chosen.source.sourceID == "web-fortune-2024")
        #expect(v.alternatives.contains { $0.value == 68.53 && $0.source.sourceID == "000" })
    }

    @Test func sourcePriorityPrefersTheNewerVintage() throws {
        // National TPT August 2019: 5,28 as first released, 5,23 after BPS's 2020 re-weighting.
        let v = try #require(shippedAnalysis.alignment.value("00", 2019, "tpt"))
        #expect(v.chosen.value == 5.23)
        #expect(v.alternatives.contains { $0.value == 5.28 })
    }

    @Test func derivedFiguresOnlyWhereNothingIsPublished() throws {
        // Jawa Barat TPAK 2024 is published (67,71); Aceh's exists only derived from counts.
        let jabar = try #require(shippedAnalysis.alignment.value("32", 2024, "tpak"))
        #expect(!jabar.chosen.derived && jabar.chosen.value == 67.71)
        let aceh = try #require(shippedAnalysis.alignment.value("11", 2024, "tpak"))
        #expect(aceh.chosen.derived && aceh.chosen.via == "references (derived)")
        // February figures are not yearly figures: none is aligned.
        let february = Set(shipped.references().filter { $0.month == 2 }.map(\.id))
        #expect(!february.isEmpty)
        #expect(!shippedAnalysis.alignment.facts.indices.contains { february.contains(shippedAnalysis.alignment.recordID($0)) })
    }

    @Test func everyDistrictsComparisonsPrintedAFewDistrictsAtATimeAreTheWholeTable() throws {
        // Without --district, a machine format is printed a few districts at a time (a million rows
        // at national scale): the same text as the whole table, in several prints.
        let ranks = shippedAnalysis.cellRanks()
        let cases: [(format: Tabular.Format, arguments: [String], policy: YearPolicy)] = [
            (.csv, [], .all), (.json, ["--latest"], .latest), (.md, ["--year", "2023"], .year(2023)),
        ]
        for c in cases {
            let printed = Lines(), prints = Mutex(0)
            let console = Console(out: { text in printed.append([text]); prints.withLock { $0 += 1 } }, err: { _ in }, isTerminal: false)
            let status = TolokCommandLine.run(["compare", "--format", c.format.rawValue] + c.arguments + ["--data", shippedDatasets], console: console)
            #expect(status == 0)
            let rows = Comparisons.compute(shippedAnalysis.alignment, areas: shipped.areas, policy: c.policy, ranks: ranks)
            let whole = AnalysisExports.comparison(rows, policy: c.policy).render(c.format)
            #expect(printed.lines.map { $0 + "\n" }.joined() == whole, "\(c.format)")
            #expect(prints.withLock { $0 } >= 2, "\(c.format)")
        }
    }

    @Test func compareCommandCSVAndYearPolicies() throws {
        let run = tolok("compare", "--district", "kab-jember", "--year", "2023", "--format", "csv", "--data", shippedDatasets)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.first?.hasPrefix("district_code,district_name,province_code,year,indicator_id,") == true)
        #expect(run.out.dropFirst().allSatisfy { $0.hasPrefix("3509,Kabupaten Jember,35,2023,") })
        let latest = tolok("compare", "--latest", "--format", "json", "--data", shippedDatasets)
        #expect(latest.status == 0)
        #expect(latest.out.joined().contains("\"year_policy\": \"latest per district\""))
        #expect(tolok("compare", "--year", "2023", "--latest").status == 2)
        #expect(tolok("compare", "--district", "kab-nowhere", "--data", shippedDatasets).status == 2)
    }

    @Test func rankCommandOnTPT2023() throws {
        let run = tolok("rank", "--indicator", "tpt", "--year", "2023", "--format", "csv", "--data", shippedDatasets)
        #expect(run.status == 0)
        #expect(tolok("rank", "--indicator", "nonsense", "--data", shippedDatasets).status == 2)
        #expect(tolok("rank", "--data", shippedDatasets).status == 2)
        #expect(tolok("rank", "--indicator", "tpt", "--province", "32", "--peers", "kind", "--data", shippedDatasets).status == 2)
    }

    @Test func reportWritesEveryExport() throws {
        let out = try temporaryFolder()
        let run = tolok("report", "--data", shippedDatasets, "--out", out.path)
        #expect(run.status == 0)
        for name in ["achievement", "audit", "comparison", "rankings", "composite", "statistics", "trends", "budget", "costs"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(name).csv").path), "\(name).csv")
        }
        let budget = try readCSV(out.appendingPathComponent("budget.csv"))
        let jember = try #require(budget.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["programme_code"] == "all" })
        #expect(jember["pagu"] == "15308539115" && jember["realisasi"] == "13359116248" && jember["absorption"] == "87.27")
        let placement = try #require(budget.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["programme_code"] == "2.07.04" })
        #expect(placement["pagu"] == "1444411000" && placement["realisasi"] == "1414708339")
        let costs = try readCSV(out.appendingPathComponent("costs.csv"))
        let cost = try #require(costs.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["indicator_id"] == "cost_per_placement" })
        // 1.414.708.339 realised by Program Penempatan Tenaga Kerja / 3.898 placed.
        #expect(cost["cost"] == "362932")
        #expect(cost["programme_codes"] == "[2.07.04]")
        // The summary's counts are those of comparison.csv: its rows, and the districts in it.
        let comparison = try readCSV(out.appendingPathComponent("comparison.csv"))
        let districts = Set(comparison.compactMap { $0["district_code"] }).count
        #expect(comparison.count > 1000 && districts >= 3)
        #expect(run.out.contains { $0.hasPrefix("Comparison: \(comparison.count) district × year × indicator values of \(districts) districts ") },
                "\(run.out.first { $0.hasPrefix("Comparison:") } ?? "no Comparison line")")
    }
}
