import Foundation
import Testing
import Tolok

/// The outputs of `tolok report --include-suspect` on the shipped datasets, written once.
let shippedReportWithSuspects: URL = {
    let out = try! temporaryFolder()
    let run = tolok("report", "--include-suspect", "--data", shippedDatasets, "--out", out.path)
    precondition(run.status == 0, run.err.joined(separator: "\n"))
    return out
}()

/// The clean fixture with three figures the audit finds wrong: Jember's placements printed as 3.898
/// (Tabel 3.1) and 3.989 (Tabel 3.3) in one report, so both are suspect; its placement programme's
/// realisasi 900.000.000 against its one kegiatan's 700.000.000. Written once by `tolok report`.
let suspectFixtureReport: URL = {
    let data = try! cleanFixture()
    let observations = data.appendingPathComponent("observations.csv"), budget = data.appendingPathComponent("budget.csv")
    try! (String(contentsOf: observations, encoding: .utf8)
        + "004-5,3509,2023,,,statistik,,Pencari kerja yang ditempatkan,orang,,,,3989,,004,Tabel 3.3,14,,\n")
        .write(to: observations, atomically: true, encoding: .utf8)
    try! (String(contentsOf: budget, encoding: .utf8)
        + "004-b4,004-b3,3509,2023,execution,kegiatan,,Kegiatan Penempatan,1000000000,700000000,70.00,004,Tabel 3.8,20,,\n")
        .write(to: budget, atomically: true, encoding: .utf8)
    let out = try! temporaryFolder()
    let run = tolok("report", "--data", data.path, "--out", out.path)
    precondition(run.status == 0, run.err.joined(separator: "\n"))
    return out
}()

/// The reasons the fixture's figures are suspect, as the outputs write them.
let placementsTwice = "same_fact: realisation printed as 3989 here and 3898 in 004 Tabel 3.1, p. 12 (004 Tabel 3.3, p. 14)"
let programmeTotal = "total: realisasi against the sum of its 1 line (004 Tabel 3.8, p. 20)"

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

    @Test func includeSuspectKeepsThemAndMarksTheSteps() throws {
        // tolok report --include-suspect: the 1,09 is ranked, in the gap trend and in the changes, and
        // every row that uses it says so.
        let rankings = try readCSV(shippedReportWithSuspects.appendingPathComponent("rankings.csv"))
        let without = try reportRows("rankings.csv")
        func nation(_ rows: [[String: String]]) throws -> [String: String] {
            try #require(rows.first { $0["district_code"] == "1213" && $0["year"] == "2019" && $0["indicator_id"] == "tpt" && $0["scope"] == "nation" })
        }
        let kept = try nation(rankings), left = try nation(without)
        #expect(kept["rank"] != "" && left["rank"] == "")
        #expect(Int(kept["n_ranked"] ?? "") == (Int(left["n_ranked"] ?? "") ?? 0) + 1)
        #expect(kept["suspect"]?.hasPrefix("series_jump: ") == true)
        let gaps = try readCSV(shippedReportWithSuspects.appendingPathComponent("gaps.csv"))
        let province = try mandailingNatal(gaps, yardstick: "province")
        #expect(province["n_years"] == "7" && province["slope_per_year"] == "0.7796")
        #expect(province["note"] == "suspect gap kept in the trend (--include-suspect): 2019")
        let trends = try readCSV(shippedReportWithSuspects.appendingPathComponent("trends.csv"))
        let y2019 = try mandailingNatal(trends, year: "2019")
        #expect(y2019["previous_year"] == "2018" && y2019["change"] == "-3.34")
        #expect(y2019["note"] == "change to a suspect value (kept by --include-suspect)")
        let y2020 = try mandailingNatal(trends, year: "2020")
        #expect(y2020["previous_year"] == "2019" && y2020["change"] == "5.41" && y2020["change_percent"] == "496.33")
        #expect(y2020["suspect"]?.hasPrefix("previous value 2019: series_jump: tpt 2019 printed as 1.09;") == true)
        #expect(y2020["note"] == "change from a suspect value (2019, kept by --include-suspect)")
    }

    @Test func rankTakesIncludeSuspect() throws {
        func row(_ extra: String...) throws -> [String] {
            let run = tolok(["rank", "--indicator", "tpt", "--year", "2019", "--format", "csv", "--data", shippedDatasets] + extra)
            #expect(run.status == 0, "\(run.err)")
            let line = try #require(run.out.first { $0.hasPrefix("tpt,Tingkat Pengangguran Terbuka (TPT),2019,nation,1213,") })
            return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        // Columns: … value (7), rank (8), n_ranked (9).
        let left = try row(), kept = try row("--include-suspect")
        #expect(left[7] == "1.09" && left[8] == "")
        #expect(kept[7] == "1.09" && kept[8] != "" && Int(kept[9]) == (Int(left[9]) ?? 0) + 1)
    }

    // MARK: A district report with suspect figures

    @Test func targetsMarkASuspectActual() throws {
        let targets = try readCSV(suspectFixtureReport.appendingPathComponent("targets.csv"))
        let placements = try #require(targets.first { $0["indicator_id"] == "placements" && $0["year"] == "2023" })
        #expect(placements["actual"] == "3898" && placements["target"] == "1000" && placements["capaian"] == "389.80")
        #expect(placements["suspect"] == placementsTwice)
        // BPS's TPT against the LKIP's target: not suspect.
        #expect(targets.first { $0["indicator_id"] == "tpt" }?["suspect"] == "")
    }

    @Test func budgetMarksASuspectProgramme() throws {
        let budget = try readCSV(suspectFixtureReport.appendingPathComponent("budget.csv"))
        let programme = try #require(budget.first { $0["programme_code"] == "2.07.04" })
        #expect(programme["realisasi"] == "900000000" && programme["absorption"] == "90.00" && programme["suspect"] == programmeTotal)
        // The agency's total (2.700.000.000, its programmes' sum) is not suspect.
        #expect(budget.first { $0["programme_code"] == "all" }?["suspect"] == "")
    }

    @Test func costsMarkTheirSuspectSpendAndCount() throws {
        let costs = try readCSV(suspectFixtureReport.appendingPathComponent("costs.csv"))
        // 900.000.000 / 3.898 placements = 230.888 per placement: both figures suspect.
        let placement = try #require(costs.first { $0["indicator_id"] == "cost_per_placement" })
        #expect(placement["cost"] == "230888" && placement["suspect"] == programmeTotal + "; " + placementsTwice)
        // Training (programme 2.07.03) uses neither.
        #expect(costs.first { $0["indicator_id"] == "cost_per_trainee" }?["suspect"] == "")
    }

    @Test func comparisonMarksASuspectComputedValue() throws {
        // The cost per placement is computed after the audit (900.000.000 / 3.898), from two suspect
        // figures: its row carries both reasons.
        let comparison = try readCSV(suspectFixtureReport.appendingPathComponent("comparison.csv"))
        let cost = try #require(comparison.first { $0["indicator_id"] == "cost_per_placement" && $0["year"] == "2023" })
        #expect(cost["value"] == "230888" && cost["suspect"] == programmeTotal + "; " + placementsTwice)
    }

    @Test func trendsMarkASuspectValue() throws {
        let trends = try readCSV(suspectFixtureReport.appendingPathComponent("trends.csv"))
        let placements = try #require(trends.first { $0["indicator_id"] == "placements" && $0["year"] == "2023" })
        #expect(placements["value"] == "3898" && placements["suspect"] == placementsTwice)
        #expect(trends.first { $0["indicator_id"] == "labour_force" }?["suspect"] == "")
    }
}
