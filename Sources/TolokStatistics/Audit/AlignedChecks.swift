import Foundation
import TolokModel
import TolokAlignment

extension Auditor {
    // MARK: Plausibility of the aligned series

    /// Each printed value of a canonical indicator (taken as printed: references and as-is
    /// mappings) against the other printed values of the same fact, or, where it is the only one,
    /// against the district's series: an order of magnitude (×5 or ÷5, and for a percentage also at
    /// least 5 points) away is an error. This
    /// reaches the first and last year of a series and two-point series, which the printed-table
    /// check (``checkSeries()``) cannot.
    mutating func checkAlignedSeries(_ alignment: Alignment) {
        struct Key: Hashable { var area: String; var indicator: String }
        var series: [Key: [Int: [AlignedValue]]] = [:]
        for v in alignment.values where v.printedDecimals != nil && v.value > 0 {
            series[Key(area: v.areaCode, indicator: v.indicatorID), default: [:]][v.year, default: []].append(v)
        }
        let alreadyFlagged = Set(findings.filter { $0.check == .seriesJump }.map { $0.recordIDs[0] + "." + $0.field })
        for key in series.keys.sorted(by: { ($0.area, $0.indicator) < ($1.area, $1.indicator) }) {
            let byYear = series[key]!
            let years = byYear.keys.sorted()
            for year in years {
                for v in byYear[year]! {
                    let fact = Self.fact(v)
                    guard !alreadyFlagged.contains(fact.recordID + "." + fact.field) else { continue }
                    let others = byYear[year]!.filter { $0.recordIDs[0] != v.recordIDs[0] }.map(\.value)
                    let reference: Double
                    let detail: String
                    if !others.isEmpty {
                        reference = Distribution.quantile(others.sorted(), 0.5)
                        detail = "\(key.indicator) \(year) printed as \(Self.format(v.value)); the other \(others.count) source\(others.count == 1 ? "" : "s") of the same fact give \(others.map(Self.format).joined(separator: ", "))"
                    } else {
                        // The series' other years, one value each (the preferred one).
                        let neighbours = years.filter { $0 != year }.compactMap { alignment.value(key.area, $0, key.indicator)?.chosen.value }.filter { $0 > 0 }
                        guard !neighbours.isEmpty else { continue }
                        reference = Distribution.quantile(neighbours.sorted(), 0.5)
                        detail = neighbours.count == 1
                            ? "\(key.indicator) \(year) printed as \(Self.format(v.value)); the series' only other year gives \(Self.format(neighbours[0])): one of the two is an order of magnitude off (which one, no other source tells)"
                            : "\(key.indicator) \(year) printed as \(Self.format(v.value)); the median of the series' other \(neighbours.count) years is \(Self.format(reference))"
                    }
                    let ratio = v.value / reference
                    // Small rates move by large factors (a TPT of 0,2 % to 1,2 %): a rate must also
                    // be at least 5 points away.
                    let farEnough = alignment.catalogue.byID[key.indicator]?.unit != "percent" || abs(v.value - reference) >= 5
                    if (ratio >= 5 || ratio <= 0.2) && farEnough {
                        flag(.seriesJump, fact, expected: reference, records: [], detail: detail + ": an order of magnitude off")
                    } else {
                        runs.append(AuditCheckRun(check: .seriesJump, recordID: fact.recordID))
                    }
                }
            }
        }
    }

    /// Each printed value of a canonical indicator with a plausible range (`valid_min`,
    /// `valid_max` in indicators.csv: a participation rate between 30 and 95 %) inside it.
    mutating func checkValidRanges(_ alignment: Alignment) {
        for v in alignment.values where v.printedDecimals != nil {
            guard let indicator = alignment.catalogue.byID[v.indicatorID], indicator.validMin != nil || indicator.validMax != nil else { continue }
            let fact = Self.fact(v)
            let low = indicator.validMin.map { v.value < $0 } ?? false
            let high = indicator.validMax.map { v.value > $0 } ?? false
            if low || high {
                let bound = low ? indicator.validMin! : indicator.validMax!
                flag(.rateRange, fact, expected: bound,
                     detail: "\(indicator.id) \(Self.format(v.value)) outside its plausible range \(indicator.validMin.map(Self.format) ?? "…")–\(indicator.validMax.map(Self.format) ?? "…") (indicators.csv)")
            } else {
                runs.append(AuditCheckRun(check: .rateRange, recordID: fact.recordID))
            }
        }
    }
}
