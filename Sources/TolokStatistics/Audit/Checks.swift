import Foundation
import TolokModel
import TolokAlignment

extension Auditor {
    // MARK: Capaian and percentages

    /// Printed capaian against target, realisation and polarity. A printed 100 for a raw capaian
    /// above 100 follows the clamping rule and is consistent.
    mutating func checkCapaian() {
        let o = observations, r = o.records
        let target = r.numbers[ObservationColumns.target], realisation = r.numbers[ObservationColumns.realisation]
        let capaian = r.numbers[ObservationColumns.reportedCapaian]
        for row in 0..<r.count {
            guard let printed = capaian[row], let t = target.value(row), let re = realisation.value(row) else { continue }
            let polarity = o.polarityOf(row)
            let a = Achievement(target: t, realisation: re, polarity: polarity)
            guard let raw = a.capaian, let clamped = a.clamped else { continue }
            if PrintedPrecision.compare(printed: printed, exact: raw) != nil,
               PrintedPrecision.compare(printed: printed, exact: clamped) == nil {
                runs.append(.capaian, record: r.id[row])
                continue
            }
            if polarity == nil, PrintedPrecision.compare(printed: printed, exact: raw) != nil {
                let negative = Achievement(target: t, realisation: re, polarity: .negative)
                if let n = negative.capaian, PrintedPrecision.compare(printed: printed, exact: n) == nil {
                    runs.append(.capaian, record: r.id[row])
                    continue
                }
            }
            compare(.capaian, r, row, ObservationColumns.reportedCapaian, expected: raw,
                    detail: "capaian of \(Self.format(re)) against target \(Self.format(t)) (\(polarity?.rawValue ?? "polarity not stated"))")
        }
    }

    /// Printed budget percentages against realisasi / pagu.
    mutating func checkPercentages() {
        let b = budget.records
        let pagu = b.numbers[BudgetColumns.pagu], realisasi = b.numbers[BudgetColumns.realisasi]
        let percent = b.numbers[BudgetColumns.reportedPercent]
        for row in 0..<b.count {
            guard percent.value(row) != nil, let p = pagu.value(row), let r = realisasi.value(row),
                  let exact = Absorption.percent(pagu: p, realisasi: r) else { continue }
            compare(.percentage, b, row, BudgetColumns.reportedPercent, expected: exact,
                    detail: "realisasi \(Self.format(r)) / pagu \(Self.format(p)) × 100")
        }
    }

    // MARK: Totals

    /// Each printed budget amount that has lines under it against the sum of those lines
    /// (a line without a printed amount counts as the sum of its own lines).
    mutating func checkBudgetTotals() {
        let b = budget.records
        let tree = BudgetTree(ids: b.id, parentIDs: budget.parent)
        let rank = textRanks(tree.parents.map { b.id[Int($0)] })
        for parent in tree.parents.sorted(by: { rank[b.id[Int($0)]]! < rank[b.id[Int($1)]]! }) {
            let i = Int(parent)
            let kids = tree.children(of: i)
            for field in [BudgetColumns.pagu, BudgetColumns.realisasi] {
                let amounts = b.numbers[field], name = amounts.name
                guard amounts.value(i) != nil else { continue }
                var sum = 0.0, complete = true
                for k in kids {
                    guard let v = tree.amount(Int(k), { amounts.value($0) }) else { complete = false; break }
                    sum += v
                }
                guard complete else {
                    problems.append("\(b.files[Int(b.rowFile[i])]):\(b.rowLine[i]): the \(name) of '\(b.text(b.label[i]))' cannot be checked: a line under it has no \(name)")
                    continue
                }
                let first = Int(kids.first!)
                compare(.total, b, i, field, expected: sum, other: b.location(first), records: kids.map { b.text(b.id[Int($0)]) },
                        detail: "\(name) against the sum of its \(kids.count) line\(kids.count == 1 ? "" : "s")")
            }
        }
    }

