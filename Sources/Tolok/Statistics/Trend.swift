import Foundation

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
    /// distance / years left: the yearly change needed.
    public var pacePerYear: Double?
}

public enum Trends {
    /// Trend points for every district and indicator with values in at least one year.
    public static func compute(_ alignment: Alignment, areas: Areas) -> [TrendPoint] {
        var series: [String: [Alignment.Key]] = [:]
        for key in alignment.resolved.keys where areas.byCode[key.areaCode]?.level == .district {
            series[key.areaCode + "\u{0}" + key.indicatorID, default: []].append(key)
        }
        var targetsBySeries: [String: [AlignedValue]] = [:]
        for t in alignment.targets { targetsBySeries[t.areaCode + "\u{0}" + t.indicatorID, default: []].append(t) }
        var points: [TrendPoint] = []
        for id in series.keys.sorted() {
            let keys = series[id]!.sorted { $0.year < $1.year }
            guard let indicator = alignment.catalogue.byID[keys[0].indicatorID], let district = areas.byCode[keys[0].areaCode] else { continue }
            var previous: (Int, Double)?
            for (i, key) in keys.enumerated() {
                let v = alignment.resolved[key]!
                var p = TrendPoint(district: district, indicator: indicator, year: key.year, value: v)
                if let (py, pv) = previous {
                    p.previousYear = py
                    p.change = v.chosen.value - pv
                    p.changePercent = pv == 0 ? nil : (v.chosen.value - pv) / pv * 100
                }
                if i == keys.count - 1 {
                    let first = alignment.resolved[keys[0]]!.chosen.value
                    if keys.count > 1, first > 0, v.chosen.value > 0 {
                        p.firstYear = keys[0].year
                        p.compoundAnnualChange = (pow(v.chosen.value / first, 1 / Double(key.year - keys[0].year)) - 1) * 100
                    }
                    let planTargets = (targetsBySeries[id] ?? []).filter { $0.year >= key.year }
                    if let end = planTargets.max(by: { ($0.year, -SourcePriority.rank($0.sourceType)) < ($1.year, -SourcePriority.rank($1.sourceType)) }) {
                        p.endTarget = end
                        p.distanceToTarget = end.value - v.chosen.value
                        if end.year > key.year { p.pacePerYear = p.distanceToTarget! / Double(end.year - key.year) }
                    }
                }
                points.append(p)
                previous = (key.year, v.chosen.value)
            }
        }
        return points
    }
}
