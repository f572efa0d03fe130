import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// The CSV flavour to write.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// RFC 4180: comma, dot decimal, UTF-8 without BOM, LF line ends.
    case standard
    /// What Excel with Indonesian regional settings opens correctly: semicolon separator,
    /// decimal comma, UTF-8 BOM, CRLF; text a spreadsheet would run as a formula is escaped.
    case excelID = "excel-id"
}

/// A cell to write: text, or a number with a fixed count of decimals.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case number(Double, decimals: Int)
    case integer(Int)
    case missing

    /// Text, or missing when `nil`.
    public static func optional(_ text: String?) -> CSVCell { text.map(CSVCell.text) ?? .missing }
    /// A number, or missing when `nil`.
    public static func optional(_ value: Double?, decimals: Int) -> CSVCell {
        value.map { .number($0, decimals: decimals) } ?? .missing
    }
}

/// Builds CSV text deterministically (fixed decimals, stable quoting) and writes it atomically.
public struct CSVWriter: Sendable {
    public let dialect: CSVDialect
    public let header: [String]
    private var text: String

    public init(header: [String], dialect: CSVDialect = .standard) {
        self.dialect = dialect
        self.header = header
        text = dialect == .excelID ? "\u{FEFF}" : ""
        appendLine(header.map { .text($0) })
    }

    /// Appends a row; it must have as many cells as the header.
    public mutating func append(_ cells: [CSVCell]) {
        precondition(cells.count == header.count, "row has \(cells.count) cells, header \(header.count)")
        appendLine(cells)
    }

    /// The CSV text so far.
    public var contents: String { text }

    /// Writes the CSV to `url` through a temporary file and a rename, so a reader never sees half a file.
    public func write(to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    private mutating func appendLine(_ cells: [CSVCell]) {
        let separator = dialect == .excelID ? ";" : ","
        var first = true
        for cell in cells {
            if !first { text += separator }
            first = false
            text += render(cell)
        }
        text += dialect == .excelID ? "\r\n" : "\n"
    }

    private func render(_ cell: CSVCell) -> String {
        switch cell {
        case .missing:
            return ""
        case .integer(let value):
            return String(value)
        case .number(let value, let decimals):
            let formatted = Self.format(value, decimals: decimals)
            return dialect == .excelID ? formatted.replacingOccurrences(of: ".", with: ",") : formatted
        case .text(let value):
            var value = value
            if dialect == .excelID, let first = value.first, "=+-@".contains(first), Double(value) == nil {
                value = "'" + value  // keep spreadsheets from running it as a formula
            }
            let separator: Character = dialect == .excelID ? ";" : ","
            if value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
    }

    /// Formats `value` with exactly `decimals` decimals, without a negative zero.
    public static func format(_ value: Double, decimals: Int) -> String {
        NumberText.fixed(value, decimals: decimals)
    }
}
