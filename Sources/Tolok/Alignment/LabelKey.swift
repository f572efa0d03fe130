/// The matching rule for printed labels in mapping tables: ignore case, leading and trailing
/// spaces and repeated spaces. Spelling variants (Presentase / Persentase) are *not* merged:
/// each needs its own mapping row, so a mapping never matches a label nobody looked at.
public enum LabelKey {
    public static func of(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// Programme names also ignore a leading "program" and punctuation after it
    /// ("Program: Penempatan Tenaga Kerja" = "Penempatan Tenaga Kerja").
    public static func ofProgramme(_ label: String) -> String {
        var key = of(label)
        if key.hasPrefix("program") {
            key = String(key.dropFirst("program".count))
            while let first = key.first, first == " " || first == ":" || first == "." || first == "-" { key.removeFirst() }
        }
        return key
    }
}
