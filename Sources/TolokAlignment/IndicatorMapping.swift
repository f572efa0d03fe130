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

        /// The labels of the other printed counts the transform reads: a ratio's denominator, a
        /// sum's added labels (none for the other transforms).
        public var operandLabels: [String] {
            switch self {
            case .ratio(let denominator): [denominator]
            case .sum(let added): added
            default: []
            }
        }

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
    /// ``LabelKey/of(_:)`` of ``label``: what the printed labels are matched on.
    public let labelKey: String
    /// ``LabelKey/of(_:)`` of each of the transform's ``Transform/operandLabels``.
    public let operandKeys: [String]

    /// Reads the mapping rows, reporting incomplete transforms, unknown indicators and labels
    /// mapped two ways.
    static func load(_ dataset: Dataset, catalogue: IndicatorCatalogue) -> (mappings: [IndicatorMapping], diagnostics: [Diagnostic]) {
        var mappings: [IndicatorMapping] = []
        var diagnostics: [Diagnostic] = []
        // The mapping kept for each key, by index in `mappings`.
        var seen: [Key: Int] = [:]
        guard let table = dataset.tables[MappingField.tableKind] else { return ([], []) }
        let pool = dataset.pool
        // Each text column's ids (read once, not per row).
        let textFields = MappingField.allCases.filter { $0.fieldType == .string }
        let textColumns = Dictionary(uniqueKeysWithValues: textFields.map { ($0, table.textIDs($0)) })
        let districtColumn = textColumns[.districtCode]!, sourceColumn = textColumns[.sourceID]!
        let factorColumn = table.column(MappingField.factor), priorityColumn = table.column(MappingField.priority)
        for row in 0..<table.rowCount {
            func text(_ field: MappingField) -> String? { pool.text(textColumns[field]![row]) }
            let file = table.files[Int(table.rowFile[row])], line = Int(table.rowLine[row])
            guard let id = text(.id), let label = text(.label), let indicator = text(.indicatorID),
                  let district = text(.districtCode) else { continue }
            func fail(_ field: MappingField, _ message: String) {
                diagnostics.append(MappingCheck.diagnostic(.error, dataset, row: row, field: field, "mapping \(id): \(message)"))
            }
            let transform: Transform
            switch text(.transform) {
            case "scale":
                guard let factor = table.number(factorColumn, row) else {
                    fail(.factor, "transform scale needs a factor")
                    continue
                }
                transform = .scale(factor)
            case "ratio":
                guard let denominator = text(.denominatorLabel) else {
                    fail(.denominatorLabel, "transform ratio needs a denominator_label")
                    continue
                }
                transform = .ratio(denominatorLabel: denominator)
            case "sum":
                let labels = (text(.addedLabels) ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !labels.isEmpty else {
                    fail(.addedLabels, "transform sum needs added_labels")
                    continue
                }
                transform = .sum(addedLabels: labels)
            case "per_1000":
                guard let reference = text(.referenceIndicator) else {
                    fail(.referenceIndicator, "transform per_1000 needs a reference_indicator")
                    continue
                }
                transform = .perThousand(reference: reference)
            default:
                transform = .asIs
            }
            if catalogue.byID.index(forKey: indicator) == nil {
                fail(.indicatorID, "unknown indicator \(indicator)")
                continue
            }
            let mapping = IndicatorMapping(
                id: id, districtCode: district == "*" ? nil : district, sourceID: text(.sourceID), label: label,
                indicatorID: indicator, transform: transform, priority: table.integer(priorityColumn, row) ?? 1,
                caveat: text(.caveat), file: file, line: line, row: row, labelKey: LabelKey.of(label), operandKeys: transform.operandLabels.map(LabelKey.of))
            let key = Key(district: districtColumn[row], source: sourceColumn[row], label: mapping.labelKey)
            if let kept = seen[key] {
                let earlier = mappings[kept]
                if earlierSame(earlier, mapping) { continue }
                diagnostics.append(MappingCheck.diagnostic(.error, dataset, row: row, field: MappingField.label,
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
