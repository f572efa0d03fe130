import Foundation
import TolokModel
import TolokAlignment

extension Auditor {
    // MARK: Capaian and percentages

    /// Printed capaian against target, realisation and polarity. A printed 100 for a raw capaian
    /// above 100 follows the clamping rule and is consistent.
    mutating func checkCapaian() {
        for o in observations {
            guard let printed = o.reportedCapaian, let target = o.target, let realisation = o.realisation else { continue }
            let fact = Self.fact(o, "reported_capaian", printed)
            let a = Achievement(target: target.value, realisation: realisation.value, polarity: o.polarity)
            guard let raw = a.capaian, let clamped = a.clamped else { continue }
            if PrintedPrecision.compare(printed: printed, exact: raw) != nil,
               PrintedPrecision.compare(printed: printed, exact: clamped) == nil {
                runs.append(AuditCheckRun(check: .capaian, recordID: o.id))
                continue
            }
            if o.polarity == nil, PrintedPrecision.compare(printed: printed, exact: raw) != nil {
                let negative = Achievement(target: target.value, realisation: realisation.value, polarity: .negative)
                if let n = negative.capaian, PrintedPrecision.compare(printed: printed, exact: n) == nil {
                    runs.append(AuditCheckRun(check: .capaian, recordID: o.id))
                    continue
                }
            }
            compare(.capaian, fact, expected: raw,
                    detail: "capaian of \(Self.format(realisation.value)) against target \(Self.format(target.value)) (\(o.polarity?.rawValue ?? "polarity not stated"))")
        }
    }

    /// Printed budget percentages against realisasi / pagu.
    mutating func checkPercentages() {
        for b in budget {
            guard let printed = b.reportedPercent, let exact = Absorption.percent(pagu: b.pagu?.value, realisasi: b.realisasi?.value) else { continue }
            compare(.percentage, Self.fact(b, "reported_percent", printed), expected: exact,
                    detail: "realisasi \(Self.format(b.realisasi!.value)) / pagu \(Self.format(b.pagu!.value)) × 100")
        }
    }

    // MARK: Totals

    /// Each printed budget amount that has lines under it against the sum of those lines
    /// (a line without a printed amount counts as the sum of its own lines).
    mutating func checkBudgetTotals() {
        let tree = BudgetTree(budget)
        for (id, kids) in tree.children.sorted(by: { $0.key < $1.key }) {
            guard let i = tree.index[id] else { continue }
            let line = budget[i]
            for (name, field) in [("pagu", \BudgetLine.pagu), ("realisasi", \BudgetLine.realisasi)] {
                guard let printed = line[keyPath: field] else { continue }
                let parts = kids.map { tree.amount($0, field) }
                guard !parts.contains(where: { $0 == nil }) else {
                    problems.append("\(line.source.file):\(line.source.line): the \(name) of '\(line.label)' cannot be checked: a line under it has no \(name)")
                    continue
                }
                let sum = parts.reduce(0) { $0 + $1! }
                let first = budget[kids[0]].source
                compare(.total, Self.fact(line, name, printed), expected: sum, other: first,
                        records: kids.map { budget[$0].id },
                        detail: "\(name) against the sum of its \(kids.count) line\(kids.count == 1 ? "" : "s")")
            }
        }
    }

