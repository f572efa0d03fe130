import TolokModel

/// A canonical indicator: what districts' differently named indicators are aligned onto.
public struct Indicator: Sendable, Hashable {
    public enum Kind: String, Sendable { case rate, count, money, index }

    public var id: String
    /// Indonesian name (the default in outputs).
    public var nameID: String
    public var nameEN: String
    /// percent, persons, rupiah, index, score, per_1000.
    public var unit: String
    public var polarity: Polarity
    public var kind: Kind
    /// Comparisons that are meaningful: `reference`, `rank`, `trend`.
    public var comparisons: Set<String>
    /// What is counted (a rate's numerator).
    public var numerator: String = ""
    /// What a rate is divided by; empty for a count or money.
    public var denominator: String = ""
    /// Whose, when, where.
    public var scope: String = ""
    /// Near-alike indicators: related, never ranked or compared together.
    public var comparableWith: [String] = []
    /// The plausible range; a value outside is an error.
    public var validMin: Double? = nil
    public var validMax: Double? = nil

    /// `numerator / denominator (scope)`: the definition in one line.
    public var definition: String {
        (denominator.isEmpty ? numerator : "\(numerator) / \(denominator)") + (scope.isEmpty ? "" : " (\(scope))")
    }

    /// The name in the language asked for.
    public func name(english: Bool) -> String { english ? nameEN : nameID }

    /// Decimals to show values with: rates 2, money 0, counts 0, indices 2.
    public var decimals: Int {
        switch kind {
        case .rate, .index: 2
        case .count, .money: 0
        }
    }

    /// Decimals of this indicator's values in the outputs: ``decimals``, but 2 for a count per
    /// 1,000 (a derived rate, `per_1000`), whatever its kind.
    public var valueDecimals: Int { unit == "per_1000" ? 2 : decimals }
}

/// The catalogue of canonical indicators (`datasets/indicators.csv`).
public struct IndicatorCatalogue: Sendable {
    public let all: [Indicator]
    public let byID: [String: Indicator]
    /// Position in ``all``, by id.
    public let index: [String: Int]

    /// Each indicator's name in Indonesian or English, by id.
    public func names(english: Bool) -> [String: String] {
        Dictionary(all.map { ($0.id, $0.name(english: english)) }, uniquingKeysWith: { a, _ in a })
    }

    public init(_ dataset: Dataset) {
        var all: [Indicator] = []
        for (fields, _, _) in dataset.records(IndicatorField.self) {
            guard let id = fields[.indicatorID], let polarity = fields[.polarity].flatMap(Polarity.init(rawValue:)),
                  let kind = fields[.kind].flatMap(Indicator.Kind.init(rawValue:)) else { continue }
            all.append(Indicator(id: id, nameID: fields[.nameID] ?? id, nameEN: fields[.nameEN] ?? id,
                                 unit: fields[.unit] ?? "", polarity: polarity, kind: kind,
                                 comparisons: Set((fields[.comparisons] ?? "").split(separator: " ").map(String.init)),
                                 numerator: fields[.numerator] ?? "", denominator: fields[.denominator] ?? "",
                                 scope: fields[.scope] ?? "",
                                 comparableWith: (fields[.comparableWith] ?? "").split(separator: " ").map(String.init),
                                 validMin: fields[.validMin].flatMap(Double.init), validMax: fields[.validMax].flatMap(Double.init)))
        }
        self.all = all
        byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        index = Dictionary(all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
