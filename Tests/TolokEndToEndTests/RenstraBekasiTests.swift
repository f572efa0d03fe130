import Foundation
import Testing
import Tolok

@Suite("Kabupaten Bekasi Renstra 2023–2026 (seed 002)")
struct RenstraBekasiTests {
    @Test func tpakTarget2026PrintedTwoWays() throws {
        let f = try #require(shippedAudit.findings.first {
            $0.check == .sameFact && $0.districtCode == "3216" && $0.year == 2026 && $0.subject.contains("TPAK")
        })
        #expect(f.severity == .error)
        #expect(Set([f.published, f.expected]) == [66.30, 67.30])
        #expect(f.location.sourceID == "002" && f.otherLocation?.sourceID == "002")
        #expect(f.location.location != f.otherLocation?.location)
    }

    @Test func placementTargetSeriesJump() throws {
        let f = try #require(shippedAudit.findings.first { $0.check == .seriesJump && $0.districtCode == "3216" && $0.location.sourceID == "002" })
        #expect(f.published == 155_000)
        #expect(f.year == 2024)
        #expect(f.detail.contains("15000 / 155000 / 16000"))
    }

    @Test func imtaPercentagesAreConsistent() {
        // Table 11: 93,93 / 100,32 / 84,00 / 112,88 / 75,99 % of the IMTA retribution targets.
        for n in 1...5 {
            let id = "002-t11-\(n)"
            #expect(auditRan(.capaian, id), "capaian not checked on \(id)")
            #expect(findings(on: id).isEmpty, "finding on \(id)")
        }
    }

    @Test func disputes2021FromTheCountsLandOnTheSameIndicatorAsJember() throws {
        // Table 10: 230 resolved of 253 recorded → 90,91 %; Jember 12 of 14 → 85,71 %.
        let bekasi = try #require(shippedAnalysis.alignment.value("3216", 2021, "disputes_resolved_share"))
        #expect(format(bekasi.chosen.value) == "90.91")
        #expect(bekasi.chosen.via.contains("(ratio"))
        let jember = try #require(shippedAnalysis.alignment.value("3509", 2023, "disputes_resolved_share"))
        #expect(format(jember.chosen.value) == "85.71")
        #expect(bekasi.chosen.indicatorID == jember.chosen.indicatorID)
    }

    @Test func rasioCapaianIsCheckedAsADifference() throws {
        // Tabel 1 prints 2,66 for TPT 2021 where |7,53 − 10,09| = 2,56.
        let f = try #require(shippedAudit.findings.first { $0.recordIDs.first == "002-t1-5-rasio" })
        #expect(f.published == 2.66)
        #expect(abs(f.expected - 2.56) < 1e-9)
    }
}
