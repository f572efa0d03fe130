/// The language of a report: Indonesian (the default) or English.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case id, en

    /// The Indonesian or the English text.
    public func pick(_ indonesian: String, _ english: String) -> String {
        self == .id ? indonesian : english
    }

    public var isEnglish: Bool { self == .en }

    /// `items` as a sentence lists them: "A", "A dan B", "A, B dan C" ("A and B", "A, B and C").
    public func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" dan ", " and ") + last
    }
}
