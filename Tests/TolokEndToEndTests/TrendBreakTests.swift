import Foundation
import Testing
import Tolok

@Suite("A change across a source or methodology break is flagged")
struct TrendBreakTests {
    @Test func vintageAndSourceBreaksInATrend() throws {
        // 9910's TPT: 5,1 in 2019 as first released, 5,3 in 2020 in BPS's re-weighted series (same
        // source: a vintage break), 5,2 in 2021 from another source (a source break).
        let folder = try syntheticFolder([SyntheticDistrict(code: "9910")])
        let references = folder.appendingPathComponent("references.csv"), sources = folder.appendingPathComponent("sources.csv")
        try (String(contentsOf: references, encoding: .utf8)
            + "v1,9910,tpt,2019,8,5.1,,%,false,first-release,s1,test,,\n"
            + "v2,9910,tpt,2020,8,5.3,,%,false,reweighted-2020,s1,test,,\n"
            + "v3,9910,tpt,2021,8,5.2,,%,false,reweighted-2020,s2,Tabel 2,,\n")
            .write(to: references, atomically: true, encoding: .utf8)
        try (String(contentsOf: sources, encoding: .utf8) + "s2,test2,Synthetic 2,BPS,2022,,,,\n").write(to: sources, atomically: true, encoding: .utf8)
        let out = try temporaryFolder()
        let run = tolok("report", "--data", folder.path, "--out", out.path)
        #expect(run.status == 0, "\(run.err)")
        let trends = try readCSV(out.appendingPathComponent("trends.csv")).filter { $0["district_code"] == "9910" && $0["indicator_id"] == "tpt" }
        #expect(trends.map { $0["note"] ?? "?" } == ["", "vintage break between 2019 and 2020", "source break: s1 test (2020) → s2 Tabel 2 (2021)"])
        #expect(trends.map { $0["change"] ?? "?" } == ["", "0.20", "-0.10"])
        // The library's trends say the same.
        let dataset = try #require(DatasetLoader.load(directory: folder.path).dataset)
        let analysis = Analysis(dataset)
        let points = Trends.compute(analysis.alignment, areas: analysis.areas).filter { $0.district.code == "9910" && $0.indicator.id == "tpt" }
        #expect(points.map { $0.note ?? "" } == trends.map { $0["note"] ?? "?" })
    }

    @Test func aTargetAgainstAnActualOfAnotherLabelIsAPossibleBreak() throws {
        let targets = try reportRows("targets.csv")
        // Kabupaten Bekasi 2023: the LKIP's "TPAK" (placements / registrations, 66,20) against the Renstra's
        // placement share target (40): printed under different labels in different documents.
        let share = try #require(targets.first { $0["district_code"] == "3216" && $0["indicator_id"] == "placement_share" && $0["year"] == "2023" })
        #expect(share["actual"] == "66.20" && share["target"] == "40.00")
        #expect(share["note"] == "possible break: actual 'Tingkat Partisipasi Angkatan Kerja (TPAK)' (000 Tabel 1.7), target 'Persentase penempatan pencari kerja terdaftar' (002 Table 18)")
        // BPS's TPT against the Renstra's target is the usual case: no break.
        let tpt = try #require(targets.first { $0["district_code"] == "3216" && $0["indicator_id"] == "tpt" && $0["year"] == "2024" })
        #expect(tpt["note"]?.contains("possible break") == false)
    }
}
