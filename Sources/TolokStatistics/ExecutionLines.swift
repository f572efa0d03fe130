import TolokModel

/// The execution-stage budget lines (pagu and realisasi of an LKIP; a line without a stage is
/// one), corrected: what ``Costs/programmeBudgets(_:crosswalk:)`` sums, read without making a
/// string per line. The audit's corrected ``BudgetColumns`` (their corrections applied by
/// ``RecordColumns/apply(_:)``), restricted to that stage. Lines are numbered `0..<count` in file
/// order.
struct ExecutionLines {
    private let columns: RecordColumns
    /// The budget table's row of each line.
    private let rows: [Int]
    /// Pool ids (`-1` missing).
    let id, parent, district, level, code, label, source, location: [Int32]
    /// 0 when missing, as ``BudgetLine`` reads it.
    let year: [Int]
    /// Corrected amounts (`.nan` missing or withdrawn).
    let pagu, realisasi: [Double]
    /// What the corrections of pagu or realisasi changed, by line (in the corrections' file order).
    private let corrected: [Int: [String]]
    /// The lines' tree; a parent id names the first line with that id.
    private let tree: BudgetTree
    private let programme, total: Int32

    /// The lines of `dataset`'s budget table; `nil` when it has none.
    init?(_ dataset: Dataset) {
        guard dataset.tables[BudgetField.tableKind] != nil else { return nil }
        let budget = BudgetColumns(dataset, corrected: true)
        let columns = budget.records
        self.columns = columns
        let rows = (0..<columns.count).filter { budget.stage[$0] == 0 }
        self.rows = rows
        func lines<T>(_ column: [T]) -> [T] { rows.map { column[$0] } }
        id = lines(columns.id)
        parent = lines(budget.parent)
        district = lines(columns.area)
        level = lines(budget.level)
        code = lines(columns.texts(BudgetField.code))
        label = lines(columns.label)
        source = lines(columns.source)
        location = lines(columns.location)
        year = rows.map(columns.yearOf)
        pagu = lines(columns.numbers[BudgetColumns.pagu].values)
        realisasi = lines(columns.numbers[BudgetColumns.realisasi].values)
        // reported_percent is not summed: its corrections are not the sums'.
        var corrected: [Int: [String]] = [:]
        for (line, row) in rows.enumerated() {
            let changes = (columns.changes[row] ?? []).filter { $0.field == BudgetColumns.pagu || $0.field == BudgetColumns.realisasi }
            if !changes.isEmpty { corrected[line] = changes.map(\.description) }
        }
        self.corrected = corrected
        tree = BudgetTree(ids: id, parentIDs: parent)
        programme = dataset.pool.id(of: "program") ?? -2
        total = dataset.pool.id(of: "total") ?? -2
    }

    /// The number of lines.
    var count: Int { rows.count }

    func isProgramme(_ line: Int) -> Bool { level[line] == programme }
    func isTotal(_ line: Int) -> Bool { level[line] == total }

    /// The string of pool id `id` ("" when missing).
    func text(_ id: Int32) -> String { columns.text(id) }
    /// The string of pool id `id` (`nil` when missing).
    func optionalText(_ id: Int32) -> String? { id >= 0 ? columns.pool[id] : nil }

    /// `values[line]`, `nil` when missing.
    func value(_ line: Int, _ values: [Double]) -> Double? { values[line].isNaN ? nil : values[line] }

    /// The amount of `line` in `values` (``pagu`` or ``realisasi``), or else the sum of its lines'
    /// (``BudgetTree/amount(_:_:)``), read at the first line with its id.
    func effective(_ line: Int, _ values: [Double]) -> Double? {
        tree.firstRow(of: id[line]).flatMap { tree.amount($0) { value($0, values) } }
    }

    /// What the corrections of `line` and of every line under it changed.
    func corrections(underAndOf line: Int) -> [String] {
        let under = tree.firstRow(of: id[line]).map { tree.rows(under: $0) } ?? []
        return ([line] + under).flatMap { corrected[$0] ?? [] }
    }

    /// Where `line` was printed, and its dataset file and line.
    func location(_ line: Int) -> SourceLocation { columns.location(rows[line]) }
}
