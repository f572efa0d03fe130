/// Whether a higher value is better (positive) or worse (negative).
public enum Polarity: String, Sendable {
    case positive, negative
}

/// One indicator value as a document printed it: target, realisation, capaian, and where.
public struct Observation: Sendable {
    public var id: String
    public var districtCode: String
    public var year: Int
    /// Empty for the whole year; `Q1`…`Q4`, `M01`…`M12`.
    public var period: String?
    /// The version of a plan or table the row belongs to, when a document prints several.
    public var revision: String?
    /// Planning level: tujuan, sasaran, program, kegiatan, sub_kegiatan, statistik.
    public var level: String
    public var objective: String?
    /// Exactly as printed.
    public var indicatorLabel: String
    public var unit: String?
    public var polarity: Polarity?
    public var target: CanonicalNumber?
    /// The year the target belongs to when it is not ``year``.
    public var targetYear: Int?
    public var realisation: CanonicalNumber?
    /// Capaian as printed.
    public var reportedCapaian: CanonicalNumber?
    public var source: SourceLocation
    public var printed: String?
    public var note: String?
    /// Corrections applied to this record (empty for the record as printed).
    public var corrections: [AppliedCorrection] = []

    static func rows(of table: Table, pool: StringPool) -> [Observation] {
        let reader = Reader(table)
        return (0..<table.rowCount).map { reader.observation(at: $0, pool: pool) }
    }

    /// Reads observations out of the columnar table, one row at a time.
    package struct Reader {
        package let table: Table
        package let id, district, year, period, revision, level, objective, label, unit, polarity: Int
        package let target, targetYear, realisation, capaian, source, location, page, printed, note: Int

        package init(_ table: Table) {
            self.table = table
            func column(_ field: ObservationField) -> Int { table.column(field) }
            id = column(.id); district = column(.districtCode); year = column(.year); period = column(.period)
            revision = column(.revision); level = column(.level); objective = column(.objective); label = column(.indicatorLabel)
            unit = column(.unit); polarity = column(.polarity); target = column(.target); targetYear = column(.targetYear)
            realisation = column(.realisation); capaian = column(.reportedCapaian); source = column(.sourceID)
            location = column(.location); page = column(.page); printed = column(.printed); note = column(.note)
        }

        package func observation(at row: Int, pool: StringPool) -> Observation {
            let text = { (field: Int) in pool.text(table.textID(field, row)) }
            return Observation(
                id: text(id) ?? "", districtCode: text(district) ?? "", year: table.integer(year, row) ?? 0,
                period: text(period), revision: text(revision), level: text(level) ?? "", objective: text(objective),
                indicatorLabel: text(label) ?? "", unit: text(unit),
                polarity: text(polarity).flatMap(Polarity.init(rawValue:)),
                target: table.canonicalNumber(target, row), targetYear: table.integer(targetYear, row),
                realisation: table.canonicalNumber(realisation, row),
                reportedCapaian: table.canonicalNumber(capaian, row),
                source: SourceLocation(sourceID: text(source) ?? "", location: text(location) ?? "",
                                       page: table.integer(page, row), file: table.files[Int(table.rowFile[row])],
                                       line: Int(table.rowLine[row])),
                printed: text(printed), note: text(note))
        }
    }
}
