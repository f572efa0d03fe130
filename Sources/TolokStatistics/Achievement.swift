import TolokModel
import TolokAlignment

/// The SAKIP predicate of a capaian (Jember's evaluation scale).
///
/// Boundaries: the source prints shared bounds (AA 90–100, A 80–90, …). Tolok reads each band
/// as **lower bound inclusive**: AA ≥ 90, A ≥ 80 and < 90, BB ≥ 70, B ≥ 60, CC ≥ 50, C ≥ 30,
/// D below 30. So exactly 90 is AA and exactly 80 is A. The predicate is given on the clamped
/// capaian, as the report does ("more than 100 % counts as 100 %").
public enum Predicate: String, Sendable, CaseIterable {
    case aa = "AA", a = "A", bb = "BB", b = "B", cc = "CC", c = "C", d = "D"

    /// The predicate of a capaian.
    public init(capaian: Double) {
        switch capaian {
        case 90...: self = .aa
        case 80..<90: self = .a
        case 70..<80: self = .bb
        case 60..<70: self = .b
        case 50..<60: self = .cc
        case 30..<50: self = .c
        default: self = .d
        }
    }

    /// The report's Indonesian interpretation.
    public var interpretation: String {
        switch self {
        case .aa: "Sangat Memuaskan"
        case .a: "Memuaskan"
        case .bb: "Sangat Baik"
        case .b: "Baik"
        case .cc: "Cukup"
        case .c: "Kurang"
        case .d: "Sangat Kurang"
        }
    }
}

/// Achievement (capaian) of a realisation against its target.
public struct Achievement: Sendable, Equatable {
    /// Raw capaian in percent, as the formula gives it (389.8 for 3,898 against 1,000).
    public var capaian: Double?
    /// Capaian limited to [0, 100].
    public var clamped: Double?
    public var predicate: Predicate?
    /// Why there is no capaian, or what was assumed.
    public var note: String?
    /// Whether the target is met: a capaian of at least 100 (within 1e-9, the binary noise of a
    /// realisation equal to its target); `nil` without a capaian.
    public var met: Bool? { capaian.map { $0 >= 100 - 1e-9 } }

    /// Computes capaian per the SAKIP formulas:
    /// positive polarity `realisation / target × 100`;
    /// negative polarity `(target − (realisation − target)) / target × 100`.
    /// A missing value or a zero target gives no capaian and says why; no polarity is treated
    /// as positive and says so.
    public init(target: Double?, realisation: Double?, polarity: Polarity?) {
        guard let target else {
            self.init(note: realisation == nil ? "no target and no realisation" : "no target")
            return
        }
        guard let realisation else {
            self.init(note: "no realisation")
            return
        }
        guard target != 0 else {
            self.init(note: "target is 0: capaian is undefined")
            return
        }
        let value = Self.capaian(target: target, realisation: realisation, polarity: polarity ?? .positive)
        let note: String? = polarity == nil ? "polarity not stated: higher taken as better" : nil
        let clamped = min(max(value, 0), 100)
        self.init(capaian: value, clamped: clamped, predicate: Predicate(capaian: clamped), note: note)
    }

    /// The capaian of `realisation` against a nonzero `target`, by the SAKIP formulas (the
    /// number only: what the hot paths need).
    @inlinable
    public static func capaian(target: Double, realisation: Double, polarity: Polarity) -> Double {
        switch polarity {
        case .negative: (target - (realisation - target)) / target * 100
        case .positive: realisation / target * 100
        }
    }

    private init(capaian: Double? = nil, clamped: Double? = nil, predicate: Predicate? = nil, note: String?) {
        self.capaian = capaian
        self.clamped = clamped
        self.predicate = predicate
        self.note = note
    }
}
