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

    /// A year's gap (value − yardstick, in the unit), the yardstick's area code, and why the audit
    /// suspects the district's or the yardstick's value (empty when it does not).
    public struct Point: Sendable {
        public var year: Int
        public var gap: Double
        public var yardstickCode: String
        public var suspicions: [String] = []
        public var isSuspect: Bool { !suspicions.isEmpty }
        public init(year: Int, gap: Double, yardstickCode: String, suspicions: [String] = []) {
            self.year = year
            self.gap = gap
            self.yardstickCode = yardstickCode
            self.suspicions = suspicions
        }
    }

    public var district: Area
    public var indicator: Indicator
    public var yardstick: Yardstick
    /// Every year with a gap, suspect ones included.
    public var points: [Point]
    /// The years the trend is computed over: the points less the suspect ones (all of them with
    /// `--include-suspect`).
    public var used: [Point] = []
    /// last gap − first gap.
    public var change: Double?
    /// Least-squares slope of the gap per year.
    public var slopePerYear: Double?
    public var direction: Direction?
    public var movement: Movement?
    /// Why there is no trend (a single year), what was left out (suspect gaps), or what to keep in
    /// mind (the province changed).
    public var note: String?
}

public enum GapTrends {
    /// What a series of gaps says: ``summarise(_:polarity:includeSuspect:)``.
    public struct Summary: Sendable {
        /// The points the trend is computed over.
        public var used: [GapTrend.Point] = []
        public var change: Double?
        public var slope: Double?
        public var direction: GapTrend.Direction?
        public var movement: GapTrend.Movement?
        public var note: String?
    }

    /// `2019: series_jump: …`: the suspect years of `points` with the reasons (the `suspect` column).
    public static func suspicions(_ points: [GapTrend.Point]) -> [String] {
        points.flatMap { p in p.suspicions.map { "\(p.year): \($0)" } }
    }

    /// One trend per district, indicator and yardstick, from comparisons of every year; suspect
    /// gaps are left out of the trend unless `includeSuspect`.
    public static func compute(_ comparisons: [Comparison], includeSuspect: Bool = false) -> [GapTrend] {
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
                let points: [GapTrend.Point] = rows.compactMap { c in
                    let other = yardstick == .province ? c.provinceValue : c.nationalValue
                    let code = yardstick == .province ? c.province?.code : Comparisons.nationCode
                    guard let gap = yardstick == .province ? c.gapProvince : c.gapNational, let code else { return nil }
                    return GapTrend.Point(year: c.year, gap: gap, yardstickCode: code,
                                          suspicions: c.value.chosen.suspicions + (other?.chosen.suspicions ?? []))
                }
                guard !points.isEmpty else { continue }
                var t = GapTrend(district: first.district, indicator: first.indicator, yardstick: yardstick, points: points)
                let summary = summarise(points, polarity: first.indicator.polarity, includeSuspect: includeSuspect)
                t.used = summary.used
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
    /// (a single year, suspect gaps left out or kept, a boundary change). Suspect gaps are left out
    /// unless `includeSuspect`.
    public static func summarise(_ points: [GapTrend.Point], polarity: Polarity, includeSuspect: Bool = false) -> Summary {
        var result = Summary()
        var notes: [String] = []
        let suspect = points.filter(\.isSuspect)
        let points = includeSuspect || suspect.isEmpty ? points : points.filter { !$0.isSuspect }
        result.used = points
        if !suspect.isEmpty {
            let years = suspect.map { String($0.year) }.joined(separator: ", ")
            notes.append(includeSuspect ? "suspect gap kept in the trend (--include-suspect): \(years)"
                                        : "suspect gap left out of the trend (--include-suspect keeps it): \(years)")
        }
        if points.isEmpty {
            notes.append("no gap left once the suspect ones are left out: no trend")
        } else if points.count < 2 {
            notes.append("one year with a gap (\(points[0].year)): no trend")
        } else {
            let a = points.first!, b = points.last!
            let change = b.gap - a.gap
            result.change = change
            result.slope = slope(points)
            result.direction = TieTolerance.equal(abs(b.gap), abs(a.gap)) ? .unchanged : abs(b.gap) < abs(a.gap) ? .closing : .widening
            let favourable = polarity == .positive ? change : -change
            result.movement = TieTolerance.equal(b.gap, a.gap) ? .unchanged : favourable > 0 ? .improving : .worsening
            if points.contains(where: { $0.yardstickCode != a.yardstickCode }) {
                let changes = zip(points, points.dropFirst()).filter { $0.0.yardstickCode != $0.1.yardstickCode }
                    .map { "\($0.0.yardstickCode) → \($0.1.yardstickCode) in \($0.1.year)" }
                notes.append("the province changed (\(changes.joined(separator: ", "))): the series crosses a boundary change")
            }
        }
        result.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return result
    }

    /// Least-squares slope of the gap on the year.
    static func slope(_ points: [GapTrend.Point]) -> Double? {
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + Double($1.year) } / n, my = points.reduce(0) { $0 + $1.gap } / n
        let sxx = points.reduce(0) { $0 + (Double($1.year) - mx) * (Double($1.year) - mx) }
        guard sxx > 0 else { return nil }
        return points.reduce(0) { $0 + (Double($1.year) - mx) * ($1.gap - my) } / sxx
    }
}
