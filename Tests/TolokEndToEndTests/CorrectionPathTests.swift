import Foundation
import Testing
import Tolok

@Suite("Corrections of observations reach every analysis")
struct CorrectionPathTests {
    @Test func thePipelineFindsTheCorrectedRecordsWithoutInterningEveryID() throws {
        // The clean fixture's Jember placements 3.898 corrected to 3.989.
        let data = try cleanFixture()
        let corrections = data.appendingPathComponent("corrections.csv")
        try (String(contentsOf: corrections, encoding: .utf8) + "cor-1,004-2,realisation,3989,test: the text prints 3.989\n")
            .write(to: corrections, atomically: true, encoding: .utf8)
        // Observation ids looked up, not interned: the corrected record is found, the others are
        // unlisted (whatever order the package lists its tables in).
        let full = try #require(DatasetLoader.load(directory: data.path).dataset)
        let looked = try #require(DatasetLoader.load(directory: data.path, lookedUp: ["observations": ["id"]]).dataset)
        let observations = try #require(looked.tables["observations"])
        let ids = observations.textIDs(ObservationField.id)
        let corrected = try #require(looked.pool.id(of: "004-2"))
        #expect(ids.filter { $0 == corrected }.count == 1)
        #expect(ids.filter { $0 == Table.unlisted }.count == observations.rowCount - 1)
        #expect(looked.pool.id(of: "004-3") == nil && full.pool.id(of: "004-3") != nil)
        #expect(looked.pool.count < full.pool.count)
        // tolok pipeline reads the ids so, and analyses the corrected value: 3.989 against 1.000.
        let out = try temporaryFolder()
        let run = tolok("pipeline", "--quiet", "--data", data.path, "--out", out.path)
        #expect(run.status == 0, "\(run.err)")
        let comparison = try readCSV(out.appendingPathComponent("comparison.csv"))
        let placements = try #require(comparison.first { $0["district_code"] == "3509" && $0["indicator_id"] == "placements" && $0["year"] == "2023" })
        #expect(placements["value"] == "3989" && placements["capaian"] == "398.9")
    }

    @Test func correctedObservationsAreAnalysedAndThePrintedOnesKept() throws {
        // The clean fixture's Jember LKIP, with three corrections: placements 3.898 → 3.989 (and the printed
        // capaian 389,80 → 398,90 with it), and the registered job seekers 9.900 → 9.000.
        let data = try cleanFixture()
        let corrections = data.appendingPathComponent("corrections.csv")
        try (String(contentsOf: corrections, encoding: .utf8)
            + "cor-1,004-2,realisation,3989,test: the text prints 3.989\n"
            + "cor-2,004-2,reported_capaian,398.90,test: 3.989 / 1.000\n"
            + "cor-3,004-3,realisation,9000,test: the table prints 9.000\n")
            .write(to: corrections, atomically: true, encoding: .utf8)
        let out = try temporaryFolder()
        let run = tolok("report", "--data", data.path, "--out", out.path)
        #expect(run.status == 0, "\(run.err)")
        let placementsCorrected = "cor-1: realisation printed 3898, corrected to 3989"

        // achievement.csv: the capaian of the corrected realisation, 3.989 / 1.000 = 398,90 %.
        let achievement = try readCSV(out.appendingPathComponent("achievement.csv"))
        let row = try #require(achievement.first { $0["observation_id"] == "004-2" })
        #expect(row["realisation"] == "3989" && row["capaian"] == "398.90" && row["reported_capaian"] == "398.90")
        #expect(row["corrected"] == placementsCorrected + "; cor-2: reported_capaian printed 389.8, corrected to 398.9")
        // An uncorrected row keeps the printed figures and an empty column.
        let tpt = try #require(achievement.first { $0["observation_id"] == "004-1" })
        #expect(tpt["realisation"] == "4.21" && tpt["corrected"] == "")

        // The aligned value (an as-is mapping), and a ratio whose denominator was corrected:
        // 3.898 / 9.000 = 43,31 % (the printed 9.900 gives 39,37).
        let comparison = try readCSV(out.appendingPathComponent("comparison.csv"))
        func value(_ indicator: String) throws -> [String: String] {
            try #require(comparison.first { $0["district_code"] == "3509" && $0["year"] == "2023" && $0["indicator_id"] == indicator })
        }
        let placements = try value("placements"), share = try value("placement_share")
        #expect(placements["value"] == "3989" && placements["corrected"] == placementsCorrected)
        #expect(share["value"] == "43.31" && share["corrected"] == "cor-3: realisation printed 9900, corrected to 9000")
        // Against the plan's target, and in the trend, the corrected figure too.
        let targets = try readCSV(out.appendingPathComponent("targets.csv"))
        let target = try #require(targets.first { $0["indicator_id"] == "placements" })
        #expect(target["actual"] == "3989" && target["capaian"] == "398.90" && target["corrected"] == placementsCorrected)
        let trends = try readCSV(out.appendingPathComponent("trends.csv"))
        #expect(trends.first { $0["indicator_id"] == "placements" }?["value"] == "3989")
    }
}
