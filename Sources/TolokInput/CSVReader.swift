import Foundation
import TolokModel

/// A streaming RFC 4180 CSV reader over bytes.
///
/// It handles quoted fields with commas, doubled quotes and embedded newlines, LF and CRLF line
/// ends, a UTF-8 byte-order mark, an empty trailing field and a last line without a newline.
/// Fields are byte ranges into the input: nothing is copied or decoded unless asked for, so a
/// loader can convert cells straight from bytes.
///
/// Structural problems (an unterminated quote, a stray quote in an unquoted field, text after a
/// closing quote) are collected in ``problems`` with their line and column; reading goes on.
public struct CSVReader: Sendable {
    /// The input, BOM included if there was one.
    public let bytes: [UInt8]
    /// Structural problems met so far.
    public private(set) var problems: [CSVProblem] = []

    private var position: Int
    private var line = 1
    private var lineStart: Int

    /// Creates a reader over `bytes`, skipping a leading UTF-8 byte-order mark.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
        lineStart = position
    }

    /// Creates a reader that starts at a record known to begin at byte `position` on `line`.
    init(bytes: [UInt8], position: Int, line: Int) {
        self.bytes = bytes
        self.position = position
        self.line = line
        lineStart = position
    }

    /// Byte offset of the next record.
    public var offset: Int { position }

    /// True once every record has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next record into `fields` (cleared first) and returns the line it starts on,
    /// or `nil` at the end of the input.
    public mutating func nextRecord(into fields: inout [CSVField]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard position < count else { return nil }
        let recordLine = line
        bytes.withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!
            var i = position
            while true {
                let fieldStart = i
                let fieldLine = line
                let fieldLineStart = lineStart
                var contentStart = i
                var contentEnd = i
                var escaped = false
                var quoted = false
                if i < count && p[i] == Byte.quote {
                    quoted = true
                    i += 1
                    contentStart = i
                    var closed = false
                    while i < count {
                        let c = p[i]
                        if c == Byte.quote {
                            if i + 1 < count && p[i + 1] == Byte.quote {
                                escaped = true
                                i += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        if c == Byte.lf { line += 1; lineStart = i + 1 }
                        i += 1
                    }
                    contentEnd = i
                    if closed {
                        i += 1
                    } else {
                        problems.append(CSVProblem(
                            line: fieldLine, column: column(of: fieldStart, lineStart: fieldLineStart),
                            message: "unterminated quoted field (the closing '\"' is missing)"))
                    }
                    if i < count, p[i] != Byte.comma, p[i] != Byte.lf, p[i] != Byte.cr {
                        problems.append(CSVProblem(
                            line: line, column: column(of: i, lineStart: lineStart),
                            message: "unexpected text after a closing quote; quote the whole field"))
                        while i < count, p[i] != Byte.comma, p[i] != Byte.lf, p[i] != Byte.cr { i += 1 }
                        contentEnd = i
                    }
                } else {
                    while i < count {
                        let c = p[i]
                        if c == Byte.comma || c == Byte.lf || c == Byte.cr { break }
                        if c == Byte.quote {
                            problems.append(CSVProblem(
                                line: line, column: column(of: i, lineStart: lineStart),
                                message: "'\"' inside an unquoted field; quote the field and double the quote"))
                        }
                        i += 1
                    }
                    contentEnd = i
                }
                fields.append(CSVField(
                    contentStart: contentStart, contentEnd: contentEnd, hasEscapedQuotes: escaped,
                    isQuoted: quoted, start: fieldStart, line: fieldLine, lineStart: fieldLineStart))
                if i >= count { break }
                let c = p[i]
                if c == Byte.comma { i += 1; continue }
                // End of record: LF, CR or CRLF.
                i += 1
                if c == Byte.cr && i < count && p[i] == Byte.lf { i += 1 }
                line += 1
                lineStart = i
                break
            }
            position = i
        }
        return recordLine
    }

    /// The text of a field, with doubled quotes undone. Invalid UTF-8 is repaired with U+FFFD;
    /// use ``StringPool`` to reject it instead.
    public func text(of field: CSVField) -> String {
        let slice = bytes[field.contentStart..<field.contentEnd]
        let raw = String(decoding: slice, as: UTF8.self)
        return field.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// The 1-based character column where `field` starts on its line.
    public func column(of field: CSVField) -> Int {
        column(of: field.start, lineStart: field.lineStart)
    }

    private func column(of offset: Int, lineStart: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }  // count UTF-8 lead bytes only
            i += 1
        }
        return column
    }
}

/// A field of a CSV record, as a byte range of the input.
public struct CSVField: Sendable, Equatable {
    /// First byte of the content (after an opening quote).
    public var contentStart: Int
    /// One past the last byte of the content (before a closing quote).
    public var contentEnd: Int
    /// True when the content holds doubled quotes (`""`) still to be undone.
    public var hasEscapedQuotes: Bool
    /// True when the field was quoted in the file.
    public var isQuoted: Bool
    /// First byte of the field in the file (the opening quote, if quoted).
    public var start: Int
    /// 1-based line the field starts on.
    public var line: Int
    /// Byte offset where that line starts.
    public var lineStart: Int

    /// True when the field holds no content.
    public var isEmpty: Bool { contentStart == contentEnd }
}

/// A structural problem in a CSV file.
public struct CSVProblem: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}
