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
        struct Key: Hashable { var area: Int32; var indicator: Int32 }
        var series: [Key: [Int32: [Int]]] = [:]
        var order: [Key] = []
        for (i, f) in alignment.facts.enumerated() where f.isPrinted && f.value > 0 {
            let key = Key(area: f.area, indicator: f.indicator)
            if series[key] == nil { order.append(key) }
            series[key, default: [:]][f.year, default: []].append(i)
        }
        let flaggedRecords = Set(findings.filter { $0.check == .seriesJump }.map { $0.recordIDs[0] + "." + $0.field })
        let keys = order.sorted { (alignment.areaCodes[Int($0.area)], alignment.catalogue.all[Int($0.indicator)].id)
            < (alignment.areaCodes[Int($1.area)], alignment.catalogue.all[Int($1.indicator)].id) }
        for key in keys {
            let byYear = series[key]!
            let years = byYear.keys.sorted()
            let indicator = alignment.catalogue.all[Int(key.indicator)]
            for year in years {
                for i in byYear[year]! {
                    let f = alignment.facts[i]
                    let recordID = alignment.recordID(i)
                    let field = f.kind == .reference ? "value" : "realisation"
                    guard !flaggedRecords.contains(recordID + "." + field) else { continue }
                    let others = byYear[year]!.filter { alignment.recordID($0) != recordID }.map { alignment.facts[$0].value }
                    let reference: Double
                    let describe: () -> String
                    if !others.isEmpty {
                        reference = Distribution.quantile(others.sorted(), 0.5)
                        describe = { "\(indicator.id) \(year) printed as \(Self.format(f.value)); the other \(others.count) source\(others.count == 1 ? "" : "s") of the same fact give \(others.map(Self.format).joined(separator: ", "))" }
                    } else {
                        // The series' other years, one value each (the preferred one).
                        let neighbours = years.filter { $0 != year }.compactMap {
                            alignment.chosen(area: Int(key.area), indicator: Int(key.indicator), year: Int($0))?.value
                        }.filter { $0 > 0 }
                        guard !neighbours.isEmpty else { continue }
                        reference = Distribution.quantile(neighbours.sorted(), 0.5)
                        describe = {
                            neighbours.count == 1
                                ? "\(indicator.id) \(year) printed as \(Self.format(f.value)); the series' only other year gives \(Self.format(neighbours[0])): one of the two is an order of magnitude off (which one, no other source tells)"
                                : "\(indicator.id) \(year) printed as \(Self.format(f.value)); the median of the series' other \(neighbours.count) years is \(Self.format(reference))"
                        }
                    }
                    let ratio = f.value / reference
                    // Small rates move by large factors (a TPT of 0,2 % to 1,2 %): a rate must also
                    // be at least 5 points away.
                    let farEnough = indicator.unit != "percent" || abs(f.value - reference) >= 5
                    if (ratio >= 5 || ratio <= 0.2) && farEnough {
                        flag(.seriesJump, Self.fact(alignment.aligned(i)), expected: reference, records: [], detail: describe() + ": an order of magnitude off")
                    } else {
                        runs.append(AuditCheckRun(check: .seriesJump, recordID: recordID))
                    }
                }
            }
        }
    }

    /// Each printed value of a canonical indicator with a plausible range (`valid_min`,
    /// `valid_max` in indicators.csv: a participation rate between 30 and 95 %) inside it.
    mutating func checkValidRanges(_ alignment: Alignment) {
        for (i, f) in alignment.facts.enumerated() where f.isPrinted {
            let indicator = alignment.catalogue.all[Int(f.indicator)]
            guard indicator.validMin != nil || indicator.validMax != nil else { continue }
            let low = indicator.validMin.map { f.value < $0 } ?? false
            let high = indicator.validMax.map { f.value > $0 } ?? false
            if low || high {
                let bound = low ? indicator.validMin! : indicator.validMax!
                flag(.rateRange, Self.fact(alignment.aligned(i)), expected: bound,
                     detail: "\(indicator.id) \(Self.format(f.value)) outside its plausible range \(indicator.validMin.map(Self.format) ?? "…")–\(indicator.validMax.map(Self.format) ?? "…") (indicators.csv)")
            } else {
                runs.append(AuditCheckRun(check: .rateRange, recordID: alignment.recordID(i)))
            }
        }
    }
}
