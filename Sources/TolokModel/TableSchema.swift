import Foundation

/// The type of a field, as Frictionless Table Schema names it (the subset Tolok uses).
public enum FieldType: String, Sendable {
    case string, number, integer, boolean
}

/// One field of a Table Schema.
public struct FieldSchema: Sendable {
    public var name: String
    public var type: FieldType
    public var required = false
    public var unique = false
    /// Allowed values, if constrained.
    public var allowedValues: [String]?
    /// A regular expression the whole value must match, if constrained.
    public var pattern: String?
    /// The smallest and largest value allowed (integer and number fields), if constrained.
    public var minimum: Double?
    public var maximum: Double?
    public var description: String?

    /// The integers allowed by ``minimum`` and ``maximum``.
    public var integerRange: ClosedRange<Int64> {
        let low = minimum.map { Int64(clamping: Int($0.rounded(.up))) } ?? Int64.min
        let high = maximum.map { Int64(clamping: Int($0.rounded(.down))) } ?? Int64.max
        return low <= high ? low...high : low...low
    }

    /// True when `value` lies within ``minimum`` and ``maximum``.
    public func allows(_ value: Double) -> Bool {
        !(minimum.map { value < $0 } ?? false) && !(maximum.map { value > $0 } ?? false)
    }

    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// A foreign key: `field` must name a value of `referencedField` in `resource`
/// (the empty name is the resource itself, as in Frictionless).
public struct ForeignKey: Sendable {
    public var field: String
    public var resource: String
    public var referencedField: String

    public init(field: String, resource: String, referencedField: String) {
        self.field = field
        self.resource = resource
        self.referencedField = referencedField
    }
}

/// A Frictionless Table Schema (fields, primary key, foreign keys), single-field keys only.
public struct TableSchema: Sendable {
    /// The schema's name: the file name without `.json` (`observations`), used as the table kind.
    public var name: String
    public var fields: [FieldSchema]
    public var primaryKey: String?
    public var foreignKeys: [ForeignKey]

    public init(name: String, fields: [FieldSchema], primaryKey: String?, foreignKeys: [ForeignKey]) {
        self.name = name
        self.fields = fields
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
    }

    /// Index of the field named `name`.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// A resource of the data package: one CSV file and its schema.
public struct ResourceDescriptor: Sendable {
    public var name: String
    /// Path relative to the package folder.
    public var path: String
    public var schema: TableSchema

    public init(name: String, path: String, schema: TableSchema) {
        self.name = name
        self.path = path
        self.schema = schema
    }
}
