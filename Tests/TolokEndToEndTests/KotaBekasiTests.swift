import Foundation
import Testing
import Tolok

@Suite("Kota Bekasi LKIP 2020 (seed 001)")
struct KotaBekasiTests {
    @Test func oldProgrammeNamesCompareByStandardCode() throws {
        // Tabel 3.10 prints "Program Peningkatan Kapasitas dan Produktivitas Tenaga Kerja" (pre-2021 name)
        // without amounts; its two trainings (500.000.000 and 600.000.000) make it 2.07.03.
        let training = try #require(shippedAnalysis.budgets.first { $0.districtCode == "3275" && $0.year == 2020 && $0.programme?.code == "2.07.03" })
        #expect(training.labels == ["Program Peningkatan Kapasitas dan Produktivitas Tenaga Kerja"])
        #expect(training.pagu == 1_100_000_000)
        #expect(training.realisasi == 995_251_500)
        let placement = try #require(shippedAnalysis.budgets.first { $0.districtCode == "3275" && $0.year == 2020 && $0.programme?.code == "2.07.04" })
        #expect(placement.pagu == 83_839_800)
    }

    @Test func quarterlyTargetsAddUpToTheYearWhereTheyShould() {
        // Tabel 2.3: 15,28 × 3 + 15,31 = 61,15 — consistent; Tabel 2.4's Sarana quarters carry a
        // transposed 50.528.230 (for 50.258.230) and do not add up to 201.032.920.
        let sarana = shippedAudit.findings.first {
            $0.districtCode == "3275" && $0.check == .total && $0.subject == "Program Peningkatan Sarana dan Prasarana Aparatur"
                && $0.location.location == "Tabel 2.4"
        }
        #expect(sarana?.published == 201_032_920)
        #expect(sarana?.severity == .error)
        let placementRows = shipped.observations().filter { $0.districtCode == "3275" && $0.source.location == "Tabel 2.3" && $0.period == nil }
        #expect(!placementRows.isEmpty)
        for row in placementRows {
            #expect(auditRan(.total, row.id), "no total check on \(row.id)")
            #expect(findings(on: row.id).isEmpty, "finding on \(row.id)")
        }
    }

    /// Placements per 1,000 of the labour force: 13,417 placements in 2019 (§3.2.2) over a labour
    /// force of 1,496,488 (references, source gh-kemnaker-dash-ak), × 1,000 = 8.97.
    @Test func placementsPerThousandOfTheLabourForce2019() throws {
        let alignment = shippedAnalysis.alignment
        let placements = try #require(alignment.value("3275", 2019, "placements")?.chosen)
        let labourForce = try #require(alignment.value("3275", 2019, "labour_force")?.chosen)
        #expect(placements.value == 13_417 && labourForce.value == 1_496_488)
        let rate = try #require(alignment.value("3275", 2019, "placements_per_1000_lf")?.chosen)
        #expect(format(rate.value) == "8.97")
        #expect(rate.recordIDs == placements.recordIDs + labourForce.recordIDs)
    }

    @Test func tptAgainstJawaBarat2020() throws {
        // Kota Bekasi 10,68 % against Jawa Barat 10,46 %: +0,22 points, worse.
        let c = try comparison("3275", "tpt", 2020)
        #expect(format(c.gapProvince) == "0.22")
        #expect(c.vsProvince == .worse)
    }
}
