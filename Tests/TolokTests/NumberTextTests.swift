import Foundation
import Testing
import Tolok

@Suite("Number formatting")
struct NumberTextTests {
    /// Ties and near-ties (0.125 → 0.12, 2.675 → 2.67: the binary value decides), negatives,
    /// negative zero, large and small values.
    static func awkwardValues() -> [Double] {
        var values: [Double] = [0, -0.0, 0.125, 0.375, 2.675, 1.005, -1.005, -0.001, 0.5, 1.5, 2.5, 66.22, 8.87, 362932.4999,
                                15308539115, 1e15, 4.6e15, -7.35, 99.375, 1 / 3, 2.0 / 3, 123456.785, 1e-7]
        var rng = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -3...12, using: &rng))
            values.append(Double.random(in: -1...1, using: &rng) * magnitude)
            values.append((Double(Int.random(in: -100_000...100_000, using: &rng)) + 0.5) / 100)
            // Products that land on .5 at every precision (a median of two printed values).
            let ties = pow(10, Double(Int.random(in: 1...10, using: &rng)))
            values.append((Double(Int.random(in: -10_000_000...10_000_000, using: &rng)) + 0.5) / ties)
        }
        return values
    }

    /// printf's %.Nf without a negative zero.
    static func printf(_ v: Double, _ d: Int) -> String {
        var expected = String(format: "%.\(d)f", v)
        if expected.hasPrefix("-"), expected.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { expected.removeFirst() }
        return expected
    }

    @Test func fixedMatchesTheCLibraryDigitForDigit() {
        for v in Self.awkwardValues() {
            for d in [0, 1, 2, 3, 4, 6, 10] {
                #expect(NumberText.fixed(v, decimals: d) == Self.printf(v, d), "\(v) with \(d) decimals")
            }
        }
    }

    /// The outputs' path (digits written straight into a byte buffer, its own code) gives the same
    /// digits, with either decimal mark, for every precision it handles and one beyond.
    @Test func fixedIntoAByteBufferMatchesTheCLibrary() {
        var buffer = ByteBuffer()
        for v in Self.awkwardValues() {
            for d in 0...11 {
                for separator in [UInt8(ascii: "."), UInt8(ascii: ",")] {
                    buffer.removeAll()
                    NumberText.appendFixed(v, decimals: d, separator: separator, to: &buffer)
                    let text = buffer.withBytes { String(decoding: $0, as: UTF8.self) }
                    let expected = Self.printf(v, d)
                    #expect(text == (separator == UInt8(ascii: ".") ? expected : expected.replacingOccurrences(of: ".", with: ",")),
                            "\(v) with \(d) decimals")
                }
            }
        }
    }

    @Test func decimalCommaAndIntegers() {
        var bytes: [UInt8] = []
        NumberText.appendFixed(-1234.5678, decimals: 2, separator: UInt8(ascii: ","), to: &bytes)
        bytes.append(UInt8(ascii: " "))
        NumberText.appendInteger(-2024, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-1234,57 -2024")
        #expect(NumberText.plain(15_308_539_115) == "15308539115" && NumberText.plain(93.795) == "93.795")
    }

    /// Counts in messages: commas between groups of three digits.
    @Test func groupedCounts() {
        #expect([0, 999, 1000, 698_103, 2_775_600, -1_048_576].map(NumberText.grouped)
            == ["0", "999", "1,000", "698,103", "2,775,600", "-1,048,576"])
    }
}

@Suite("Compact numbers")
struct CompactNumberTests {
    @Test func fifteenSignificantDigitsNoTrailingZeros() {
        func compact(_ v: Double) -> String {
            var bytes: [UInt8] = []
            NumberText.appendCompact(v, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(compact(12.34) == "12.34" && compact(-10.9) == "-10.9" && compact(0) == "0" && compact(-0.0) == "0")
        #expect(compact(1.0 / 3) == "0.3333333333" && compact(1234567.891) == "1234567.891" && compact(100) == "100")
        #expect(compact(93.57142857142857) == "93.5714285714" && compact(15_308_539_115) == "15308539115")
        var rng = SplitMix64(seed: 9)
        for _ in 0..<50_000 {
            let v = Double.random(in: -1e6...1e6, using: &rng)
            #expect(abs(Double(compact(v))! - v) <= 1e-9 * max(1, abs(v)), "\(v)")
        }
    }
}
