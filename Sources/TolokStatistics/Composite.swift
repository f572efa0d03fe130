import Dispatch
import Foundation
import TolokModel
import TolokAlignment

/// How indicator values are put on one scale before they are averaged, polarity-aware (higher
/// is better after normalising).
public enum Normalisation: String, Sendable, CaseIterable {
    /// (v − min) / (max − min), 1 best, 0 worst; all equal gives 1.
    case minMax = "min-max"
    /// (v − mean) / sd, the sign turned for lower-is-better; all equal gives 0.
    case zScore = "z-score"
    /// The polarity-aware percentile / 100 (pandas `rank(pct=True)`).
    case rank

    func normalise(_ values: [Double], polarity: Polarity) -> [Double] {
        let sign: Double = polarity == .positive ? 1 : -1
        switch self {
        case .minMax:
            guard let lo = values.min(), let hi = values.max(), hi > lo else { return values.map { _ in 1 } }
            return values.map { polarity == .positive ? ($0 - lo) / (hi - lo) : (hi - $0) / (hi - lo) }
        case .zScore:
            guard let d = Distribution(values), let sd = d.standardDeviation, sd > 0 else { return values.map { _ in 0 } }
            return values.map { sign * ($0 - d.mean) / sd }
        case .rank:
            return CompetitionRank.percentiles(values, polarity: polarity).map { $0 / 100 }
        }
    }
}

/// The settings of a composite index.
public struct CompositeSpec: Sendable {
    public var indicators: [Indicator]
    /// One weight per indicator, same order.
    public var weights: [Double]
    /// The one year of every input (never a mix of years).
    public var year: Int
    /// The share of the weight a district must have values for to be scored (0–1).
    public var minimumCoverage: Double = 1
    public var normalisation: Normalisation = .minMax
    /// Random weight vectors for the robustness of the ranks.
    public var draws: Int = 1000
    public var seed: UInt64 = 1
    /// Keep values the audit suspects.
    public var includeSuspect = false
    /// Threads the random draws are ranked on (the result is that of one).
    public var threads = 2

    public init(indicators: [Indicator], weights: [Double], year: Int) {
        self.indicators = indicators
        self.weights = weights
        self.year = year
    }
}

/// A district's composite score over several indicators, and how robust its rank is.
public struct CompositeEntry: Sendable {
    public var district: Area
    /// Weighted mean of the normalised values of the indicators the district has (weights
    /// renormalised over those).
    public var score: Double?
    /// Share of the total weight whose indicators have a value (1 = all).
    public var coverage: Double
    public var rank: Int?
    /// Median rank under random weights, and its 5–95 % interval.
    public var medianRank: Double?
    public var rankP5: Double?
    public var rankP95: Double?
    /// The best and worst rank under the other normalisations and with each indicator dropped in turn.
    public var rankMinVariants: Int?
    public var rankMaxVariants: Int?
    /// Every variant rank and the 5–95 % interval lie within ±max(1, 10 % of the ranked) of the rank.
    public var stable: Bool?
    /// `tpt 2024=8.82; tpak 2024=66.22`: the values used.
    public var inputs: String
    public var note: String?
}

