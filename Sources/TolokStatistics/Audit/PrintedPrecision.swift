import Foundation
import TolokModel
import TolokAlignment

/// How a printed number relates to the exact value it should show.
public enum PrintedPrecision {
    /// `nil` when `printed` is `exact` rounded to the printed decimals; `.rounding` when it is
    /// the exact value truncated, or off by at most one unit in the last printed digit, and the
    /// exact value has more digits than were printed; `.error` otherwise (so a count or a sum of
    /// money that is off by one is an error).
    public static func compare(printed: CanonicalNumber, exact: Double) -> AuditFinding.Severity? {
        let scale = pow(10.0, Double(printed.decimals))
        let scaled = exact * scale
        let tolerance = max(1e-9, abs(scaled) * 1e-12)  // binary representation only
        let printedScaled = printed.value * scale
        // Round half away from zero, as people round; allow for the binary representation of .5.
        if abs((scaled + (scaled >= 0 ? tolerance : -tolerance)).rounded(.toNearestOrAwayFromZero) - printedScaled) < 1e-6 {
            return nil
        }
        // An exact value that needs no more digits than were printed (a count, a sum of money)
        // leaves no rounding to blame.
        if abs(scaled - scaled.rounded()) < max(tolerance, 1e-6) { return .error }
        if abs(scaled.rounded(.towardZero) - printedScaled) < 1e-6 { return .rounding }
        if abs(scaled - printedScaled) <= 1 + tolerance { return .rounding }
        return .error
    }
}
