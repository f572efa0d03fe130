import Foundation
import Testing
import Tolok
@testable import TolokStatistics

@Suite("The audit's report")
struct AuditReportTests {
    /// A finding is reported once: the same check of the same field of the same records (the
    /// first two, in either order) with the same published and expected figures.
    @Test func aFindingIsReportedOnce() throws {
        var auditor = Auditor(dataset: try #require(DatasetLoader.load(directory: cleanFixture().path).dataset))
        func finding(_ records: [String], published: Double = 4.3, expected: Double = 4.21, field: String = "realisation",
                     check: AuditCheck = .sameFact, detail: String = "") -> AuditFinding {
            AuditFinding(check: check, severity: .error, districtCode: "3509", year: 2023, subject: "TPT", field: field,
                         published: published, publishedDecimals: 2, expected: expected,
                         location: SourceLocation(sourceID: "004", location: "Tabel 3.1", page: 12, file: "observations.csv", line: 2), otherLocation: nil,
                         recordIDs: records, detail: detail)
        }
        auditor.findings = [
            finding(["a", "b"], detail: "first"),
            finding(["b", "a"]),                               // the same two records
            finding(["a", "b", "c"]),                          // the same first two
            finding(["a", "c"]),                               // other records
            finding(["a", "b"], published: 4.31),              // another published figure
            finding(["a", "b"], expected: 4.2),                // another expected figure
            finding(["a", "b"], field: "target"),              // another field
            finding(["a", "b"], check: .againstBPS),           // another check
            finding(["a"], published: 0), finding(["a"], published: -0.0),  // 0 and -0 apart
            finding(["a", "a"], published: 0),                 // one record twice: that record
        ]
        let report = auditor.report
        #expect(report.findings.count == 8)
        #expect(report.findings.first?.detail == "first")
        #expect(report.findings.map(\.recordIDs) == [["a", "b"], ["a", "c"], ["a", "b"], ["a", "b"], ["a", "b"], ["a", "b"], ["a"], ["a"]])
    }

    /// ``Analysis`` runs each audit in two parts side by side and merges them: the result is the
    /// audit run in one piece, finding for finding and run for run (on the shipped datasets, and
    /// on a synthetic one with deliberate findings of every kind).
    @Test func theAuditInTwoPartsIsTheAuditInOne() throws {
        let synthetic = try temporaryFolder().appendingPathComponent("synth")
        let run = tolok("synth", "--districts", "30", "--provinces", "3", "--years", "4", "--indicators", "12", "--budget-lines", "20",
                        "--seed", "5", "--out", synthetic.path, "--schemas", shippedDatasets + "/schemas")
        #expect(run.status == 0, "\(run.err)")
        for dataset in [shipped, try #require(DatasetLoader.load(directory: synthetic.path).dataset)] {
            let analysis = Analysis(dataset, threads: 2)
            let whole = Audit.run(dataset, alignment: analysis.alignment)
            func rows(_ report: AuditReport) -> [String] {
                report.findings.map { f in
                    "\(f.check) \(f.severity) \(f.recordIDs) \(f.field) \(f.published) \(f.expected) \(f.location.file):\(f.location.line) \(f.detail)"
                }
            }
            /// The first finding where two audits differ (`nil`: none).
            func firstDifference(_ a: AuditReport, _ b: AuditReport) -> String? {
                let (x, y) = (rows(a), rows(b))
                return zip(x, y).first { $0 != $1 }.map { "\($0)\n≠ \($1)" } ?? (x.count == y.count ? nil : "\(x.count) findings ≠ \(y.count)")
            }
            #expect(whole.findings.count > 5)
            #expect(firstDifference(analysis.audit, whole) == nil)
            #expect(analysis.audit.problems == whole.problems)
            #expect(analysis.audit.runs.count == whole.runs.count)
            for check in AuditCheck.allCases { #expect(analysis.audit.runs.count(check) == whole.runs.count(check), "\(check)") }
            // The parts' own merge, on copies of one auditor (the corrected figures).
            var first = Auditor(dataset: dataset, corrected: true), second = first
            first.checkRecordsFirstPart()
            second.checkRecordsSecondPart()
            second.checkAligned(analysis.alignment)
            first.append(second)
            #expect(firstDifference(first.report, Audit.run(dataset, alignment: analysis.alignment, corrected: true)) == nil)
        }
    }
}
