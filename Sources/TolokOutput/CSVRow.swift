import Foundation
import TolokModel

/// How a text cell is written in a CSV dialect: the one home of the quoting and formula rules,
/// used by ``CSVWriter`` and ``CSVRow``.
enum CSVText {
    /// Whether the text needs quotes (it holds the separator, a quote or a line break), and
    /// whether it gets an apostrophe first so that a spreadsheet shows it instead of running it:
    /// in every dialect, a text starting like a formula (``formulaStarts(_:)``) unless it is a
    /// plain number (``isPlainNumber(_:)``).
    @inline(__always)
    static func escaping(_ text: UnsafeBufferPointer<UInt8>, dialect: CSVDialect) -> (apostrophe: Bool, quotes: Bool) {
        let separator = dialect.separator
        var quotes = false
        for b in text where b == separator || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
            quotes = true
            break
        }
        let apostrophe = text.first.map { formulaStarts($0) && !isPlainNumber(text) } ?? false
        return (apostrophe, quotes)
    }

    /// True for the first bytes a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`)
    /// or strips before one (tab, CR).
    @inline(__always)
    static func formulaStarts(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 9 || byte == 13
    }

    /// `[+-]?digits([.,]digits)?`: a number a spreadsheet reads as a number, not a formula.
    static func isPlainNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0, separators = 0, afterSeparator = 0
        while i < text.count {
            let b = text[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
                if separators > 0 { afterSeparator += 1 }
            } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && separators == 0 && digits > 0 {
                separators += 1
            } else {
                return false
            }
            i += 1
        }
        return digits > 0 && (separators == 0 || afterSeparator > 0)
    }
}

extension CSVDialect {
    /// The field separator.
    var separator: UInt8 { self == .excelID ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    /// The decimal mark.
    var decimalMark: UInt8 { self == .excelID ? UInt8(ascii: ",") : UInt8(ascii: ".") }
    /// The header line's first bytes (Excel's UTF-8 byte-order mark).
    var preamble: [UInt8] { self == .excelID ? [0xEF, 0xBB, 0xBF] : [] }
    /// The line end.
    var lineEnd: [UInt8] { self == .excelID ? [13, 10] : [10] }

    /// The header line of `columns`, preamble included: what ``CSVWriter`` writes first.
    public func header(_ columns: [String]) -> [UInt8] {
        CSVWriter(header: columns, dialect: self).bytes
    }
}

/// One row of a large CSV file written straight into a byte buffer (``BlockWriter``): cells
/// appended in order, separators, quoting, numbers and line ends as ``CSVWriter`` writes them,
/// byte for byte.
public struct CSVRow: ~Copyable {
    public let dialect: CSVDialect
    private var first = true

    public init(dialect: CSVDialect) { self.dialect = dialect }

    @inline(__always)
    private mutating func separate(_ out: inout ByteBuffer) {
        if first { first = false } else { out.append(dialect.separator) }
    }

    /// An empty (missing) cell.
    public mutating func missing(_ out: inout ByteBuffer) { separate(&out) }

    /// A text cell of bytes.
    public mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        separate(&out)
        let (apostrophe, quotes) = CSVText.escaping(bytes, dialect: dialect)
        if !apostrophe && !quotes {
            out.append(bytes)
            return
        }
        if quotes { out.append(UInt8(ascii: "\"")) }
        if apostrophe { out.append(UInt8(ascii: "'")) }
        for b in bytes {
            out.append(b)
            if quotes && b == UInt8(ascii: "\"") { out.append(b) }
        }
        if quotes { out.append(UInt8(ascii: "\"")) }
    }

    /// A text cell of an array of bytes.
    public mutating func text(_ bytes: [UInt8], _ out: inout ByteBuffer) {
        bytes.withUnsafeBufferPointer { text($0, &out) }
    }

    /// A text cell.
    public mutating func text(_ string: String, _ out: inout ByteBuffer) {
        var string = string
        string.withUTF8 { text($0, &out) }
    }

    /// A text cell, or missing.
    public mutating func text(_ string: String?, _ out: inout ByteBuffer) {
        if let string { text(string, &out) } else { missing(&out) }
    }

    /// A list cell: `items` joined as ``CSVCell/list(_:)`` joins them, or missing when empty.
    public mutating func list(_ items: [String], _ out: inout ByteBuffer) {
        text(items.isEmpty ? nil : items.joined(separator: CSVCell.listSeparator), &out)
    }

    /// The three flag cells of a value (``AnalysisExports/flagColumns``): its corrections, caveats
    /// and reasons to suspect it (`borrowed`: those of other values the row uses), each a list.
    public mutating func flags(_ flags: (corrections: [String], caveats: [String], suspicions: [String]), borrowed: [String] = [],
                               _ out: inout ByteBuffer) {
        list(flags.corrections, &out)
        list(flags.caveats, &out)
        list(borrowed.isEmpty ? flags.suspicions : flags.suspicions + borrowed, &out)
    }

    /// A text cell of the string pool's `id` (missing for -1).
    public mutating func text(id: Int32, in pool: StringPool, _ out: inout ByteBuffer) {
        if id < 0 { missing(&out) } else { pool.withBytes(id) { text($0, &out) } }
    }

    /// An integer cell.
    public mutating func integer(_ value: Int, _ out: inout ByteBuffer) {
        separate(&out)
        NumberText.appendInteger(value, to: &out)
    }

    /// A number with exactly `decimals` decimals, or missing when `nil` (or NaN).
    public mutating func number(_ value: Double?, decimals: Int, _ out: inout ByteBuffer) {
        separate(&out)
        if let value, value.isFinite { NumberText.appendFixed(value, decimals: decimals, separator: dialect.decimalMark, to: &out) }
    }

    /// Cells rendered once (``RenderedCells``), appended as they are.
    public mutating func cells(_ cells: borrowing RenderedCells, _ out: inout ByteBuffer) {
        separate(&out)
        cells.bytes.withUnsafeBufferPointer { out.append($0) }
    }

    /// The cells of `key` in `table`, appended as they are.
    @inline(__always)
    public mutating func cells(_ table: borrowing RenderedCellTable, _ key: Int, _ out: inout ByteBuffer) {
        cells(table.cells(key), &out)
    }

    /// Cells rendered once, appended as they are.
    @inline(__always)
    public mutating func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        separate(&out)
        out.append(bytes)
    }

    /// Ends the row (and counts it in the buffer's ``ByteBuffer/rowsEnded``).
    public mutating func end(_ out: inout ByteBuffer) {
        if dialect == .excelID { out.append(13) }
        out.append(10)
        out.rowsEnded += 1
        first = true
    }
}

/// Consecutive cells rendered once and appended to many rows (``CSVRow/cells(_:_:)``): a group's
/// columns that are the same on each of its rows, formatted once instead of on every row.
public struct RenderedCells: Sendable {
    /// The cells' bytes, separators between them (none before the first, none after the last).
    public let bytes: [UInt8]

    /// The cells `render` appends to a row of `dialect`.
    public init(dialect: CSVDialect, _ render: (inout CSVRow, inout ByteBuffer) -> Void) {
        var buffer = ByteBuffer(capacity: 256)
        var row = CSVRow(dialect: dialect)
        render(&row, &buffer)
        bytes = buffer.array
    }
}
