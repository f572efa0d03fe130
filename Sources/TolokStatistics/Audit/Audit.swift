import Foundation
import TolokModel
import TolokAlignment

/// Recomputes every derivable figure of the datasets and compares it with what was printed.
///
/// Findings are results, not failures: consistent figures raise nothing, a difference within the
/// printed precision (truncation included) is `rounding`, anything else `error`. Every check made
/// is recorded in ``AuditReport/runs`` whether or not it found something.
public enum Audit {
    /// Runs every check on `dataset`; with `alignment`, also the reports' TPT and TPAK against BPS,
    /// and each canonical indicator's series and plausible range.
    ///
    /// With `corrected`, the checks run on the figures with the corrections of
    /// `datasets/corrections/` applied: what remains wrong after them (``Suspicions``).
    public static func run(_ dataset: Dataset, alignment: Alignment? = nil, corrected: Bool = false) -> AuditReport {
        var audit = Auditor(dataset: dataset, corrected: corrected)
        audit.checkCapaian()
        audit.checkPercentages()
        audit.checkBudgetTotals()
        audit.checkPeriodTotals()
        audit.checkAverages()
        audit.checkRelations()
        audit.checkSameFacts()
        audit.checkSeries()
        audit.checkRateRanges()
        audit.checkRatesFromCounts()
        if let alignment {
            audit.checkAgainstBPS(alignment)
            audit.checkAlignedSeries(alignment)
            audit.checkValidRanges(alignment)
        }
        // One disagreement found twice (by label and by a relation) is reported once.
        var seen = Set<String>()
        let findings = audit.findings.filter { f in
            seen.insert("\(f.check.rawValue)|\(f.field)|\(Set(f.recordIDs.prefix(2)).sorted())|\(f.published)|\(f.expected)").inserted
        }
        return AuditReport(findings: findings, runs: audit.runs, problems: audit.problems)
    }
}

/// A printed number of a record, with what the audit needs to report on it.
struct Fact {
    var recordID: String
    var field: String
    var value: CanonicalNumber
    var districtCode: String
    var year: Int?
    var subject: String
    var location: SourceLocation
}

struct Auditor {
    let dataset: Dataset
    let observations: [Observation]
    let budget: [BudgetLine]
    let references: [ReferenceValue]
    /// The references not excluded from use (an excluded figure is known to be wrong; its reason
    /// is in the data).
    let usableReferences: [ReferenceValue]
    var findings: [AuditFinding] = []
    var runs: [AuditCheckRun] = []
    var problems: [String] = []

    init(dataset: Dataset, corrected: Bool = false) {
        self.dataset = dataset
        observations = corrected ? dataset.correctedObservations() : dataset.observations()
        budget = corrected ? dataset.correctedBudgetLines() : dataset.budgetLines()
        references = dataset.references()
        usableReferences = references.filter { $0.excluded == nil }
    }

    /// Records that `check` ran on `fact`, and a finding if `fact` is not `expected` at its printed precision.
    mutating func compare(_ check: AuditCheck, _ fact: Fact, expected: Double, other: SourceLocation? = nil,
                          records: [String] = [], detail: @autoclosure () -> String) {
        runs.append(AuditCheckRun(check: check, recordID: fact.recordID))
        guard let severity = PrintedPrecision.compare(printed: fact.value, exact: expected) else { return }
        findings.append(AuditFinding(
            check: check, severity: severity, districtCode: fact.districtCode, year: fact.year, subject: fact.subject, field: fact.field,
            published: fact.value.value, publishedDecimals: fact.value.decimals, expected: expected,
            location: fact.location, otherLocation: other, recordIDs: [fact.recordID] + records, detail: detail()))
    }

    /// Records a finding that is not a precision comparison (a jump, a range).
    mutating func flag(_ check: AuditCheck, _ fact: Fact, expected: Double, other: SourceLocation? = nil,
                       records: [String] = [], detail: String) {
        runs.append(AuditCheckRun(check: check, recordID: fact.recordID))
        findings.append(AuditFinding(
            check: check, severity: .error, districtCode: fact.districtCode, year: fact.year, subject: fact.subject, field: fact.field,
            published: fact.value.value, publishedDecimals: fact.value.decimals, expected: expected,
            location: fact.location, otherLocation: other, recordIDs: [fact.recordID] + records, detail: detail))
    }

    // MARK: Facts

    static func fact(_ o: Observation, _ field: String, _ value: CanonicalNumber) -> Fact {
        Fact(recordID: o.id, field: field, value: value, districtCode: o.districtCode, year: o.year,
             subject: o.indicatorLabel, location: o.source)
    }

    static func fact(_ b: BudgetLine, _ field: String, _ value: CanonicalNumber) -> Fact {
        Fact(recordID: b.id, field: field, value: value, districtCode: b.districtCode, year: b.year,
             subject: b.label, location: b.source)
    }

    /// Every printed number by `record_id.field`.
    func factIndex() -> [String: Fact] {
        var index: [String: Fact] = [:]
        for o in observations {
            for (field, value) in [("target", o.target), ("realisation", o.realisation), ("reported_capaian", o.reportedCapaian)] {
                if let value { index["\(o.id).\(field)"] = Self.fact(o, field, value) }
            }
        }
        for b in budget {
            for (field, value) in [("pagu", b.pagu), ("realisasi", b.realisasi), ("reported_percent", b.reportedPercent)] {
                if let value { index["\(b.id).\(field)"] = Self.fact(b, field, value) }
            }
        }
        for r in references {
            index["\(r.id).value"] = Fact(recordID: r.id, field: "value", value: r.value, districtCode: r.areaCode,
                                          year: r.year, subject: r.indicator, location: r.source)
        }
        return index
    }

    /// Lower-cased, single-spaced label, for matching one fact printed in two places.
    static func normalized(_ label: String) -> String {
        LabelKey.of(label).trimmingCharacters(in: CharacterSet(charactersIn: " .:;"))
    }

    static func format(_ value: Double) -> String { NumberText.plain(value) }
}
