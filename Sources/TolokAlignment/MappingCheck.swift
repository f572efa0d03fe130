import TolokInput
import TolokModel

/// The mapping table against what is printed: every row names a known district and document and
/// matches printed labels, and maps them only onto an indicator of the same kind of unit (a count
/// never becomes a rate as is; a ratio or sum works on counts).
enum MappingCheck {
    /// Canonical units and the printed units that fit them as is.
    static let printedUnits: [String: Set<String>] = [
        "percent": ["%", "persen"],
        "persons": ["orang", "jiwa", "tenaga kerja"],
        "rupiah": ["rupiah"],
        "index": ["indeks", "nilai", "point", "poin"],
        "score": ["nilai", "indeks", "point", "poin"],
        "per_1000": ["per 1000", "per 1.000"],
    ]
    /// Printed units of counts, the operands of ratio, sum and per-1,000 transforms.
    static let countUnits = PrintedUnit.counts

    static func diagnostics(_ dataset: Dataset, mappings: [IndicatorMapping], catalogue: IndicatorCatalogue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sources = dataset.sources()
        // Printed units per district, document and label key: over the distinct (district,
        // document, label, unit) id combinations of the observations, not row by row, keyed by
        // ids (a district or document of -1: any; label keys numbered once per distinct label).
        let printed = PrintedUnits(dataset)
        for m in mappings {
            func fail(_ field: MappingField, _ message: String) {
                diagnostics.append(diagnostic(.error, dataset, row: m.row, field: field, "mapping \(m.id): \(message)"))
            }
            if let d = m.districtCode, dataset.areas.byCode[d]?.level != .district {
                fail(.districtCode, "district_code '\(d)' is not a district in areas.csv (write a district code or *)")
                continue
            }
            if let s = m.sourceID, sources[s] == nil { fail(.sourceID, "source_id '\(s)' is not in sources.csv") }
            if case .perThousand(let reference) = m.transform, catalogue.byID[reference] == nil,
               !ReferenceValue.recordOnlySeries.contains(reference) {
                fail(.referenceIndicator, "reference_indicator '\(reference)' is no indicator of indicators.csv")
            }
            let whose = m.districtCode.map { "district \($0)" } ?? "any district"
            guard let units = printed.units(district: m.districtCode, source: m.sourceID, key: m.labelKey) else {
                // A row for any district waits for a district that prints the label: said all the same.
                diagnostics.append(diagnostic(.warning, dataset, row: m.row, field: MappingField.label,
                    "mapping \(m.id): no observation of \(whose)\(m.sourceID.map { " in \($0)" } ?? "") prints the label '\(m.label)'; the row does nothing"))
                continue
            }
            // A ratio's denominator and a sum's added labels are looked up in the same district's
            // observations, of any document.
            let operands: (field: MappingField, what: String)? = switch m.transform {
            case .ratio: (.denominatorLabel, "denominator")
            case .sum: (.addedLabels, "added label")
            default: nil
            }
            if let operands {
                for (label, key) in zip(m.transform.operandLabels, m.operandKeys)
                where printed.units(district: m.districtCode, source: nil, key: key) == nil {
                    diagnostics.append(diagnostic(.warning, dataset, row: m.row, field: operands.field,
                        "mapping \(m.id): no observation of \(whose) prints the \(operands.what) '\(label)'; the row gives no value"))
                }
            }
            guard let indicator = catalogue.byID[m.indicatorID] else { continue }
            let known = units.filter { !$0.isEmpty }
            switch m.transform {
            case .scale:
                break  // a scale converts the unit (a fraction to percent, thousands to persons)
            case .asIs:
                let fitting = printedUnits[indicator.unit] ?? []
                if let wrong = known.sorted().first(where: { !fitting.contains($0) }) {
                    fail(.indicatorID, "the label is printed in '\(wrong)' but \(indicator.id) is in \(indicator.unit): only a label of the same definition maps as is (a count never maps onto a rate; use ratio, sum or per_1000)")
                }
            case .ratio, .sum, .perThousand:
                if let wrong = known.sorted().first(where: { !countUnits.contains($0) }) {
                    fail(.transform, "\(m.transform.name) works on printed counts, but the label is printed in '\(wrong)'")
                }
            }
        }
        let z = zeroDenominators(dataset, mappings: mappings)
        return diagnostics + z + crosswalk(dataset)
    }

