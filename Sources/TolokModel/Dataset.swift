/// Everything loaded from a datasets folder: the columnar tables by kind, the string pool
/// their text cells point into, and typed views for the statistics.
public struct Dataset: Sendable {
    public let pool: StringPool
    /// Tables by kind (`areas`, `sources`, `observations`, `budget`, `references`, `corrections`).
    public let tables: [String: Table]
    public let areas: Areas

    public init(pool: StringPool, tables: [String: Table]) {
        self.pool = pool
        self.tables = tables
        areas = Areas(table: tables[AreaField.tableKind], history: tables[ProvinceHistoryField.tableKind], pool: pool)
    }

    /// Number of rows of a kind (0 when absent).
    public func count(_ kind: String) -> Int { tables[kind]?.rowCount ?? 0 }

    /// Number of rows of the table of `Field`'s kind (0 when absent).
    public func count<Field: TableField>(_ fields: Field.Type) -> Int { count(Field.tableKind) }

    /// Every observation, in file order.
    public func observations() -> [Observation] {
        guard let table = tables[ObservationField.tableKind] else { return [] }
        return Observation.rows(of: table, pool: pool)
    }

    /// Every budget line, in file order.
    public func budgetLines() -> [BudgetLine] {
        guard let table = tables[BudgetField.tableKind] else { return [] }
        return BudgetLine.rows(of: table, pool: pool)
    }

    /// Every reference value, in file order.
    public func references() -> [ReferenceValue] {
        guard let table = tables[ReferenceField.tableKind] else { return [] }
        return ReferenceValue.rows(of: table, pool: pool)
    }

    /// The years of the reference values (``references()``: the rows with a value; a missing
    /// year reads 0) and how many of them are excluded from analyses (a reason in `excluded`),
    /// read from the columns without making the records.
    public func referenceSpan() -> (years: ClosedRange<Int>?, excluded: Int) {
        guard let table = tables[ReferenceField.tableKind] else { return (nil, 0) }
        let values = table.numbers(ReferenceField.value), years = table.integers(ReferenceField.year)
        let excluded = table.textIDs(ReferenceField.excluded)
        var low = Int.max, high = Int.min, count = 0
        for row in 0..<table.rowCount where !values[row].isNaN {
            let year = years[row] == Int64.min ? 0 : Int(years[row])
            (low, high) = (min(low, year), max(high, year))
            if excluded[row] >= 0 { count += 1 }
        }
        return (low <= high ? low...high : nil, count)
    }

    /// The rank of each vintage (`datasets/vintages.csv`; higher = newer).
    public func vintageRanks() -> [String: Int] {
        guard let table = tables[VintageField.tableKind] else { return [:] }
        let id = table.column(VintageField.vintage), rank = table.column(VintageField.rank)
        var ranks: [String: Int] = [:]
        for row in 0..<table.rowCount {
            if let v = pool.text(table.textID(id, row)) { ranks[v] = table.integer(rank, row) ?? 0 }
        }
        return ranks
    }

    /// The rank of each revision of a document's plan (`datasets/revisions.csv`; higher = newer),
    /// by `source_id` and revision.
    public func revisionRanks() -> [String: Int] {
        guard let table = tables[RevisionField.tableKind] else { return [:] }
        let source = table.column(RevisionField.sourceID), revision = table.column(RevisionField.revision)
        let rank = table.column(RevisionField.rank)
        var ranks: [String: Int] = [:]
        for row in 0..<table.rowCount {
            if let s = pool.text(table.textID(source, row)), let r = pool.text(table.textID(revision, row)) {
                ranks[s + "\u{0}" + r] = table.integer(rank, row) ?? 0
            }
        }
        return ranks
    }

    /// Distinct years across observations and budget lines, ascending.
    public func years() -> [Int] {
        let columns = [tables[ObservationField.tableKind]?.integers(ObservationField.year),
                       tables[BudgetField.tableKind]?.integers(BudgetField.year)].compactMap { $0 }
        var low = Int64.max, high = Int64.min + 1
        for column in columns {
            for y in column where y != Int64.min {
                low = min(low, y)
                high = max(high, y)
            }
        }
        guard low <= high else { return [] }
        // A flag per year of the span (no hashing a million rows), unless the span is huge.
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < 1 << 16 else {
            return Set(columns.joined().filter { $0 != Int64.min }.map(Int.init)).sorted()
        }
        var present = [Bool](repeating: false, count: Int(span) + 1)
        for column in columns {
            for y in column where y != Int64.min { present[Int(y - low)] = true }
        }
        return present.indices.filter { present[$0] }.map { Int(low) + $0 }
    }

    /// Districts that have at least one observation or budget line, by code.
    public func districtsWithData() -> [Area] {
        // A flag per pool id (no hashing a million rows).
        var present = [Bool](repeating: false, count: pool.count)
        let codes = [tables[ObservationField.tableKind]?.textIDs(ObservationField.districtCode),
                     tables[BudgetField.tableKind]?.textIDs(BudgetField.districtCode)]
        for column in codes.compactMap({ $0 }) {
            for id in column where id >= 0 { present[Int(id)] = true }
        }
        return areas.all.filter { $0.codeID >= 0 && present[Int($0.codeID)] }.sorted { $0.code < $1.code }
    }
}

/// Where a value was printed: document, table or section, page.
public struct SourceLocation: Sendable, Hashable {
    public var sourceID: String
    public var location: String
    public var page: Int?
    /// File and line of the dataset row.
    public var file: String
    public var line: Int

    public init(sourceID: String, location: String, page: Int?, file: String, line: Int) {
        self.sourceID = sourceID
        self.location = location
        self.page = page
        self.file = file
        self.line = line
    }

    /// `Tabel 3.1`, or `Tabel 3.1, p. 12`.
    public var description: String {
        page.map { "\(location), p. \($0)" } ?? location
    }

    /// `004 Tabel 3.1, p. 12`: the document and where in it (the document alone when no place is given).
    public var cited: String {
        description.isEmpty ? sourceID : "\(sourceID) \(description)"
    }
}
