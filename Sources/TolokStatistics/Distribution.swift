import Foundation
import TolokModel
import TolokAlignment

/// Summary statistics of a set of values, computed the way pandas does (sample standard
/// deviation, quartiles by linear interpolation).
public struct Distribution: Sendable, Equatable {
    public var n: Int
    public var mean: Double
    public var median: Double
    public var q1: Double
    public var q3: Double
    /// Sample standard deviation (n − 1); `nil` for one value.
    public var standardDeviation: Double?
    /// standard deviation / mean; `nil` when undefined.
    public var coefficientOfVariation: Double?

    public init?(_ values: [Double]) {
        self.init(values, sorted: values.sorted())
    }

    /// The summary of `values` whose ascending order `sorted` is already known (the mean and
    /// standard deviation are summed in the order of `values`).
    public init?(_ values: [Double], sorted: [Double]) {
        guard !values.isEmpty else { return nil }
        n = values.count
        mean = values.reduce(0, +) / Double(n)
        median = Self.quantile(sorted, 0.5)
        q1 = Self.quantile(sorted, 0.25)
        q3 = Self.quantile(sorted, 0.75)
        if n > 1 {
            let m = mean
            let sd = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)).squareRoot()
            standardDeviation = sd
            coefficientOfVariation = mean == 0 ? nil : sd / mean
        }
    }

    /// Quantile `q` of sorted values, linear interpolation between closest ranks.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    /// z-score of `value`; `nil` when the standard deviation is 0 or undefined.
    public func zScore(_ value: Double) -> Double? {
        guard let sd = standardDeviation, sd > 0 else { return nil }
        return (value - mean) / sd
    }
}
