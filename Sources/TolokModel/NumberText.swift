import Foundation

/// Numbers as text, the one home of number formatting: fixed decimals for outputs (written
/// straight into byte buffers), the plain shortest form for messages.
public enum NumberText {
    /// `value` with exactly `decimals` decimals (dot decimal, no thousands separator), never a
    /// negative zero; the same digits as C's `%.Nf` (the exact binary value, ties to even).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let powersOfTen: [Double] = (0...18).map { pow(10, Double($0)) }

    /// Appends ``fixed(_:decimals:)`` of `value` to `bytes`, with `separator` as the decimal mark.
    public static func appendFixed(_ value: Double, decimals: Int, separator: UInt8 = UInt8(ascii: "."), to bytes: inout [UInt8]) {
        let d = max(0, decimals)
        if d <= 15, value.isFinite {
            let scaled = value * powersOfTen[d]
            if abs(scaled) < 4.5e15 {
                let floor = scaled.rounded(.down)
                let fraction = scaled - floor
                // Near a tie the product's rounding could decide the digit: ask the C library then.
                if abs(fraction - 0.5) > 1e-6 {
                    let units = Int64(fraction > 0.5 ? floor + 1 : floor)
                    appendUnits(units, decimals: d, separator: separator, to: &bytes)
                    return
                }
            }
        }
        var text = String(format: "%.\(d)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        for b in text.utf8 { bytes.append(b == UInt8(ascii: ".") ? separator : b) }
    }

    /// `units` / 10^decimals as digits, a minus sign unless it is zero: written right to left
    /// into a stack buffer, appended in one go.
    @inline(__always)
    private static func appendUnits(_ units: Int64, decimals: Int, separator: UInt8, to bytes: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes
        withUnsafeMutableBytes(of: &buffer) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            var i = 32
            var magnitude = units.magnitude
            var written = 0
            repeat {
                if written == decimals && decimals > 0 { i -= 1; out[i] = separator }
                i -= 1
                out[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
                magnitude /= 10
                written += 1
            } while magnitude > 0 || written <= decimals
            if units < 0 { i -= 1; out[i] = UInt8(ascii: "-") }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[i..<32]))
        }
    }

    /// Appends `value` with about fifteen significant digits (at most ten decimals), trailing
    /// zeros dropped: `12.34`, `0.3333333333`, `1234567.891`. For outputs compared to 1e-9.
    public static func appendCompact(_ value: Double, to bytes: inout [UInt8]) {
        let magnitude = abs(value)
        var digits = 1
        var limit = 10.0
        while magnitude >= limit && digits < 16 { digits += 1; limit *= 10 }
        var decimals = min(10, max(0, 15 - digits))
        if value.isFinite {
            let scaled = value * powersOfTen[decimals]
            if abs(scaled) < 4.5e15 {
                let floor = scaled.rounded(.down)
                let fraction = scaled - floor
                if abs(fraction - 0.5) > 1e-6 {
                    var units = Int64(fraction > 0.5 ? floor + 1 : floor)
                    while decimals > 0 && units % 10 == 0 { units /= 10; decimals -= 1 }
                    appendUnits(units, decimals: decimals, separator: UInt8(ascii: "."), to: &bytes)
                    return
                }
            }
        }
        let start = bytes.count
        appendFixed(value, decimals: decimals, to: &bytes)
        guard decimals > 0, bytes[start...].contains(UInt8(ascii: ".")) else { return }
        while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
    }

    /// Writes `units` / 10^decimals at `out` (right to left into a stack buffer first);
    /// returns the bytes written.
    @inline(__always)
    static func writeUnits(_ units: Int64, decimals: Int, separator: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw -> Int in
            let b = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 32
            var magnitude = units.magnitude
            var written = 0
            repeat {
                if written == decimals && decimals > 0 { i -= 1; b[i] = separator }
                i -= 1
                b[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
                magnitude /= 10
                written += 1
            } while magnitude > 0 || written <= decimals
            if units < 0 { i -= 1; b[i] = UInt8(ascii: "-") }
            out.update(from: b + i, count: 32 - i)
            return 32 - i
        }
    }

    /// Appends the digits of `value` to `buffer`.
    @inline(__always)
    public static func appendInteger(_ value: Int, to buffer: inout ByteBuffer) {
        buffer.write(maximum: 32) { writeUnits(Int64(value), decimals: 0, separator: 0, to: $0) }
    }

    /// ``appendCompact(_:to:)-([UInt8])`` into a byte buffer.
    public static func appendCompact(_ value: Double, to buffer: inout ByteBuffer) {
        let magnitude = abs(value)
        if value.isFinite && magnitude < 1e15 {
            // Fifteen significant digits, at most ten decimals.
            let decimals = magnitude < 1e5 ? 10 : magnitude < 1e6 ? 9 : magnitude < 1e7 ? 8 : magnitude < 1e8 ? 7
                : magnitude < 1e9 ? 6 : magnitude < 1e10 ? 5 : magnitude < 1e11 ? 4 : magnitude < 1e12 ? 3 : magnitude < 1e13 ? 2
                : magnitude < 1e14 ? 1 : 0
            let scaled = value * powersOfTen[decimals]
            let floor = scaled.rounded(.down)
            let fraction = scaled - floor
            if abs(fraction - 0.5) > 1e-6 {
                var units = Int64(fraction > 0.5 ? floor + 1 : floor)
                var d = decimals
                if units == 0 { d = 0 }
                while d >= 4 && units % 10_000 == 0 { units /= 10_000; d -= 4 }
                while d > 0 && units % 10 == 0 { units /= 10; d -= 1 }
                buffer.write(maximum: 32) { writeUnits(units, decimals: d, separator: UInt8(ascii: "."), to: $0) }
                return
            }
        }
        var bytes: [UInt8] = []
        appendCompact(value, to: &bytes)
        buffer.append(bytes)
    }

    /// Appends the decimal digits of `value`.
    public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        appendUnits(Int64(value), decimals: 0, separator: 0, to: &bytes)
    }

    /// A whole number without decimals, otherwise up to ten significant digits: for messages.
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.10g", value)
    }

    /// Decimals of the shortest text of `value` (`93.795` has 3), at most 10.
    public static func decimals(of value: Double) -> Int {
        let text = plain(value)
        guard let dot = text.firstIndex(of: "."), !text.contains("e") else { return 0 }
        return min(10, text.distance(from: dot, to: text.endIndex) - 1)
    }
}
