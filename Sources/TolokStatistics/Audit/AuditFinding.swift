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

/// The checks the audit made, whether or not they found anything (so a test can see one ran):
/// the check and the record whose printed figure was checked, as integers.
public struct AuditRuns: Sendable {
    private var checks: [UInt8] = []
    /// Pool ids of the records' ids.
    private var records: [Int32] = []
    private var perCheck = [Int](repeating: 0, count: AuditCheck.allCases.count)
    private let pool: StringPool

    init(pool: StringPool) { self.pool = pool }

    /// The checks in their order (`allCases` builds a new array on each use).
    private static let checkOrder = AuditCheck.allCases

    mutating func append(_ check: AuditCheck, record: Int32) {
        let c = Self.checkOrder.firstIndex(of: check)!
        checks.append(UInt8(c))
        records.append(record)
        perCheck[c] += 1
    }

    /// Appends the runs of `later` (made after these).
    mutating func append(contentsOf later: AuditRuns) {
        checks += later.checks
        records += later.records
        for c in perCheck.indices { perCheck[c] += later.perCheck[c] }
    }

    /// Number of checks made.
    public var count: Int { checks.count }

    /// Number of checks of one kind made.
    public func count(_ check: AuditCheck) -> Int { perCheck[Self.checkOrder.firstIndex(of: check)!] }

    /// True when `check` ran on record `recordID`.
    public func contains(_ check: AuditCheck, recordID: String) -> Bool {
        guard let id = pool.id(of: recordID) else { return false }
        let c = UInt8(Self.checkOrder.firstIndex(of: check)!)
        return zip(checks, records).contains { $0 == c && $1 == id }
    }
}

/// Everything the audit did and found.
public struct AuditReport: Sendable {
    public var findings: [AuditFinding]
    public var runs: AuditRuns
    /// Problems in `relations.csv` (an unknown record, a missing value).
    public var problems: [String]

    /// Number of findings of a severity.
    public func count(_ severity: AuditFinding.Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// True when the audit ran `check` on record `recordID`.
    public func ran(_ check: AuditCheck, on recordID: String) -> Bool {
        runs.contains(check, recordID: recordID)
    }
}
