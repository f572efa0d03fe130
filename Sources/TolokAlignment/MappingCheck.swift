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
    static let countUnits: Set<String> = ["orang", "jiwa", "tenaga kerja", "kasus", "perkara"]

    static func diagnostics(_ dataset: Dataset, mappings: [IndicatorMapping], catalogue: IndicatorCatalogue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sources = dataset.sources()
        // Printed units per district, document and label key: over the distinct (district,
        // document, label, unit) id combinations of the observations, not row by row.
        var units: [String: Set<String>] = [:]
        if let table = dataset.tables["observations"] {
            struct Combination: Hashable { var district, source, label, unit: Int32 }
            let d = table.textIDs(table.column("district_code")), s = table.textIDs(table.column("source_id"))
            let l = table.textIDs(table.column("indicator_label")), u = table.textIDs(table.column("unit"))
            var seen = Set<Combination>()
            for row in 0..<table.rowCount where d[row] >= 0 && l[row] >= 0 {
                seen.insert(Combination(district: d[row], source: s[row], label: l[row], unit: u[row]))
            }
            let pool = dataset.pool
            var keyOfLabel: [Int32: String] = [:]
            for c in seen {
                let key = keyOfLabel[c.label] ?? LabelKey.of(pool[c.label])
                keyOfLabel[c.label] = key
                let unit = pool.text(c.unit)?.lowercased() ?? ""
                for district in [pool[c.district], "*"] {
                    for source in [pool.text(c.source) ?? "", ""] {
                        units[IndicatorMapping.key(district: district, source: source, label: key), default: []].insert(unit)
                    }
                }
            }
        }
        for m in mappings {
            func fail(_ message: String) { diagnostics.append(Diagnostic(.error, file: m.file, line: m.line, "mapping \(m.id): \(message)")) }
            if let d = m.districtCode, dataset.areas.byCode[d]?.level != .district {
                fail("district_code '\(d)' is not a district in areas.csv (write a district code or *)")
                continue
            }
            if let s = m.sourceID, sources[s] == nil { fail("source_id '\(s)' is not in sources.csv") }
            guard let printed = units[m.key] else {
                // A row for any district may wait for a district that prints the label.
                if m.districtCode == nil { continue }
                diagnostics.append(Diagnostic(.warning, file: m.file, line: m.line,
                    "mapping \(m.id): no observation of district \(m.districtCode!)\(m.sourceID.map { " in \($0)" } ?? "") prints the label '\(m.label)'; the row does nothing"))
                continue
            }
            guard let indicator = catalogue.byID[m.indicatorID] else { continue }
            let known = printed.filter { !$0.isEmpty }
            switch m.transform {
            case .scale:
                break  // a scale converts the unit (a fraction to percent, thousands to persons)
            case .asIs:
                let fitting = printedUnits[indicator.unit] ?? []
                if let wrong = known.first(where: { !fitting.contains($0) }) {
                    fail("the label is printed in '\(wrong)' but \(indicator.id) is in \(indicator.unit): only a label of the same definition maps as is (a count never maps onto a rate; use ratio, sum or per_1000)")
                }
            case .ratio, .sum, .perThousand:
                if let wrong = known.first(where: { !countUnits.contains($0) }) {
                    fail("\(m.transform.name) works on printed counts, but the label is printed in '\(wrong)'")
                }
            }
        }
        return diagnostics
    }
}
