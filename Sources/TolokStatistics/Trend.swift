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
    /// value − previous value (the previous year with a value, suspect ones left out unless kept).
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
    /// The reasons of the other values its changes use, where those are suspect and kept
    /// (``TrendSteps``).
    public var borrowedSuspicions: [String] = []
    /// A suspect value left out of the changes or kept; a source or vintage break against the
    /// previous year; "target already met".
    public var note: String?
}

/// How a series' year-on-year changes treat the values the audit suspects. By default a suspect
/// value has no change, and the next value's change is taken from the last unsuspected one (the
/// compound change too starts at the first unsuspected value and needs an unsuspected latest one);
/// with `includeSuspect` every step is taken, and a step to or from a suspect value is noted, the
/// change from one carrying its reasons.
public struct TrendSteps: Sendable {
    public struct Step: Sendable {
        /// The index of the value the change is taken from; `nil` for none.
        public var previous: Int?
        /// The reasons of the other values the row's changes use (`previous value 2019: …`).
        public var borrowed: [String] = []
        public var notes: [String] = []
    }

    public var steps: [Step]
    /// The index of the value the compound change to the latest starts from; `nil` for none.
    public var first: Int?

    /// The steps of a series of `years` (ascending), each value with the reasons it is suspect.
    public init(years: [Int], suspicions: [[String]], includeSuspect: Bool) {
        steps = years.map { _ in Step() }
        let usable = years.indices.map { includeSuspect || suspicions[$0].isEmpty }
        var last: Int?
        for i in years.indices {
            guard usable[i] else {
                if years.count > 1 { steps[i].notes.append("left out of the changes as suspect (--include-suspect keeps it)") }
                continue
            }
            if let p = last {
                steps[i].previous = p
                if !suspicions[p].isEmpty {
                    steps[i].notes.append("change from a suspect value (\(years[p]), kept by --include-suspect)")
                    steps[i].borrowed += suspicions[p].map { "previous value \(years[p]): \($0)" }
                }
                if !suspicions[i].isEmpty { steps[i].notes.append("change to a suspect value (kept by --include-suspect)") }
                let skipped = years[(p + 1)..<i].map(String.init)
                if !skipped.isEmpty { steps[i].notes.append("change from \(years[p]): suspect \(skipped.joined(separator: ", ")) left out") }
            }
            last = i
        }
        if let f = usable.firstIndex(of: true), let l = years.indices.last, usable[l], f < l {
            first = f
            steps[l].borrowed += suspicions[f].map { "first value \(years[f]): \($0)" }
        }
    }
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

    /// Trend points for every district and indicator with values in at least one year; suspect
    /// values are left out of the changes unless `includeSuspect` (``TrendSteps``).
    public static func compute(_ alignment: Alignment, areas: Areas, includeSuspect: Bool = false) -> [TrendPoint] {
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
            let values = keys.map { alignment.value($0.areaCode, $0.year, $0.indicatorID)! }
            let steps = TrendSteps(years: keys.map(\.year), suspicions: values.map(\.chosen.suspicions), includeSuspect: includeSuspect)
            for (i, key) in keys.enumerated() {
                let v = values[i]
                var p = TrendPoint(district: district, indicator: indicator, year: key.year, value: v)
                let step = steps.steps[i]
                var notes = step.notes
                p.borrowedSuspicions = step.borrowed
                if let j = step.previous {
                    let previous = values[j].chosen
                    let pv = previous.value
                    p.previousYear = keys[j].year
                    p.change = v.chosen.value - pv
                    p.changePercent = pv == 0 ? nil : (v.chosen.value - pv) / pv * 100
                    if previous.source.sourceID != v.chosen.source.sourceID {
                        notes.append("source break: \(previous.sourceDescription) (\(keys[j].year)) → \(v.chosen.sourceDescription) (\(key.year))")
                    } else if previous.vintageRank > 0, v.chosen.vintageRank > 0, previous.vintageRank != v.chosen.vintageRank {
                        notes.append("vintage break between \(keys[j].year) and \(key.year)")
                    }
                }
                if i == keys.count - 1 {
                    if let f = steps.first, let c = compoundAnnualChange(first: values[f].chosen.value, last: v.chosen.value, years: key.year - keys[f].year) {
                        p.firstYear = keys[f].year
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
            }
        }
        return points
    }
}
