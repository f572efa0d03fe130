import TolokModel

/// Aligns the datasets onto the canonical indicators: mapped observations and reference figures
/// become ``AlignedValue``s; labels no mapping covers are listed.
public struct Alignment: Sendable {
    public struct Key: Hashable, Sendable {
        public var areaCode: String
        public var year: Int
        public var indicatorID: String
        public init(areaCode: String, year: Int, indicatorID: String) {
            self.areaCode = areaCode
            self.year = year
            self.indicatorID = indicatorID
        }
    }

    public let catalogue: IndicatorCatalogue
    /// Every actual value found, in dataset order.
    public private(set) var values: [AlignedValue]
    /// Every target found (year = the target's year).
    public private(set) var targets: [AlignedValue]
    public let unmapped: [UnmappedLabel]
    /// The value used per area, year and indicator.
    public private(set) var resolved: [Key: ResolvedValue] {
        didSet { yearsIndex = Self.yearsIndex(resolved) }
    }
    /// Years with a value, by area and indicator.
    private var yearsIndex: [String: [Int]] = [:]

    private static func yearsIndex(_ resolved: [Key: ResolvedValue]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for key in resolved.keys { index[key.areaCode + "\u{0}" + key.indicatorID, default: []].append(key.year) }
        return index.mapValues { $0.sorted() }
    }

