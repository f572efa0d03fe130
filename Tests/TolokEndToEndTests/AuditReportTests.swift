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
}
