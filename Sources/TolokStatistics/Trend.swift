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
    /// The compound yearly change from `first` to `last` over `years` years, in percent; `nil`
    /// unless both are positive.
    public static func compoundAnnualChange(first: Double, last: Double, years: Int) -> Double? {
        guard first > 0, last > 0 else { return nil }
        return (pow(last / first, 1 / Double(years)) - 1) * 100
    }

    /// The latest value of `year` against the plan's end `target` of `targetYear`: the distance,
    /// whether it is met already (by `polarity`), the yearly pace still needed, and the note
    /// "target already met".
    public static func progress(latest: Double, year: Int, target: Double, targetYear: Int, polarity: Polarity)
        -> (distance: Double, met: Bool, pace: Double?, note: String?) {
        let distance = target - latest
        let met = polarity == .positive ? distance <= 0 : distance >= 0
        if met { return (distance, true, nil, "target already met (\(NumberText.plain(target)) for \(targetYear))") }
        return (distance, false, targetYear > year ? distance / Double(targetYear - year) : nil, nil)
    }

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
                    if keys.count > 1, let c = compoundAnnualChange(first: first, last: v.chosen.value, years: key.year - keys[0].year) {
                        p.firstYear = keys[0].year
                        p.compoundAnnualChange = c
                    }
                    if let end = (targetsBySeries[id] ?? []).filter({ $0.year >= key.year }).max(by: { $0.year < $1.year }) {
                        p.endTarget = end
                        let progress = Self.progress(latest: v.chosen.value, year: key.year, target: end.value, targetYear: end.year,
                                                     polarity: indicator.polarity)
                        p.distanceToTarget = progress.distance
                        p.targetMet = progress.met
                        p.pacePerYear = progress.pace
                        if let note = progress.note { notes.append(note) }
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
