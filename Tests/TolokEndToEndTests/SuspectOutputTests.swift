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

    @Test func aTrendStepsOverASuspectValue() throws {
        let trends = try reportRows("trends.csv")
        // 2019 (the suspect 1,09): kept and marked, no change to it.
        let y2019 = try mandailingNatal(trends, year: "2019")
        #expect(y2019["value"] == "1.09" && y2019["previous_year"] == "" && y2019["change"] == "" && y2019["change_percent"] == "")
        #expect(y2019["suspect"]?.hasPrefix("series_jump: tpt 2019 printed as 1.09;") == true)
        #expect(y2019["note"] == "left out of the changes as suspect (--include-suspect keeps it)")
        // 2020: its change from 2018's 4,43, +2,07 (+46,73 %), not from 1,09 (+496 %).
        let y2020 = try mandailingNatal(trends, year: "2020")
        #expect(y2020["previous_year"] == "2018" && y2020["change"] == "2.07" && y2020["change_percent"] == "46.73")
        #expect(y2020["note"] == "change from 2018: suspect 2019 left out" && y2020["suspect"] == "")
        // 2024: the compound change from 2018 (4,43 → 7,22), 8,48 % a year.
        let y2024 = try mandailingNatal(trends, year: "2024")
        #expect(y2024["first_year"] == "2018" && y2024["cagr_percent"] == "8.48")
    }
}
