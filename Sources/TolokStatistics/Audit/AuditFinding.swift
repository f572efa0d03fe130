import TolokModel
import TolokAlignment

/// The kinds of recomputation the audit makes.
public enum AuditCheck: String, Sendable, CaseIterable {
    /// Capaian recomputed from target, realisation and polarity.
    case capaian
    /// A budget percentage recomputed from pagu and realisasi.
    case percentage
    /// A ratio recomputed from its two printed counts (`relations.csv`).
    case ratio
    /// A printed total or subtotal against the sum of its lines (budget tree, months, quarters, relations).
    case total
    /// A printed average against the mean of the values it averages.
    case average
    /// One fact printed in two places (same district, year and label; or linked in `relations.csv`).
    case sameFact = "same_fact"
    /// A value an order of magnitude away from both neighbours in its series.
    case seriesJump = "series_jump"
    /// A rate outside 0–100 where it must lie within.
    case rateRange = "rate_range"
    /// An unemployment rate against the unemployed and labour-force counts.
    case rateFromCounts = "rate_from_counts"
    /// A TPT or TPAK a district's report prints against BPS's figure for that year.
    case againstBPS = "against_bps"
}

/// Where a published figure disagrees with what it should be.
public struct AuditFinding: Sendable {
    public enum Severity: String, Sendable {
        /// A real disagreement.
        case error
        /// Within the printed precision, including truncation instead of rounding.
        case rounding
    }

    public var check: AuditCheck
    public var severity: Severity
    public var districtCode: String
    public var year: Int?
    /// What the figure is: the indicator or budget label.
    public var subject: String
    /// The field of the record the published figure is (`realisation`, `pagu`, …).
    public var field: String
    /// The figure as printed.
    public var published: Double
    public var publishedDecimals: Int
    /// Recomputed, or the other printed value for a fact printed twice.
    public var expected: Double
    /// Where the published figure is.
    public var location: SourceLocation
    /// Where the other value is, for a fact printed twice or a total's lines.
    public var otherLocation: SourceLocation?
    /// Dataset record ids involved.
    public var recordIDs: [String]
    /// One sentence on what was compared.
    public var detail: String

    /// published − expected.
    public var difference: Double { published - expected }
}

/// A check the audit made, whether or not it found anything (so a test can see it ran).
public struct AuditCheckRun: Sendable, Hashable {
    public var check: AuditCheck
    /// The record whose printed figure was checked.
    public var recordID: String
}

/// Everything the audit did and found.
public struct AuditReport: Sendable {
    public var findings: [AuditFinding]
    public var runs: [AuditCheckRun]
    /// Problems in `relations.csv` (an unknown record, a missing value).
    public var problems: [String]

    /// Number of findings of a severity.
    public func count(_ severity: AuditFinding.Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// True when the audit ran `check` on record `recordID`.
    public func ran(_ check: AuditCheck, on recordID: String) -> Bool {
        runs.contains(AuditCheckRun(check: check, recordID: recordID))
    }
}
