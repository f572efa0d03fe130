import Foundation
import TolokModel

/// Why a cell is not a canonical number.
public struct NumberSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 0-based character offset of the offending character within the cell.
    public var offset: Int
    public var message: String
    public var description: String { message }
}

/// Strict parser for the canonical notation: `-?[0-9]+(\.[0-9]+)?`.
///
/// No thousands separators, no decimal comma, no `+`, no exponent, no `NaN` or infinity, no
/// negative zero, no spaces: the datasets must never depend on locale guessing, so anything else is rejected with
/// a message that says what is wrong and how to write it.
public enum NumberParser {
    /// Parses `text`.
    public static func parse(_ text: String) throws(NumberSyntaxError) -> CanonicalNumber {
        var utf8 = Array(text.utf8)
        return try utf8.withUnsafeMutableBufferPointer { buffer throws(NumberSyntaxError) in
            try parse(UnsafeBufferPointer(buffer))
        }
    }

    /// Parses the bytes of a cell.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(NumberSyntaxError) -> CanonicalNumber {
        let n = bytes.count
        guard n > 0 else { throw NumberSyntaxError(offset: 0, message: "empty number") }
        var i = 0
        var negative = false
        if bytes[0] == Byte.minus {
            negative = true
            i = 1
        } else if bytes[0] == Byte.plus {
            throw NumberSyntaxError(offset: 0, message: "a leading '+' is not allowed; write the number without it")
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        var seenDot = false
        var intDigits = 0
        while i < n {
            let c = bytes[i]
            if c >= Byte.zero && c <= Byte.nine {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(c - Byte.zero) }
                digits += 1
                if seenDot { decimals += 1 } else { intDigits += 1 }
            } else if c == Byte.dot {
                if seenDot {
                    throw NumberSyntaxError(offset: i, message: "more than one '.': thousands separators are not allowed (write 1234567, not 1.234.567)")
                }
                if intDigits == 0 {
                    throw NumberSyntaxError(offset: i, message: "a digit is required before '.' (write 0.5, not .5)")
                }
                seenDot = true
            } else if c == Byte.comma {
                throw NumberSyntaxError(offset: i, message: "',' is not allowed: use '.' as the decimal separator and no thousands separator (write 66.21, not 66,21)")
            } else {
                throw NumberSyntaxError(offset: i, message: describeUnexpected(bytes, at: i))
            }
            i += 1
        }
        if intDigits == 0 {
            throw NumberSyntaxError(offset: i, message: "a number needs at least one digit")
        }
        if seenDot && decimals == 0 {
            throw NumberSyntaxError(offset: n - 1, message: "a digit is required after '.' (write 5 or 5.0, not 5.)")
        }
        var value: Double
        if digits <= 15 {
            // Both operands are exact, so the one division rounds correctly.
            value = Double(mantissa)
            if decimals > 0 { value /= powersOfTen[decimals] }
            if negative { value = -value }
        } else {
            // Long digit strings: let the C library round (the syntax is already checked).
            value = Double(String(decoding: bytes, as: UTF8.self)) ?? .infinity
            if !value.isFinite {
                throw NumberSyntaxError(offset: 0, message: "the number has \(intDigits) digits before the '.': too large for a double")
            }
        }
        if negative && value == 0 && !bytes.contains(where: { $0 > Byte.zero && $0 <= Byte.nine }) {
            throw NumberSyntaxError(offset: 0, message: "'\(String(decoding: bytes, as: UTF8.self))' is a negative zero: write 0")
        }
        return CanonicalNumber(value: value, decimals: decimals)
    }

    static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    private static func describeUnexpected(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let lowered = text.lowercased()
        if ["nan", "-nan"].contains(lowered) {
            return "'\(text)' is not a number: NaN is not allowed (leave the cell empty for a missing value)"
        }
        if ["inf", "-inf", "infinity", "-infinity"].contains(lowered) {
            return "'\(text)' is not a number: infinity is not allowed"
        }
        let c = bytes[i]
        if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") {
            return "spaces are not allowed in a number"
        }
        if c == UInt8(ascii: "%") {
            return "'%' is not allowed: write the number only (the unit goes in the unit field)"
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            return "exponent notation is not allowed: write the digits out"
        }
        let scalar = String(decoding: bytes[i...], as: UTF8.self).first.map(String.init) ?? "?"
        return "unexpected character '\(scalar)' in number '\(text)'"
    }
}
