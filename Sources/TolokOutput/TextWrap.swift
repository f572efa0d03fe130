/// Breaking text into lines of at most a given width (in characters), at spaces; a word longer
/// than the width is cut. Used for chart labels and terminal table cells.
public enum TextWrap {
    /// The lines of `text`, each at most `width` characters; at most `maxLines` lines, the last
    /// ending in "…" when text was left out.
    public static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = truncate(kept[maxLines - 1] + " " + lines[maxLines], width: width, force: true)
        return kept
    }

    /// `text` cut to `width` characters, ending in "…" when cut (or always, with `force`).
    public static func truncate(_ text: String, width: Int, force: Bool = false) -> String {
        guard force || text.count > width else { return text }
        guard width > 1 else { return "…" }
        var cut = String(text.prefix(width - 1))
        while cut.hasSuffix(" ") { cut.removeLast() }
        return cut + "…"
    }
}
