import Foundation

/// A table of rows loaded from one or more CSV files sharing a schema, stored column by column.
///
/// Each field is one contiguous array of its type; missing cells are sentinels inside it (no
/// optionals, no per-cell allocation): text `-1`, number `.nan` (the parser never produces NaN),
/// integer `Int64.min`, boolean `-1`. Text cells are ids into the dataset's ``StringPool``.
///
/// All the files of one kind (every `observations/*.csv`) land in one table; each row remembers
/// its file, line and byte offset, so any later check can point back at the cell.
public struct Table: Sendable {
    public let schema: TableSchema
    public package(set) var rowCount = 0
    /// Files the rows came from, as the user named them.
    public package(set) var files: [String] = []
    /// For each row: index into ``files``.
    public package(set) var rowFile: [Int32] = []
    /// For each row: 1-based line where the record starts.
    public package(set) var rowLine: [Int32] = []
    /// For each row: byte offset of the record in its file (to find a cell's column on demand).
    public package(set) var rowOffset: [Int] = []
    /// Absolute paths of ``files``.
    package var fileURLs: [URL] = []

    package var texts: [[Int32]] = []
    package var numbers: [[Double]] = []
    package var decimals: [[Int8]] = []
    package var integers: [[Int64]] = []
    package var booleans: [[Int8]] = []
    /// For each field: its index within the arrays of its type.
    package let slots: [Int]
    /// For each field: whether its cells were read. A loader told to read some fields only (as a
    /// data-frame reader reads only the columns it uses) leaves the others unread: their cells
    /// read as missing.
    public let loaded: [Bool]
    /// For each field: whether its cells were only looked up in the string pool, not interned: a
    /// column read to find a few strings known beforehand (the records that corrections name)
    /// without interning a million record ids. Its other cells are ``unlisted``.
    public let lookedUp: [Bool]
    /// A text cell of a ``lookedUp`` field holding a string the pool did not know (not missing:
    /// present, but none of the strings looked for).
    public static let unlisted: Int32 = -2

    package init(schema: TableSchema, loaded: [Bool]? = nil, lookedUp: [Bool]? = nil) {
        self.schema = schema
        self.loaded = loaded ?? Array(repeating: true, count: schema.fields.count)
        self.lookedUp = lookedUp ?? Array(repeating: false, count: schema.fields.count)
        var slots: [Int] = []
        for field in schema.fields {
            switch field.type {
            case .string: slots.append(texts.count); texts.append([])
            case .number: slots.append(numbers.count); numbers.append([]); decimals.append([])
            case .integer: slots.append(integers.count); integers.append([])
            case .boolean: slots.append(booleans.count); booleans.append([])
            }
        }
        self.slots = slots
    }

    /// The kind of table: its schema's name (`observations`, `budget`, …).
    public var kind: String { schema.name }

    /// Index of the field named `name`; traps if the schema has no such field (a programming
    /// error: the loader checks that the schemas hold the fields Tolok reads). Code outside the
    /// model names fields by their ``TableField`` cases (``column(_:)-(Field)``).
    func column(_ name: String) -> Int {
        guard let index = schema.index(of: name) else {
            preconditionFailure("table \(kind) has no field \(name)")
        }
        return index
    }

    // MARK: Typed cell access

    /// Text ids of a whole column (`-1` = missing).
    public func textIDs(_ field: Int) -> [Int32] {
        precondition(schema.fields[field].type == .string, "\(schema.fields[field].name) is not text")
        return loaded[field] ? texts[slots[field]] : Array(repeating: -1, count: rowCount)
    }

    /// Text id of a cell, `-1` when missing.
    public func textID(_ field: Int, _ row: Int) -> Int32 {
        precondition(schema.fields[field].type == .string, "\(schema.fields[field].name) is not text")
        return loaded[field] ? texts[slots[field]][row] : -1
    }

    /// Numbers of a whole column (`.nan` = missing).
    public func numbers(_ field: Int) -> [Double] {
        precondition(schema.fields[field].type == .number, "\(schema.fields[field].name) is not a number")
        return loaded[field] ? numbers[slots[field]] : Array(repeating: .nan, count: rowCount)
    }

    /// The printed decimals of a whole number column (`-1` = missing).
    public func decimalCounts(_ field: Int) -> [Int8] {
        precondition(schema.fields[field].type == .number, "\(schema.fields[field].name) is not a number")
        return loaded[field] ? decimals[slots[field]] : Array(repeating: -1, count: rowCount)
    }

    /// Integers of a whole column (`Int64.min` = missing).
    public func integers(_ field: Int) -> [Int64] {
        precondition(schema.fields[field].type == .integer, "\(schema.fields[field].name) is not an integer")
        return loaded[field] ? integers[slots[field]] : Array(repeating: Int64.min, count: rowCount)
    }

    /// Booleans of a whole column (`-1` = missing, 0 false, 1 true).
    public func booleans(_ field: Int) -> [Int8] {
        precondition(schema.fields[field].type == .boolean, "\(schema.fields[field].name) is not a boolean")
        return loaded[field] ? booleans[slots[field]] : Array(repeating: -1, count: rowCount)
    }

    /// The row of each text id of field `field` (a key column), by pool id; `-1` where none.
    public func rowsByID(_ field: Int, poolCount: Int) -> [Int32] {
        var rows = [Int32](repeating: -1, count: poolCount)
        for (row, id) in textIDs(field).enumerated() where id >= 0 && rows[Int(id)] < 0 { rows[Int(id)] = Int32(row) }
        return rows
    }

    /// Number in a cell, `nil` when missing.
    public func number(_ field: Int, _ row: Int) -> Double? {
        precondition(schema.fields[field].type == .number, "\(schema.fields[field].name) is not a number")
        guard loaded[field] else { return nil }
        let v = numbers[slots[field]][row]
        return v.isNaN ? nil : v
    }

    /// Number with the decimals it was written with, `nil` when missing.
    public func canonicalNumber(_ field: Int, _ row: Int) -> CanonicalNumber? {
        guard let v = number(field, row) else { return nil }  // unread fields are missing
        return CanonicalNumber(value: v, decimals: Int(decimals[slots[field]][row]))
    }

    /// Integer in a cell, `nil` when missing.
    public func integer(_ field: Int, _ row: Int) -> Int? {
        precondition(schema.fields[field].type == .integer, "\(schema.fields[field].name) is not an integer")
        guard loaded[field] else { return nil }
        let v = integers[slots[field]][row]
        return v == Int64.min ? nil : Int(v)
    }

    /// Boolean in a cell, `nil` when missing.
    public func boolean(_ field: Int, _ row: Int) -> Bool? {
        precondition(schema.fields[field].type == .boolean, "\(schema.fields[field].name) is not a boolean")
        guard loaded[field] else { return nil }
        let v = booleans[slots[field]][row]
        return v < 0 ? nil : v == 1
    }
}
