import Foundation
import TolokModel
import TolokAlignment

/// A district's value of an indicator in one year, with its change, and for the latest year the
/// series' compound change and the distance to the plan's end target.
public struct TrendPoint: Sendable {
    public var district: Area
    public var indicator: Indicator
    public var year: Int
    public var value: ResolvedValue
    /// value − previous value (the previous year with a value).
    public var change: Double?
    /// change / previous × 100.
    public var changePercent: Double?
    public var previousYear: Int?
    /// On the latest point: compound annual change from the first year, %.
    public var compoundAnnualChange: Double?
    public var firstYear: Int?
    /// On the latest point: the Renstra end target (the target of the latest year any plan gives).
    public var endTarget: AlignedValue?
    /// end target − latest value.
    public var distanceToTarget: Double?
    /// distance / years left: the yearly change needed (none once the target is met).
    public var pacePerYear: Double?
    /// True when the latest value already meets the end target (by polarity).
    public var targetMet: Bool?
    /// A source or vintage break against the previous year; "target already met".
    public var note: String?
}

public enum Trends {
    /// Trend points for every district and indicator with values in at least one year.
    public static func compute(_ alignment: Alignment, areas: Areas) -> [TrendPoint] {
        var series: [String: [Alignment.Key]] = [:]
        for key in alignment.keys() where areas.byCode[key.areaCode]?.level == .district {
            series[key.areaCode + "\u{0}" + key.indicatorID, default: []].append(key)
        }
        // The targets, one per year (the newest revision), by series.
        var targetsBySeries: [String: [AlignedValue]] = [:]
        for key in alignment.keys(role: .target) {
            guard let t = alignment.target(key.areaCode, key.year, key.indicatorID) else { continue }
            targetsBySeries[key.areaCode + "\u{0}" + key.indicatorID, default: []].append(t.chosen)
        }
        var points: [TrendPoint] = []
        for id in series.keys.sorted() {
            let keys = series[id]!.sorted { $0.year < $1.year }
            guard let indicator = alignment.catalogue.byID[keys[0].indicatorID], let district = areas.byCode[keys[0].areaCode] else { continue }
            var previous: (year: Int, value: AlignedValue)?
            for (i, key) in keys.enumerated() {
                let v = alignment.value(key.areaCode, key.year, key.indicatorID)!
                var p = TrendPoint(district: district, indicator: indicator, year: key.year, value: v)
                var notes: [String] = []
                if let previous {
                    let pv = previous.value.value
                    p.previousYear = previous.year
                    p.change = v.chosen.value - pv
                    p.changePercent = pv == 0 ? nil : (v.chosen.value - pv) / pv * 100
                    if previous.value.source.sourceID != v.chosen.source.sourceID {
                        notes.append("source break: \(previous.value.sourceDescription) (\(previous.year)) → \(v.chosen.sourceDescription) (\(key.year))")
                    } else if previous.value.vintageRank > 0, v.chosen.vintageRank > 0, previous.value.vintageRank != v.chosen.vintageRank {
                        notes.append("vintage break between \(previous.year) and \(key.year)")
                    }
                }
                if i == keys.count - 1 {
                    let first = alignment.value(keys[0].areaCode, keys[0].year, keys[0].indicatorID)!.chosen.value
                    if keys.count > 1, first > 0, v.chosen.value > 0 {
                        p.firstYear = keys[0].year
                        p.compoundAnnualChange = (pow(v.chosen.value / first, 1 / Double(key.year - keys[0].year)) - 1) * 100
                    }
                    if let end = (targetsBySeries[id] ?? []).filter({ $0.year >= key.year }).max(by: { $0.year < $1.year }) {
                        p.endTarget = end
                        let distance = end.value - v.chosen.value
                        p.distanceToTarget = distance
                        let met = indicator.polarity == .positive ? distance <= 0 : distance >= 0
                        p.targetMet = met
                        if met {
                            notes.append("target already met (\(NumberText.plain(end.value)) for \(end.year))")
                        } else if end.year > key.year {
                            p.pacePerYear = distance / Double(end.year - key.year)
                        }
                    }
                }
                p.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
                points.append(p)
                previous = (key.year, v.chosen)
            }
        }
        return points
    }
}
