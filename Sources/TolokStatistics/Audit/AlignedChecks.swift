import Foundation
import TolokModel
import TolokAlignment

extension Auditor {
    // MARK: Plausibility of the aligned series

    /// The pool id of the record fact `f` comes from (its first record; `-1` when none).
    func record(of f: TolokAlignment.Fact, _ alignment: Alignment) -> Int32 {
        switch f.kind {
        case .reference: return references.records.id[Int(f.row)]
        case .observation: return observations.records.id[Int(f.row)]
        case .computed: return alignment.computed[Int(f.row)].recordIDs.first.flatMap { pool.id(of: $0) } ?? -1
        }
    }

    /// Each printed value of a canonical indicator (taken as printed: references and as-is
    /// mappings) against the other printed values of the same fact, or, where it is the only one,
    /// against the district's series: an order of magnitude (×5 or ÷5, and for a percentage also at
    /// least 5 points) away is an error. This
    /// reaches the first and last year of a series and two-point series, which the printed-table
    /// check (``checkSeries()``) cannot.
    mutating func checkAlignedSeries(_ alignment: Alignment) {
        let facts = alignment.facts
        // Facts by area and indicator (in the order of their codes), year, and fact order.
        let areaRank = Self.ranks(alignment.areaCodes), indicatorRank = Self.ranks(alignment.catalogue.all.map(\.id))
        // A counting sort by area and indicator (stable: fact order within each), then each
        // run of one area and indicator (a few years) by year, ties in fact order.
        let indicatorCount = indicatorRank.count
        let bucket = { (f: Fact) in areaRank[Int(f.area)] * indicatorCount + indicatorRank[Int(f.indicator)] }
        var bucketStart = [Int](repeating: 0, count: areaRank.count * indicatorCount + 1)
        for f in facts where f.isPrinted && f.value > 0 { bucketStart[bucket(f) + 1] += 1 }
        for b in 0..<(bucketStart.count - 1) { bucketStart[b + 1] += bucketStart[b] }
        var order = [Int](repeating: 0, count: bucketStart.last!)
        var next = bucketStart
        for (i, f) in facts.enumerated() where f.isPrinted && f.value > 0 {
            order[next[bucket(f)]] = i
            next[bucket(f)] += 1
        }
        for b in 0..<(bucketStart.count - 1) where bucketStart[b + 1] - bucketStart[b] > 1 {
            // Insertion sort: a run is short, and usually in year order already.
            for j in (bucketStart[b] + 1)..<bucketStart[b + 1] {
                let moving = order[j], year = facts[moving].year
                var k = j
                while k > bucketStart[b], facts[order[k - 1]].year > year {
                    order[k] = order[k - 1]
                    k -= 1
                }
                order[k] = moving
            }
        }
        // Figures the printed-table check already flagged (record, and whether the field is `value`).
        var flagged = Set<Int64>()
        for f in findings where f.check == .seriesJump {
            let reference = f.field == ReferenceField.value.rawValue
            if let id = pool.id(of: f.recordIDs[0]), reference || f.field == ObservationField.realisation.rawValue {
                flagged.insert(Int64(id) << 1 | (reference ? 1 : 0))
            }
        }
        var start = 0
        while start < order.count {
            let first = facts[order[start]]
            var end = start
            while end < order.count, facts[order[end]].area == first.area, facts[order[end]].indicator == first.indicator { end += 1 }
            checkSeries(order[start..<end], alignment, flagged: flagged)
            start = end
        }
    }

