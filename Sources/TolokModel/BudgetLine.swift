/// One line of a budget table as printed: appropriation (pagu), spending (realisasi), percentage.
public struct BudgetLine: Sendable {
    public enum Stage: String, Sendable {
        /// Pagu and realisasi, from an LKIP's accountability table.
        case execution
        /// A performance agreement's (PK) budget.
        case agreement
        /// A Renstra's indicative budget.
        case plan
    }

    public var id: String
    /// The line this one is part of.
    public var parentID: String?
    public var districtCode: String
    public var year: Int
    public var stage: Stage
    /// total, program, kegiatan, sub_kegiatan, belanja.
    public var level: String
    public var code: String?
    /// As printed.
    public var label: String
    public var pagu: CanonicalNumber?
    public var realisasi: CanonicalNumber?
    /// The percentage as printed.
    public var reportedPercent: CanonicalNumber?
    public var source: SourceLocation
    public var printed: String?
    public var note: String?
    /// Corrections applied to this record (empty for the record as printed).
    public var corrections: [AppliedCorrection] = []

    static func rows(of table: Table, pool: StringPool) -> [BudgetLine] {
        func column(_ field: BudgetField) -> Int { table.column(field) }
        let c = (id: column(.id), parent: column(.parentID), district: column(.districtCode),
                 year: column(.year), stage: column(.stage), level: column(.level),
                 code: column(.code), label: column(.label), pagu: column(.pagu),
                 realisasi: column(.realisasi), percent: column(.reportedPercent),
                 source: column(.sourceID), location: column(.location), page: column(.page),
                 printed: column(.printed), note: column(.note))
        return (0..<table.rowCount).map { row in
            let text = { (field: Int) in pool.text(table.textID(field, row)) }
            return BudgetLine(
                id: text(c.id) ?? "", parentID: text(c.parent), districtCode: text(c.district) ?? "",
                year: table.integer(c.year, row) ?? 0, stage: text(c.stage).flatMap(Stage.init(rawValue:)) ?? .execution,
                level: text(c.level) ?? "", code: text(c.code), label: text(c.label) ?? "",
                pagu: table.canonicalNumber(c.pagu, row), realisasi: table.canonicalNumber(c.realisasi, row),
                reportedPercent: table.canonicalNumber(c.percent, row),
                source: SourceLocation(sourceID: text(c.source) ?? "", location: text(c.location) ?? "",
                                       page: table.integer(c.page, row), file: table.files[Int(table.rowFile[row])],
                                       line: Int(table.rowLine[row])),
                printed: text(c.printed), note: text(c.note))
        }
    }
}
