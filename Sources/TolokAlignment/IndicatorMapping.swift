import TolokInput
import TolokModel

/// One row of `datasets/indicator_mappings.csv`: a district's printed label means a canonical
/// indicator, through a transform.
public struct IndicatorMapping: Sendable {
    public enum Transform: Sendable, Equatable {
        /// The printed value is the canonical value.
        case asIs
        /// Multiply by a factor.
        case scale(Double)
        /// The printed count (this label) divided by another printed count × 100.
        case ratio(denominatorLabel: String)
        /// Per 1,000 of a reference series of the district (e.g. its labour force).
        case perThousand(reference: String)
        /// The printed count plus the counts printed under other labels (AKL + AKAD).
        case sum(addedLabels: [String])

        var name: String {
            switch self {
            case .asIs: "as_is"
            case .scale(let f): "scale ×\(f)"
            case .ratio(let d): "ratio to '\(d)'"
            case .perThousand(let r): "per 1000 \(r)"
            case .sum(let labels): "sum with " + labels.map { "'\($0)'" }.joined(separator: ", ")
            }
        }
    }

    public var id: String
    /// `nil` for any district.
    public var districtCode: String?
    /// The document whose label this is; `nil` for any document.
    public var sourceID: String?
    public var label: String
    public var indicatorID: String
    public var transform: Transform
    /// Lower wins when two mappings give the same district, year and indicator.
    public var priority: Int
    /// What a reader must keep in mind when comparing the value.
    public var caveat: String?
    public var file: String
    public var line: Int
    /// The row in the indicator_mappings table.
    public var row: Int

    /// Reads the mapping rows, reporting incomplete transforms, unknown indicators and labels
    /// mapped two ways.
    static func load(_ dataset: Dataset, catalogue: IndicatorCatalogue) -> (mappings: [IndicatorMapping], diagnostics: [Diagnostic]) {
        var mappings: [IndicatorMapping] = []
        var diagnostics: [Diagnostic] = []
        // The mapping kept for each key, by index in `mappings`.
        var seen: [Key: Int] = [:]
        guard let table = dataset.tables["indicator_mappings"] else { return ([], []) }
        let pool = dataset.pool
        let columns = Dictionary(uniqueKeysWithValues: table.schema.fields.enumerated().map { ($1.name, $0) })
        // Each text column's ids, by field name (looked up once, not per row).
        var textColumns: [String: [Int32]] = [:]
        for (name, f) in columns where table.schema.fields[f].type == .string { textColumns[name] = table.textIDs(f) }
        let idColumn = textColumns["id"], labelColumn = textColumns["label"], indicatorColumn = textColumns["indicator_id"]
        let districtColumn = textColumns["district_code"], transformColumn = textColumns["transform"]
        let sourceColumn = textColumns["source_id"]
        for row in 0..<table.rowCount {
            func text(_ name: String) -> String? { textColumns[name].flatMap { pool.text($0[row]) } }
            func text(_ column: [Int32]?) -> String? { column.flatMap { pool.text($0[row]) } }
            let file = table.files[Int(table.rowFile[row])], line = Int(table.rowLine[row])
            guard let id = text(idColumn), let label = text(labelColumn), let indicator = text(indicatorColumn),
                  let district = text(districtColumn) else { continue }
            func fail(_ field: String, _ message: String) {
                diagnostics.append(MappingCheck.diagnostic(.error, dataset, "indicator_mappings", row: row, field: field, "mapping \(id): \(message)"))
            }
            let transform: Transform
            switch text(transformColumn) {
            case "scale":
                guard let factor = columns["factor"].flatMap({ table.number($0, row) }) else {
                    fail("factor", "transform scale needs a factor")
                    continue
                }
                transform = .scale(factor)
            case "ratio":
                guard let denominator = text("denominator_label") else {
                    fail("denominator_label", "transform ratio needs a denominator_label")
                    continue
                }
                transform = .ratio(denominatorLabel: denominator)
            case "sum":
                let labels = (text("added_labels") ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !labels.isEmpty else {
                    fail("added_labels", "transform sum needs added_labels")
                    continue
                }
                transform = .sum(addedLabels: labels)
            case "per_1000":
                guard let reference = text("reference_indicator") else {
                    fail("reference_indicator", "transform per_1000 needs a reference_indicator")
                    continue
                }
                transform = .perThousand(reference: reference)
            default:
                transform = .asIs
            }
            if catalogue.byID.index(forKey: indicator) == nil {
                fail("indicator_id", "unknown indicator \(indicator)")
                continue
            }
            let mapping = IndicatorMapping(
                id: id, districtCode: district == "*" ? nil : district, sourceID: text(sourceColumn), label: label,
                indicatorID: indicator, transform: transform, priority: columns["priority"].flatMap({ table.integer($0, row) }) ?? 1,
                caveat: text("caveat"), file: file, line: line, row: row)
            let key = Key(district: districtColumn![row], source: sourceColumn?[row] ?? -1, label: LabelKey.of(label))
            if let kept = seen[key] {
                let earlier = mappings[kept]
                if earlierSame(earlier, mapping) { continue }
                diagnostics.append(MappingCheck.diagnostic(.error, dataset, "indicator_mappings", row: row, field: "label",
                    "mapping \(id): the label '\(label)' (district \(district)\(mapping.sourceID.map { ", document \($0)" } ?? "")) is mapped twice, differently: to \(earlier.indicatorID) (\(earlier.transform.name)) at line \(earlier.line) and to \(indicator) (\(transform.name)) here"))
                continue
            }
            seen[key] = mappings.count
            mappings.append(mapping)
        }
        return (mappings, diagnostics)
    }

    private static func earlierSame(_ a: IndicatorMapping, _ b: IndicatorMapping) -> Bool {
        a.indicatorID == b.indicatorID && a.transform == b.transform && a.caveat == b.caveat
    }

    /// What a mapping is kept by while the table is read (two rows with one key map one label
    /// twice): the pool ids of its district (or `*`) and document (-1 for any), and its label key.
    private struct Key: Hashable {
        var district: Int32, source: Int32
        var label: String
    }
}

/// A printed label no mapping covers: listed, never silently dropped.
public struct UnmappedLabel: Sendable, Hashable {
    public var districtCode: String
    public var label: String
    public var level: String
    /// Observations carrying it.
    public var count: Int
    /// Where it is first printed.
    public var firstLocation: String
}
