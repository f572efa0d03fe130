/// The language of a report: Indonesian (the default) or English.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case id, en

    /// The Indonesian or the English text.
    public func pick(_ indonesian: String, _ english: String) -> String {
        self == .id ? indonesian : english
    }

    public var isEnglish: Bool { self == .en }
}
