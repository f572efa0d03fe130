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
    public let diagnostics: [Diagnostic]
    /// The value used per area, year and indicator.
    public private(set) var resolved: [Key: ResolvedValue]

    /// Aligns `dataset`.
    public init(_ dataset: Dataset) {
        let catalogue = IndicatorCatalogue(dataset)
        self.catalogue = catalogue
        let (mappings, mappingDiagnostics) = IndicatorMapping.load(dataset)
        var diagnostics = mappingDiagnostics
        let sources = dataset.sources()
        let observations = dataset.observations().filter { $0.period == nil }
        let references = dataset.references()

        for m in mappings where catalogue.byID[m.indicatorID] == nil {
            diagnostics.append(Diagnostic(.error, file: m.file, line: m.line, "mapping \(m.id): unknown indicator \(m.indicatorID)"))
        }

        // Mappings by district (nil = any) and label key; a district's own row wins over "*".
        var byKey: [String: IndicatorMapping] = [:]
        for m in mappings { byKey[(m.districtCode ?? "*") + "\u{0}" + LabelKey.of(m.label)] = m }
        func mapping(for o: Observation) -> IndicatorMapping? {
            let key = LabelKey.of(o.indicatorLabel)
            return byKey[o.districtCode + "\u{0}" + key] ?? byKey["*\u{0}" + key]
        }

        // Printed realisations by district, year and label key (first printed wins), for ratios.
        var counts: [String: Observation] = [:]
        for o in observations where o.realisation != nil {
            let key = "\(o.districtCode)\u{0}\(o.year)\u{0}\(LabelKey.of(o.indicatorLabel))"
            if counts[key] == nil { counts[key] = o }
        }
        // Reference series (labour force, …) resolved by priority, for per-1000 rates.
        var referenceValues: [AlignedValue] = references.map { r in
            let s = sources[r.source.sourceID]
            return AlignedValue(areaCode: r.areaCode, year: r.year, indicatorID: r.indicator, value: r.value.value, role: .actual,
                                source: r.source, sourceType: s?.type ?? "other", sourceYear: s?.year, label: r.indicator,
                                via: "references", priority: 1, recordIDs: [r.id])
        }
        let referenceSeries = Self.resolve(referenceValues)

        var actuals: [AlignedValue] = []
        var targets: [AlignedValue] = []
        var covered = Set<String>()
        for m in mappings { if case .ratio(let d) = m.transform { covered.insert((m.districtCode ?? "*") + "\u{0}" + LabelKey.of(d)) } }
        var unmapped: [String: UnmappedLabel] = [:]
        var unmappedOrder: [String] = []

        for o in observations where o.target != nil || o.realisation != nil {
            guard let m = mapping(for: o) else {
                let key = LabelKey.of(o.indicatorLabel)
                if covered.contains(o.districtCode + "\u{0}" + key) || covered.contains("*\u{0}" + key) { continue }
                let id = o.districtCode + "\u{0}" + o.indicatorLabel
                if unmapped[id] == nil {
                    unmappedOrder.append(id)
                    unmapped[id] = UnmappedLabel(districtCode: o.districtCode, label: o.indicatorLabel, level: o.level, count: 0,
                                                 firstLocation: "\(o.source.sourceID) \(o.source.description)")
                }
                unmapped[id]!.count += 1
                continue
            }
            let s = sources[o.source.sourceID]
            func aligned(_ value: Double, _ role: AlignedValue.Role, year: Int, records: [String]) -> AlignedValue {
                AlignedValue(areaCode: o.districtCode, year: year, indicatorID: m.indicatorID, value: value, role: role,
                             source: o.source, sourceType: s?.type ?? "other", sourceYear: s?.year, label: o.indicatorLabel,
                             via: "mapping \(m.id) (\(m.transform.name))", priority: m.priority, recordIDs: records)
            }
            switch m.transform {
            case .asIs, .scale:
                let factor: Double = if case .scale(let f) = m.transform { f } else { 1 }
                if let r = o.realisation { actuals.append(aligned(r.value * factor, .actual, year: o.year, records: [o.id])) }
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
        self.unmapped = unmappedOrder.map { unmapped[$0]! }
        self.diagnostics = diagnostics
        resolved = Self.resolve(actuals)
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
        resolved.keys.filter { $0.areaCode == areaCode && $0.indicatorID == indicatorID }.map(\.year).sorted()
    }
}
