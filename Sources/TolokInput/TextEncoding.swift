import TolokModel

/// The file-level check every dataset file passes before it is parsed: UTF-8 text, a byte-order
/// mark only at the very start, no NUL byte, no UTF-16, and LF or CRLF line ends (a carriage
/// return alone would count as a line end for some readers and not for others, so line numbers
/// would disagree).
///
/// One pass over the bytes, eight at a time while they are ASCII (a national dataset is about
/// 180 MB); only non-ASCII bytes are decoded one by one.
public enum TextEncoding {
    /// What is wrong with a file's bytes, and where (byte offset).
    public struct Problem: Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    /// The first encoding problem of `bytes`, or `nil` for valid UTF-8 text.
    public static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let n = bytes.count
        guard let p = bytes.baseAddress, n > 0 else { return nil }
        if n >= 2, (p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) {
            return Problem(offset: 0, message: "the file is UTF-16 (it starts with the byte-order mark \(hex(p[0])) \(hex(p[1]))): save it as UTF-8")
        }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            // Eight ASCII bytes without a NUL or a CR at a time.
            while i + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let highBits: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
                let cr = w ^ (ones &* 0x0D)
                let hasZeroOrCR = ((w &- ones) & ~w | (cr &- ones) & ~cr) & highBits
                if (w & highBits) | hasZeroOrCR != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let c = p[i]
            if c == 0x0D {
                if i + 1 < n && p[i + 1] == 0x0A { i += 2; continue }
                return Problem(offset: i, message: "a carriage return without a line feed: end lines with LF or CRLF")
            }
            if c == 0 {
                let utf16 = (n >= 2 && (p[0] == 0 || p[1] == 0))
                return Problem(offset: i, message: utf16
                    ? "NUL byte: the file looks like UTF-16 without a byte-order mark (every other byte is NUL): save it as UTF-8"
                    : "NUL byte (0x00): a dataset file is text and holds none (a binary file, or a damaged copy?)")
            }
            if c < 0x80 { i += 1; continue }
            // A multi-byte sequence: its length from the lead byte, then the allowed second byte.
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no UTF-16 surrogates
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F  // nothing above U+10FFFF
            default: return invalid(p, i, n)
            }
            guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return invalid(p, i, n) }
            for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 { return invalid(p, i, n) }
            if length == 3, c == 0xEF, p[i + 1] == 0xBB, p[i + 2] == 0xBF, i > 0 {
                return Problem(offset: i, message: "a byte-order mark (U+FEFF) in the middle of the file (two files joined together?): remove it")
            }
            i += length
        }
        return nil
    }

    private static func invalid(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Problem {
        let shown = (i..<min(n, i + 4)).map { hex(p[$0]) }.joined(separator: " ")
        return Problem(offset: i, message: "not valid UTF-8 (bytes \(shown)): save the file as UTF-8 (a Windows-1252 or Latin-1 export?)")
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// Line and column (1-based; the column counts characters, as ``CSVReader`` does) of byte
    /// `offset` in `bytes`.
    public static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        var i = lineStart
        // A leading byte-order mark is not a character.
        if lineStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, offset >= 3 { i = 3 }
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
