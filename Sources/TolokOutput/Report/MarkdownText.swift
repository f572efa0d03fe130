/// Text made safe for a cell of a GitHub Markdown table: shown as written, never as markup,
/// links, emphasis or a new column.
public enum MarkdownText {
    /// `text` on one line with the characters Markdown or HTML would interpret escaped. An
    /// underscore inside a word (`district_code`) is left alone: it starts no emphasis.
    public static func escape(_ text: String) -> String {
        // Most cells hold nothing to escape.
        if !text.utf8.contains(where: { Self.special[Int($0)] }) { return text }
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\\", "*", "`", "[", "]", "~": out += "\\" + String(c)
            case "_":
                let inside = i > 0 && i + 1 < chars.count && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                    && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                out += inside ? "_" : "\\_"
            case "#" where i == 0: out += "\\#"
            case "\n", "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// The bytes of the characters ``escape(_:)`` changes.
    private static let special: [Bool] = (0..<256).map { b in "&<>|\\*`[]~_#\n\r\t".utf8.contains(UInt8(b)) }
}