public enum Composite {
    /// The composite index of `spec` over `districts`.
    ///
    /// A district is scored only when it has values for at least `minimumCoverage` of the weight
    /// in `spec.year` (and ranked only when at least ``Rankings/minimumGroupSize`` districts are
    /// scored); the others are listed with the reason. Normalisation is over the scored
    /// districts. Robustness: ranks under `draws` random weight vectors (uniform on the simplex,
    /// seeded), under the other normalisations, and with each indicator dropped in turn.
    public static func compute(_ alignment: Alignment, districts: [Area], spec: CompositeSpec) -> [CompositeEntry] {
        let indicators = spec.indicators, weights = spec.weights
        precondition(weights.count == indicators.count)
        let totalWeight = weights.reduce(0, +)
        // values[d][i]: the district's value in the year, `nil` when missing (or suspect).
        var notes = Array(repeating: [String](), count: districts.count)
        // The chosen facts by index (their value and whether suspect; no texts needed).
        let indicatorIndex = indicators.map { alignment.catalogue.index[$0.id] }
        let values: [[Double?]] = districts.enumerated().map { d, area in
            let a = alignment.areaIndex[area.code]
            return indicators.indices.map { i in
                guard let a, let ind = indicatorIndex[i], let f = alignment.chosen(area: Int(a), indicator: ind, year: spec.year) else { return nil }
                if f.suspect && !spec.includeSuspect {
                    notes[d].append("\(indicators[i].id) \(spec.year) left out as suspect")
                    return nil
                }
                return f.value
            }
        }
        let coverage = values.map { row in zip(row, weights).reduce(0.0) { $0 + ($1.0 == nil ? 0 : $1.1) } / max(totalWeight, .ulpOfOne) }
        let scored = districts.indices.filter { coverage[$0] >= spec.minimumCoverage - 1e-12 && coverage[$0] > 0 }
        let enough = scored.count >= Rankings.minimumGroupSize

        /// The scored districts' values normalised per indicator (`nil`: missing); they do not
        /// depend on the weights, so the random draws share them.
        func normalised(_ normalisation: Normalisation) -> [[Double?]] {
            var normalised = scored.map { _ in [Double?](repeating: nil, count: indicators.count) }
            for (i, ind) in indicators.enumerated() {
                let present = scored.indices.filter { values[scored[$0]][i] != nil }
                let n = normalisation.normalise(present.map { values[scored[$0]][i]! }, polarity: ind.polarity)
                for (k, s) in present.enumerated() { normalised[s][i] = n[k] }
            }
            return normalised
        }
        @Sendable func scores(_ w: [Double], _ normalised: [[Double?]], keep: [Bool]) -> [Double?] {
            normalised.map { row in
                var sum = 0.0, weight = 0.0
                for (i, n) in row.enumerated() where keep[i] { if let n { sum += w[i] * n; weight += w[i] } }
                return weight > 0 ? sum / weight : nil
            }
        }
        @Sendable func ranks(_ s: [Double?]) -> [Int?] {
            let present = s.compactMap { $0 }
            let r = CompetitionRank.ranks(present, polarity: .positive)
            var k = 0
            return s.map { v in
                guard v != nil else { return nil }
                defer { k += 1 }
                return r[k]
            }
        }
        let all = indicators.map { _ in true }
        let chosen = normalised(spec.normalisation)
        let base = scores(weights, chosen, keep: all)
        let baseRanks = ranks(base)
        var drawn = Array(repeating: [Double](), count: scored.count)
        var variants = Array(repeating: [Int](), count: scored.count)
        if enough {
            var rng = SplitMix64(seed: spec.seed)
            let draws: [[Double]] = (0..<spec.draws).map { _ in
                let w = indicators.map { _ in -log(Double.random(in: Double.ulpOfOne..<1, using: &rng)) }
                let total = w.reduce(0, +)
                return w.map { $0 / total }
            }
            // The draws' ranks in two halves on two threads, gathered in draw order.
            let halves = spec.threads > 1 && draws.count > 1 ? [0..<draws.count / 2, draws.count / 2..<draws.count] : [0..<draws.count]
            let results = ParallelSlots<[[Int?]]>(count: halves.count)
            DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                results[h] = halves[h].map { ranks(scores(draws[$0], chosen, keep: all)) }
            }
            for h in halves.indices {
                for run in results[h]! { for (s, r) in run.enumerated() { if let r { drawn[s].append(Double(r)) } } }
            }
            var runs: [[Int?]] = Normalisation.allCases.filter { $0 != spec.normalisation }.map { ranks(scores(weights, normalised($0), keep: all)) }
            if indicators.count > 1 {
                for dropped in indicators.indices {
                    runs.append(ranks(scores(weights, chosen, keep: all.indices.map { $0 != dropped })))
                }
            }
            for run in runs { for (s, r) in run.enumerated() { if let r { variants[s].append(r) } } }
        }
        let tolerance = max(1, Int((0.1 * Double(scored.count)).rounded()))
        let position = Dictionary(uniqueKeysWithValues: scored.enumerated().map { ($1, $0) })
        return districts.indices.map { d in
            let inputs = zip(indicators, values[d]).map { ind, v in
                v.map { "\(ind.id) \(spec.year)=\(NumberText.fixed($0, decimals: ind.decimals))" } ?? "\(ind.id)=missing"
            }.joined(separator: "; ")
            var entry = CompositeEntry(district: districts[d], coverage: coverage[d], inputs: inputs)
            var note = notes[d]
            if let s = position[d] {
                entry.score = base[s]
                if enough {
                    entry.rank = baseRanks[s]
                    let sorted = drawn[s].sorted()
                    if !sorted.isEmpty {
                        entry.medianRank = Distribution.quantile(sorted, 0.5)
                        entry.rankP5 = Distribution.quantile(sorted, 0.05)
                        entry.rankP95 = Distribution.quantile(sorted, 0.95)
                    }
                    entry.rankMinVariants = variants[s].min()
                    entry.rankMaxVariants = variants[s].max()
                    if let r = entry.rank {
                        let span = variants[s] + [entry.rankP5, entry.rankP95].compactMap { $0.map { Int($0.rounded()) } }
                        entry.stable = span.allSatisfy { abs($0 - r) <= tolerance }
                    }
                } else {
                    note.append("not ranked: \(scored.count) district\(scored.count == 1 ? "" : "s") scored (at least \(Rankings.minimumGroupSize) needed)")
                }
            } else if coverage[d] == 0 {
                note.append("no value for any of the indicators in \(spec.year)")
            } else {
                note.append("coverage \(NumberText.fixed(coverage[d], decimals: 2)) below the \(NumberText.fixed(spec.minimumCoverage, decimals: 2)) required")
            }
            entry.note = note.isEmpty ? nil : note.joined(separator: "; ")
            return entry
        }.sorted { ($0.rank ?? Int.max, $0.score == nil ? 1 : 0, $0.district.code) < ($1.rank ?? Int.max, $1.score == nil ? 1 : 0, $1.district.code) }
    }

    /// The latest year in which at least ``Rankings/minimumGroupSize`` districts have a value of
    /// every one of `indicators`.
    public static func latestYear(_ alignment: Alignment, areas: Areas, indicators: [Indicator], includeSuspect: Bool = false) -> Int? {
        var full: [Int: [Int: Int]] = [:]
        let districts = Set(areas.districts.compactMap { alignment.areaIndex[$0.code] }.map(Int.init))
        let wanted = Set(indicators.compactMap { alignment.catalogue.index[$0.id] })
        alignment.forEachChosen { ind, year, area, f in
            if districts.contains(area) && wanted.contains(ind) && (includeSuspect || !f.suspect) {
                full[year, default: [:]][area, default: 0] += 1
            }
        }
        return full.filter { $0.value.values.count { $0 == wanted.count } >= Rankings.minimumGroupSize }.keys.max()
    }

    /// The share of the districts with both of the default composite's first two indicators that
    /// must still have every indicator it takes (``defaultSpec(_:areas:includeSuspect:)``).
    public static let defaultKeptShare = 0.9

    /// The default composite, equal weights: the latest year in which at least
    /// ``Rankings/minimumGroupSize`` districts have values of the two ranked indicators the most
    /// districts have that year; those two, then the next ones by the districts with a value, as long
    /// as at least ``defaultKeptShare`` of the districts with the first two have every indicator
    /// taken (a district is scored only with all of them). The indicators are listed in catalogue
    /// order. On the shipped data: TPT and TPAK, which BPS publishes for every district. Where
    /// reports add indicators of a few districts, the composite keeps its breadth: each indicator
    /// taken leaves out at most a tenth of the districts the first two score.
    public static func defaultSpec(_ alignment: Alignment, areas: Areas, includeSuspect: Bool = false) -> CompositeSpec? {
        let catalogue = alignment.catalogue.all
        let grid = alignment.grid
        let districts = areas.districts.compactMap { alignment.areaIndex[$0.code].map(Int.init) }.filter { $0 < grid.areaCount }
        // Whether each cell (indicator, year, district) has a value that counts.
        var counted = [Bool](repeating: false, count: grid.chosen.count)
        var isDistrict = [Bool](repeating: false, count: grid.areaCount)
        for d in districts { isDistrict[d] = true }
        alignment.forEachChosen { ind, year, area, f in
            if isDistrict[area] && (includeSuspect || !f.suspect) { counted[grid.cell(indicator: ind, year: year, area: area)!] = true }
        }
        let ranked = catalogue.indices.filter { $0 < grid.indicatorCount && catalogue[$0].comparisons.contains("rank") }
        for year in grid.years.reversed() {
            func has(_ ind: Int, _ area: Int) -> Bool { counted[grid.cell(indicator: ind, year: year, area: area)!] }
            // The ranked indicators with values for enough districts, the most districts first
            // (ties in catalogue order).
            var withValues: [(indicator: Int, districts: Int)] = []
            for ind in ranked {
                let n = districts.count { has(ind, $0) }
                if n >= Rankings.minimumGroupSize { withValues.append((ind, n)) }
            }
            withValues.sort { a, b in a.districts != b.districts ? a.districts > b.districts : a.indicator < b.indicator }
            let byDistricts = withValues.map(\.indicator)
            guard byDistricts.count >= 2 else { continue }
            var taken = Array(byDistricts.prefix(2))
            var scored = districts.filter { has(taken[0], $0) && has(taken[1], $0) }
            guard scored.count >= Rankings.minimumGroupSize else { continue }
            let kept = Double(scored.count) * defaultKeptShare - 1e-9
            for ind in byDistricts.dropFirst(2) {
                let still = scored.filter { has(ind, $0) }
                guard Double(still.count) >= kept else { break }
                taken.append(ind)
                scored = still
            }
            let indicators = taken.sorted().map { catalogue[$0] }
            var spec = CompositeSpec(indicators: indicators, weights: indicators.map { _ in 1 }, year: year)
            spec.includeSuspect = includeSuspect
            return spec
        }
        return nil
    }
}