    /// A year's printed total against its months or quarters: a sum (counts), or for a
    /// cumulative series the last period; for rates the sum, the last or the mean.
    mutating func checkPeriodTotals() {
        struct Key: IntegerKey {
            var district: Int32; var year: Int64; var label: Int32; var location: Int32; var source: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(year); m.add(label); m.add(location); m.add(source); return m.value }
        }
        let o = observations, r = o.records
        func key(_ row: Int) -> Key { Key(district: r.area[row], year: r.year[row], label: r.label[row], location: r.location[row], source: r.source[row]) }
        // Only the keys with periods can have a total to check.
        let parts = RowGroups((0..<r.count).filter { o.period[$0] >= 0 }, key: key)
        guard parts.count > 0 else { return }
        let totals = RowGroups((0..<r.count).filter { o.period[$0] < 0 }) { row -> Key? in
            let k = key(row)
            return parts.rows(of: k).isEmpty ? nil : k
        }
        let district = textRanks(parts.keys.map(\.district)), label = textRanks(parts.keys.map(\.label))
        let order = parts.keys.indices.sorted {
            let a = parts.keys[$0], b = parts.keys[$1]
            return (district[a.district]!, a.year, label[a.label]!, $0) < (district[b.district]!, b.year, label[b.label]!, $1)
        }
        let unitPercent = pool.id(of: "%") ?? -2
        for g in order {
            let periods = parts[g].sorted { r.text(o.period[Int($0)]) < r.text(o.period[Int($1)]) }.map(Int.init)
            for total in totals.rows(of: parts.keys[g]).map(Int.init) {
                for field in [ObservationColumns.target, ObservationColumns.realisation] {
                    let column = r.numbers[field], name = column.name
                    guard let printed = column[total] else { continue }
                    let values = periods.compactMap { column.value($0) }
                    guard values.count == periods.count else { continue }
                    let sum = values.reduce(0, +)
                    let last = values.last!
                    let mean = sum / Double(values.count)
                    let candidates = o.unit[total] == unitPercent ? [sum, last, mean] : [sum, last]
                    if candidates.contains(where: { PrintedPrecision.compare(printed: printed, exact: $0) == nil }) {
                        runs.append(.total, record: r.id[total])
                    } else {
                        compare(.total, r, total, field, expected: sum, other: r.location(periods[0]), records: periods.map { r.text(r.id[$0]) },
                                detail: "\(name) of the year against the sum of its \(periods.count) periods (\(r.text(o.period[periods.first!]))–\(r.text(o.period[periods.last!])))")
                    }
                }
            }
        }
    }

    /// A printed average ("Rata rata capaian") against the mean of the rows beside it: same
    /// district, year, objective and table.
    mutating func checkAverages() {
        struct Key: IntegerKey {
            var district: Int32; var year: Int64; var objective: Int32; var location: Int32; var source: Int32; var period: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(year); m.add(objective); m.add(location); m.add(source); m.add(period); return m.value }
        }
        let o = observations, r = o.records
        let isAverageKey = labelKeys.map { $0.hasPrefix("rata") }
        func isAverage(_ row: Int) -> Bool { let k = key(r.label[row]); return k >= 0 && isAverageKey[Int(k)] }
        func group(_ row: Int) -> Key {
            Key(district: r.area[row], year: r.year[row] == Int64.min ? 0 : r.year[row], objective: o.objective[row],
                location: r.location[row], source: r.source[row], period: o.period[row])
        }
        let averages = (0..<r.count).filter(isAverage)
        guard !averages.isEmpty else { return }
        let wanted = Set(averages.map(group))
        let members = RowGroups((0..<r.count).filter { !isAverage($0) }) { row -> Key? in
            let k = group(row)
            return wanted.contains(k) ? k : nil
        }
        for avg in averages {
            let siblings = members.rows(of: group(avg)).map(Int.init)
            for field in [ObservationColumns.reportedCapaian, ObservationColumns.realisation] {
                let column = r.numbers[field]
                guard column.value(avg) != nil else { continue }
                let values = siblings.compactMap { column.value($0) }
                guard !values.isEmpty, values.count == siblings.count else { continue }
                compare(.average, r, avg, field, expected: values.reduce(0, +) / Double(values.count),
                        other: r.location(siblings[0]), records: siblings.map { r.text(r.id[$0]) },
                        detail: "average of \(values.count) value\(values.count == 1 ? "" : "s"): \(values.map(Self.format).joined(separator: ", "))")
            }
        }
    }

    // MARK: Relations between printed figures

    /// The printed figures `keys` (`record_id.field`) name, by key: the record's number in the
    /// observations, budget lines or references (a record id found in several: the last of
    /// these). A key whose record or number is missing is absent.
    func printedFigures(_ keys: Set<String>) -> [String: PrintedFigure] {
        var wanted = [Bool](repeating: false, count: pool.count)
        var split: [(key: String, id: Int32, field: String)] = []
        for key in keys {
            guard let dot = key.lastIndex(of: "."), let id = pool.id(of: String(key[..<dot])) else { continue }
            wanted[Int(id)] = true
            split.append((key, id, String(key[key.index(after: dot)...])))
        }
        var figures: [String: PrintedFigure] = [:]
        for table in [observations.records, budget.records, references.records] {
            var rowOf: [Int32: Int] = [:]
            for (row, id) in table.id.enumerated() where id >= 0 && wanted[Int(id)] { rowOf[id] = row }
            for (key, id, field) in split {
                guard let row = rowOf[id], let f = table.numbers.firstIndex(where: { $0.name == field }),
                      table.numbers[f].value(row) != nil else { continue }
                figures[key] = table.figure(row, f)
            }
        }
        return figures
    }

    /// The relations of `relations.csv`: ratios of counts, sums and averages across tables, and
    /// one fact printed twice under different labels.
    mutating func checkRelations() {
        guard let table = dataset.tables[RelationField.tableKind], table.rowCount > 0 else { return }
        let (idF, relationF, resultF, operandsF) = (table.column(RelationField.id), table.column(RelationField.relation),
                                                  table.column(RelationField.result), table.column(RelationField.operands))
        var keys = Set<String>()
        for row in 0..<table.rowCount {
            keys.insert(pool.text(table.textID(resultF, row)) ?? "")
            for k in (pool.text(table.textID(operandsF, row)) ?? "").split(separator: " ") { keys.insert(String(k)) }
        }
        let index = printedFigures(keys)
        for row in 0..<table.rowCount {
            let id = pool.text(table.textID(idF, row)) ?? ""
            let relation = pool.text(table.textID(relationF, row)) ?? ""
            let resultKey = pool.text(table.textID(resultF, row)) ?? ""
            let operandKeys = (pool.text(table.textID(operandsF, row)) ?? "").split(separator: " ").map(String.init)
            let at = "\(table.files[Int(table.rowFile[row])]):\(table.rowLine[row])"
            guard let result = index[resultKey] else {
                problems.append("\(at): relation \(id): no printed value \(resultKey)")
                continue
            }
            let operands = operandKeys.map { index[$0] }
            if let missing = zip(operandKeys, operands).first(where: { $0.1 == nil }) {
                problems.append("\(at): relation \(id): no printed value \(missing.0)")
                continue
            }
            let record = pool.id(of: result.recordID) ?? -1
            let values = operands.map { $0!.value.value }
            let others = operands.map { $0!.recordID }
            let shown = zip(operandKeys, values).map { "\($0.0) = \(Self.format($0.1))" }.joined(separator: ", ")
            switch relation {
            case "ratio_percent":
                guard values.count == 2 else {
                    problems.append("\(at): relation \(id): a ratio needs two operands")
                    continue
                }
                guard values[1] != 0 else {
                    problems.append("\(at): relation \(id): the denominator \(operandKeys[1]) is 0: the ratio is undefined, so \(resultKey) is not checked")
                    continue
                }
                compare(.ratio, result, record: record, expected: Rates.percent(values[0], of: values[1]), other: operands[0]!.location, records: others,
                        detail: "ratio \(Self.format(values[0])) / \(Self.format(values[1])) × 100")
            case "sum":
                compare(.total, result, record: record, expected: values.reduce(0, +), other: operands[0]!.location, records: others,
                        detail: "sum of \(shown)")
            case "absolute_difference":
                guard values.count == 2 else {
                    problems.append("\(at): relation \(id): a difference needs two operands")
                    continue
                }
                compare(.total, result, record: record, expected: abs(values[0] - values[1]), other: operands[0]!.location, records: others,
                        detail: "|\(Self.format(values[0])) − \(Self.format(values[1]))|")
            case "average":
                compare(.average, result, record: record, expected: values.reduce(0, +) / Double(values.count), other: operands[0]!.location,
                        records: others, detail: "average of \(shown)")
            case "same":
                let other = operands[0]!
                comparePrintedTwice(result, other, record: record, what: result.field)
            default:
                problems.append("\(at): relation \(id): unknown relation \(relation)")
            }
        }
    }
}
