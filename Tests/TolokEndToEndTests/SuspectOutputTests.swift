import Foundation
import Testing
import Tolok

@Suite("Suspect values: marked in every output, left out of the statistics unless --include-suspect")
struct SuspectOutputTests {
    /// Kabupaten Mandailing Natal's TPT (BPS copy): 4,43 in 2018, 1,09 in 2019 (an order of magnitude
    /// off its other years, suspect), 6,50 in 2020, … 7,22 in 2024.
    func mandailingNatal(_ rows: [[String: String]], year: String? = nil, yardstick: String? = nil) throws -> [String: String] {
        try #require(rows.first {
            $0["district_code"] == "1213" && $0["indicator_id"] == "tpt" && (year == nil || $0["year"] == year)
                && (yardstick == nil || $0["yardstick"] == yardstick)
        })
    }

    @Test func aSuspectGapIsLeftOutOfTheGapTrend() throws {
        // Its gap to Sumatera Utara: −1,12 in 2018, −4,30 in 2019 (the suspect 1,09), … +1,62 in 2024. The
        // slope over the six other years is 0,5253 a year (0,7796 with 2019).
        let gaps = try reportRows("gaps.csv")
        let province = try mandailingNatal(gaps, yardstick: "province")
        #expect(province["first_year"] == "2018" && province["last_year"] == "2024" && province["n_years"] == "6")
        #expect(province["gap_first"] == "-1.12" && province["gap_last"] == "1.62" && province["change_since_first"] == "2.74")
        #expect(province["slope_per_year"] == "0.5253")
        #expect(province["gaps"]?.contains("2019: -4.30") == true)
        #expect(province["suspect"]?.hasPrefix("2019: series_jump: tpt 2019 printed as 1.09;") == true)
        #expect(province["note"] == "suspect gap left out of the trend (--include-suspect keeps it): 2019")
        // Against the nation (−4,14 in 2019): 0,6291 a year without 2019.
        let nation = try mandailingNatal(gaps, yardstick: "nation")
        #expect(nation["n_years"] == "6" && nation["slope_per_year"] == "0.6291" && nation["suspect"]?.hasPrefix("2019: ") == true)
        // Gaps with no suspect value have no suspect column: Kabupaten Bekasi's TPT.
        let bekasi = try #require(gaps.first { $0["district_code"] == "3216" && $0["indicator_id"] == "tpt" && $0["yardstick"] == "province" })
        #expect(bekasi["suspect"] == "" && bekasi["note"] == "")
    }
}
