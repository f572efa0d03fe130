import Foundation
import Testing
import Tolok

@Suite("Rankings among real peers (BPS figures of every district)")
struct PeerRankingTests {
    let tpt = shippedAnalysis.alignment.catalogue.byID["tpt"]!

    func entry(_ district: String, year: Int, _ grouping: RankingScope.Grouping) throws -> RankingEntry {
        try #require(Rankings.compute(shippedAnalysis.alignment, areas: shipped.areas, indicator: tpt, year: year, groupings: [grouping])
            .first { $0.district.code == district })
    }

    @Test func kabupatenBekasiTPT2023InJawaBarat() throws {
        // 8,87 % ranks 23rd of Jawa Barat's 27 districts (lower is better).
        let e = try entry("3216", year: 2023, .province)
        #expect(e.value?.chosen.value == 8.87)
        #expect(e.scope.id == "province:32")
        #expect(e.rank == 23 && e.rankedCount == 27)
    }

    @Test func jemberTPT2023InJawaTimur() throws {
        // 4,01 % ranks 9th of Jawa Timur's 38.
        let e = try entry("3509", year: 2023, .province)
        #expect(e.value?.chosen.value == 4.01)
        #expect(e.rank == 9 && e.rankedCount == 38)
        // Distance to the best of the province: Kabupaten Sumenep's 1,71.
        #expect(e.provinceSummary?.best == 1.71)
        #expect(abs((e.distanceToProvinceBest ?? 0) - 2.30) < 1e-9)
    }

    @Test func theNationalRankingCountsEveryDistrictWithAValue() throws {
        // Ranked: every district with a TPT value for 2023 the audit does not suspect.
        let values = Dictionary(uniqueKeysWithValues: shipped.areas.districts.compactMap { d in
            shippedAnalysis.alignment.value(d.code, 2023, "tpt").map { (d.code, $0.chosen) }
        })
        let expected = Set(values.filter { !$0.value.isSuspect }.keys)
        #expect(expected.isSuperset(of: ["3216", "3509"]))
        let nation = Rankings.compute(shippedAnalysis.alignment, areas: shipped.areas, indicator: tpt, year: 2023, groupings: [.nation])
        let ranked = nation.filter { $0.rank != nil }
        #expect(Set(ranked.map(\.district.code)) == expected)
        #expect(ranked.allSatisfy { $0.rankedCount == expected.count })
        // The others are listed with the reason, never silently dropped: no value, or a suspect one.
        let unranked = nation.filter { $0.rank == nil }
        #expect(unranked.count == shipped.areas.districts.count - expected.count)
        for e in unranked {
            let reason = values[e.district.code] == nil ? "no value" : "left out as suspect"
            #expect(e.note?.hasPrefix(reason) == true, "\(e.district.code): \(e.note ?? "")")
        }
        // The best is ranked 1 with percentile 100.
        #expect(ranked.first?.rank == 1 && ranked.first?.percentile == 100)
    }

    @Test func rankCommandPrintsEveryDistrictOfTheProvince() throws {
        let run = tolok("rank", "--indicator", "tpt", "--year", "2023", "--province", "32", "--format", "csv", "--data", shippedDatasets)
        #expect(run.status == 0, "\(run.err)")
        let jabar = shipped.areas.districts.filter { $0.parentCode == "32" }.count
        #expect(run.out.count - 1 == jabar)
        #expect(run.out.dropFirst().allSatisfy { $0.hasPrefix("tpt,Tingkat Pengangguran Terbuka (TPT),2023,province:32,") })
        #expect(run.out.contains { $0.contains(",province:32,3216,Kabupaten Bekasi,32,8.87,23,27,") })
        // --top and --around keep long lists short.
        let top = tolok("rank", "--indicator", "tpt", "--year", "2023", "--province", "32", "--top", "3", "--format", "csv", "--data", shippedDatasets)
        #expect(top.out.dropFirst().map { $0.split(separator: ",")[8] } == ["1", "2", "3"])
        let around = tolok("rank", "--indicator", "tpt", "--year", "2023", "--province", "32", "--around", "kab-bekasi", "--neighbours", "1",
                           "--format", "csv", "--data", shippedDatasets)
        #expect(around.out.dropFirst().map { $0.split(separator: ",")[8] } == ["22", "23", "24"])
    }

    @Test func compareShowsRanksBesideTheGaps() throws {
        let run = tolok("compare", "--district", "3216", "--year", "2023", "--format", "json", "--data", shippedDatasets)
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.out.joined(separator: "\n").utf8)) as? [[String: Any]])
        let tpt = try #require(rows.first { $0["indicator_id"] as? String == "tpt" })
        #expect(tpt["rank_province"] as? Int == 23 && tpt["n_province"] as? Int == 27)
        #expect(tpt["rank_nation"] as? Int != nil)
        #expect(tpt["gap_province"] != nil)
    }

    @Test func papuaDistrictsRankInTheirProvinceOfTheYear() throws {
        // Merauke (BPS 9401, Kemendagri 91.01) is in Papua Selatan (95) since 2024, in Papua (94) before.
        let merauke = try #require(shipped.areas.byCode["9401"])
        #expect(merauke.kemendagriCode == "91.01" && merauke.parentCode == "95")
        #expect(shipped.areas.province(of: merauke, year: 2023)?.code == "94")
        #expect(shipped.areas.province(of: merauke, year: 2024)?.code == "95")
        let e = try entry("9401", year: 2023, .province)
        #expect(e.scope.id == "province:94")
    }

    @Test func kemendagriCodesWithoutTheDot() throws {
        for area in shipped.areas.districts where area.note == nil {
            #expect(area.kemendagriCode?.replacingOccurrences(of: ".", with: "") == area.code, "\(area.code)")
        }
        #expect(shipped.areas.find("kab-bekasi")?.code == "3216")
    }
}
