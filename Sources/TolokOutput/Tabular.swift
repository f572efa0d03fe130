import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// A table of results ready to render: a header and rows of cells. Every export builds one, and
/// renders it as CSV (either dialect), an aligned terminal table, Markdown or JSON.
public struct Tabular: Sendable {
    public var header: [String]
    public var rows: [[CSVCell]]

    public init(header: [String], rows: [[CSVCell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table with only the columns named (in that order; unknown names are skipped).
    public func selecting(_ names: [String]) -> Tabular {
        let indices = names.compactMap { header.firstIndex(of: $0) }
        return Tabular(header: indices.map { header[$0] }, rows: rows.map { row in indices.map { row[$0] } })
    }

    public enum Format: String, Sendable, CaseIterable { case table, csv, md, json }

    /// The CSV of the table.
    public func csv(_ dialect: CSVDialect = .standard) -> CSVWriter {
        var writer = CSVWriter(header: header, dialect: dialect)
        for row in rows { writer.append(row) }
        return writer
    }

    /// The table rendered in `format`.
    public func render(_ format: Format, dialect: CSVDialect = .standard) -> String {
        switch format {
        case .csv: return csv(dialect).contents
        case .table: return aligned()
        case .md: return markdown()
        case .json: return json()
        }
    }

    /// A cell's text as the CSV writes it (standard dialect).
    public static func text(_ cell: CSVCell) -> String {
        switch cell {
        case .missing: ""
        case .text(let t): t
        case .integer(let i): String(i)
        case .number(let v, let d): v.isFinite ? CSVWriter.format(v, decimals: d) : ""
        }
    }

    /// `text` for a terminal: control characters (an escape sequence could move the cursor or
    /// recolour the screen) become U+FFFD, tabs and line breaks spaces.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 9, 10, 13: out.append(" ")
            case 0..<0x20, 0x7F...0x9F: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` as a JSON string literal (RFC 8259), with U+2028 and U+2029 escaped too so the
    /// text is also a valid JavaScript literal.
    static func jsonQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private func aligned() -> String {
        let cells = [header] + rows.map { $0.map { Self.printable(Self.text($0)) } }
        let widths = header.indices.map { c in min(48, cells.map { $0[c].count }.max() ?? 0) }
        return cells.enumerated().map { i, row in
            let line = row.enumerated().map { c, text in
                let clipped = text.count > widths[c] ? String(text.prefix(widths[c] - 1)) + "…" : text
                let numeric = i > 0 && { if case .number = rows[i - 1][c] { return true }; if case .integer = rows[i - 1][c] { return true }; return false }()
                let pad = String(repeating: " ", count: widths[c] - clipped.count)
                return numeric ? pad + clipped : clipped + pad
            }.joined(separator: "  ")
            let trimmed = line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            return i == 0 ? trimmed + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") : trimmed
        }.joined(separator: "\n") + "\n"
    }

    private func markdown() -> String {
        (Self.markdownHeader(header) + rows.map(Self.markdownLine)).joined(separator: "\n") + "\n"
    }

    /// The Markdown table's first two lines: the header and the alignment row.
    private static func markdownHeader(_ header: [String]) -> [String] {
        ["| " + header.map(markdownEscape).joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
    }

    private static func markdownLine(_ row: [CSVCell]) -> String {
        "| " + row.map { markdownEscape(text($0)) }.joined(separator: " | ") + " |"
    }

    private static func markdownEscape(_ s: String) -> String { MarkdownText.escape(printable(s)) }

    /// One object per row; a missing value (an empty cell, a number that is not finite) is `null`.
    private func json() -> String {
        "[\n" + rows.map { Self.jsonObject($0, header: header) }.joined(separator: ",\n") + "\n]\n"
    }

    /// A row as a JSON object on one line, indented by two spaces.
    private static func jsonObject(_ row: [CSVCell], header: [String]) -> String {
        "  {" + zip(header, row).map { name, cell in
            let value: String
            switch cell {
            case .missing: value = "null"
            case .text(let t): value = t.isEmpty ? "null" : jsonQuoted(t)
            case .integer(let i): value = String(i)
            case .number(let v, let d): value = v.isFinite ? CSVWriter.format(v, decimals: d) : "null"
            }
            return jsonQuoted(name) + ": " + value
        }.joined(separator: ", ") + "}"
    }

    /// A table in csv, md or json rendered a part of its rows at a time, for a table too large to
    /// hold whole: ``text(of:)`` for each part in turn, then ``end()``. The texts joined are
    /// ``render(_:dialect:)`` of every part's rows together; each is empty or ends a line.
    public struct Parts {
        public let format: Format
        public let header: [String]
        public let dialect: CSVDialect
        private var started = false
        /// json: the last object so far, written once it is known whether another follows.
        private var lastObject: String?

        /// Parts of a table of `header` in `format` (csv, md or json; a terminal table needs every
        /// row to size its columns).
        public init(header: [String], format: Format, dialect: CSVDialect = .standard) {
            precondition(format != .table, "a terminal table is rendered whole")
            self.header = header
            self.format = format
            self.dialect = dialect
        }

        /// The text of the next part's `rows` (the header first, in the first part).
        public mutating func text(of rows: [[CSVCell]]) -> String {
            var text = started ? "" : opening()
            started = true
            switch format {
            case .csv:
                var writer = CSVWriter(header: header, dialect: dialect)
                let headerBytes = writer.bytes.count
                for row in rows { writer.append(row) }
                text += String(decoding: writer.bytes[headerBytes...], as: UTF8.self)
            case .md:
                text += rows.map { Tabular.markdownLine($0) + "\n" }.joined()
            case .json:
                for row in rows {
                    if let lastObject { text += lastObject + ",\n" }
                    lastObject = Tabular.jsonObject(row, header: header)
                }
            case .table:
                preconditionFailure("a terminal table is rendered whole")
            }
            return text
        }

        /// The text after the last part (with the header, when there was no part).
        public mutating func end() -> String {
            let text = (started ? "" : opening()) + (format == .json ? (lastObject ?? "") + "\n]\n" : "")
            started = true
            lastObject = nil
            return text
        }

        private func opening() -> String {
            switch format {
            case .csv: CSVWriter(header: header, dialect: dialect).contents
            case .md: Tabular.markdownHeader(header).map { $0 + "\n" }.joined()
            case .json, .table: "[\n"
            }
        }
    }
}