    /// A year's printed total against its months or quarters: a sum (counts), or for a
    /// cumulative series the last period; for rates the sum, the last or the mean.
    mutating func checkPeriodTotals() {
        struct Key: Hashable { var district: String; var year: Int; var label: String; var location: String; var source: String }
        var groups: [Key: [Observation]] = [:]
        for o in observations {
            groups[Key(district: o.districtCode, year: o.year, label: o.indicatorLabel, location: o.source.location,
                       source: o.source.sourceID), default: []].append(o)
        }
        for key in groups.keys.sorted(by: { ($0.district, $0.year, $0.label) < ($1.district, $1.year, $1.label) }) {
            let rows = groups[key]!
            let parts = rows.filter { $0.period != nil }.sorted { $0.period! < $1.period! }
            guard !parts.isEmpty else { continue }
            for total in rows where total.period == nil {
                for (name, field) in [("target", \Observation.target), ("realisation", \Observation.realisation)] {
                    guard let printed = total[keyPath: field] else { continue }
                    let values = parts.compactMap { $0[keyPath: field]?.value }
                    guard values.count == parts.count else { continue }
                    let sum = values.reduce(0, +)
                    let last = values.last!
                    let mean = sum / Double(values.count)
                    let candidates = total.unit == "%" ? [sum, last, mean] : [sum, last]
                    let fact = Self.fact(total, name, printed)
                    if candidates.contains(where: { PrintedPrecision.compare(printed: printed, exact: $0) == nil }) {
                        runs.append(AuditCheckRun(check: .total, recordID: total.id))
                    } else {
                        compare(.total, fact, expected: sum, other: parts[0].source, records: parts.map(\.id),
                                detail: "\(name) of the year against the sum of its \(parts.count) periods (\(parts.first!.period!)–\(parts.last!.period!))")
                    }
                }
            }
        }
    }

    /// A printed average ("Rata rata capaian") against the mean of the rows beside it: same
    /// district, year, objective and table.
    mutating func checkAverages() {
        func isAverage(_ o: Observation) -> Bool { Self.normalized(o.indicatorLabel).hasPrefix("rata") }
        func group(_ o: Observation) -> String {
            [o.districtCode, String(o.year), o.objective ?? "", o.source.location, o.source.sourceID, o.period ?? ""].joined(separator: "\u{0}")
        }
        let averages = observations.filter(isAverage)
        guard !averages.isEmpty else { return }
        let wanted = Set(averages.map(group))
        var members: [String: [Observation]] = [:]
        for o in observations where !isAverage(o) {
            let key = group(o)
            if wanted.contains(key) { members[key, default: []].append(o) }
        }
        for avg in averages {
            let siblings = members[group(avg)] ?? []
            for (name, field) in [("reported_capaian", \Observation.reportedCapaian), ("realisation", \Observation.realisation)] {
                guard let printed = avg[keyPath: field] else { continue }
                let values = siblings.compactMap { $0[keyPath: field]?.value }
                guard !values.isEmpty, values.count == siblings.count else { continue }
                compare(.average, Self.fact(avg, name, printed), expected: values.reduce(0, +) / Double(values.count),
                        other: siblings[0].source, records: siblings.map(\.id),
                        detail: "average of \(values.count) value\(values.count == 1 ? "" : "s"): \(values.map(Self.format).joined(separator: ", "))")
            }
        }
    }

    // MARK: Relations between printed figures

    /// The relations of `relations.csv`: ratios of counts, sums and averages across tables, and
    /// one fact printed twice under different labels.
    mutating func checkRelations() {
        guard let table = dataset.tables["relations"] else { return }
        let index = factIndex()
        let pool = dataset.pool
        let (idF, relationF, resultF, operandsF) = (table.column("id"), table.column("relation"), table.column("result"), table.column("operands"))
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
                compare(.ratio, result, expected: values[0] / values[1] * 100, other: operands[0]!.location, records: others,
                        detail: "ratio \(Self.format(values[0])) / \(Self.format(values[1])) × 100")
            case "sum":
                compare(.total, result, expected: values.reduce(0, +), other: operands[0]!.location, records: others,
                        detail: "sum of \(shown)")
            case "absolute_difference":
                guard values.count == 2 else {
                    problems.append("\(at): relation \(id): a difference needs two operands")
                    continue
                }
                compare(.total, result, expected: abs(values[0] - values[1]), other: operands[0]!.location, records: others,
                        detail: "|\(Self.format(values[0])) − \(Self.format(values[1]))|")
            case "average":
                compare(.average, result, expected: values.reduce(0, +) / Double(values.count), other: operands[0]!.location,
                        records: others, detail: "average of \(shown)")
            case "same":
                let other = operands[0]!
                comparePrintedTwice(result, other, what: result.field)
            default:
                problems.append("\(at): relation \(id): unknown relation \(relation)")
            }
        }
    }
}