    /// ``checkAlignedSeries(_:)`` on the printed facts of one area and indicator, by year.
    private mutating func checkSeries(_ series: ArraySlice<Int>, _ alignment: Alignment, flagged: Set<Int64>) {
        let facts = alignment.facts
        let area = Int(facts[series.first!].area), ind = Int(facts[series.first!].indicator)
        let indicator = alignment.catalogue.all[ind]
        var years: [Int32] = []
        for i in series where years.last != facts[i].year { years.append(facts[i].year) }
        // The preferred value of each year, looked up once for the whole series, and those above
        // 0 sorted once: a year's neighbours are these less its own.
        let chosenOfYear = years.map { alignment.chosen(area: area, indicator: ind, year: Int($0))?.value }
        var positive: [(value: Double, year: Int)] = []
        for (k, value) in chosenOfYear.enumerated() { if let value, value > 0 { positive.append((value, k)) } }
        positive.sort { $0.value < $1.value }
        let sortedPositive = positive.map(\.value)
        var yearStart = series.startIndex, yearIndex = 0
        while yearStart < series.endIndex {
            let year = facts[series[yearStart]].year
            var yearEnd = yearStart
            while yearEnd < series.endIndex, facts[series[yearEnd]].year == year { yearEnd += 1 }
            let sameYear = series[yearStart..<yearEnd]
            let records = sameYear.count == 1 ? [] : sameYear.map { record(of: facts[$0], alignment) }
            // The series' other years, one value each (the preferred one): all but this year's.
            let own = positive.firstIndex { $0.year == yearIndex }
            let neighbourCount = sortedPositive.count - (own == nil ? 0 : 1)
            for (n, i) in sameYear.enumerated() {
                let f = facts[i]
                let recordID = sameYear.count == 1 ? record(of: f, alignment) : records[n]
                let isValue = f.kind == .reference
                guard !flagged.contains(Int64(recordID) << 1 | (isValue ? 1 : 0)) else { continue }
                let others = sameYear.count == 1 ? [] : zip(sameYear, records).filter { $0.1 != recordID }.map { facts[$0.0].value }
                let reference: Double
                if !others.isEmpty {
                    reference = Distribution.quantile(others.sorted(), 0.5)
                } else {
                    guard neighbourCount > 0 else { continue }
                    reference = Self.median(sortedPositive, skipping: own)
                }
                let ratio = f.value / reference
                // Small rates move by large factors (a TPT of 0,2 % to 1,2 %): a rate must also
                // be at least 5 points away.
                let farEnough = indicator.unit != "percent" || abs(f.value - reference) >= 5
                if (ratio >= 5 || ratio <= 0.2) && farEnough {
                    let detail = if !others.isEmpty {
                        "\(indicator.id) \(year) printed as \(Self.format(f.value)); the other \(others.count) source\(others.count == 1 ? "" : "s") of the same fact give \(others.map(Self.format).joined(separator: ", "))"
                    } else if neighbourCount == 1 {
                        "\(indicator.id) \(year) printed as \(Self.format(f.value)); the series' only other year gives \(Self.format(reference)): one of the two is an order of magnitude off (which one, no other source tells)"
                    } else {
                        "\(indicator.id) \(year) printed as \(Self.format(f.value)); the median of the series' other \(neighbourCount) years is \(Self.format(reference))"
                    }
                    flag(.seriesJump, Self.figure(alignment.aligned(i)), record: recordID, expected: reference, records: [],
                         detail: detail + ": an order of magnitude off")
                } else {
                    runs.append(.seriesJump, record: recordID)
                }
            }
            yearStart = yearEnd
            yearIndex += 1
        }
    }

    /// ``Distribution/quantile(_:_:)`` at 0.5 of `sorted` less its element at `skipped` (`nil`:
    /// none), which must leave at least one: the same arithmetic, without building the array.
    static func median(_ sorted: [Double], skipping skipped: Int?) -> Double {
        let count = sorted.count - (skipped == nil ? 0 : 1)
        func at(_ j: Int) -> Double { sorted[skipped.map { j >= $0 ? j + 1 : j } ?? j] }
        let position = 0.5 * Double(count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, count - 1)
        return at(lower) + (at(upper) - at(lower)) * (position - Double(lower))
    }

    /// The rank of each text among `texts` (equal texts share a rank).
    static func ranks(_ texts: [String]) -> [Int] {
        let sorted = texts.indices.sorted { texts[$0] < texts[$1] }
        var rank = [Int](repeating: 0, count: texts.count)
        for (r, i) in sorted.enumerated() { rank[i] = r > 0 && texts[sorted[r - 1]] == texts[i] ? rank[sorted[r - 1]] : r }
        return rank
    }

    /// Each printed value of a canonical indicator with a plausible range (`valid_min`,
    /// `valid_max` in indicators.csv: a participation rate between 30 and 95 %) inside it.
    mutating func checkValidRanges(_ alignment: Alignment) {
        let catalogue = alignment.catalogue.all
        for (i, f) in alignment.facts.enumerated() where f.isPrinted {
            let indicator = catalogue[Int(f.indicator)]
            guard indicator.validMin != nil || indicator.validMax != nil else { continue }
            let low = indicator.validMin.map { f.value < $0 } ?? false
            let high = indicator.validMax.map { f.value > $0 } ?? false
            if low || high {
                let bound = low ? indicator.validMin! : indicator.validMax!
                flag(.rateRange, Self.figure(alignment.aligned(i)), record: record(of: f, alignment), expected: bound,
                     detail: "\(indicator.id) \(Self.format(f.value)) outside its plausible range \(indicator.validMin.map(Self.format) ?? "…")–\(indicator.validMax.map(Self.format) ?? "…") (indicators.csv)")
            } else {
                runs.append(.rateRange, record: record(of: f, alignment))
            }
        }
    }
}
