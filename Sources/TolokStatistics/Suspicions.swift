import TolokModel
import TolokAlignment

/// Which printed figures are suspect: those with an error the audit found and no correction
/// resolved. Analyses mark every value computed from a suspect figure and, by default, leave it
/// out of ranks, statistics and the composite (listed with the reason).
///
/// Whose figure is suspect:
/// - a recomputation (capaian, percentage, ratio, total, average), a series jump or a value out of
///   its range: the published figure;
/// - two printed versions of one fact (`same_fact`, `against_bps`, `rate_from_counts`): the one
///   from the less preferred source (``SourcePriority``: type, then the source's priority, then
///   the newer publication); both when neither is preferred (one document printing two values).
///
/// The findings are those of the audit run on the corrected figures (``Audit/run(_:alignment:corrected:)``):
/// what a correction in `datasets/corrections/` resolves is no longer suspect (the audit of the
/// printed figures still lists it, with the correction).
public struct Suspicions: Sendable {
    /// Reasons by `recordID.field`.
    public private(set) var reasons: [String: [String]] = [:]

    /// Suspicions from `audit`, the audit of the corrected figures of `dataset`.
    public init(audit: AuditReport, dataset: Dataset) {
        let sources = dataset.sources()
        func rank(_ sourceID: String?) -> (Int, Int, Int) {
            let s = sourceID.flatMap { sources[$0] }
            return (SourcePriority.rank(s?.type ?? "other"), s?.priority ?? Int.max, -(s?.year ?? 0))
        }
        let crossSource: Set<AuditCheck> = [.sameFact, .againstBPS, .rateFromCounts]
        for f in audit.findings where f.severity == .error {
            let reason = "\(f.check.rawValue): \(f.detail) (\(f.location.cited))"
            var suspects = [(f.recordIDs[0], f.field)]
            if crossSource.contains(f.check), f.recordIDs.count > 1 {
                let others = f.recordIDs.dropFirst().map { ($0, f.check == .sameFact ? f.field : ReferenceField.value.rawValue) }
                let published = rank(f.location.sourceID), other = rank(f.otherLocation?.sourceID)
                if other > published { suspects = others } else if other == published { suspects += others }
            }
            for (record, field) in suspects { reasons[record + "." + field, default: []].append(reason) }
        }
    }

    /// The reasons a value is suspect: those of the figures it comes from (for an actual value
    /// the realisation, reference value or budget amounts; for a target its target).
    public func reasons(for value: AlignedValue) -> [String] {
        let fields = value.role.figureFields
        var result: [String] = []
        for record in value.recordIDs {
            for field in fields { result += reasons[record + "." + field] ?? [] }
        }
        return result
    }

    /// The reasons of the amounts (pagu, realisasi) of budget lines `records`.
    public func reasons(budgetLines records: [String]) -> [String] {
        records.flatMap { (reasons[$0 + ".pagu"] ?? []) + (reasons[$0 + ".realisasi"] ?? []) }
    }

    /// True when nothing is suspect.
    public var isEmpty: Bool { reasons.isEmpty }
}
