import Foundation
import Testing
import Tolok

@Suite("tolok synth: a dataset in the project's own format")
struct SynthTests {
    /// Writes a small synthetic datasets folder (12 indicators: every mapping transform) with `seed`.
    func synthesize(seed: Int) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("synth")
        let run = tolok("synth", "--districts", "40", "--provinces", "4", "--years", "3", "--indicators", "12", "--budget-lines", "20",
                        "--seed", String(seed), "--out", folder.path, "--schemas", shippedDatasets + "/schemas")
        #expect(run.status == 0, "\(run.err)")
        return folder
    }

    @Test func tolokValidateAcceptsWhatSynthWrites() throws {
        let folder = try synthesize(seed: 3)
        let run = tolok("validate", "--data", folder.path)
        #expect(run.status == 0)
        #expect(run.out.contains("0 errors, 0 warnings"), "\(run.out.suffix(5)) \(run.err.prefix(5))")
        // Every transform of the mapping table is used, and the per-1,000 base series is in the catalogue.
        let mappings = try readCSV(folder.appendingPathComponent("indicator_mappings.csv"))
        #expect(Set(mappings.map { $0["transform"] ?? "" }) == ["as_is", "scale", "ratio", "per_1000", "sum"])
        let catalogue = try readCSV(folder.appendingPathComponent("indicators.csv")).map { $0["indicator_id"] ?? "" }
        #expect(Set(mappings.compactMap { $0["reference_indicator"] }.filter { !$0.isEmpty }).isSubset(of: Set(catalogue)))
    }

    @Test func theSameSeedWritesTheSameBytes() throws {
        let first = try synthesize(seed: 7), second = try synthesize(seed: 7)
        for sub in ["", "observations", "budget", "schemas"] {
            let a = try contents(of: first.appendingPathComponent(sub)), b = try contents(of: second.appendingPathComponent(sub))
            #expect(a.count > 3 && a == b, "\(sub)")
        }
        let other = try synthesize(seed: 8)
        #expect(try contents(of: first.appendingPathComponent("observations")) != contents(of: other.appendingPathComponent("observations")))
    }

    /// At 40 districts with reports the reports show the first twelve by code, and the summary
    /// says so instead of listing them as if they were all.
    @Test func theReportSaysWhichDistrictsItsReportsShow() throws {
        let folder = try synthesize(seed: 3)
        let out = try temporaryFolder()
        let run = tolok("report", "--data", folder.path, "--out", out.path, "--quiet")
        #expect(run.status == 0, "\(run.err.prefix(5))")
        let line = try #require(run.out.first { $0.hasPrefix("Reports: ") })
        let names = try #require(line.components(separatedBy: "by code (the CSV files have every one): ").last?.components(separatedBy: " → ").first)
        #expect(line.contains("for the first \(ReportData.maximumDistricts) of the 40 districts with reports by code"), "\(line)")
        #expect(names.components(separatedBy: ", ").count == ReportData.maximumDistricts)
        #expect(!run.out.contains { $0.hasPrefix("Excel: ") })
    }
}
