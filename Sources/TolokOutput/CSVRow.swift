import Foundation
import TolokModel

/// How a text cell is written in a CSV dialect: the one home of the quoting and formula rules,
/// used by ``CSVWriter`` and ``CSVRow``.
enum CSVText {
    /// Whether the text needs quotes (it holds the separator, a quote or a line break), and
    /// whether it gets an apostrophe first so that a spreadsheet shows it instead of running it.
    static func escaping(_ text: UnsafeBufferPointer<UInt8>, dialect: CSVDialect) -> (apostrophe: Bool, quotes: Bool) {
        let separator = dialect.separator
        var quotes = false
        for b in text where b == separator || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
            quotes = true
            break
        }
        var apostrophe = false
        if dialect == .excelID, let first = text.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
            apostrophe = Double(String(decoding: text, as: UTF8.self)) == nil
        }
        return (apostrophe, quotes)
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
        if let value, !value.isNaN { NumberText.appendFixed(value, decimals: decimals, separator: dialect.decimalMark, to: &out) }
    }

    /// Ends the row.
    public mutating func end(_ out: inout ByteBuffer) {
        if dialect == .excelID { out.append(13) }
        out.append(10)
        first = true
    }
}
