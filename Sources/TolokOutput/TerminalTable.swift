/// A table for a person at a terminal: it fits the terminal's width. Numbers are right-aligned and
/// never cut; text columns give way, their cells wrapping onto more lines (the last ending in "…"
/// when even that is not enough). Columns named in ``groupBy`` become heading lines printed
/// whenever their values change, so a long table reads as short ones; each group shows only the
/// columns it has values in.
public struct TerminalTable: Sendable {
    public var table: Tabular
    /// Characters per line (the terminal's columns).
    public var width: Int
    /// Columns shown as a heading above each group of rows instead of in every row.
    public var groupBy: [String]
    /// Columns right-aligned besides the numeric ones (e.g. ranks written `23/27`).
    public var rightAligned: Set<String>
    /// Columns whose text, when all the rows of a group share it, is said once in the group's heading.
    public var sharedToHeading: Set<String>
    /// Columns left out, in this order, while the table is still too wide with every text column
    /// at its narrowest (numbers are never cut).
    public var dropOrder: [String]
    /// The most lines a cell wraps onto.
    public var maxLines: Int

    public init(_ table: Tabular, width: Int, groupBy: [String] = [], rightAligned: Set<String> = [], sharedToHeading: Set<String> = [],
                dropOrder: [String] = [], maxLines: Int = 3) {
        self.table = table
        self.width = width
        self.groupBy = groupBy
        self.rightAligned = rightAligned
        self.sharedToHeading = sharedToHeading
        self.dropOrder = dropOrder
        self.maxLines = maxLines
    }

    static let gap = 2

    /// The column widths: each column's widest cell, the text columns narrowed (widest first)
    /// until the line fits, but never below their header's longest word (at least 6).
    func widths(columns: [Int], texts: [[String]], numeric: [Bool]) -> [Int] {
        func longestWord(_ text: String) -> Int { text.split(separator: " ").map(\.count).max() ?? 0 }
        let headerWord = columns.map { longestWord(table.header[$0]) }
        var widths = columns.enumerated().map { k, c in
            let cells = texts.map { $0[c].count }.max() ?? 0
            // A header wraps at spaces: a numeric column needs only its longest word.
            return max(cells, numeric[k] ? headerWord[k] : table.header[c].count)
        }
        // A text column narrows down to its longest word (at most 16) or its header's longest word.
        let minimum = columns.enumerated().map { k, c in
            numeric[k] ? widths[k] : min(widths[k], max(6, headerWord[k], min(16, texts.map { longestWord($0[c]) }.max() ?? 0)))
        }
        let available = width - Self.gap * max(0, columns.count - 1)
        // Notes give way first, then the widest text column.
        let flexible = columns.indices.filter { sharedToHeading.contains(table.header[columns[$0]]) }
        while widths.reduce(0, +) > available {
            let candidates = widths.indices.filter { widths[$0] > minimum[$0] }
            guard let k = candidates.first(where: flexible.contains) ?? candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[k] -= 1
        }
        return widths
    }

    public func render() -> String {
        let texts = table.rows.map { $0.map(Tabular.text) }
        let grouped = groupBy.compactMap { table.header.firstIndex(of: $0) }
        let numericColumn = table.header.indices.map { c in
            rightAligned.contains(table.header[c]) || table.rows.allSatisfy { row in
                switch row[c] {
                case .number, .integer, .missing: true
                case .text: false
                }
            }
        }
        // Consecutive rows with the same group key.
        var groups: [(key: [String], rows: [[String]])] = []
        for row in texts {
            let key = grouped.map { row[$0] }
            if let last = groups.last, last.key == key { groups[groups.count - 1].rows.append(row) } else { groups.append((key, [row])) }
        }
        var out: [String] = []
        for (g, group) in groups.enumerated() {
            // A group shows the columns it has values in; a text shared by all of its rows moves to its heading.
            var columns = table.header.indices.filter { c in !grouped.contains(c) && group.rows.contains { !$0[c].isEmpty } }
            var heading = group.key.filter { !$0.isEmpty }
            if group.rows.count > 1 {
                let shared = columns.filter { c in !numericColumn[c] && sharedToHeading.contains(table.header[c]) && Set(group.rows.map { $0[c] }).count == 1 }
                heading += shared.map { group.rows[0][$0] }
                columns.removeAll { shared.contains($0) }
            }
            if g > 0 { out.append("") }
            if !heading.isEmpty {
                out += TextWrap.lines(heading.joined(separator: " · "), width: width, maxLines: 2)
            }
            out += lines(group.rows, columns: columns, numeric: columns.map { numericColumn[$0] })
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The header, its rule and `rows` in `columns`.
    /// `line` without the spaces that pad its last cell (scanned as bytes: a space is one byte).
    static func droppingTrailingSpaces(_ line: String) -> String {
        let bytes = line.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        return String(line[..<end])
    }

    func lines(_ rows: [[String]], columns: [Int], numeric: [Bool]) -> [String] {
        var columns = columns, numeric = numeric
        var widths = widths(columns: columns, texts: rows, numeric: numeric)
        while widths.reduce(0, +) + Self.gap * max(0, columns.count - 1) > width,
              let drop = dropOrder.lazy.compactMap({ name in columns.firstIndex { self.table.header[$0] == name } }).first {
            columns.remove(at: drop)
            numeric.remove(at: drop)
            widths = self.widths(columns: columns, texts: rows, numeric: numeric)
        }
        let separator = String(repeating: " ", count: Self.gap)
        func lines(_ cells: [String], header: Bool) -> [String] {
            let wrapped = cells.enumerated().map { k, text in
                numeric[k] && !header ? [text] : TextWrap.lines(text, width: widths[k], maxLines: header ? 3 : maxLines)
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { i in
                // Headers sit on their last line; cells start on the first.
                let line = cells.indices.map { k -> String in
                    let offset = header ? height - wrapped[k].count : 0
                    let text = i - offset >= 0 && i - offset < wrapped[k].count ? wrapped[k][i - offset] : ""
                    let pad = String(repeating: " ", count: max(0, widths[k] - text.count))
                    return numeric[k] ? pad + text : text + pad
                }.joined(separator: separator)
                return Self.droppingTrailingSpaces(line)
            }
        }
        var out = lines(columns.map { table.header[$0] }, header: true)
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: separator))
        for row in rows { out += lines(columns.map { row[$0] }, header: false) }
        return out
    }
}
