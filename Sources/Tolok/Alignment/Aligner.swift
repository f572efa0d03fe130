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
    public let targets: [AlignedValue]
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

        // Mappings by district (nil = any) and label key; a district's own row wins over "*".
        var byKey: [String: IndicatorMapping] = [:]
        for m in mappings { byKey[(m.districtCode ?? "*") + "\u{0}" + LabelKey.of(m.label)] = m }
        var denominatorKeys = Set<String>()
        for m in mappings { if case .ratio(let d) = m.transform { denominatorKeys.insert(LabelKey.of(d)) } }

        // Work on the columns: label keys once per distinct label, observations built only for
        // the rows a mapping or a ratio needs.
        let pool = dataset.pool
        let empty = Table(schema: TableSchema(name: "observations", fields: [], primaryKey: nil, foreignKeys: []))
        let table = dataset.tables["observations"] ?? empty
        let rowCount = table.schema.fields.isEmpty ? 0 : table.rowCount
        var keyOfLabel: [Int32: String] = [:]
        var mapped: [(Observation, IndicatorMapping)] = []
        var counts: [String: Observation] = [:]
        var unmappedCount: [Int64: Int] = [:]
        var unmappedOrder: [(Int64, Int)] = []
        if rowCount > 0 {
            let reader = Observation.Reader(table)
            let labels = table.textIDs(reader.label), districts = table.textIDs(reader.district), periods = table.textIDs(reader.period)
            let targets = table.numbers(reader.target), realisations = table.numbers(reader.realisation)
            for row in 0..<rowCount where periods[row] < 0 && (!targets[row].isNaN || !realisations[row].isNaN) {
                let labelID = labels[row], districtID = districts[row]
                guard labelID >= 0, districtID >= 0 else { continue }
                let key: String
                if let k = keyOfLabel[labelID] { key = k } else { key = LabelKey.of(pool[labelID]); keyOfLabel[labelID] = key }
                let district = pool[districtID]
                if denominatorKeys.contains(key), !realisations[row].isNaN {
                    let countKey = "\(district)\u{0}\(table.integer(reader.year, row) ?? 0)\u{0}\(key)"
                    if counts[countKey] == nil { counts[countKey] = reader.observation(at: row, pool: pool) }
                }
                if let m = byKey[district + "\u{0}" + key] ?? byKey["*\u{0}" + key] {
                    mapped.append((reader.observation(at: row, pool: pool), m))
                } else if !denominatorKeys.contains(key) {
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
            func aligned(_ value: Double, _ role: AlignedValue.Role, year: Int, records: [String]) -> AlignedValue {
                AlignedValue(areaCode: o.districtCode, year: year, indicatorID: m.indicatorID, value: value, role: role,
                             source: o.source, sourceType: s?.type ?? "other", sourceYear: s?.year, sourcePriority: s?.priority,
                             label: o.indicatorLabel,
                             via: "mapping \(m.id) (\(m.transform.name))", priority: m.priority, recordIDs: records)
            }
            switch m.transform {
            case .asIs, .scale:
                let factor: Double = if case .scale(let f) = m.transform { f } else { 1 }
                if let r = o.realisation {
                    var v = aligned(r.value * factor, .actual, year: o.year, records: [o.id])
                    if case .asIs = m.transform { v.printedDecimals = r.decimals }
                    actuals.append(v)
                }
                if let t = o.target { targets.append(aligned(t.value * factor, .target, year: o.targetYear ?? o.year, records: [o.id])) }
            case .ratio(let denominatorLabel):
                guard let numerator = o.realisation,
                      let denominator = counts["\(o.districtCode)\u{0}\(o.year)\u{0}\(LabelKey.of(denominatorLabel))"],
                      let d = denominator.realisation?.value, d != 0 else { continue }
                actuals.append(aligned(numerator.value / d * 100, .actual, year: o.year, records: [o.id, denominator.id]))
            case .perThousand(let reference):
                guard let r = o.realisation,
                      let base = referenceSeries[Key(areaCode: o.districtCode, year: o.year, indicatorID: reference)]?.chosen,
                      base.value != 0 else { continue }
                actuals.append(aligned(r.value / base.value * 1000, .actual, year: o.year, records: [o.id] + base.recordIDs))
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
        IndicatorMapping.load(dataset, catalogue: IndicatorCatalogue(dataset)).diagnostics
    }

    /// Adds values computed from the aligned ones (absorption, costs) and resolves again.
    public mutating func add(_ derived: [AlignedValue]) {
        values += derived
        resolved = Self.resolve(values)
    }

    /// The preferred value per key, by ``SourcePriority``.
    static func resolve(_ values: [AlignedValue]) -> [Key: ResolvedValue] {
        var result: [Key: ResolvedValue] = [:]
        for v in values {
            let key = Key(areaCode: v.areaCode, year: v.year, indicatorID: v.indicatorID)
            if var current = result[key] {
                if SourcePriority.prefers(v, over: current.chosen) {
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
