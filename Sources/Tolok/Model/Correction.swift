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
        "observations": ["target", "realisation", "reported_capaian"],
        "budget": ["pagu", "realisasi", "reported_percent"],
    ]
}

extension Dataset {
    /// Every correction, in file order.
    public func corrections() -> [Correction] {
        records("corrections").compactMap { fields, file, line in
            guard let id = fields["id"], let record = fields["record_id"], let field = fields["field"] else { return nil }
            return Correction(id: id, recordID: record, field: field, value: fields["value"].flatMap(Double.init),
                              reason: fields["reason"] ?? "", file: file, line: line)
        }
    }
}
