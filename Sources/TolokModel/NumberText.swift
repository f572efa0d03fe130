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
        if d <= 15, value.isFinite, let units = roundedUnits(value, scale: powersOfTen[d]) {
            appendUnits(units, decimals: d, separator: separator, to: &bytes)
            return
        }
        var text = String(format: "%.\(d)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        for b in text.utf8 { bytes.append(b == UInt8(ascii: ".") ? separator : b) }
    }

    /// ``appendFixed(_:decimals:separator:to:)-([UInt8])`` into a byte buffer.
    public static func appendFixed(_ value: Double, decimals: Int, separator: UInt8 = UInt8(ascii: "."), to buffer: inout ByteBuffer) {
        let d = max(0, decimals)
        if d <= 10, value.isFinite, let units = roundedUnits(value, scale: scale(d)) {
            let magnitude = units.magnitude
            if d <= 9 && magnitude <= UInt64(UInt32.max) {
                // The usual case: two digits at a time in 32-bit arithmetic.
                buffer.write(maximum: 24) {
                    writeFixed32(UInt32(truncatingIfNeeded: magnitude), decimals: d, negative: units < 0, separator: separator, to: $0)
                }
            } else {
                buffer.write(maximum: 40) { writeScaled(units, decimals: d, separator: separator, to: $0) }
            }
            return
        }
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, separator: separator, to: &bytes)
        buffer.append(bytes)
    }

    /// `value` × `scale` (an exact power of ten) rounded to the nearest integer as C's `%.Nf`
    /// rounds the exact binary value (a tie to even); `nil` when the product is too large for the
    /// arithmetic below to be exact (2^52 and more).
    ///
    /// The product's rounding error is recovered exactly with a fused multiply-add, so a value
    /// whose product lands on .5 is rounded by which side of .5 the exact product lies.
    @inline(__always)
    static func roundedUnits(_ value: Double, scale: Double) -> Int64? {
        // On the magnitude: C rounds a negative value as its magnitude.
        let magnitude = abs(value)
        let scaled = magnitude * scale
        guard scaled < 4.5e15 else { return nil }
        let floor = Double(Int64(scaled))
        let fraction = scaled - floor  // exact: both below 2^52
        let up: Bool
        if fraction != 0.5 {
            up = fraction > 0.5  // |fraction − 0.5| is at least an ulp of the product, twice its error
        } else {
            // Only here the product's error decides (a call to fma where the CPU baseline has none).
            let error = (-scaled).addingProduct(magnitude, scale)  // exact: magnitude × scale − scaled
            up = error != 0 ? error > 0 : Int64(floor) & 1 != 0  // an exact tie: to even
        }
        let units = Int64(up ? floor + 1 : floor)
        return value < 0 ? -units : units
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

    /// Writes `magnitude` / 10^`decimals` (a minus sign first when `negative`) at `out`, digit by
    /// digit from the right (divisions by the constant 10 only), the trailing zeros of the
    /// decimals dropped when `trimming`; returns the bytes written (at most 32; `out` must have
    /// room for 40).
    ///
    /// The length is counted first so the digits go straight to `out`: digits written a byte at a
    /// time and then copied eight at a time stall the copy's loads (the stores cannot be
    /// forwarded to them), which was a quarter of this function's time.
    @inlinable
    static func writeScaled(_ magnitude: UInt64, decimals: Int, negative: Bool, separator: UInt8, trimming: Bool = false,
                            to out: UnsafeMutablePointer<UInt8>) -> Int {
        var x = magnitude
        var decimals = decimals
        if trimming {
            while decimals > 0 && x % 10 == 0 { x /= 10; decimals -= 1 }
        }
        let sign = negative ? 1 : 0
        let length = fixedLength(x, decimals: decimals, negative: negative)
        var i = length
        if decimals > 0 {
            for _ in 0..<decimals {
                let q = x / 10
                i -= 1
                out[i] = UInt8(truncatingIfNeeded: x &- q &* 10) &+ 48
                x = q
            }
            i -= 1
            out[i] = separator
        }
        repeat {
            let q = x / 10
            i -= 1
            out[i] = UInt8(truncatingIfNeeded: x &- q &* 10) &+ 48
            x = q
        } while i > sign
        if negative { out[0] = UInt8(ascii: "-") }
        return length
    }

    /// The bytes of `magnitude` / 10^`decimals` written with a minus sign when `negative`: its
    /// digits (at least one before the decimal mark) and the mark.
    @inlinable @inline(__always)
    static func fixedLength<T: FixedWidthInteger & UnsignedInteger>(_ magnitude: T, decimals: Int, negative: Bool) -> Int {
        let most = T.bitWidth <= 32 ? 10 : 20  // the digits of UInt32.max, of UInt64.max
        var digits = 1
        var limit: T = 10
        while digits < most && magnitude >= limit { digits += 1; limit = limit &* 10 }
        return (negative ? 1 : 0) + max(digits, decimals + 1) + (decimals > 0 ? 1 : 0)
    }

    /// Writes `magnitude` / 10^`decimals` (`decimals` at most 9; a minus sign first when
    /// `negative`) at `out`, two digits at a time from the right; returns the bytes written (at
    /// most 22; `out` must have room for them).
    @inlinable
    static func writeFixed32(_ magnitude: UInt32, decimals: Int, negative: Bool, separator: UInt8,
                             to out: UnsafeMutablePointer<UInt8>) -> Int {
        let sign = negative ? 1 : 0
        let length = fixedLength(magnitude, decimals: decimals, negative: negative)
        var x = magnitude
        var i = length
        var fraction = decimals
        while fraction >= 2 {
            let q = x / 100
            i -= 2
            writePair(x &- q &* 100, to: out + i)
            x = q
            fraction -= 2
        }
        if fraction == 1 {
            let q = x / 10
            i -= 1
            out[i] = UInt8(truncatingIfNeeded: x &- q &* 10) &+ 48
            x = q
        }
        if decimals > 0 { i -= 1; out[i] = separator }
        while i - sign >= 2 {
            let q = x / 100
            i -= 2
            writePair(x &- q &* 100, to: out + i)
            x = q
        }
        if i > sign { i -= 1; out[i] = UInt8(truncatingIfNeeded: x) &+ 48 }
        if negative { out[0] = UInt8(ascii: "-") }
        return length
    }

    /// The two digits of `pair` (below 100) at `out`: the tens as `pair × 103 / 1024`, exact below 100.
    @inlinable @inline(__always)
    static func writePair(_ pair: UInt32, to out: UnsafeMutablePointer<UInt8>) {
        let tens = (pair &* 103) >> 10
        out[0] = UInt8(truncatingIfNeeded: tens) &+ 48
        out[1] = UInt8(truncatingIfNeeded: pair &- tens &* 10) &+ 48
    }

    /// Writes `magnitude` / 10^10 (< 100000) with its decimals' trailing zeros dropped (a minus
    /// sign first when `negative` and not zero); returns the bytes written (`out` must have room
    /// for 40).
    @inlinable
    static func writeTenDecimals(_ magnitude: UInt64, negative: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let whole = UInt32(truncatingIfNeeded: magnitude / 10_000_000_000)
        let decimals = magnitude &- UInt64(whole) &* 10_000_000_000
        var p = out
        if negative && magnitude != 0 { p[0] = UInt8(ascii: "-"); p += 1 }
        p += writeDigits32(whole, to: p)
        guard decimals != 0 else { return p - out }
        p[0] = UInt8(ascii: ".")
        p += 1
        let high = UInt32(truncatingIfNeeded: decimals / 100_000), low = UInt32(truncatingIfNeeded: decimals &- UInt64(high) &* 100_000)
        if low == 0 {
            return p + writeFraction32(high, width: 5, to: p) - out
        }
        writePadded32(high, width: 5, to: p)
        p += 5
        return p + writeFraction32(low, width: 5, to: p) - out
    }

    /// The digits of `x` at `out`; returns how many.
    @inlinable
    static func writeDigits32(_ x: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 1
        var limit: UInt32 = 10
        while n < 10 && x >= limit { n += 1; limit = limit &* 10 }
        writePadded32(x, width: n, to: out)
        return n
    }

    /// `x` in exactly `width` digits (zero-padded) at `out`.
    @inlinable
    static func writePadded32(_ x: UInt32, width: Int, to out: UnsafeMutablePointer<UInt8>) {
        var x = x
        var i = width
        while i > 0 {
            let q = x / 10
            i -= 1
            out[i] = UInt8(truncatingIfNeeded: x &- q &* 10) &+ 48
            x = q
        }
    }

    /// A nonzero fraction of `width` digits (`x` / 10^width) without its trailing zeros; returns
    /// how many digits it wrote.
    @inlinable
    static func writeFraction32(_ x: UInt32, width: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var x = x, width = width
        while x % 10 == 0 { x /= 10; width -= 1 }
        writePadded32(x, width: width, to: out)
        return width
    }

    /// 10^`n` for `n` in 0...10, as a double (a switch: no table to initialise in the hot path).
    @inlinable
    static func scale(_ n: Int) -> Double {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        default: 1e10
        }
    }

    /// Writes `units` / 10^`decimals` (a minus sign unless zero) at `out`; returns the bytes
    /// written (at most 32).
    @inlinable
    static func writeScaled(_ units: Int64, decimals: Int, separator: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        writeScaled(units.magnitude, decimals: decimals, negative: units < 0, separator: separator, to: out)
    }

    /// Appends the digits of `value` to `buffer`.
    @inlinable
    public static func appendInteger(_ value: Int, to buffer: inout ByteBuffer) {
        if value >= 0 && value <= Int(UInt32.max) {
            buffer.write(maximum: 16) { writeDigits32(UInt32(truncatingIfNeeded: value), to: $0) }
        } else {
            buffer.write(maximum: 40) { writeScaled(Int64(value), decimals: 0, separator: 0, to: $0) }
        }
    }

    /// ``appendCompact(_:to:)-([UInt8])`` into a byte buffer: about fifteen significant digits,
    /// at most ten decimals, trailing zeros dropped.
    @inlinable
    public static func appendCompact(_ value: Double, to buffer: inout ByteBuffer) {
        let magnitude = abs(value)
        if value.isFinite && magnitude < 1e15 {
            // Fifteen significant digits, at most ten decimals.
            let decimals = magnitude < 1e5 ? 10 : magnitude < 1e6 ? 9 : magnitude < 1e7 ? 8 : magnitude < 1e8 ? 7
                : magnitude < 1e9 ? 6 : magnitude < 1e10 ? 5 : magnitude < 1e11 ? 4 : magnitude < 1e12 ? 3 : magnitude < 1e13 ? 2
                : magnitude < 1e14 ? 1 : 0
            let scaled = value * scale(decimals)
            // floor without a call to libm: truncate, then step down for negatives.
            let truncated = Double(Int64(scaled))
            let floor = truncated > scaled ? truncated - 1 : truncated
            let fraction = scaled - floor
            if abs(fraction - 0.5) > 1e-6 {
                let units = Int64(fraction > 0.5 ? floor + 1 : floor)
                let negative = units < 0
                if decimals == 10 {
                    // The common case (|value| < 100000): ten decimals in two halves of five, in
                    // 32-bit arithmetic with constant divisors.
                    buffer.write(maximum: 40) { writeTenDecimals(units.magnitude, negative: negative, to: $0) }
                    return
                }
                buffer.write(maximum: 40) {
                    writeScaled(units.magnitude, decimals: units == 0 ? 0 : decimals, negative: negative,
                                separator: UInt8(ascii: "."), trimming: true, to: $0)
                }
                return
            }
        }
        appendCompactSlowly(value, to: &buffer)
    }

    @usableFromInline
    static func appendCompactSlowly(_ value: Double, to buffer: inout ByteBuffer) {
        var bytes: [UInt8] = []
        appendCompact(value, to: &bytes)
        buffer.append(bytes)
    }

    /// Appends the decimal digits of `value`.
    public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        appendUnits(Int64(value), decimals: 0, separator: 0, to: &bytes)
    }

    /// `n` with a comma between each group of three digits (`2,775,600`): counts in messages.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
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
