/// An explicit correction of a printed number: the printed value stays in its record, the
/// correction says what it should be and why. Never an overwrite.
public struct Correction: Sendable {
    public var id: String
    /// The observation or budget line corrected.
    public var recordID: String
    /// The field corrected (`pagu`, `realisation`, …).
    public var field: String
    /// The corrected value; `nil` withdraws the printed one.
    public var value: Double?
    public var reason: String
    public var file: String
    public var line: Int

    /// Numeric fields a correction may name, by table kind.
    public static let correctableFields: [String: Set<String>] = [
        ObservationField.tableKind: Set([ObservationField.target, .realisation, .reportedCapaian].map(\.rawValue)),
        BudgetField.tableKind: Set([BudgetField.pagu, .realisasi, .reportedPercent].map(\.rawValue)),
    ]

    /// The number that replaces `printed`: the corrected value, with the printed precision when
    /// it has more decimals than the value needs; `nil` when the correction withdraws the value.
    public func replacing(_ printed: CanonicalNumber?) -> CanonicalNumber? {
        value.map { CanonicalNumber(value: $0, decimals: max(printed?.decimals ?? 0, NumberText.decimals(of: $0))) }
    }

    /// `001-cor-7: pagu printed 2275367080, corrected to 2753367080` (or `… withdrawn`).
    public func describe(printed: CanonicalNumber?) -> String {
        let was = printed.map { "printed \(NumberText.plain($0.value))" } ?? "not printed"
        return "\(id): \(field) \(was), " + (value.map { "corrected to \(NumberText.plain($0))" } ?? "withdrawn")
    }
}

/// A correction applied to a record: the value printed, and the correction that replaced it.
public struct AppliedCorrection: Sendable {
    public var correction: Correction
    public var printed: CanonicalNumber?

    /// What changed, for a `corrected` column.
    public var description: String { correction.describe(printed: printed) }
}

/// The corrections of a dataset by record, applied to the records analyses use (the audit
/// keeps auditing what was printed).
public struct Corrections: Sendable {
    public let all: [Correction]
    private let byRecord: [String: [Correction]]

    public init(_ all: [Correction]) {
        self.all = all
        byRecord = Dictionary(grouping: all, by: \.recordID)
    }

    /// The corrections naming `recordID`.
    public func of(_ recordID: String) -> [Correction] { byRecord[recordID] ?? [] }

    /// `observation` with its corrected fields (withdrawn ones missing), each change recorded.
    public func apply(to observation: Observation) -> Observation {
        guard let list = byRecord[observation.id] else { return observation }
        var o = observation
        for c in list {
            switch ObservationField(rawValue: c.field) {
            case .target: o.corrections.append(AppliedCorrection(correction: c, printed: o.target)); o.target = c.replacing(o.target)
            case .realisation: o.corrections.append(AppliedCorrection(correction: c, printed: o.realisation)); o.realisation = c.replacing(o.realisation)
            case .reportedCapaian: o.corrections.append(AppliedCorrection(correction: c, printed: o.reportedCapaian)); o.reportedCapaian = c.replacing(o.reportedCapaian)
            default: continue
            }
        }
        return o
    }

    /// `line` with its corrected fields (withdrawn ones missing), each change recorded.
    public func apply(to line: BudgetLine) -> BudgetLine {
        guard let list = byRecord[line.id] else { return line }
        var b = line
        for c in list {
            switch BudgetField(rawValue: c.field) {
            case .pagu: b.corrections.append(AppliedCorrection(correction: c, printed: b.pagu)); b.pagu = c.replacing(b.pagu)
            case .realisasi: b.corrections.append(AppliedCorrection(correction: c, printed: b.realisasi)); b.realisasi = c.replacing(b.realisasi)
            case .reportedPercent: b.corrections.append(AppliedCorrection(correction: c, printed: b.reportedPercent)); b.reportedPercent = c.replacing(b.reportedPercent)
            default: continue
            }
        }
        return b
    }
}

extension Dataset {
    /// Every correction, in file order.
    public func corrections() -> [Correction] {
        records(CorrectionField.self).compactMap { fields, file, line in
            guard let id = fields[.id], let record = fields[.recordID], let field = fields[.field] else { return nil }
            return Correction(id: id, recordID: record, field: field, value: fields[.value].flatMap(Double.init),
                              reason: fields[.reason] ?? "", file: file, line: line)
        }
    }

    /// Every observation with its corrections applied, in file order.
    public func correctedObservations() -> [Observation] {
        let c = Corrections(corrections())
        return observations().map(c.apply(to:))
    }

    /// Every budget line with its corrections applied, in file order.
    public func correctedBudgetLines() -> [BudgetLine] {
        let c = Corrections(corrections())
        return budgetLines().map(c.apply(to:))
    }
}
