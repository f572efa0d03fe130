import TolokModel

/// A printed number of a record, with the texts a finding reports: made only for the figures a
/// check reports on (the checks themselves read ``RecordColumns``).
struct PrintedFigure {
    var recordID: String
    var field: String
    var value: CanonicalNumber
    var districtCode: String
    var year: Int?
    var subject: String
    var location: SourceLocation
}

/// One number column of a record table: values (`.nan` = missing) and their printed decimals.
struct NumberColumn {
    let name: String
    var values: [Double]
    var decimals: [Int8]

    subscript(row: Int) -> CanonicalNumber? {
        let v = values[row]
        return v.isNaN ? nil : CanonicalNumber(value: v, decimals: Int(decimals[row]))
    }

    /// The value of `row`, `nil` when missing.
    @inline(__always) func value(_ row: Int) -> Double? {
        let v = values[row]
        return v.isNaN ? nil : v
    }
}

/// The columns of a record table the audit reads (observations, budget lines or references):
/// texts as pool ids (`-1` missing), numbers with their printed decimals, with the corrections of
/// `datasets/corrections/` applied when asked. A row becomes a ``PrintedFigure`` with its texts
/// only when a check reports on it.
struct RecordColumns {
    let pool: StringPool
    let table: Table?
    let files: [String]
    let rowFile: [Int32]
    let rowLine: [Int32]
    let count: Int
    let id, area, label, source, location: [Int32]
    /// `Int64.min` = missing.
    let year, page: [Int64]
    /// The table's number columns the audit checks, by ``NumberField``.
    var numbers: [NumberColumn]
    /// What ``apply(_:)`` changed, by row: the number column and the correction's description
    /// (``Correction/describe(printed:)``), in the corrections' file order.
    private(set) var changes: [Int: [(field: Int, description: String)]] = [:]

    /// The columns of `table` (none when absent): `area` and `label` name its area and label
    /// fields, `numbers` its number fields.
    init<Field: RecordField>(_ table: Table?, pool: StringPool, area: Field, label: Field, page: Field?, numbers: [Field]) {
        self.pool = pool
        self.table = table
        files = table?.files ?? []
        rowFile = table?.rowFile ?? []
        rowLine = table?.rowLine ?? []
        count = table?.rowCount ?? 0
        let none = [Int32](repeating: -1, count: count), noInt = [Int64](repeating: Int64.min, count: count)
        func texts(_ field: Field) -> [Int32] { table?.textIDs(field) ?? none }
        id = texts(.id)
        self.area = texts(area)
        self.label = texts(label)
        source = texts(.sourceID)
        location = texts(.location)
        year = table?.integers(Field.year) ?? noInt
        self.page = page.flatMap { table?.integers($0) } ?? noInt
        self.numbers = numbers.map { field in
            NumberColumn(name: field.rawValue, values: table?.numbers(field) ?? [], decimals: table?.decimalCounts(field) ?? [])
        }
    }

    /// The pool ids of the text field `field` (all `-1` when the table is absent).
    func texts<Field: TableField>(_ field: Field) -> [Int32] {
        table?.textIDs(field) ?? [Int32](repeating: -1, count: count)
    }

    /// The integers of the field `field` (all `Int64.min` when the table is absent).
    func integers<Field: TableField>(_ field: Field) -> [Int64] {
        table?.integers(field) ?? [Int64](repeating: Int64.min, count: count)
    }

    /// The text of pool id `id` ("" when missing).
    @inline(__always) func text(_ id: Int32) -> String { id >= 0 ? pool[id] : "" }

    /// The year of `row` (0 when missing, as the records' views read it).
    @inline(__always) func yearOf(_ row: Int) -> Int { year[row] == Int64.min ? 0 : Int(year[row]) }

    /// Where `row` was printed, and its dataset file and line.
    func location(_ row: Int) -> SourceLocation {
        SourceLocation(sourceID: text(source[row]), location: text(location[row]), page: page[row] == Int64.min ? nil : Int(page[row]),
                       file: files[Int(rowFile[row])], line: Int(rowLine[row]))
    }

    /// The printed figure of `row`'s number column `field` (which must have a value).
    func figure(_ row: Int, _ field: Int) -> PrintedFigure {
        PrintedFigure(recordID: text(id[row]), field: numbers[field].name, value: numbers[field][row]!, districtCode: text(area[row]),
                      year: yearOf(row), subject: text(label[row]), location: location(row))
    }

