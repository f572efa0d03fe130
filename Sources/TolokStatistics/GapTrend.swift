import TolokModel
import TolokAlignment

/// Whether a district's gap to a yardstick (its province, or the nation) closes or widens over
/// the years.
public struct GapTrend: Sendable {
    public enum Yardstick: String, Sendable { case province, nation }
    /// |gap| smaller in the last year than in the first (closing), larger (widening), or the same.
    public enum Direction: String, Sendable { case closing, widening, unchanged }
    /// The gap moved in the district's favour by polarity (improving), against it, or not.
    public enum Movement: String, Sendable { case improving, worsening, unchanged }

    public var district: Area
    public var indicator: Indicator
    public var yardstick: Yardstick
    /// Each year's gap (value − yardstick, in the unit) and the yardstick's area code.
    public var points: [(year: Int, gap: Double, yardstickCode: String)]
    /// last gap − first gap.
    public var change: Double?
    /// Least-squares slope of the gap per year.
    public var slopePerYear: Double?
    public var direction: Direction?
    public var movement: Movement?
    /// Why there is no trend (a single year), or what to keep in mind (the province changed).
    public var note: String?
}

public enum GapTrends {
    /// One trend per district, indicator and yardstick, from comparisons of every year.
    public static func compute(_ comparisons: [Comparison]) -> [GapTrend] {
        var series: [String: [Comparison]] = [:]
        var order: [String] = []
        for c in comparisons {
            let key = c.district.code + "\u{0}" + c.indicator.id
            if series[key] == nil { order.append(key) }
            series[key, default: []].append(c)
        }
        var trends: [GapTrend] = []
        for key in order {
            let rows = series[key]!.sorted { $0.year < $1.year }
            let first = rows[0]
            for yardstick in [GapTrend.Yardstick.province, .nation] {
                let points: [(year: Int, gap: Double, yardstickCode: String)] = rows.compactMap { c in
                    switch yardstick {
                    case .province: c.gapProvince.flatMap { g in c.province.map { (c.year, g, $0.code) } }
                    case .nation: c.gapNational.map { (c.year, $0, Comparisons.nationCode) }
                    }
                }
                guard !points.isEmpty else { continue }
                var t = GapTrend(district: first.district, indicator: first.indicator, yardstick: yardstick, points: points)
                let summary = summarise(points, polarity: first.indicator.polarity)
                t.change = summary.change
                t.slopePerYear = summary.slope
                t.direction = summary.direction
                t.movement = summary.movement
                t.note = summary.note
                trends.append(t)
            }
        }
        return trends
    }

    /// What a series of gaps says: the change from its first year to its last, the slope, whether
    /// it closes or widens, whether it moved in the district's favour (by `polarity`), and a note
    /// (a single year, a boundary change).
    public static func summarise(_ points: [(year: Int, gap: Double, yardstickCode: String)], polarity: Polarity)
        -> (change: Double?, slope: Double?, direction: GapTrend.Direction?, movement: GapTrend.Movement?, note: String?) {
        var notes: [String] = []
        var result: (change: Double?, slope: Double?, direction: GapTrend.Direction?, movement: GapTrend.Movement?, note: String?)
        result = (nil, nil, nil, nil, nil)
        if points.count < 2 {
            notes.append("one year with a gap (\(points[0].year)): no trend")
        } else {
            let a = points.first!, b = points.last!
            let change = b.gap - a.gap
            result.change = change
            result.slope = slope(points.map { (Double($0.year), $0.gap) })
            result.direction = TieTolerance.equal(abs(b.gap), abs(a.gap)) ? .unchanged : abs(b.gap) < abs(a.gap) ? .closing : .widening
            let favourable = polarity == .positive ? change : -change
            result.movement = TieTolerance.equal(b.gap, a.gap) ? .unchanged : favourable > 0 ? .improving : .worsening
            let codes = points.map(\.yardstickCode)
            if Set(codes).count > 1 {
                let changes = zip(points, points.dropFirst()).filter { $0.0.yardstickCode != $0.1.yardstickCode }
                    .map { "\($0.0.yardstickCode) → \($0.1.yardstickCode) in \($0.1.year)" }
                notes.append("the province changed (\(changes.joined(separator: ", "))): the series crosses a boundary change")
            }
        }
        result.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return result
    }

    /// Least-squares slope of y on x.
    static func slope(_ points: [(Double, Double)]) -> Double? {
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.0 } / n, my = points.reduce(0) { $0 + $1.1 } / n
        let sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        guard sxx > 0 else { return nil }
        return points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
    }
}
