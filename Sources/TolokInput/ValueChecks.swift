import TolokModel

/// Checks of values that a Table Schema cannot express: a count printed with decimals (a
/// thousands separator read as a decimal point), a negative or fractional budget amount, a
/// realisation above its appropriation, a budget line under itself, a percentage share outside 0–100.
enum ValueChecks {
    static func diagnostics(_ dataset: Dataset) -> [Diagnostic] {
        observations(dataset) + shares(dataset) + budget(dataset) + budgetCycles(dataset) + references(dataset)
    }

    /// A number as written in the file: its value with its decimals.
    static func written(_ value: Double, _ decimals: Int8) -> String {
        NumberText.fixed(value, decimals: max(0, Int(decimals)))
    }

    /// Targets and realisations of counts (`orang`, `kasus`, …) are whole; `9.900 orang` is
    /// 9900 written with the Indonesian thousands separator far more often than 9.9 persons.
    static func observations(_ dataset: Dataset) -> [Diagnostic] {
        // Without units (a reader that does not read them) no count is known.
        guard let table = dataset.tables[ObservationField.tableKind], table.isLoaded(ObservationField.unit) else { return [] }
        let pool = dataset.pool
        let units = table.textIDs(ObservationField.unit)
        var isCount = [Int8](repeating: -1, count: pool.count)
        var cells: [(row: Int, field: Int)] = [], messages: [String] = []
        for field in [ObservationField.target, .realisation] {
            let name = field.rawValue, f = table.column(field)
            let values = table.numbers(f), decimals = table.decimalCounts(f)
            for row in 0..<table.rowCount where decimals[row] > 0 && units[row] >= 0 {
                let u = Int(units[row])
                if isCount[u] < 0 { isCount[u] = PrintedUnit.counts.contains(pool[units[row]].lowercased()) ? 1 : 0 }
                guard isCount[u] == 1 else { continue }
                let text = written(values[row], decimals[row]), unit = pool[units[row]]
                cells.append((row, f))
                messages.append(decimals[row] == 3
                    ? "\(name): \(text) \(unit) has decimals, but a count in \(unit) is whole: if the document printed \(text) with '.' as the thousands separator, write \(text.replacingOccurrences(of: ".", with: ""))"
                    : "\(name): \(text) \(unit) has decimals, but a count in \(unit) is whole")
            }
        }
        return zip(table.locations(of: cells), messages).map { Diagnostic(.warning, file: $0.file, line: $0.line, column: $0.column, $1) }
    }

    /// A target or realisation of a share in percent (``PercentShare``: unit `%`, a label such as
    /// Tingkat Pengangguran Terbuka or Persentase …) outside 0–100: a warning, since the audit's
    /// rate_range finding is the analysis rule; a correction of the cell settles it.
    static func shares(_ dataset: Dataset) -> [Diagnostic] {
        // Without units (a reader that does not read them) no value is known to be in percent.
        guard let table = dataset.tables[ObservationField.tableKind], table.isLoaded(ObservationField.unit) else { return [] }
        let pool = dataset.pool
        let units = table.textIDs(ObservationField.unit), labels = table.textIDs(ObservationField.indicatorLabel)
        let ids = table.textIDs(ObservationField.id)
        guard let percent = pool.id(of: "%") else { return [] }
        var isShare: [Int32: Bool] = [:]
        var corrected: Set<String> = []
        let valueFields = [ObservationField.target.rawValue, ObservationField.realisation.rawValue]
        for c in dataset.corrections() where valueFields.contains(c.field) { corrected.insert(c.recordID + "\u{0}" + c.field) }
        var cells: [(row: Int, field: Int)] = [], messages: [String] = []
        for field in [ObservationField.target, .realisation] {
            let name = field.rawValue, f = table.column(field)
            let values = table.numbers(f), decimals = table.decimalCounts(f)
            for row in 0..<table.rowCount where units[row] == percent && labels[row] >= 0 && decimals[row] >= 0 && !(0...100).contains(values[row]) {
                let label = labels[row]
                if isShare[label] == nil { isShare[label] = PercentShare.isShareLabel(pool[label]) }
                guard isShare[label]!, ids[row] < 0 || !corrected.contains(pool[ids[row]] + "\u{0}" + name) else { continue }
                cells.append((row, f))
                messages.append("\(name): \(written(values[row], decimals[row])) % is outside 0–100, but '\(pool[label])' is a share in percent "
                    + "(a label starting with Persentase, Tingkat, TPT or TPAK): a transcription or printing error? A correction in corrections/ settles it; the audit reports it as rate_range")
            }
        }
        return zip(table.locations(of: cells), messages).map { Diagnostic(.warning, file: $0.file, line: $0.line, column: $0.column, $1) }
    }