    /// Aligns `dataset`.
    public init(_ dataset: Dataset) {
        let catalogue = IndicatorCatalogue(dataset)
        self.catalogue = catalogue
        // Problems in the mapping tables are `tolok validate`'s business (``check(_:)``).
        let mappings = IndicatorMapping.load(dataset, catalogue: catalogue).mappings
        let sources = dataset.sources()
        let references = dataset.references()
        let corrections = Corrections(dataset.corrections())
        let revisions = dataset.revisionRanks()

        // Mappings by district (`*` = any), document (empty = any) and label key: a document's own
        // row wins over its district's, which wins over `*`.
        var byKey: [String: IndicatorMapping] = [:]
        for m in mappings { byKey[m.key] = m }
        func mapping(district: String, source: String, label: String) -> IndicatorMapping? {
            byKey[IndicatorMapping.key(district: district, source: source, label: label)]
                ?? byKey[IndicatorMapping.key(district: district, source: "", label: label)]
                ?? byKey[IndicatorMapping.key(district: "*", source: source, label: label)]
                ?? byKey[IndicatorMapping.key(district: "*", source: "", label: label)]
        }
        // Labels whose counts other mappings need (a ratio's denominator, a sum's added labels).
        var operandKeys = Set<String>()
        for m in mappings {
            switch m.transform {
            case .ratio(let d): operandKeys.insert(LabelKey.of(d))
            case .sum(let labels): labels.forEach { operandKeys.insert(LabelKey.of($0)) }
            default: break
            }
        }

        // Work on the columns: label keys once per distinct label, observations built only for
        // the rows a mapping or an operand needs.
        let pool = dataset.pool
        let empty = Table(schema: TableSchema(name: "observations", fields: [], primaryKey: nil, foreignKeys: []))
        let table = dataset.tables["observations"] ?? empty
        let rowCount = table.schema.fields.isEmpty ? 0 : table.rowCount
        var keyOfLabel: [Int32: String] = [:]
        var mapped: [(Observation, IndicatorMapping)] = []
        /// Operand counts by district, year and label key, and by document too (first printed wins).
        var counts: [String: Observation] = [:]
        var unmappedCount: [Int64: Int] = [:]
        var unmappedOrder: [(Int64, Int)] = []
        if rowCount > 0 {
            let reader = Observation.Reader(table)
            let labels = table.textIDs(reader.label), districts = table.textIDs(reader.district), periods = table.textIDs(reader.period)
            let sourceIDs = table.textIDs(reader.source)
            let targets = table.numbers(reader.target), realisations = table.numbers(reader.realisation)
            for row in 0..<rowCount where periods[row] < 0 && (!targets[row].isNaN || !realisations[row].isNaN) {
                let labelID = labels[row], districtID = districts[row]
                guard labelID >= 0, districtID >= 0 else { continue }
                let key: String
                if let k = keyOfLabel[labelID] { key = k } else { key = LabelKey.of(pool[labelID]); keyOfLabel[labelID] = key }
                let district = pool[districtID], source = pool.text(sourceIDs[row]) ?? ""
                if operandKeys.contains(key), !realisations[row].isNaN {
                    let year = table.integer(reader.year, row) ?? 0
                    let o = corrections.apply(to: reader.observation(at: row, pool: pool))
                    for countKey in ["\(district)\u{0}\(year)\u{0}\(key)", "\(district)\u{0}\(year)\u{0}\(key)\u{0}\(source)"] where counts[countKey] == nil {
                        counts[countKey] = o
                    }
                }
                if let m = mapping(district: district, source: source, label: key) {
                    mapped.append((corrections.apply(to: reader.observation(at: row, pool: pool)), m))
                } else if !operandKeys.contains(key) {
                    let pair = Int64(districtID) << 32 | Int64(labelID)
                    if unmappedCount[pair] == nil { unmappedOrder.append((pair, row)) }
                    unmappedCount[pair, default: 0] += 1
                }
            }
        }
        let unmappedLabels: [UnmappedLabel] = unmappedOrder.map { pair, row in
            let o = Observation.Reader(table).observation(at: row, pool: pool)
            return UnmappedLabel(districtCode: o.districtCode, label: o.indicatorLabel, level: o.level,
                                 count: unmappedCount[pair]!, firstLocation: "\(o.source.sourceID) \(o.source.description)")
        }

        // Reference series (labour force, …) resolved by priority, for per-1000 rates.
        // Yearly figures only (the August round, or no month stated); excluded figures stay out.
        let vintages = dataset.vintageRanks()
        var referenceValues: [AlignedValue] = references.filter { $0.excluded == nil && $0.isAnnual }.map { r in
            let s = sources[r.source.sourceID]
            return AlignedValue(areaCode: r.areaCode, year: r.year, indicatorID: r.indicator, value: r.value.value, role: .actual,
                                source: r.source, sourceType: s?.type ?? "other", sourceYear: s?.year,
                                sourcePriority: s?.priority, derived: r.derived, vintageRank: r.vintage.flatMap { vintages[$0] } ?? 0,
                                printedDecimals: r.value.decimals, label: r.indicator,
                                via: r.derived ? "references (derived)" : "references", priority: 1, recordIDs: [r.id])
        }
        let referenceSeries = Self.resolve(referenceValues)

        var actuals: [AlignedValue] = []
        var targets: [AlignedValue] = []
        for (o, m) in mapped {
            let s = sources[o.source.sourceID]
            func aligned(_ value: Double, _ role: AlignedValue.Role, year: Int, records: [Observation]) -> AlignedValue {
                var v = AlignedValue(areaCode: o.districtCode, year: year, indicatorID: m.indicatorID, value: value, role: role,
                                     source: o.source, sourceType: s?.type ?? "other", sourceYear: s?.year, sourcePriority: s?.priority,
                                     label: o.indicatorLabel,
                                     via: "mapping \(m.id) (\(m.transform.name))", priority: m.priority, recordIDs: records.map(\.id))
                let field = role == .actual ? "realisation" : "target"
                v.corrections = records.flatMap { $0.corrections.filter { $0.correction.field == field }.map(\.description) }
                v.caveats = m.caveat.map { [$0] } ?? []
                v.revision = o.revision
                v.revisionRank = o.revision.flatMap { revisions[o.source.sourceID + "\u{0}" + $0] } ?? 0
                return v
            }
            func operand(_ label: String) -> Observation? {
                let key = LabelKey.of(label)
                return counts["\(o.districtCode)\u{0}\(o.year)\u{0}\(key)\u{0}\(o.source.sourceID)"] ?? counts["\(o.districtCode)\u{0}\(o.year)\u{0}\(key)"]
            }
            switch m.transform {
            case .asIs, .scale:
                let factor: Double = if case .scale(let f) = m.transform { f } else { 1 }
                if let r = o.realisation {
                    var v = aligned(r.value * factor, .actual, year: o.year, records: [o])
                    if case .asIs = m.transform { v.printedDecimals = r.decimals }
                    actuals.append(v)
                }
                if let t = o.target { targets.append(aligned(t.value * factor, .target, year: o.targetYear ?? o.year, records: [o])) }
            case .ratio(let denominatorLabel):
                guard let numerator = o.realisation, let denominator = operand(denominatorLabel),
                      let d = denominator.realisation?.value, d != 0 else { continue }
                actuals.append(aligned(numerator.value / d * 100, .actual, year: o.year, records: [o, denominator]))
            case .sum(let labels):
                let parts = labels.map(operand)
                guard let first = o.realisation, parts.allSatisfy({ $0?.realisation != nil }) else { continue }
                let total = parts.reduce(first.value) { $0 + $1!.realisation!.value }
                actuals.append(aligned(total, .actual, year: o.year, records: [o] + parts.map { $0! }))
            case .perThousand(let reference):
                guard let r = o.realisation,
                      let base = referenceSeries[Key(areaCode: o.districtCode, year: o.year, indicatorID: reference)]?.chosen,
                      base.value != 0 else { continue }
                var v = aligned(r.value / base.value * 1000, .actual, year: o.year, records: [o])
                v.recordIDs += base.recordIDs
                actuals.append(v)
            }
        }
        // Reference figures are values of their canonical indicator directly (tpt, tpak, …).
        referenceValues.removeAll { catalogue.byID[$0.indicatorID] == nil }
        actuals += referenceValues

        self.values = actuals
        self.targets = targets
        self.unmapped = unmappedLabels
        resolved = Self.resolve(actuals)
        yearsIndex = Self.yearsIndex(resolved)
    }