    /// Applies `corrections` (in file order) to the number columns, each value replaced as
    /// ``Correction/replacing(_:)`` says (a withdrawn value becomes missing). Each change is kept
    /// in ``changes``. The one place where the columns are corrected (the record structs have
    /// ``Corrections``); a record id names its first row (the validator refuses a second).
    mutating func apply(_ corrections: [Correction]) {
        guard !corrections.isEmpty else { return }
        // The first row of each record a correction names (the ids marked by pool id: no
        // dictionary of every row's id).
        var named = [Bool](repeating: false, count: pool.count)
        for c in corrections { if let i = pool.id(of: c.recordID) { named[Int(i)] = true } }
        var rowOfID: [Int32: Int] = [:]
        for (row, i) in id.enumerated() where i >= 0 && named[Int(i)] && rowOfID[i] == nil { rowOfID[i] = row }
        for c in corrections {
            guard let poolID = pool.id(of: c.recordID), let row = rowOfID[poolID],
                  let f = numbers.firstIndex(where: { $0.name == c.field }) else { continue }
            let printed = numbers[f][row]
            changes[row, default: []].append((f, c.describe(printed: printed)))
            let corrected = c.replacing(printed)
            numbers[f].values[row] = corrected?.value ?? .nan
            numbers[f].decimals[row] = corrected.map { Int8(clamping: $0.decimals) } ?? -1
        }
    }
}

/// The observations the audit reads.
struct ObservationColumns {
    var records: RecordColumns
    let period, revision, objective, unit: [Int32]
    /// `-1` not stated, else ``Polarity`` (0 positive, 1 negative).
    let polarity: [Int8]
    let targetYear: [Int64]
    static let target = 0, realisation = 1, reportedCapaian = 2

    init(_ dataset: Dataset, corrected: Bool) {
        let table = dataset.tables[ObservationField.tableKind], pool = dataset.pool
        records = RecordColumns(table, pool: pool, area: ObservationField.districtCode, label: .indicatorLabel, page: .page,
                                numbers: [.target, .realisation, .reportedCapaian])
        period = records.texts(ObservationField.period)
        revision = records.texts(ObservationField.revision)
        objective = records.texts(ObservationField.objective)
        unit = records.texts(ObservationField.unit)
        let positive = pool.id(of: Polarity.positive.rawValue) ?? -2, negative = pool.id(of: Polarity.negative.rawValue) ?? -2
        polarity = records.texts(ObservationField.polarity).map { $0 == positive ? 0 : $0 == negative ? 1 : -1 }
        targetYear = records.integers(ObservationField.targetYear)
        if corrected { records.apply(dataset.corrections()) }
    }

    func polarityOf(_ row: Int) -> Polarity? { polarity[row] < 0 ? nil : polarity[row] == 0 ? .positive : .negative }
}

/// The budget lines the audit reads.
struct BudgetColumns {
    var records: RecordColumns
    let parent, level: [Int32]
    /// ``BudgetLine/Stage``: 0 execution, 1 agreement, 2 plan.
    let stage: [Int8]
    static let pagu = 0, realisasi = 1, reportedPercent = 2

    init(_ dataset: Dataset, corrected: Bool) {
        let table = dataset.tables[BudgetField.tableKind], pool = dataset.pool
        records = RecordColumns(table, pool: pool, area: BudgetField.districtCode, label: .label, page: .page,
                                numbers: [.pagu, .realisasi, .reportedPercent])
        parent = records.texts(BudgetField.parentID)
        level = records.texts(BudgetField.level)
        let agreement = pool.id(of: BudgetLine.Stage.agreement.rawValue) ?? -2, plan = pool.id(of: BudgetLine.Stage.plan.rawValue) ?? -2
        stage = records.texts(BudgetField.stage).map { $0 == agreement ? 1 : $0 == plan ? 2 : 0 }
        if corrected { records.apply(dataset.corrections()) }
    }
}

/// The reference figures the audit reads (rows without a value are no figure: left out).
struct ReferenceColumns {
    var records: RecordColumns
    let month: [Int64]
    let vintage, excluded: [Int32]
    let derived: [Bool]
    static let value = 0
    /// The rows with a value not excluded from use (an excluded figure is known to be wrong; its
    /// reason is in the data), in file order.
    let usable: [Int]

    init(_ dataset: Dataset) {
        let table = dataset.tables[ReferenceField.tableKind], pool = dataset.pool
        records = RecordColumns(table, pool: pool, area: ReferenceField.areaCode, label: .indicator, page: nil, numbers: [.value])
        month = records.integers(ReferenceField.month)
        vintage = records.texts(ReferenceField.vintage)
        excluded = records.texts(ReferenceField.excluded)
        derived = (table?.booleans(ReferenceField.derived) ?? []).map { $0 == 1 }
        // A count quoted as "25,58 juta orang" is printed to the ten-thousand.
        if let table {
            let printed = table.integers(ReferenceField.printedDecimals)
            for row in 0..<records.count where printed[row] != Int64.min { records.numbers[0].decimals[row] = Int8(clamping: printed[row]) }
        }
        let values = records.numbers[0].values
        let excluded = self.excluded
        usable = (0..<records.count).filter { !values[$0].isNaN && excluded[$0] < 0 }
    }

    /// The figure of reference `row`, as the audit reports it (field `value`, no page).
    func figure(_ row: Int) -> PrintedFigure { records.figure(row, Self.value) }
}