    /// Budget amounts are whole rupiah and never negative; a realisation above its pagu is a
    /// warning unless a correction of the line settles it.
    static func budget(_ dataset: Dataset) -> [Diagnostic] {
        guard let table = dataset.tables[BudgetField.tableKind] else { return [] }
        let pagu = table.column(BudgetField.pagu), realisasi = table.column(BudgetField.realisasi)
        var errors: [(cell: (row: Int, field: Int), message: String)] = []
        for (f, name) in [(pagu, BudgetField.pagu.rawValue), (realisasi, BudgetField.realisasi.rawValue)] {
            let values = table.numbers(f), decimals = table.decimalCounts(f)
            for row in 0..<table.rowCount where decimals[row] >= 0 {
                let text = written(values[row], decimals[row])
                if values[row] < 0 {
                    errors.append(((row, f), "\(name): \(text) is negative: a budget amount is never below 0"))
                } else if decimals[row] > 0 {
                    errors.append(((row, f), decimals[row] == 3
                        ? "\(name): rupiah amounts are whole, but \(text) has decimals: if the document printed \(text) with '.' as the thousands separator, write \(text.replacingOccurrences(of: ".", with: ""))"
                        : "\(name): rupiah amounts are whole, but \(text) has decimals"))
                }
            }
        }
        var diagnostics = zip(table.locations(of: errors.map(\.cell)), errors).map {
            Diagnostic(.error, file: $0.file, line: $0.line, column: $0.column, $1.message)
        }
        let amounts = [BudgetField.pagu.rawValue, BudgetField.realisasi.rawValue]
        let corrected = Set(dataset.corrections().filter { amounts.contains($0.field) }.map(\.recordID))
        let ids = table.textIDs(BudgetField.id), stages = table.textIDs(BudgetField.stage)
        let execution = dataset.pool.id(of: "execution")
        let p = table.numbers(pagu), r = table.numbers(realisasi), rd = table.decimalCounts(realisasi), pd = table.decimalCounts(pagu)
        var over: [Int] = []
        for row in 0..<table.rowCount where stages[row] == execution && r[row] > p[row] && p[row] >= 0 && ids[row] >= 0 {
            if !corrected.contains(dataset.pool[ids[row]]) { over.append(row) }
        }
        for (row, at) in zip(over, table.locations(of: over.map { ($0, realisasi) })) {
            let share = p[row] > 0 ? " (" + NumberText.fixed(r[row] / p[row] * 100, decimals: 2) + " %)" : ""
            diagnostics.append(Diagnostic(.warning, file: at.file, line: at.line, column: at.column,
                "realisasi \(written(r[row], rd[row])) exceeds the pagu \(written(p[row], pd[row]))\(share): a transcription or printing error? A correction in corrections/ settles it"))
        }
        return diagnostics
    }

    /// A budget line whose `parent_id` chain comes back to it (its own parent, or a line under
    /// it): a budget tree has no cycles, and its totals could not be summed.
    static func budgetCycles(_ dataset: Dataset) -> [Diagnostic] {
        guard let table = dataset.tables[BudgetField.tableKind] else { return [] }
        let pool = dataset.pool
        let idF = table.column(BudgetField.id), parentF = table.column(BudgetField.parentID)
        let ids = table.textIDs(idF), parents = table.textIDs(parentF)
        let rowOfID = table.rowsByID(idF, poolCount: pool.count)
        func parentRow(_ row: Int) -> Int { parents[row] >= 0 ? Int(rowOfID[Int(parents[row])]) : -1 }
        // Each chain is walked once: 1 on the path being walked, 2 done.
        var state = [UInt8](repeating: 0, count: table.rowCount)
        var cycles: [[Int]] = []
        for start in 0..<table.rowCount where state[start] == 0 {
            var path: [Int] = []
            var row = start
            while row >= 0, state[row] == 0 {
                state[row] = 1
                path.append(row)
                row = parentRow(row)
            }
            if row >= 0, state[row] == 1, let k = path.firstIndex(of: row) { cycles.append(Array(path[k...])) }
            for r in path { state[r] = 2 }
        }
        let rows = cycles.flatMap { $0 }
        let chains = cycles.flatMap { cycle in cycle.map { _ in (cycle + [cycle[0]]).map { pool[ids[$0]] }.joined(separator: " → ") } }
        return zip(zip(rows, chains), table.locations(of: rows.map { ($0, parentF) })).map { line, at in
            Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                "budget line '\(pool[ids[line.0]])' lies under itself (\(line.1)): a parent_id names a line above, never the line itself or one below it")
        }
    }

    /// A reference figure in percent is a share (TPT, TPAK): it lies within 0–100 unless the
    /// row is excluded from analyses (kept for the record, with the reason).
    static func references(_ dataset: Dataset) -> [Diagnostic] {
        guard let table = dataset.tables[ReferenceField.tableKind] else { return [] }
        let pool = dataset.pool
        let value = table.column(ReferenceField.value)
        let units = table.textIDs(ReferenceField.unit), excluded = table.textIDs(ReferenceField.excluded)
        let values = table.numbers(value), decimals = table.decimalCounts(value)
        let percent = Set(PrintedUnit.percent.compactMap { pool.id(of: $0) })
        let wrong = (0..<table.rowCount).filter {
            excluded[$0] < 0 && percent.contains(units[$0]) && decimals[$0] >= 0 && !(0...100).contains(values[$0])
        }
        var diagnostics = zip(wrong, table.locations(of: wrong.map { ($0, value) })).map { row, at in
            Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                "value: \(written(values[row], decimals[row])) % is outside 0–100, but a reference figure in percent is a share (fill 'excluded' with the reason to keep it for the record)")
        }
        // Every indicator is one of the catalogue (or a series kept for the record).
        if let indicators = dataset.tables[IndicatorField.tableKind] {
            var known = [Bool](repeating: false, count: pool.count)
            for id in indicators.textIDs(IndicatorField.indicatorID) where id >= 0 { known[Int(id)] = true }
            for name in ReferenceValue.recordOnlySeries { if let id = pool.id(of: name) { known[Int(id)] = true } }
            let f = table.column(ReferenceField.indicator)
            let ids = table.textIDs(f)
            let unknown = (0..<table.rowCount).filter { ids[$0] >= 0 && !known[Int(ids[$0])] }
            let file = indicators.files.count == 1 ? indicators.files[0] : "indicators.csv"
            diagnostics += zip(unknown, table.locations(of: unknown.map { ($0, f) })).map { row, at in
                Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                    "unknown indicator '\(pool[ids[row]])': no indicator_id in \(file) has it (nor is it one of the series kept for the record: \(ReferenceValue.recordOnlySeries.sorted().joined(separator: ", ")))")
            }
        }
        return diagnostics
    }
}
