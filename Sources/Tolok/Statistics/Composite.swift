import Foundation

/// A small, seedable random generator (SplitMix64): the same seed gives the same draws on every
/// machine, so composite robustness is reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A district's composite score over several indicators, and how robust its rank is.
public struct CompositeEntry: Sendable {
    public var district: Area
    /// Weighted mean of the min–max normalised values (0 worst … 1 best in the compared set).
    public var score: Double?
    /// Share of the total weight whose indicators have a value (1 = all).
    public var coverage: Double
    public var rank: Int?
    /// Median rank under random weights, and its 5–95 % interval.
    public var medianRank: Double?
    public var rankP5: Double?
    public var rankP95: Double?
    /// `tpt 2024=8.82; tpak 2024=66.22`: the values used.
    public var inputs: String
    public var note: String?
}

public enum Composite {
    /// Composite index of `indicators` with `weights` (same order) over `districts`, in `year`
    /// or each district's latest year per indicator; rank robustness from `draws` random weight
    /// vectors (uniform on the simplex) drawn from `seed`.
    ///
    /// Normalisation is min–max within the compared districts, polarity-aware: for a positive
    /// indicator (v − min) / (max − min), negative (max − v) / (max − min); all equal gives 1.
    /// A district's score averages the indicators it has, weights renormalised; coverage says
    /// how much weight that was.
    public static func compute(_ alignment: Alignment, districts: [Area], indicators: [Indicator], weights: [Double],
                               year: Int? = nil, draws: Int = 1000, seed: UInt64 = 1) -> [CompositeEntry] {
        precondition(weights.count == indicators.count)
        // values[d][i]
        var values: [[(value: Double, year: Int)?]] = []
        for d in districts {
            values.append(indicators.map { ind in
                let y = year ?? alignment.years(d.code, ind.id).last
                guard let y, let v = alignment.value(d.code, y, ind.id) else { return nil }
                return (v.chosen.value, y)
            })
        }
        var normalised = values.map { $0.map { _ in Double?.none } }
        for (i, ind) in indicators.enumerated() {
            let present = values.compactMap { $0[i]?.value }
            guard let lo = present.min(), let hi = present.max() else { continue }
            for d in districts.indices {
                guard let v = values[d][i]?.value else { continue }
                normalised[d][i] = hi == lo ? 1 : (ind.polarity == .positive ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo))
            }
        }
        func scores(_ w: [Double]) -> [Double?] {
            normalised.map { row in
                var sum = 0.0, weight = 0.0
                for (i, n) in row.enumerated() { if let n { sum += w[i] * n; weight += w[i] } }
                return weight > 0 ? sum / weight : nil
            }
        }
        func ranks(_ s: [Double?]) -> [Int?] {
            let present = s.compactMap { $0 }
            let r = CompetitionRank.ranks(present, polarity: .positive)
            var k = 0
            return s.map { v in
                guard v != nil else { return nil }
                defer { k += 1 }
                return r[k]
            }
        }
        let base = scores(weights)
        let baseRanks = ranks(base)
        var drawnRanks = Array(repeating: [Double](), count: districts.count)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<draws {
            var w = indicators.map { _ in -log(Double.random(in: Double.ulpOfOne..<1, using: &rng)) }
            let total = w.reduce(0, +)
            w = w.map { $0 / total }
            for (d, r) in ranks(scores(w)).enumerated() { if let r { drawnRanks[d].append(Double(r)) } }
        }
        let totalWeight = weights.reduce(0, +)
        return districts.indices.map { d in
            let covered = zip(values[d], weights).reduce(0.0) { $0 + ($1.0 == nil ? 0 : $1.1) }
            let sorted = drawnRanks[d].sorted()
            let inputs = zip(indicators, values[d]).map { ind, v in
                v.map { "\(ind.id) \($0.year)=\(CSVWriter.format($0.value, decimals: ind.decimals))" } ?? "\(ind.id)=missing"
            }.joined(separator: "; ")
            return CompositeEntry(
                district: districts[d], score: base[d], coverage: totalWeight > 0 ? covered / totalWeight : 0, rank: baseRanks[d],
                medianRank: sorted.isEmpty ? nil : Distribution.quantile(sorted, 0.5),
                rankP5: sorted.isEmpty ? nil : Distribution.quantile(sorted, 0.05),
                rankP95: sorted.isEmpty ? nil : Distribution.quantile(sorted, 0.95),
                inputs: inputs, note: base[d] == nil ? "no value for any of the indicators" : nil)
        }.sorted { ($0.rank ?? Int.max, $0.district.code) < ($1.rank ?? Int.max, $1.district.code) }
    }
}
