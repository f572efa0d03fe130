/// The fields Tolok reads, one enum per table kind: code names a field by its case, so a
/// misspelt name is a compile error rather than a trap at the lookup. Each case also says the
/// type it is read as. The loader refuses a schema that lacks one of them or types it otherwise
/// (``TableFields``), and a test checks every case's name and type against the shipped schemas.
public protocol TableField: RawRepresentable<String>, CaseIterable, Sendable where AllCases == [Self] {
    /// The table kind whose schema holds these fields (the schema's name: `observations`, …).
    static var tableKind: String { get }
    /// Whether a datasets folder may lack this table (the loader requires the others).
    static var isOptional: Bool { get }
    /// The type Tolok reads the field as (the schema must say the same).
    var fieldType: FieldType { get }
}

extension TableField {
    public static var isOptional: Bool { false }
    public var fieldType: FieldType { .string }
}

/// The fields Tolok reads of one table kind, by name (what the loader checks a schema for).
public struct TableFields: Sendable {
    public let kind: String
    /// The fields' names, in the schema's order.
    public let names: [String]
    /// The fields' types, as Tolok reads them (by ``names``).
    public let types: [FieldType]
    public let isOptional: Bool

    public init<Field: TableField>(_ fields: Field.Type) {
        kind = Field.tableKind
        names = Field.allCases.map(\.rawValue)
        types = Field.allCases.map(\.fieldType)
        isOptional = Field.isOptional
    }

    /// Every table kind Tolok reads.
    public static let all: [TableFields] = [
        TableFields(AreaField.self), TableFields(ProvinceHistoryField.self), TableFields(VintageField.self),
        TableFields(RevisionField.self), TableFields(SourceField.self), TableFields(ObservationField.self),
        TableFields(BudgetField.self), TableFields(RelationField.self), TableFields(IndicatorField.self),
        TableFields(MappingField.self), TableFields(CrosswalkField.self), TableFields(ReferenceField.self),
        TableFields(CorrectionField.self),
    ]
}

/// `areas`: provinces and districts.
public enum AreaField: String, TableField {
    public static let tableKind = "areas"
    case areaCode = "area_code", slug, name, level, kind, parentCode = "parent_code", kemendagriCode = "kemendagri_code", note
}

/// `province_history`: which province a district belonged to, when.
public enum ProvinceHistoryField: String, TableField {
    public static let tableKind = "province_history"
    case areaCode = "area_code", provinceCode = "province_code", fromYear = "from_year", toYear = "to_year"

    public var fieldType: FieldType { self == .fromYear || self == .toYear ? .integer : .string }
}

/// `vintages`: the releases of a reference series.
public enum VintageField: String, TableField {
    public static let tableKind = "vintages"
    case vintage, rank, name

    public var fieldType: FieldType { self == .rank ? .integer : .string }
}

/// `revisions`: the revisions of a source document.
public enum RevisionField: String, TableField {
    public static let tableKind = "revisions"
    case sourceID = "source_id", revision, rank

    public var fieldType: FieldType { self == .rank ? .integer : .string }
}

/// `sources`: the documents numbers are cited from.
public enum SourceField: String, TableField {
    public static let tableKind = "sources"
    case sourceID = "source_id", document, title, type, year, publisher, areaCode = "area_code", priority

    public var fieldType: FieldType { self == .year || self == .priority ? .integer : .string }
}

/// `observations`: the indicators' targets and realisations as the reports print them.
public enum ObservationField: String, TableField {
    public static let tableKind = "observations"
    case id, districtCode = "district_code", year, period, revision, level, objective, indicatorLabel = "indicator_label", unit,
         polarity, target, targetYear = "target_year", realisation, reportedCapaian = "reported_capaian", sourceID = "source_id",
         location, page, printed, note

    public var fieldType: FieldType {
        switch self {
        case .year, .targetYear, .page: .integer
        case .target, .realisation, .reportedCapaian: .number
        default: .string
        }
    }
}

/// `budget`: the budget lines as the reports print them.
public enum BudgetField: String, TableField {
    public static let tableKind = "budget"
    case id, parentID = "parent_id", districtCode = "district_code", year, stage, level, code, label, pagu, realisasi,
         reportedPercent = "reported_percent", sourceID = "source_id", location, page, printed, note

    public var fieldType: FieldType {
        switch self {
        case .year, .page: .integer
        case .pagu, .realisasi, .reportedPercent: .number
        default: .string
        }
    }
}

