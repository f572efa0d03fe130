/// The nation, a province or a district (kabupaten or kota), keyed by its BPS code.
public struct Area: Sendable, Hashable {
    public enum Level: String, Sendable { case nation, province, district }
    public enum Kind: String, Sendable, CaseIterable { case kabupaten, kota }

    /// BPS code: `00`, `32`, `3216`.
    public var code: String
    /// Id of ``code`` in the dataset's string pool.
    public var codeID: Int32
    /// What a person types: `kab-bekasi`.
    public var slug: String
    public var name: String
    public var level: Level
    public var kind: Kind?
    /// The province of a district under the latest boundaries (``Areas/province(of:year:)``
    /// applies earlier ones); the nation of a province.
    public var parentCode: String?
    /// The Kemendagri code (`32.16`), where known.
    public var kemendagriCode: String?
    /// Where the BPS code differs from the Kemendagri code, and other remarks.
    public var note: String?
    /// Line in areas.csv.
    public var line: Int
}

/// A district's province for a span of years when it differs from its current `parent_code`
/// (`datasets/province_history.csv`: the districts of the four Papua provinces created in 2022
/// belonged to Papua or Papua Barat in BPS's 34-province series until 2023).
public struct ProvincePeriod: Sendable, Hashable {
    public var areaCode: String
    public var provinceCode: String
    /// First year, inclusive; `nil` = since always.
    public var fromYear: Int?
    /// Last year, inclusive; `nil` = still.
    public var toYear: Int?

    /// True when `year` lies within the period.
    public func covers(_ year: Int) -> Bool {
        (fromYear.map { year >= $0 } ?? true) && (toYear.map { year <= $0 } ?? true)
    }
}

/// The areas of a dataset, with lookups.
public struct Areas: Sendable {
    public let table: Table
    public let all: [Area]
    public let byCode: [String: Area]
    /// Earlier provinces of districts, by district code.
    public let provinceHistory: [String: [ProvincePeriod]]
    private let bySlug: [String: Area]

    init(table: Table?, history historyTable: Table?, pool: StringPool) {
        guard let table else {
            self.table = Table(schema: TableSchema(name: "areas", fields: [], primaryKey: nil, foreignKeys: []))
            all = []
            byCode = [:]
            bySlug = [:]
            provinceHistory = [:]
            return
        }
        self.table = table
        let code = table.column(AreaField.areaCode), slug = table.column(AreaField.slug), name = table.column(AreaField.name)
        let level = table.column(AreaField.level), kind = table.column(AreaField.kind), parent = table.column(AreaField.parentCode)
        let kemendagri = table.column(AreaField.kemendagriCode), note = table.column(AreaField.note)
        var all: [Area] = []
        for row in 0..<table.rowCount {
            let codeID = table.textID(code, row)
            guard codeID >= 0, let lvl = pool.text(table.textID(level, row)).flatMap(Area.Level.init(rawValue:)) else { continue }
            all.append(Area(code: pool[codeID], codeID: codeID, slug: pool.text(table.textID(slug, row)) ?? "",
                            name: pool.text(table.textID(name, row)) ?? "", level: lvl,
                            kind: pool.text(table.textID(kind, row)).flatMap(Area.Kind.init(rawValue:)),
                            parentCode: pool.text(table.textID(parent, row)),
                            kemendagriCode: pool.text(table.textID(kemendagri, row)), note: pool.text(table.textID(note, row)),
                            line: Int(table.rowLine[row])))
        }
        self.all = all
        byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        bySlug = Dictionary(all.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var history: [String: [ProvincePeriod]] = [:]
        if let h = historyTable {
            let area = h.column(ProvinceHistoryField.areaCode), province = h.column(ProvinceHistoryField.provinceCode)
            let from = h.column(ProvinceHistoryField.fromYear), to = h.column(ProvinceHistoryField.toYear)
            for row in 0..<h.rowCount {
                guard let a = pool.text(h.textID(area, row)), let p = pool.text(h.textID(province, row)) else { continue }
                history[a, default: []].append(ProvincePeriod(areaCode: a, provinceCode: p, fromYear: h.integer(from, row),
                                                              toYear: h.integer(to, row)))
            }
        }
        provinceHistory = history
    }

    /// The area with BPS code or slug `key` (`3509` or `kab-jember`).
    public func find(_ key: String) -> Area? {
        byCode[key] ?? bySlug[key]
    }

    /// The province a district belongs to under the latest boundaries.
    public func province(of area: Area) -> Area? {
        area.parentCode.flatMap { byCode[$0] }
    }

    /// The province a district belonged to in `year` (``provinceHistory``, else its parent).
    public func province(of area: Area, year: Int) -> Area? {
        if let period = provinceHistory[area.code]?.first(where: { $0.covers(year) }) {
            return byCode[period.provinceCode]
        }
        return province(of: area)
    }

    /// The districts, by code.
    public var districts: [Area] { all.filter { $0.level == .district } }
}

extension StringPool {
    /// The string with id `id`, or `nil` for the missing id `-1`.
    public func text(_ id: Int32) -> String? { id < 0 ? nil : self[id] }
}
