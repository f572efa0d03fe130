import TolokModel
import TolokAlignment

/// Budget absorption (serapan): realisasi / pagu × 100.
public enum Absorption {
    /// Absorption in percent, or `nil` when the pagu is missing or 0.
    public static func percent(pagu: Double?, realisasi: Double?) -> Double? {
        guard let pagu, let realisasi, pagu != 0 else { return nil }
        return Rates.percent(realisasi, of: pagu)
    }
}