    /// The mapping tables' own problems (labels mapped twice, incomplete transforms, unknown
    /// indicators), without aligning anything: what `tolok validate` needs.
    public static func check(_ dataset: Dataset) -> [Diagnostic] {
        let catalogue = IndicatorCatalogue(dataset)
        let loaded = IndicatorMapping.load(dataset, catalogue: catalogue)
        return loaded.diagnostics + MappingCheck.diagnostics(dataset, mappings: loaded.mappings, catalogue: catalogue)
    }

    /// Marks each value with the reasons `reasons` gives for it (the audit's suspicions) and
    /// resolves again, so an unsuspected value is preferred where there is one.
    public mutating func markSuspects(_ reasons: (AlignedValue) -> [String]) {
        for i in values.indices { values[i].suspicions = reasons(values[i]) }
        for i in targets.indices { targets[i].suspicions = reasons(targets[i]) }
        resolved = Self.resolve(values)
    }

    /// Adds values computed from the aligned ones (absorption, costs) and resolves again.
    public mutating func add(_ derived: [AlignedValue]) {
        values += derived
        resolved = Self.resolve(values)
    }

    /// The target used per area, year and indicator: the newest revision (``TargetPriority``).
    public var resolvedTargets: [Key: ResolvedValue] { Self.resolve(targets, prefers: TargetPriority.prefers) }

    /// The preferred value per key, by ``SourcePriority``.
    static func resolve(_ values: [AlignedValue],
                        prefers: (AlignedValue, AlignedValue) -> Bool = SourcePriority.prefers) -> [Key: ResolvedValue] {
        var result: [Key: ResolvedValue] = [:]
        for v in values {
            let key = Key(areaCode: v.areaCode, year: v.year, indicatorID: v.indicatorID)
            if var current = result[key] {
                if prefers(v, current.chosen) {
                    current.alternatives.insert(current.chosen, at: 0)
                    current.chosen = v
                } else {
                    current.alternatives.append(v)
                }
                result[key] = current
            } else {
                result[key] = ResolvedValue(chosen: v, alternatives: [])
            }
        }
        return result
    }

    /// The value used for an area, year and indicator.
    public func value(_ areaCode: String, _ year: Int, _ indicatorID: String) -> ResolvedValue? {
        resolved[Key(areaCode: areaCode, year: year, indicatorID: indicatorID)]
    }

    /// Years with a value for an area and indicator, ascending.
    public func years(_ areaCode: String, _ indicatorID: String) -> [Int] {
        yearsIndex[areaCode + "\u{0}" + indicatorID] ?? []
    }
}
