/// A document the datasets were transcribed from.
public struct Source: Sendable {
    public var id: String
    /// Seed file name or URL.
    public var document: String
    public var title: String
    /// LKIP, Renstra, PK, press, BPS, other.
    public var type: String
    public var year: Int?
    public var publisher: String?
    public var areaCode: String?
    /// Preference among sources of the same type (lower first; `nil` after every stated one).
    public var priority: Int?
}

extension Dataset {
    /// The sources by id.
    public func sources() -> [String: Source] {
        guard let table = tables[SourceField.tableKind] else { return [:] }
        func column(_ field: SourceField) -> Int { table.column(field) }
        let c = (id: column(.sourceID), document: column(.document), title: column(.title),
                 type: column(.type), year: column(.year), publisher: column(.publisher),
                 area: column(.areaCode), priority: column(.priority))
        var result: [String: Source] = [:]
        for row in 0..<table.rowCount {
            let text = { (field: Int) in pool.text(table.textID(field, row)) }
            guard let id = text(c.id) else { continue }
            result[id] = Source(id: id, document: text(c.document) ?? "", title: text(c.title) ?? "", type: text(c.type) ?? "other",
                                year: table.integer(c.year, row), publisher: text(c.publisher), areaCode: text(c.area),
                                priority: table.integer(c.priority, row))
        }
        return result
    }

    /// Rows of a table as dictionaries of text by field name (`nil` for missing cells), every
    /// field: a table shown whole. Code that reads known fields names them by their cases
    /// (``records(_:)-(Field.Type)``).
    public func records(_ kind: String) -> [(fields: [String: String], file: String, line: Int)] {
        guard let table = tables[kind] else { return [] }
        return (0..<table.rowCount).map { row in
            var fields: [String: String] = [:]
            for (f, spec) in table.schema.fields.enumerated() {
                switch spec.type {
                case .string: if let t = pool.text(table.textID(f, row)) { fields[spec.name] = t }
                case .number: if let n = table.number(f, row) { fields[spec.name] = String(n) }
                case .integer: if let i = table.integer(f, row) { fields[spec.name] = String(i) }
                case .boolean: if let b = table.boolean(f, row) { fields[spec.name] = String(b) }
                }
            }
            return (fields, table.files[Int(table.rowFile[row])], Int(table.rowLine[row]))
        }
    }
}
