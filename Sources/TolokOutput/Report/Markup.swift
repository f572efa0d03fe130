/// Text made safe for HTML and SVG (inline SVG is parsed as HTML, and standalone as XML): a label
/// holding `<`, `&` or quotes shows as text and never becomes markup.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references: safe in element content and
    /// in quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Most labels hold nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML.
                if c.value < 0x20 && c != "\t" && c != "\n" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
