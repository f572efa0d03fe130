/// Which printed observations are shares in percent, whose target and realisation lie within
/// 0–100: unit `%` and a label that starts with Persentase (or the spellings Presentase,
/// Prosentase), Tingkat, TPT or TPAK, unless it names a change (peningkatan, penurunan,
/// pertumbuhan), which may pass 100 or fall below 0. The label is compared lower-cased, without
/// leading spaces, tabs, line feeds and `. : ;`.
///
/// `tolok validate` warns on such a value outside 0–100 (`ValueChecks` in TolokInput); the
/// audit's `rate_range` finding (`Plausibility.checkRateRanges`, by the same rule) remains the
/// analysis rule.
public enum PercentShare {
    /// Label beginnings of a share.
    public static let labelPrefixes = ["persentase", "presentase", "prosentase", "tingkat", "tpt", "tpak"]
    /// Words that make a label a change rather than a share.
    public static let changeWords = ["peningkatan", "penurunan", "pertumbuhan"]

    /// Whether an observation printed in `unit` under `label` is a share within 0–100.
    public static func isShare(unit: String, label: String) -> Bool {
        unit == "%" && isShareLabel(label)
    }

    /// Whether `label` names a share (whatever the unit).
    public static func isShareLabel(_ label: String) -> Bool {
        let key = label.lowercased().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "." || $0 == ":" || $0 == ";" }
        return labelPrefixes.contains { key.hasPrefix($0) } && !changeWords.contains { key.contains($0) }
    }
}
