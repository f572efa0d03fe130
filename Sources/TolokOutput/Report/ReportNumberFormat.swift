import TolokModel

/// Numbers as a person reads them: in Indonesian a dot between thousands and a decimal comma
/// (`47.570.506.579`, `66,22`), in English the reverse (`47,570,506,579`, `66.22`); a true minus
/// sign; `Rp` for rupiah, `%` for rates, points for gaps between rates.
public struct ReportNumberFormat: Sendable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    var groupSeparator: Character { language == .id ? "." : "," }
    var decimalMark: Character { language == .id ? "," : "." }

    /// `value` with `decimals` decimals and grouped thousands: `1.234.567,89` (id), `1,234,567.89` (en).
    public func number(_ value: Double, decimals: Int, signed: Bool = false) -> String {
        let plain = NumberText.fixed(value, decimals: max(0, decimals))
        let negative = plain.hasPrefix("-")
        let digits = negative ? plain.dropFirst() : Substring(plain)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(groupSeparator) }
            grouped.append(c)
        }
        if parts.count > 1 { grouped += String(decimalMark) + parts[1] }
        let isZero = !digits.contains { $0 != "0" && $0 != "." }
        if negative { return "\u{2212}" + grouped }
        return signed && !isZero ? "+" + grouped : grouped
    }

    /// A whole number: `24.065`.
    public func integer(_ value: Int) -> String { number(Double(value), decimals: 0) }

    /// A rate: `8,82%`.
    public func percent(_ value: Double, decimals: Int = 2) -> String { number(value, decimals: decimals) + "%" }

    /// A difference of two rates: `+2,07 poin` (id), `+2.07 pp` (en).
    public func points(_ value: Double, decimals: Int = 2) -> String {
        number(value, decimals: decimals, signed: true) + language.pick(" poin", " pp")
    }

    /// Rupiah, whole: `Rp47.570.506.579`.
    public func rupiah(_ value: Double) -> String {
        let text = number(value, decimals: 0)
        return text.hasPrefix("\u{2212}") ? "\u{2212}Rp" + text.dropFirst() : "Rp" + text
    }

    /// Rupiah in words of scale, for axes and headlines: `Rp47,6 miliar`, `Rp1,4 juta` (id); `Rp47.6 bn` (en).
    public func rupiahShort(_ value: Double) -> String {
        let scales: [(Double, String, String)] = [(1e12, "triliun", "tn"), (1e9, "miliar", "bn"), (1e6, "juta", "m"), (1e3, "ribu", "k")]
        for (size, id, en) in scales where abs(value) >= size {
            return "Rp" + number(value / size, decimals: 1) + " " + language.pick(id, en)
        }
        return rupiah(value)
    }

    /// A value in an indicator's unit: `8,82%`, `24.065`, `Rp166.776`, `14,86`.
    public func value(_ value: Double, unit: String, decimals: Int) -> String {
        switch unit {
        case "percent": percent(value, decimals: decimals)
        case "rupiah": rupiah(value)
        default: number(value, decimals: decimals)
        }
    }

    /// A gap in an indicator's unit: points for rates, plain signed numbers otherwise.
    public func gap(_ value: Double, unit: String, decimals: Int) -> String {
        unit == "percent" ? points(value, decimals: decimals) : number(value, decimals: decimals, signed: true)
    }

    /// A percentile: `18,5`.
    public func percentile(_ value: Double) -> String { number(value, decimals: 1) }
}
