import Foundation

/// Numbers as text, the one home of number formatting: fixed decimals for outputs, the plain
/// shortest form for messages.
public enum NumberText {
    /// `value` with exactly `decimals` decimals (dot decimal, no thousands separator), never a
    /// negative zero.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
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