    /// The units printed with each label, by district and document (either may be "any").
    struct PrintedUnits {
        /// One distinct printing: a label key printed in a district's document with a unit (a
        /// document or unit of -1: none). Ordered by label key, district, document, unit.
        private struct Printing: Comparable {
            var label, district, source, unit: Int32
            static func < (a: Printing, b: Printing) -> Bool {
                (a.label, a.district, a.source, a.unit) < (b.label, b.district, b.source, b.unit)
            }
        }
        private let pool: StringPool
        /// Label key ids, by label key.
        private var labelKeys: [String: Int32] = [:]
        /// The distinct printings, sorted: a label's are consecutive, by district within it.
        private var printings: [Printing] = []

        init(_ dataset: Dataset) {
            pool = dataset.pool
            guard let table = dataset.tables[ObservationField.tableKind] else { return }
            let d = table.textIDs(ObservationField.districtCode), s = table.textIDs(ObservationField.sourceID)
            let l = table.textIDs(ObservationField.indicatorLabel), u = table.textIDs(ObservationField.unit)
            // Distinct (label, district, document, unit) pool ids. A label's years are usually
            // rows in a row: kept once; the rest made distinct by sorting (no hashing per row).
            var byLabel: [Printing] = []
            var previous = Printing(label: -2, district: -2, source: -2, unit: -2)
            for row in 0..<table.rowCount where d[row] >= 0 && l[row] >= 0 {
                let p = Printing(label: l[row], district: d[row], source: max(s[row], -1), unit: max(u[row], -1))
                if p != previous { byLabel.append(p) }
                previous = p
            }
            byLabel.sort()
            // Printed labels to label keys, once per distinct label.
            var keyOfLabel: (label: Int32, key: Int32) = (-1, -1)
            previous = Printing(label: -2, district: -2, source: -2, unit: -2)
            printings.reserveCapacity(byLabel.count)
            for var p in byLabel where p != previous {
                previous = p
                if p.label != keyOfLabel.label {
                    keyOfLabel = (p.label, Self.id(LabelKey.of(pool[p.label]), in: &labelKeys))
                }
                p.label = keyOfLabel.key
                printings.append(p)
            }
            printings.sort()
        }

        private static func id(_ key: String, in ids: inout [String: Int32]) -> Int32 {
            if let id = ids[key] { return id }
            let id = Int32(ids.count)
            ids[key] = id
            return id
        }

        /// The lower-cased units printed with the label of `key` (``LabelKey/of(_:)``) in
        /// `district`'s observations from `source` (`nil`: any district, any document; "" for a row
        /// without a unit); `nil` when no such observation prints the label.
        func units(district: String?, source: String?, key: String) -> Set<String>? {
            guard let label = labelKeys[key] else { return nil }
            let district = district.map { pool.id(of: $0) ?? -2 } ?? -1
            let source = source.map { $0.isEmpty ? -1 : pool.id(of: $0) ?? -2 } ?? -1
            guard district != -2, source != -2 else { return nil }
            // The first printing of the label (and district, when one is asked for).
            var low = 0, high = printings.count
            let first = Printing(label: label, district: max(district, -1), source: Int32.min, unit: Int32.min)
            while low < high {
                let middle = (low + high) / 2
                if printings[middle] < first { low = middle + 1 } else { high = middle }
            }
            var units = Set<String>(), found = false
            var i = low
            while i < printings.count, printings[i].label == label, district < 0 || printings[i].district == district {
                let p = printings[i]
                if source < 0 || p.source == source {
                    units.insert(p.unit >= 0 ? pool[p.unit].lowercased() : "")
                    found = true
                }
                i += 1
            }
            return found ? units : nil
        }
    }

    /// A diagnostic at the cell of `field` in `row` of its table.
    static func diagnostic<Field: TableField>(_ severity: Diagnostic.Severity, _ dataset: Dataset, row: Int, field: Field,
                                              _ message: String) -> Diagnostic {
        guard let table = dataset.tables[Field.tableKind], let f = table.schema.index(of: field.rawValue) else {
            return Diagnostic(severity, file: Field.tableKind, message)
        }
        let at = table.location(row: row, field: f)
        return Diagnostic(severity, file: at.file, line: at.line, column: at.column, message)
    }

