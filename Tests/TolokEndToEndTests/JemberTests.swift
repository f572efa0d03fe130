import Foundation
import Testing
import Tolok

/// The shipped datasets, loaded once.
let shipped: Dataset = {
    let result = DatasetLoader.load(directory: shippedDatasets)
    precondition(!result.hasErrors, result.diagnostics.map(\.description).joined(separator: "\n"))
    return result.dataset!
}()

@Suite("Kabupaten Jember LKIP 2023 (seed 004)")
struct JemberTests {
    let report: [[String: String]]

    init() throws {
        let out = try temporaryFolder()
        let run = tolok("report", "--data", shippedDatasets, "--out", out.path)
        #expect(run.status == 0, "\(run.err)")
        report = try readCSV(out.appendingPathComponent("achievement.csv"))
    }

    func row(_ label: String, _ location: String, year: Int = 2023) throws -> [String: String] {
        try #require(report.first {
            $0["district_code"] == "3509" && $0["indicator_label"] == label && $0["source_location"] == location
                && $0["year"] == String(year)
        }, "no achievement row for \(label) in \(location)")
    }

    @Test func placementsCapaian() throws {
        // Tabel 3.1: 3.898 placed against 1.000 → 389,8 %, clamped 100, AA.
        let r = try row("Pencari kerja yang ditempatkan", "Tabel 3.1")
        #expect(r["target"] == "1000")
        #expect(r["realisation"] == "3898")
        #expect(r["capaian"] == "389.80")
        #expect(r["capaian_clamped"] == "100.00")
        #expect(r["predicate"] == "AA")
        #expect(r["reported_capaian"] == "389.8")
        #expect(r["district_name"] == "Kabupaten Jember")
    }

    @Test func disputesAgainstTheYearAndTheEndTarget() throws {
        let label = "Presentase Penyelesaian Kasus Perselisihan Hubungan Industrial, Mogok Kerja, dan Penutupan Perusahaan"
        let year = try row(label, "Tabel 3.1")
        #expect(year["target"] == "89")
        #expect(year["realisation"] == "85.71")
        #expect(year["capaian"] == "96.30")
        #expect(year["predicate"] == "AA")
        let end = try row(label, "Tabel 3.3")
        #expect(end["target"] == "95")
        #expect(end["target_year"] == "2026")
        #expect(end["capaian"] == "90.22")
        #expect(end["reported_capaian"] == "90.22")
    }

    @Test func table38LinesSumToThePrintedTotal() throws {
        let lines = shipped.budgetLines().filter { $0.districtCode == "3509" && $0.source.location == "Tabel 3.8" }
        let activities = lines.filter { $0.level == "kegiatan" }
        let pagu = activities.compactMap { $0.pagu?.value }.reduce(0, +)
        let realisasi = activities.compactMap { $0.realisasi?.value }.reduce(0, +)
        #expect(pagu == 15_308_539_115)
        #expect(realisasi == 13_359_116_248)
        #expect(CSVWriter.format(try #require(Absorption.percent(pagu: pagu, realisasi: realisasi)), decimals: 2) == "87.27")
        let total = try #require(lines.first { $0.level == "total" })
        #expect(total.pagu?.value == pagu)
        #expect(total.realisasi?.value == realisasi)
        #expect(total.reportedPercent == CanonicalNumber(value: 87.26, decimals: 2))
    }
}
