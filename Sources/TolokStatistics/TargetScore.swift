import TolokModel
import TolokAlignment

/// A district's actual value of a canonical indicator scored against its plan's target for the
/// same year (Renstra or PK: the newest revision), with the capaian and the SAKIP predicate.
public struct TargetScore: Sendable {
    public var district: Area
    public var indicator: Indicator
    public var year: Int
    public var actual: AlignedValue
    public var target: AlignedValue
    /// Capaian by the indicator's polarity, clamped, predicate.
    public var achievement: Achievement
    /// Met when the capaian is at least 100 (``Achievement/met``).
    public var met: Bool? { achievement.met }
    /// Where the actual and the target come from different documents or series.
    public var note: String?
}

public enum TargetScores {
    /// What to keep in mind about a score: an actual printed under another label or document than
    /// its target (where the actual is not a statistics office's figure), and the earlier
    /// revisions of the target.
    public static func notes(actual: (type: String, sourceID: String, label: String, cited: String),
                             target: (sourceID: String, label: String, cited: String),
                             earlier: [(value: Double, revision: String?)]) -> [String] {
        var notes: [String] = []
        // A statistics office's figure against a plan's target is the usual case; two reports
        // printing the actual and the target under different labels may measure differently.
        let statistics: Set<String> = ["BPS", "press"]
        if !statistics.contains(actual.type), actual.sourceID != target.sourceID || actual.label != target.label {
            notes.append("possible break: actual '\(actual.label)' (\(actual.cited)), target '\(target.label)' (\(target.cited))")
        }
        if !earlier.isEmpty {
            notes.append("earlier revision: " + earlier.map { "\(NumberText.plain($0.value)) (\($0.revision ?? "?"))" }.joined(separator: ", "))
        }
        return notes
    }

    /// Every district, indicator and year with both an actual value and a target.
    public static func compute(_ alignment: Alignment, areas: Areas) -> [TargetScore] {
        let keys = alignment.keys(role: .target).filter { areas.byCode[$0.areaCode]?.level == .district }
        return keys.sorted { ($0.areaCode, $0.indicatorID, $0.year) < ($1.areaCode, $1.indicatorID, $1.year) }.compactMap { key in
            guard let district = areas.byCode[key.areaCode], let indicator = alignment.catalogue.byID[key.indicatorID],
                  let actual = alignment.value(key.areaCode, key.year, key.indicatorID)?.chosen,
                  let resolvedTarget = alignment.target(key.areaCode, key.year, key.indicatorID) else { return nil }
            let target = resolvedTarget.chosen
            var score = TargetScore(district: district, indicator: indicator, year: key.year, actual: actual, target: target,
                                    achievement: Achievement(target: target.value, realisation: actual.value, polarity: indicator.polarity))
            let notes = Self.notes(actual: (actual.sourceType, actual.source.sourceID, actual.label, actual.sourceDescription),
                                   target: (target.source.sourceID, target.label, target.sourceDescription),
                                   earlier: resolvedTarget.alternatives.filter { $0.revisionRank < target.revisionRank && $0.value != target.value }
                                       .map { ($0.value, $0.revision) })
            score.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
            return score
        }
    }
}
