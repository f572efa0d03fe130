import Foundation
import Testing
import Tolok

/// The audit of the shipped datasets, run once.
let shippedAudit = Audit.run(shipped, alignment: shippedAnalysis.alignment)

/// Whether the audit ran `check` on `recordID` (a function, so a failing expectation prints
/// its arguments rather than the whole report).
func auditRan(_ check: AuditCheck, _ recordID: String) -> Bool {
    shippedAudit.ran(check, on: recordID)
}

/// Findings on a record.
func findings(on recordID: String) -> [AuditFinding] {
    shippedAudit.findings.filter { $0.recordIDs.first == recordID }
}

@Suite("tolok audit on the shipped datasets")
struct AuditTests {
    @Test func withoutCorrectionsOneAuditServesAsBoth() throws {
        // The shipped datasets with every correction file emptied to its header: the analysis then
        // runs one audit, and its findings and suspicions must be those of the audit of the
        // corrected figures run on its own.
        let data = try copyOfShippedDatasets()
        let folder = data.appendingPathComponent("corrections")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            let url = folder.appendingPathComponent(name)
            let header = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", maxSplits: 1)[0]
            try (header + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let dataset = try #require(DatasetLoader.load(directory: data.path).dataset)
        #expect(dataset.count("corrections") == 0)
        let analysis = Analysis(dataset)
        let corrected = Audit.run(dataset, alignment: Alignment(dataset), corrected: true)
        #expect(!corrected.findings.isEmpty)
        #expect(analysis.audit.findings.map { "\($0)" } == corrected.findings.map { "\($0)" })
        #expect(analysis.suspicions.reasons == Suspicions(audit: corrected, dataset: dataset).reasons)
        // The shipped corrections resolve findings: without them the suspicions differ.
        #expect(analysis.suspicions.reasons != shippedAnalysis.suspicions.reasons)
    }

    @Test func nationalTPAK2024DisagreementShowsBothValues() throws {
        // Kabupaten Bekasi's LKIP prints 68,53 as the national TPAK 2024; BPS published 70,63.
        let f = try #require(shippedAudit.findings.first {
            $0.check == .againstBPS && $0.districtCode == "00" && $0.year == 2024 && $0.subject == "tpak"
        })
        #expect(f.severity == .error)
        #expect(f.published == 68.53 && f.expected == 70.63)
        #expect(f.location.sourceID == "000" && f.otherLocation?.sourceID == "web-fortune-2024")
    }

    @Test func jemberCapaianAndAverageAreConsistent() {
        // 389,8 (Tabel 3.1 and 3.3), 96,30 (3.1), 90,22 (3.3), the average 244,9 (3.5): nothing raised,
        // and each was checked.
        for id in ["004-t3.1-2", "004-t3.1-3", "004-t3.3-2", "004-t3.3-3", "004-t3.5-3"] {
            #expect(findings(on: id).isEmpty, "finding on \(id): \(findings(on: id).map(\.detail))")
        }
        #expect(auditRan(.capaian, "004-t3.1-2"))
        #expect(auditRan(.capaian, "004-t3.1-3"))
        #expect(auditRan(.capaian, "004-t3.3-3"))
        #expect(auditRan(.average, "004-t3.5-3"))
        // 12 of 14 cases → 85,71 %.
        #expect(auditRan(.ratio, "004-t3.1-3"))
    }

    @Test func jemberTable38TotalsRaiseNothing() {
        let table = shipped.budgetLines().filter { $0.districtCode == "3509" && $0.source.sourceID == "004" && $0.source.location == "Tabel 3.8" }
        let withChildren = Set(table.compactMap(\.parentID))
        #expect(withChildren.count == 18)  // the total, 4 programmes, 13 kegiatan
        for line in table where withChildren.contains(line.id) {
            #expect(!shippedAudit.findings.contains { $0.check == .total && $0.recordIDs.first == line.id }, "total finding on \(line.label)")
        }
        #expect(auditRan(.total, "004-t3.8-1"))
    }

    @Test func truncatedPercentageIsRoundingNotError() throws {
        // Tabel 3.8, Administrasi Keuangan: 2.684.594.463 / 3.432.609.159 = 78,2086 %, printed 78,20.
        let line = try #require(shipped.budgetLines().first {
            $0.districtCode == "3509" && $0.source.sourceID == "004" && $0.source.location == "Tabel 3.8"
                && $0.label == "Kegiatan: Administrasi Keuangan Perangkat Daerah"
        })
        let f = try #require(findings(on: line.id).first { $0.check == .percentage })
        #expect(f.severity == .rounding)
        #expect(f.published == 78.20)
        #expect(abs(f.expected - 78.2086) < 1e-4)
        // The table's total: 87,26 printed for 87,266.
        let total = try #require(findings(on: "004-t3.8-1").first { $0.check == .percentage })
        #expect(total.severity == .rounding)
    }

    @Test func jemberErrorsAreFound() throws {
        // Tabel 3.7: "99,375 %" average absorption of the programmes supporting sasaran 1; their inputs are 88,84 and 98,75.
        let average = try #require(findings(on: "004-t3.7-2").first)
        #expect(average.check == .average && average.severity == .error)
        #expect(average.published == 99.375)
        #expect(abs(average.expected - 93.795) < 1e-9)
        // The executive summary prints the pagu as the realisation.
        let summary = try #require(findings(on: "004-btxt-4").first)
        #expect(summary.published == 15_308_539_115 && summary.expected == 13_359_116_248)
    }

    @Test func rateFromCountsCheck() throws {
        // Jember 2023: 59.716 / 1.488.624 = 4,01 % — consistent.
        #expect(auditRan(.rateFromCounts, "ref-3509-tpt-2023-a") && findings(on: "ref-3509-tpt-2023-a").isEmpty)
        // Jember 2022: the printed 4,06 agrees with the Kemnaker counts 55.260 / 1.360.361 = 4,062 %; the
        // 55.460 unemployed a web page prints (4,08 %) disagrees with them, and that is the finding.
        #expect(auditRan(.rateFromCounts, "ref-3509-tpt-2022-a") && findings(on: "ref-3509-tpt-2022-a").isEmpty)
        let count = try #require(shippedAudit.findings.first { $0.check == .sameFact && $0.districtCode == "3509" && $0.year == 2022 && $0.subject == "unemployed" })
        #expect(Set([count.published, count.expected]) == [55_260, 55_460] && count.severity == .error)
        // Kabupaten Kuningan 2023: IDN Times' 9,94 (transposed digits) against the counts' 9,49.
        let kuningan = try #require(shippedAudit.findings.first { $0.check == .rateFromCounts && $0.districtCode == "3208" && $0.year == 2023 })
        #expect(kuningan.published == 9.94 && kuningan.severity == .error)
        #expect(abs(kuningan.expected - 9.49) < 0.005)
    }

    @Test func disagreementsBetweenBPSCopiesAreFindings() throws {
        // Kabupaten Sidoarjo August 2022: redaksijatim 8,08 against 8,80 in the other copies.
        let sidoarjo = try #require(shippedAudit.findings.first { $0.check == .sameFact && $0.districtCode == "3515" && $0.year == 2022 })
        #expect(Set([sidoarjo.published, sidoarjo.expected]) == [8.08, 8.80] && sidoarjo.severity == .error)
        // Counts quoted in words ("25,58 juta orang") are rounded, not wrong: no error on them.
        #expect(!shippedAudit.findings.contains { $0.districtCode == "32" && $0.subject == "labour_force" && $0.severity == .error })
        // February and August are different rounds, never the same fact.
        let references = shipped.references()
        let byID = Dictionary(references.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for f in shippedAudit.findings where f.check == .sameFact {
            guard let a = byID[f.recordIDs[0]], let b = byID[f.recordIDs[1]] else { continue }
            #expect(a.month == b.month, "\(f.recordIDs)")
            #expect(a.excluded == nil && b.excluded == nil)
        }
    }

    @Test func reportsAgainstBPS() throws {
        // Kabupaten Bekasi's Renstra (Tabel 1) prints TPAK 2019 as 67,33; BPS: 64,02.
        let tpak = try #require(shippedAudit.findings.first {
            $0.check == .againstBPS && $0.districtCode == "3216" && $0.year == 2019 && $0.location.location == "Tabel 1" && $0.subject.contains("TPAK")
        })
        #expect(tpak.published == 67.33 && tpak.expected == 64.02 && tpak.severity == .error)
        #expect(tpak.otherLocation?.sourceID == "gh-jessch22")
        // The LKIP 2024's "TPAK" (66,22) measures placements: it is not compared with BPS's TPAK.
        #expect(!shippedAudit.findings.contains { $0.check == .againstBPS && $0.location.sourceID == "000" && $0.districtCode == "3216" })
        // The Renstra's TPT 2018 of 9,69 is BPS's first release (jabarnews), before the re-weighting
        // that made it 9,74: checked, consistent.
        let renstra2018 = try #require(shipped.observations().first {
            $0.source.sourceID == "002" && $0.source.location == "Tabel 1" && $0.year == 2018 && $0.indicatorLabel == "Angka tingkat pengangguran terbuka"
        })
        #expect(renstra2018.realisation?.value == 9.69)
        #expect(auditRan(.againstBPS, renstra2018.id) && !findings(on: renstra2018.id).contains { $0.check == .againstBPS })
    }

    @Test func everyPrintedBudgetTotalIsChecked() {
        for line in shipped.budgetLines() where line.level == "total" && (line.pagu != nil || line.realisasi != nil) {
            let hasLines = shipped.budgetLines().contains { $0.parentID == line.id }
            // Checked, or a problem says why not (as for every parent line in SoundnessTests).
            if hasLines {
                #expect(auditRan(.total, line.id) || shippedAudit.problems.contains { $0.contains(line.label) }, "no total check on \(line.id) \(line.label)")
            }
        }
    }

    @Test func kabupatenBekasiTotalSpentPrintedTwoWays() throws {
        // LKIP 2024: §3.1.6 says 43.987.586.629 was spent, Tabel 1.9 (and §3.3) 44.022.386.629.
        let f = try #require(shippedAudit.findings.first {
            $0.check == .sameFact && $0.districtCode == "3216" && Set([$0.published, $0.expected]) == [43_987_586_629, 44_022_386_629]
        })
        #expect(f.severity == .error)
        #expect(Set([f.location.location, f.otherLocation?.location]) == ["§3.1.6 (text)", "Tabel 1.9"])
    }

    @Test func everyPrintedObservationTotalIsChecked() {
        // A year's row printed beside its months or quarters, and every relation's result.
        let observations = shipped.observations()
        var periodTotals = 0
        for total in observations where total.period == nil {
            let hasPeriods = observations.contains {
                $0.period != nil && $0.districtCode == total.districtCode && $0.year == total.year
                    && $0.indicatorLabel == total.indicatorLabel && $0.source.location == total.source.location
            }
            guard hasPeriods, total.target != nil || total.realisation != nil else { continue }
            periodTotals += 1
            let ran = shippedAudit.ran(.total, on: total.id)
            #expect(ran, "no total check on \(total.id)")
        }
        #expect(periodTotals >= 2)  // Kabupaten Bekasi Tabel 1.6: registrations and placements
        for (fields, _, _) in shipped.records(RelationField.self) where fields[.relation] == "sum" {
            let result = fields[.result]!
            let id = String(result[..<result.lastIndex(of: ".")!])
            let ran = shippedAudit.ran(.total, on: id)
            #expect(ran, "relation \(fields[.id]!) not checked")
        }
    }

    @Test func auditCommandWritesCSVAndExitsZero() throws {
        let out = try temporaryFolder()
        let run = tolok("audit", "--data", shippedDatasets, "--out", out.path)
        #expect(run.status == 0)
        #expect(run.out.first?.hasPrefix("Audit: ") == true)
        let rows = try readCSV(out.appendingPathComponent("audit.csv"))
        #expect(rows.count == shippedAudit.findings.count)
        #expect(rows.contains { $0["check"] == "average" && $0["published"] == "99.375" && $0["expected"] == "93.79500" })
    }
}