    /// A ratio mapping whose denominator is printed as 0 where its numerator is printed: the
    /// value is undefined, and none is given (said here, at the zero).
    static func zeroDenominators(_ dataset: Dataset, mappings: [IndicatorMapping]) -> [Diagnostic] {
        // Label keys as integers: the keys of the ratio mappings' labels first, then those of the
        // printed labels (once per distinct label).
        var keyIDs: [String: Int32] = [:]
        func keyID(_ key: String) -> Int32 {
            if let k = keyIDs[key] { return k }
            let k = Int32(keyIDs.count)
            keyIDs[key] = k
            return k
        }
        // Ratio mappings (indices) and their denominators' keys, by the key of their numerator.
        var ratios: [Int32: [(mapping: Int, denominator: Int32)]] = [:]
        for (i, m) in mappings.enumerated() {
            if case .ratio = m.transform { ratios[keyID(m.labelKey), default: []].append((i, keyID(m.operandKeys[0]))) }
        }
        guard !ratios.isEmpty, let table = dataset.tables[ObservationField.tableKind] else { return [] }
        let pool = dataset.pool
        let d = table.textIDs(ObservationField.districtCode), s = table.textIDs(ObservationField.sourceID)
        let l = table.textIDs(ObservationField.indicatorLabel), years = table.integers(ObservationField.year)
        let realisation = table.column(ObservationField.realisation)
        let values = table.numbers(realisation)
        var keyOfLabel = [Int32](repeating: -1, count: pool.count)
        func key(_ row: Int) -> Int32 {
            let known = keyOfLabel[Int(l[row])]
            if known >= 0 { return known }
            let k = keyID(LabelKey.of(pool[l[row]]))
            keyOfLabel[Int(l[row])] = k
            return k
        }
        // Each mapping's district and document as pool ids (-1: any; -2: one nobody printed).
        let districtOf = mappings.map { m in m.districtCode.map { pool.id(of: $0) ?? -2 } ?? -1 }
        let sourceOf = mappings.map { m in m.sourceID.map { pool.id(of: $0) ?? -2 } ?? -1 }
        struct Place: Hashable { var district: Int32; var year: Int64; var label: Int32 }
        var zeros: [Place: Int] = [:]
        for row in 0..<table.rowCount where values[row] == 0 && l[row] >= 0 {
            let place = Place(district: d[row], year: years[row], label: key(row))
            if zeros[place] == nil { zeros[place] = row }
        }
        guard !zeros.isEmpty else { return [] }
        var found: [(row: Int, mapping: Int, year: Int64)] = []
        var reported = Set<Int>()
        for row in 0..<table.rowCount where !values[row].isNaN && l[row] >= 0 && d[row] >= 0 {
            guard let candidates = ratios[key(row)] else { continue }
            for (m, denominator) in candidates {
                if districtOf[m] != -1, districtOf[m] != d[row] { continue }
                if sourceOf[m] != -1, sourceOf[m] != s[row] { continue }
                guard let zero = zeros[Place(district: d[row], year: years[row], label: denominator)], reported.insert(zero).inserted else { continue }
                found.append((zero, m, years[row]))
            }
        }
        return zip(found, table.locations(of: found.map { ($0.row, realisation) })).map { f, at in
            Diagnostic(.warning, file: at.file, line: at.line, column: at.column,
                "mapping \(mappings[f.mapping].id): the denominator '\(pool[l[f.row]])' is 0 for district \(pool[d[f.row]]) in \(f.year): the ratio \(mappings[f.mapping].indicatorID) is undefined there, and no value is given")
        }
    }

    /// Every crosswalk row names a district of areas.csv, or `*`.
    static func crosswalk(_ dataset: Dataset) -> [Diagnostic] {
        guard let table = dataset.tables[CrosswalkField.tableKind] else { return [] }
        let f = table.column(CrosswalkField.districtCode), idF = table.column(CrosswalkField.id)
        let wrong = (0..<table.rowCount).filter { row in
            guard let code = dataset.pool.text(table.textID(f, row)), code != "*" else { return false }
            return dataset.areas.byCode[code]?.level != .district
        }
        return zip(wrong, table.locations(of: wrong.map { ($0, f) })).map { row, at in
            Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                "crosswalk row \(dataset.pool.text(table.textID(idF, row)) ?? "?"): district_code '\(dataset.pool[table.textID(f, row)])' is not a district in areas.csv (write a district code or *)")
        }
    }
}