/// `relations`: figures a report prints as the sum or ratio of others.
public enum RelationField: String, TableField {
    public static let tableKind = "relations"
    case id, relation, result, operands, note
}

/// `indicators`: the canonical indicators.
public enum IndicatorField: String, TableField {
    public static let tableKind = "indicators"
    case indicatorID = "indicator_id", nameID = "name_id", nameEN = "name_en", unit, polarity, kind, comparisons, numerator,
         denominator, scope, comparableWith = "comparable_with", validMin = "valid_min", validMax = "valid_max"

    public var fieldType: FieldType { self == .validMin || self == .validMax ? .number : .string }
}

/// `indicator_mappings`: printed labels onto canonical indicators.
public enum MappingField: String, TableField {
    public static let tableKind = "indicator_mappings"
    case id, districtCode = "district_code", sourceID = "source_id", label, indicatorID = "indicator_id", transform, factor,
         denominatorLabel = "denominator_label", addedLabels = "added_labels", referenceIndicator = "reference_indicator",
         priority, caveat

    public var fieldType: FieldType { self == .factor ? .number : self == .priority ? .integer : .string }
}

/// `programme_crosswalk`: printed programme names onto standard programme codes.
public enum CrosswalkField: String, TableField {
    public static let tableKind = "programme_crosswalk"
    case id, districtCode = "district_code", label, code, standardName = "standard_name"
}

/// `references`: provincial and national figures (BPS).
public enum ReferenceField: String, TableField {
    public static let tableKind = "references"
    case id, areaCode = "area_code", indicator, year, month, value, printedDecimals = "printed_decimals", unit, derived, vintage,
         sourceID = "source_id", location, note, excluded

    public var fieldType: FieldType {
        switch self {
        case .year, .month, .printedDecimals: .integer
        case .value: .number
        case .derived: .boolean
        default: .string
        }
    }
}

/// `corrections`: explicit corrections of printed numbers (a folder may have none).
public enum CorrectionField: String, TableField {
    public static let tableKind = "corrections"
    public static let isOptional = true
    case id, recordID = "record_id", field, value, reason

    public var fieldType: FieldType { self == .value ? .number : .string }
}

/// The fields of a table of printed records (observations, budget lines, references): each
/// record has an id, a year, and the document and place it was printed in.
public protocol RecordField: TableField {
    static var id: Self { get }
    static var year: Self { get }
    static var sourceID: Self { get }
    static var location: Self { get }
}

extension ObservationField: RecordField {}
extension BudgetField: RecordField {}
extension ReferenceField: RecordField {}

extension Table {
    /// Index of `field`, a field of this table's kind.
    public func column<Field: TableField>(_ field: Field) -> Int {
        precondition(kind == Field.tableKind, "a field of \(Field.tableKind) asked of the \(kind) table")
        return column(field.rawValue)
    }

    /// Whether the cells of `field` were read (``loaded``).
    public func isLoaded<Field: TableField>(_ field: Field) -> Bool { loaded[column(field)] }

    /// Text ids of the column of `field` (`-1` = missing).
    public func textIDs<Field: TableField>(_ field: Field) -> [Int32] { textIDs(column(field)) }

    /// Numbers of the column of `field` (`.nan` = missing).
    public func numbers<Field: TableField>(_ field: Field) -> [Double] { numbers(column(field)) }

    /// Printed decimals of the column of `field`.
    public func decimalCounts<Field: TableField>(_ field: Field) -> [Int8] { decimalCounts(column(field)) }

    /// Integers of the column of `field` (`Int64.min` = missing).
    public func integers<Field: TableField>(_ field: Field) -> [Int64] { integers(column(field)) }

    /// Booleans of the column of `field` (`-1` = missing).
    public func booleans<Field: TableField>(_ field: Field) -> [Int8] { booleans(column(field)) }
}

/// A row of a small table as texts by field (``Dataset/records(_:)``).
public struct TableRecord<Field: TableField>: Sendable {
    let texts: [String: String]

    /// The cell of `field` as text, `nil` when missing.
    public subscript(_ field: Field) -> String? { texts[field.rawValue] }
}

extension Dataset {
    /// The rows of a small table of `Field`'s kind (indicators, crosswalk, corrections), each
    /// with its file and line.
    public func records<Field: TableField>(_ fields: Field.Type) -> [(fields: TableRecord<Field>, file: String, line: Int)] {
        records(Field.tableKind).map { (TableRecord(texts: $0.fields), $0.file, $0.line) }
    }
}
