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

    /// `units` / 10^decimals as digits, a minus sign unless it is zero.
    private static func appendUnits(_ units: Int64, decimals: Int, separator: UInt8, to bytes: inout [UInt8]) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = units.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
                magnitude /= 10
                count += 1
            } while magnitude > 0 || count <= decimals
            for i in stride(from: count - 1, through: 0, by: -1) {
                if i == decimals - 1 { bytes.append(separator) }
                bytes.append(buffer[i])
            }
        }
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
