/// The nation, a province or a district (kabupaten or kota), keyed by its BPS code.
public struct Area: Sendable, Hashable {
    public enum Level: String, Sendable { case nation, province, district }
    public enum Kind: String, Sendable { case kabupaten, kota }

    /// BPS code: `00`, `32`, `3216`.
    public var code: String
    /// Id of ``code`` in the dataset's string pool.
    public var codeID: Int32
    /// What a person types: `kab-bekasi`.
    public var slug: String
    public var name: String
    public var level: Level
    public var kind: Kind?
    public var parentCode: String?
    /// Line in areas.csv.
    public var line: Int
}

/// The areas of a dataset, with lookups.
public struct Areas: Sendable {
    public let table: Table
    public let all: [Area]
    public let byCode: [String: Area]

    init(table: Table?, pool: StringPool) {
        guard let table else {
            self.table = Table(schema: TableSchema(name: "areas", fields: [], primaryKey: nil, foreignKeys: []))
            all = []
            byCode = [:]
            return
        }
        self.table = table
        let code = table.column("area_code"), slug = table.column("slug"), name = table.column("name")
        let level = table.column("level"), kind = table.column("kind"), parent = table.column("parent_code")
        var all: [Area] = []
        for row in 0..<table.rowCount {
            let codeID = table.textID(code, row)
            guard codeID >= 0, let lvl = pool.text(table.textID(level, row)).flatMap(Area.Level.init(rawValue:)) else { continue }
            all.append(Area(code: pool[codeID], codeID: codeID, slug: pool.text(table.textID(slug, row)) ?? "",
                            name: pool.text(table.textID(name, row)) ?? "", level: lvl,
                            kind: pool.text(table.textID(kind, row)).flatMap(Area.Kind.init(rawValue:)),
                            parentCode: pool.text(table.textID(parent, row)), line: Int(table.rowLine[row])))
        }
        self.all = all
        byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The area with BPS code or slug `key` (`3509` or `kab-jember`).
    public func find(_ key: String) -> Area? {
        byCode[key] ?? all.first { $0.slug == key }
    }

    /// The province a district belongs to.
    public func province(of area: Area) -> Area? {
        area.parentCode.flatMap { byCode[$0] }
    }
}

extension StringPool {
    /// The string with id `id`, or `nil` for the missing id `-1`.
    public func text(_ id: Int32) -> String? { id < 0 ? nil : self[id] }
}
