import TolokModel

/// One value of a canonical indicator for an area and year, as integers: what the hot paths
/// (resolution, comparisons, rankings) work on. ``Alignment/aligned(_:role:)`` turns it into an
/// ``AlignedValue`` with its texts (label, source, corrections, caveats) when an output needs them.
public struct Fact: Sendable, Equatable {
    /// Where a fact comes from.
    public enum Kind: UInt8, Sendable {
        /// A row of the references tables.
        case reference
        /// A row of the observations tables, through a mapping.
        case observation
        /// Computed from other values (absorption, costs, per-1,000 rates): see ``Alignment/computed``.
        case computed
    }

    // Stored in this order so the fact packs into 48 bytes (the Int32s side by side after the
    // Double, the bytes last): two million facts at national scale.

    public var value: Double
    /// Index into ``Alignment/areaCodes``.
    public var area: Int32
    /// Index into the catalogue's ``IndicatorCatalogue/all``.
    public var indicator: Int32
    public var year: Int32
    /// The record's row in its table (for a computed fact: its index in ``Alignment/computed``).
    public var row: Int32
    /// A second record: a ratio's denominator or a sum's first added count (observation rows), a
    /// per-1,000 rate's base (a reference row); `-1` when none.
    public var operandRow: Int32 = -1
    /// Index into ``Alignment/sourceInfo``; `-1` when none.
    public var source: Int32
    /// Index into ``Alignment/mappings``; `-1` for references and computed facts.
    public var mapping: Int32 = -1
    /// The mapping's priority (references: 1).
    public var priority: Int32 = 1
    public var kind: Kind
    /// Decimals the value was printed with when it is a printed value taken as is (negative for a
    /// count printed rounded in words); ``notPrinted`` when not.
    public var printedDecimals: Int8 = Fact.notPrinted
    /// ``printedDecimals`` of a value that is not a printed value taken as is.
    public static let notPrinted = Int8.min
    /// True when the value is a printed figure taken as is.
    public var isPrinted: Bool { printedDecimals != Fact.notPrinted }
    public var vintageRank: Int8 = 0
    public var revisionRank: Int8 = 0
    public var derived = false
    /// The audit suspects a figure the fact comes from (``Alignment/suspicions``).
    public var suspect = false

    /// A fact of `area`, `indicator` and `year` with `value`, from `row` of its kind's table.
    public init(area: Int32, indicator: Int32, year: Int32, value: Double, kind: Kind, row: Int32, source: Int32) {
        self.value = value
        self.area = area
        self.indicator = indicator
        self.year = year
        self.row = row
        self.source = source
        self.kind = kind
    }
}

/// What source priority needs to know of a source, by index.
public struct SourceInfo: Sendable {
    public var id: String
    public var type: String
    /// ``SourcePriority/rank(_:)`` of the type.
    public var typeRank: Int
    public var priority: Int?
    public var year: Int?
}

extension SourcePriority {
    /// The rank of a fact without a source: that of `other`.
    static let unknownTypeRank = rank("other")

    /// The standing of `fact` (its source's type, priority and year from `sources`).
    @inline(__always)
    public static func standing(_ fact: Fact, sources: [SourceInfo]) -> Standing {
        let source = fact.source >= 0 ? sources[Int(fact.source)] : nil
        return Standing(suspect: fact.suspect, derived: fact.derived, vintageRank: Int(fact.vintageRank),
                        typeRank: source?.typeRank ?? unknownTypeRank, sourcePriority: source?.priority ?? Int.max,
                        priority: Int(fact.priority), sourceYear: source?.year ?? 0)
    }

    /// ``prefers(_:over:)-(Standing,_)`` on facts.
    @inline(__always)
    public static func prefers(_ a: Fact, over b: Fact, sources: [SourceInfo]) -> Bool {
        prefers(standing(a, sources: sources), over: standing(b, sources: sources))
    }
}

extension TargetPriority {
    /// ``prefers(_:over:)`` on facts.
    public static func prefers(_ a: Fact, over b: Fact, sources: [SourceInfo]) -> Bool {
        if a.revisionRank != b.revisionRank { return a.revisionRank > b.revisionRank }
        return SourcePriority.prefers(a, over: b, sources: sources)
    }
}
