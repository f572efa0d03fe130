import TolokModel

/// The execution-stage budget lines (pagu and realisasi of an LKIP; a line without a stage is
/// one) as columns of pool ids, with the corrections of `datasets/corrections/` applied: what
/// ``Costs/programmeBudgets(_:crosswalk:)`` sums, read without making a string per line. Lines
/// are numbered `0..<count` in file order.
struct ExecutionLines {
    private let pool: StringPool
    private let table: Table
    /// The budget table's row of each line.
    private let rows: [Int]
    /// The budget table's `page` field.
    private let page: Int
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
        guard let table = dataset.tables["budget"] else { return nil }
        let pool = dataset.pool
        self.pool = pool
        self.table = table
        let agreement = pool.id(of: BudgetLine.Stage.agreement.rawValue) ?? -2, plan = pool.id(of: BudgetLine.Stage.plan.rawValue) ?? -2
        let stage = table.textIDs(table.column("stage"))
        let rows = (0..<table.rowCount).filter { stage[$0] != agreement && stage[$0] != plan }
        self.rows = rows
        page = table.column("page")
        func texts(_ name: String) -> [Int32] {
            let column = table.textIDs(table.column(name))
            return rows.map { column[$0] }
        }
        id = texts("id")
        parent = texts("parent_id")
        district = texts("district_code")
        level = texts("level")
        code = texts("code")
        label = texts("label")
        source = texts("source_id")
        location = texts("location")
        let years = table.integers(table.column("year"))
        year = rows.map { years[$0] == Int64.min ? 0 : Int(years[$0]) }
        let printedPagu = table.numbers(table.column("pagu")), printedRealisasi = table.numbers(table.column("realisasi"))
        var pagu = rows.map { printedPagu[$0] }, realisasi = rows.map { printedRealisasi[$0] }

        // Corrections by record, in file order, applied to every line with the record's id.
        var byRecord: [Int32: [Correction]] = [:]
        for c in dataset.corrections() {
            if let record = pool.id(of: c.recordID) { byRecord[record, default: []].append(c) }
        }
        var corrected: [Int: [String]] = [:]
        if !byRecord.isEmpty {
            for line in 0..<rows.count {
                guard id[line] >= 0, let list = byRecord[id[line]] else { continue }
                for c in list {
                    switch c.field {
                    case "pagu": corrected[line, default: []].append(Self.apply(c, to: &pagu[line]))
                    case "realisasi": corrected[line, default: []].append(Self.apply(c, to: &realisasi[line]))
                    default: continue  // reported_percent: not summed; its correction is not the sum's
                    }
                }
            }
        }
        self.pagu = pagu
        self.realisasi = realisasi
        self.corrected = corrected
        tree = BudgetTree(ids: id, parentIDs: parent)
        programme = pool.id(of: "program") ?? -2
        total = pool.id(of: "total") ?? -2
    }

    /// Replaces `value` by `correction`'s (`.nan` when it withdraws it) and says what changed.
    private static func apply(_ correction: Correction, to value: inout Double) -> String {
        let description = correction.describe(printed: value.isNaN ? nil : CanonicalNumber(value: value, decimals: 0))
        value = correction.value ?? .nan
        return description
    }

    /// The number of lines.
    var count: Int { rows.count }

    func isProgramme(_ line: Int) -> Bool { level[line] == programme }
    func isTotal(_ line: Int) -> Bool { level[line] == total }

    /// The string of pool id `id` ("" when missing).
    func text(_ id: Int32) -> String { id >= 0 ? pool[id] : "" }
    /// The string of pool id `id` (`nil` when missing).
    func optionalText(_ id: Int32) -> String? { id >= 0 ? pool[id] : nil }

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
    func location(_ line: Int) -> SourceLocation {
        let row = rows[line]
        return SourceLocation(sourceID: text(source[line]), location: text(location[line]), page: table.integer(page, row),
                              file: table.files[Int(table.rowFile[row])], line: Int(table.rowLine[row]))
    }
}
