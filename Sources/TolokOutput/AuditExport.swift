import TolokModel
import TolokAlignment
import TolokStatistics

/// `audit.csv` and the audit's printed summary.
public enum AuditExport {
    public static let header = [
        "district_code", "district_name", "year", "check", "severity", "subject", "published", "expected", "difference",
        "source_id", "location", "other_source_id", "other_location", "record_ids", "detail", "corrections",
    ]

    /// Findings in a stable order: district, year, check, first record.
    /// (The findings' positions are sorted, ties kept in order, so the large structs move once.)
    public static func sorted(_ findings: [AuditFinding]) -> [AuditFinding] {
        let keys = findings.map { ($0.districtCode, $0.year ?? 0, $0.check.rawValue, $0.recordIDs.first ?? "") }
        return findings.indices.sorted { a, b in
            keys[a] < keys[b] || (keys[a] == keys[b] && a < b)
        }.map { findings[$0] }
    }

    /// The CSV of a report's findings.
    public static func csv(_ report: AuditReport, dataset: Dataset, dialect: CSVDialect = .standard) -> CSVWriter {
        tabular(report, dataset: dataset).csv(dialect)
    }

    /// The table of a report's findings (the columns of `audit.csv`).
    public static func tabular(_ report: AuditReport, dataset: Dataset) -> Tabular {
        var table = Tabular(header: header)
        var corrections: [String: [Correction]] = [:]
        for c in dataset.corrections() { corrections[c.recordID + "." + c.field, default: []].append(c) }
        for f in sorted(report.findings) {
            let corrected = (corrections[(f.recordIDs.first ?? "") + "." + f.field] ?? []).map {
                "\($0.id): \($0.value.map { NumberText.plain($0) } ?? "withdrawn")"
            }.joined(separator: "; ")
            let name = dataset.areas.byCode[f.districtCode]?.name ?? f.districtCode
            let exact = f.expected == f.expected.rounded() && f.difference == f.difference.rounded()
            let decimals = exact ? 0 : f.publishedDecimals + 2
            table.rows.append([
                .text(f.districtCode), .text(name), f.year.map(CSVCell.integer) ?? .missing, .text(f.check.rawValue),
                .text(f.severity.rawValue), .text(f.subject), .number(f.published, decimals: f.publishedDecimals),
                .number(f.expected, decimals: decimals), .number(f.difference, decimals: decimals),
                .text(f.location.sourceID), .text(f.location.description), .optional(f.otherLocation?.sourceID),
                .optional(f.otherLocation?.description), .text(f.recordIDs.joined(separator: " ")), .text(f.detail),
                corrected.isEmpty ? .missing : .text(corrected),
            ])
        }
        return table
    }

    /// A grouped summary: totals, then findings per check and per district.
    public static func summary(_ report: AuditReport, dataset: Dataset) -> [String] {
        var lines = ["Audit: \(report.runs.count) checks, \(report.count(.error)) errors, \(report.count(.rounding)) rounding"]
        for check in AuditCheck.allCases {
            let ran = report.runs.count(check)
            guard ran > 0 else { continue }
            let errors = report.findings.count { $0.check == check && $0.severity == .error }
            let rounding = report.findings.count { $0.check == check && $0.severity == .rounding }
            lines.append("  \(check.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(ran) checked, \(errors) errors, \(rounding) rounding")
        }
        let districts = Set(report.findings.map(\.districtCode)).sorted()
        for code in districts {
            let name = dataset.areas.byCode[code]?.name ?? code
            let errors = report.findings.count { $0.districtCode == code && $0.severity == .error }
            let rounding = report.findings.count { $0.districtCode == code && $0.severity == .rounding }
            lines.append("  \(name) (\(code)): \(errors) errors, \(rounding) rounding")
        }
        return lines
    }
}
