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
        var grouped = self.grouped(parts[0])
        if parts.count > 1 { grouped += String(decimalMark) + parts[1] }
        let isZero = !digits.contains { $0 != "0" && $0 != "." }
        if negative { return "\u{2212}" + grouped }
        return signed && !isZero ? "+" + grouped : grouped
    }

    /// The digits of a whole number with the thousands grouped: `47.570.506.579` (id).
    func grouped(_ digits: Substring) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
            out.append(c)
        }
        return out
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

    /// A count and its noun, singular for one: `1 rounding difference`, `3 errors` (Indonesian
    /// nouns do not change: pass the same word twice).
    public func count(_ n: Int, _ one: String, _ many: String) -> String {
        integer(n) + " " + (n == 1 ? one : many)
    }

    /// A percentile: `18,5`.
    public func percentile(_ value: Double) -> String { number(value, decimals: 1) }

    /// The plain numbers inside a sentence (the analyses' notes and the audit's details write
    /// `61.46`, `137875000`, the data's caveats `2,042`) the report's way: `61,46`, `137.875.000`,
    /// `2.042` (id); `61.46`, `137,875,000`, `2,042` (en). The decimals stay as written. Left as
    /// written: numbers inside ids and names (`004-t3.6-1`, `TPT_2019`, `gh-jessch22`,
    /// `province:35`, `M01`), codes (`2.07.04`, `§3.1.6`), ids with leading zeros (`000`),
    /// years (four digits from 1900 to 2100), and the number after `Tabel`, `Table`, `Gambar`,
    /// `p.`, `col` and the like.
    public func numbers(in text: String) -> String {
        let chars = Array(text)
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        var out = ""
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else {
                out.append(chars[i])
                i += 1
                continue
            }
            // Digits with single dots or commas between them.
            var j = i + 1
            while j < chars.count, isDigit(chars[j]) || ((chars[j] == "." || chars[j] == ",") && j + 1 < chars.count && isDigit(chars[j + 1])) {
                j += 1
            }
            let token = String(chars[i..<j])
            out += stands(alone: chars, i, j) ? (regrouped(token) ?? token) : token
            i = j
        }
        return out
    }

    /// Words after which a number names a place, not a quantity: `Tabel 3.10`, `p. 45`.
    static let placeWords: Set<String> = ["tabel", "table", "gambar", "figure", "grafik", "chart", "diagram", "lampiran", "appendix",
                                          "bab", "p.", "pp.", "hal.", "halaman", "page", "col", "kolom", "sheet", "no.", "nomor", "box", "kotak"]

    /// Whether the characters `chars[i..<j]` are a number standing alone in the sentence: not
    /// glued to a letter, `-`, `_`, `:` or `.` (an id, a code) and not after a place word.
    func stands(alone chars: [Character], _ i: Int, _ j: Int) -> Bool {
        if i > 0 {
            guard [" ", "(", "/", "|", "–", "=", "["].contains(chars[i - 1]) else { return false }
            if chars[i - 1] == "–", i > 1, !(chars[i - 2].isASCII && chars[i - 2].isNumber) { return false }
            if chars[i - 1] == " " {
                var k = i - 1
                while k > 0, chars[k - 1] != " " { k -= 1 }
                if Self.placeWords.contains(String(chars[k..<(i - 1)]).lowercased()) { return false }
            }
        }
        if j < chars.count {
            let next = chars[j]
            if next == "." || next == "," { return j + 1 == chars.count || chars[j + 1] == " " }
            guard [" ", ")", ";", ":", "%", "/", "|", "–", "×", "]"].contains(next) else { return false }
        }
        return true
    }

    /// A plain number (`137875000`, `61.46`, or grouped the English way: `2,042`) grouped and
    /// marked the report's way; `nil` for what is not one (a code, an id with leading zeros, a year).
    func regrouped(_ token: String) -> String? {
        var whole = token, fraction: Substring?
        if let dot = token.firstIndex(of: ".") {
            whole = String(token[..<dot])
            fraction = token[token.index(after: dot)...]
            guard !fraction!.contains(".") && !fraction!.contains(",") else { return nil }
        }
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            whole = groups.joined()
        } else {
            if whole.count > 1 && whole.hasPrefix("0") { return nil }
            if fraction == nil, whole.count == 4, let year = Int(whole), (1900...2100).contains(year) { return nil }
        }
        let grouped = self.grouped(Substring(whole))
        return fraction.map { grouped + String(decimalMark) + $0 } ?? grouped
    }
}
