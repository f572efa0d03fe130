import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// The CSV flavour to write.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// RFC 4180: comma, dot decimal, UTF-8 without BOM, LF line ends.
    case standard
    /// What Excel with Indonesian regional settings opens correctly: semicolon separator,
    /// decimal comma, UTF-8 BOM, CRLF. (In both dialects, text a spreadsheet would run as a
    /// formula is written with a leading `'`.)
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
    /// A list of texts joined by `; ` (the outputs' one separator of items in a cell), or missing
    /// when empty.
    public static func list(_ items: [String]) -> CSVCell { items.isEmpty ? .missing : .text(items.joined(separator: CSVCell.listSeparator)) }
    /// What separates the items of a list cell.
    public static let listSeparator = "; "
    /// A number, or missing when `nil`.
    public static func optional(_ value: Double?, decimals: Int) -> CSVCell {
        value.map { .number($0, decimals: decimals) } ?? .missing
    }
}

/// Builds CSV deterministically (fixed decimals, stable quoting) in a byte buffer, and writes it
/// atomically.
public struct CSVWriter: Sendable {
    public let dialect: CSVDialect
    public let header: [String]
    /// The CSV so far, as UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []
    /// The rows appended, the header not counted (a cell with a line break is still one row).
    public private(set) var rows = 0
    private let separator: UInt8
    private let decimalMark: UInt8

    public init(header: [String], dialect: CSVDialect = .standard) {
        self.dialect = dialect
        self.header = header
        separator = dialect == .excelID ? UInt8(ascii: ";") : UInt8(ascii: ",")
        decimalMark = dialect == .excelID ? UInt8(ascii: ",") : UInt8(ascii: ".")
        if dialect == .excelID { bytes += [0xEF, 0xBB, 0xBF] }
        appendLine(header.map { .text($0) })
    }

    /// Appends a row; it must have as many cells as the header.
    public mutating func append(_ cells: [CSVCell]) {
        precondition(cells.count == header.count, "row has \(cells.count) cells, header \(header.count)")
        appendLine(cells)
        rows += 1
    }

    /// The CSV text so far.
    public var contents: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes the CSV to `url` through a temporary file and a rename, so a reader never sees half a file.
    public func write(to url: URL) throws {
        try AtomicFile.write([bytes], to: url)
    }

    private mutating func appendLine(_ cells: [CSVCell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(separator) }
            append(cell)
        }
        if dialect == .excelID { bytes.append(UInt8(ascii: "\r")) }
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ cell: CSVCell) {
        switch cell {
        case .missing:
            break
        case .integer(let value):
            NumberText.appendInteger(value, to: &bytes)
        case .number(let value, let decimals):
            // NaN or an infinity is no value: missing, never "nan".
            if value.isFinite { NumberText.appendFixed(value, decimals: decimals, separator: decimalMark, to: &bytes) }
        case .text(let value):
            appendText(value)
        }
    }

    private mutating func appendText(_ value: String) {
        var value = value
        value.withUTF8 { text in
            let (apostrophe, quotes) = CSVText.escaping(text, dialect: dialect)
            let quote = UInt8(ascii: "\"")
            if quotes { bytes.append(quote) }
            if apostrophe { bytes.append(UInt8(ascii: "'")) }  // keep spreadsheets from running it as a formula
            guard quotes else {
                bytes.append(contentsOf: text)
                return
            }
            for b in text {
                bytes.append(b)
                if b == quote { bytes.append(quote) }
            }
            bytes.append(quote)
        }
    }

    /// The bytes of one text cell as ``append(_:)`` writes it in `dialect` (formula neutralised,
    /// quoted where needed), for writers that copy cells straight into a buffer.
    public static func cellBytes(_ text: String, dialect: CSVDialect = .standard) -> [UInt8] {
        var writer = CSVWriter(header: [], dialect: dialect)
        writer.bytes = []
        writer.appendText(text)
        return writer.bytes
    }

    /// Formats `value` with exactly `decimals` decimals, without a negative zero.
    public static func format(_ value: Double, decimals: Int) -> String {
        NumberText.fixed(value, decimals: decimals)
    }
}
