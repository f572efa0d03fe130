import TolokModel

/// A value of a canonical indicator for an area and year, and how it was obtained.
public struct AlignedValue: Sendable {
    public enum Role: String, Sendable {
        case actual, target

        /// The fields of the records a value of this role comes from: an actual value's
        /// realisation, reference value or budget amounts; a target's target.
        public var figureFields: [String] {
            switch self {
            case .actual: [ObservationField.realisation.rawValue, ReferenceField.value.rawValue, BudgetField.pagu.rawValue,
                           BudgetField.realisasi.rawValue]
            case .target: [ObservationField.target.rawValue]
            }
        }
    }

    public var areaCode: String
    public var year: Int
    public var indicatorID: String
    public var value: Double
    public var role: Role
    /// Where it was printed (for a ratio: where the numerator was printed).
    public var source: SourceLocation
    /// LKIP, Renstra, PK, press, BPS, other.
    public var sourceType: String
    public var sourceYear: Int?
    /// The source's preference among sources of its type (`sources.csv` priority).
    public var sourcePriority: Int? = nil
    /// Computed from other figures rather than published (province TPAK 2024 from counts).
    public var derived = false
    /// The rank of the figure's vintage (`vintages.csv`; 0 when none is stated).
    public var vintageRank = 0
    /// Decimals the value was printed with, when it is a printed value taken as is.
    public var printedDecimals: Int? = nil
    /// The plan revision a target belongs to, and its rank (`revisions.csv`; 0 when none).
    public var revision: String? = nil
    public var revisionRank = 0
    /// Corrections applied to the figures it comes from (`001-cor-7: pagu printed …, corrected to …`).
    public var corrections: [String] = []
    /// What to keep in mind when comparing it (the mapping's caveat: overseas placements included…).
    public var caveats: [String] = []
    /// Why the value is suspect (an error the audit found in a figure it comes from); empty when not.
    public var suspicions: [String] = []
    public var isSuspect: Bool { !suspicions.isEmpty }
    /// The printed label (or the reference indicator).
    public var label: String
    /// `mapping <id> (<transform>)` or `references`.
    public var via: String
    /// The mapping's priority (references: 1).
    public var priority: Int
    public var recordIDs: [String]

    /// `004 Tabel 3.1` — the source id and where in it.
    public var sourceDescription: String { source.cited }

    public init(areaCode: String, year: Int, indicatorID: String, value: Double, role: Role, source: SourceLocation,
                sourceType: String, sourceYear: Int?, sourcePriority: Int? = nil, derived: Bool = false, vintageRank: Int = 0,
                printedDecimals: Int? = nil, label: String, via: String, priority: Int, recordIDs: [String]) {
        self.areaCode = areaCode
        self.year = year
        self.indicatorID = indicatorID
        self.value = value
        self.role = role
        self.source = source
        self.sourceType = sourceType
        self.sourceYear = sourceYear
        self.sourcePriority = sourcePriority
        self.derived = derived
        self.vintageRank = vintageRank
        self.printedDecimals = printedDecimals
        self.label = label
        self.via = via
        self.priority = priority
        self.recordIDs = recordIDs
    }
}

/// Which of several values of one fact is used: the documented source priority.
///
/// 0. A value the audit does not suspect before a suspect one (``Suspicions``).
/// 1. A published figure before a derived one (province TPAK 2024 computed from counts is used
///    only where no published figure exists).
/// 2. The newer vintage (`vintages.csv`: BPS's 2020 re-weighting of 2018–2019 before the first
///    release); a figure with no stated vintage comes after any stated one.
/// 3. Source type: BPS, then press (the pages quote BPS releases), then the district's LKIP,
///    then its Renstra, then a PK, then anything else. For province and nation figures this puts
///    BPS's published value before a figure a district report quotes (national TPAK 2024: 70.63
///    from BPS before 68.53 printed in Kabupaten Bekasi's LKIP).
/// 4. The source's own priority within its type (`sources.csv`; one consistent series: the
///    all-district BPS compilation before partial copies), stated before unstated.
/// 5. The mapping's priority (lower first).
/// 6. The newer source (a later publication year).
/// 7. Dataset order.
/// The others stay visible as alternatives in the outputs.
public enum SourcePriority {
    public static let typeOrder = ["BPS", "press", "LKIP", "Renstra", "PK", "other"]

    /// The place of a source type in ``typeOrder``.
    public static func rank(_ type: String) -> Int { typeOrder.firstIndex(of: type) ?? typeOrder.count }

    /// What the rules compare of a value or a fact, in the rules' order (a missing source
    /// priority last, a missing year as 0).
    public struct Standing: Sendable {
        public var suspect: Bool
        public var derived: Bool
        public var vintageRank: Int
        /// ``rank(_:)`` of the source's type.
        public var typeRank: Int
        public var sourcePriority: Int
        /// The mapping's priority.
        public var priority: Int
        public var sourceYear: Int

        public init(suspect: Bool, derived: Bool, vintageRank: Int, typeRank: Int, sourcePriority: Int, priority: Int, sourceYear: Int) {
            self.suspect = suspect
            self.derived = derived
            self.vintageRank = vintageRank
            self.typeRank = typeRank
            self.sourcePriority = sourcePriority
            self.priority = priority
            self.sourceYear = sourceYear
        }
    }

    /// The rules: true when `a` is preferred over `b` (dataset order decides the rest).
    @inline(__always)
    public static func prefers(_ a: Standing, over b: Standing) -> Bool {
        if a.suspect != b.suspect { return !a.suspect }
        if a.derived != b.derived { return !a.derived }
        if a.vintageRank != b.vintageRank { return a.vintageRank > b.vintageRank }
        if a.typeRank != b.typeRank { return a.typeRank < b.typeRank }
        if a.sourcePriority != b.sourcePriority { return a.sourcePriority < b.sourcePriority }
        if a.priority != b.priority { return a.priority < b.priority }
        if a.sourceYear != b.sourceYear { return a.sourceYear > b.sourceYear }
        return false
    }

    /// The standing of `value`.
    public static func standing(_ value: AlignedValue) -> Standing {
        Standing(suspect: value.isSuspect, derived: value.derived, vintageRank: value.vintageRank, typeRank: rank(value.sourceType),
                 sourcePriority: value.sourcePriority ?? Int.max, priority: value.priority, sourceYear: value.sourceYear ?? 0)
    }

    /// True when `a` is preferred over `b`.
    public static func prefers(_ a: AlignedValue, over b: AlignedValue) -> Bool {
        prefers(standing(a), over: standing(b))
    }
}

/// Which of several targets of one year is used: the newest revision of the plan (`revisions.csv`),
/// then ``SourcePriority``.
public enum TargetPriority {
    public static func prefers(_ a: AlignedValue, over b: AlignedValue) -> Bool {
        if a.revisionRank != b.revisionRank { return a.revisionRank > b.revisionRank }
        return SourcePriority.prefers(a, over: b)
    }
}

/// The value used for an area, year and indicator, with the others that were printed.
public struct ResolvedValue: Sendable {
    public var chosen: AlignedValue
    public var alternatives: [AlignedValue]

    /// `70.63 (web-x); 68.53 (000 Tabel 1.8)` — the values not chosen, for an output column.
    public func alternativesText(decimals: Int) -> String {
        alternatives.map { "\(NumberText.fixed($0.value, decimals: decimals)) (\($0.sourceDescription))" }.joined(separator: "; ")
    }
}
