import TolokModel

/// Aligns the datasets onto the canonical indicators: mapped observations (corrections applied)
/// and reference figures become ``Fact``s, resolved per indicator, year and area by the source
/// priority into a ``ResolvedGrid``; labels no mapping covers are listed.
///
/// Everything is integer work over the tables' columns: label keys once per distinct label,
/// mappings once per distinct district, document and label, operands through integer keys. A
/// fact becomes an ``AlignedValue`` with its texts only when asked (``aligned(_:role:)``).
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

    public let dataset: Dataset
    public let catalogue: IndicatorCatalogue
    public let mappings: [IndicatorMapping]
    public let unmapped: [UnmappedLabel]
    /// Area codes by area index (every area of areas.csv, in file order).
    public let areaCodes: [String]
    /// Area index by code.
    public let areaIndex: [String: Int32]
    public let sourceInfo: [SourceInfo]
    /// Every actual value, in dataset order: mapped observations, then references, then computed values.
    public private(set) var facts: [Fact] = []
    /// Every target (year = the target's year).
    public private(set) var targetFacts: [Fact] = []
    /// The full values of computed facts (absorption, costs, per-1,000 rates), by ``Fact/row``.
    public private(set) var computed: [AlignedValue] = []
    /// The value used per indicator, year and area.
    public private(set) var grid: ResolvedGrid
    /// The target used per indicator, year and area: the newest revision (``TargetPriority``).
    public private(set) var targetGrid: ResolvedGrid
    /// Why facts are suspect, by fact index (actuals and targets).
    public private(set) var suspicions: [Int32: [String]] = [:]
    public private(set) var targetSuspicions: [Int32: [String]] = [:]
    /// Operand rows beyond the first of a sum, by fact index.
    var moreOperands: [Int32: [Int32]] = [:]
    /// Observations with corrections, by row: the corrected record.
    let correctedRows: [Int32: Observation]
    /// The text columns of the observations and references (``appendCitation(_:role:to:)``).
    let textColumns: RecordTextColumns

    /// Aligns `dataset`; on `threads > 1`, the observations on two threads (the same result).
    public init(_ dataset: Dataset, threads: Int = 1) {
        self.dataset = dataset
        let catalogue = IndicatorCatalogue(dataset)
        self.catalogue = catalogue
        let pool = dataset.pool
        areaCodes = dataset.areas.all.map(\.code)
        areaIndex = Dictionary(areaCodes.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        var areaOfPoolID = [Int32](repeating: -1, count: pool.count)
        for (i, a) in dataset.areas.all.enumerated() { areaOfPoolID[Int(a.codeID)] = Int32(i) }
        let observations = dataset.tables[ObservationField.tableKind]
        let indicatorIndex = Dictionary(catalogue.all.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })

        // Sources by index, and by pool id.
        let sources = dataset.sources().values.sorted { $0.id < $1.id }
        sourceInfo = sources.map { SourceInfo(id: $0.id, type: $0.type, typeRank: SourcePriority.rank($0.type), priority: $0.priority, year: $0.year) }
        var sourceOfPoolID = [Int32](repeating: -1, count: pool.count)
        for (i, s) in sources.enumerated() { if let id = pool.id(of: s.id) { sourceOfPoolID[Int(id)] = Int32(i) } }
        let sourceInfo = self.sourceInfo
        let referenceRows = dataset.tables[ReferenceField.tableKind].map {
            ReferenceRows($0, dataset: dataset, areaOfPool: areaOfPoolID, sourceOfPool: sourceOfPoolID, indicatorIndex: indicatorIndex)
        }

        // The mapping table read, and the observations' rows put by district then the reference
        // facts taken, side by side on `threads > 1`. Problems in the mapping tables are
        // `tolok validate`'s business (``check(_:)``).
        let mappingTable = ParallelSlots<(mappings: [IndicatorMapping], lookup: MappingLookup)>(count: 1)
        let districtRows = ParallelSlots<BucketAligner.Buckets>(count: 1)
        let referenceFactsTaken = ParallelSlots<[Fact]>(count: 1)
        let tasks: [@Sendable () -> Void] = [
            {
                let mappings = IndicatorMapping.load(dataset, catalogue: catalogue).mappings
                mappingTable[0] = (mappings, MappingLookup(mappings, pool: pool))
            },
            { [areaOfPoolID, areaCount = areaCodes.count] in
                if let table = observations, table.rowCount > 0 {
                    districtRows[0] = BucketAligner.Buckets(table, areaOfPool: areaOfPoolID, areaCount: areaCount)
                }
                referenceFactsTaken[0] = referenceRows?.facts() ?? []
            },
        ]
        ParallelTasks.run(threads: threads, tasks)
        let (mappings, lookup) = mappingTable[0]!
        self.mappings = mappings

        // Corrections of observations, by row.
        let corrections = Corrections(dataset.corrections())
        var correctedRows: [Int32: Observation] = [:]
        if let table = observations, !corrections.all.isEmpty {
            let rows = table.rowsByID(table.column(ObservationField.id), poolCount: pool.count)
            let reader = Observation.Reader(table)
            for c in corrections.all {
                guard let id = pool.id(of: c.recordID), rows[Int(id)] >= 0 else { continue }
                let row = rows[Int(id)]
                if correctedRows[row] == nil { correctedRows[row] = corrections.apply(to: reader.observation(at: Int(row), pool: pool)) }
            }
        }
        self.correctedRows = correctedRows
        textColumns = RecordTextColumns(dataset)

        // The reference facts (yearly, not excluded), and the series the per-1,000 rates divide by.
        let referenceFacts = referenceFactsTaken[0]!
        /// Reference series by (area, indicator name pool id, year) for per-1,000 rates.
        var series: [SeriesKey: Int32] = [:]
        var seriesFacts: [Fact] = []
        if let referenceRows {
            var isBase = [Bool](repeating: false, count: pool.count)
            for m in mappings { if case .perThousand(let r) = m.transform, let id = pool.id(of: r) { isBase[Int(id)] = true } }
            for row in referenceRows.rows(where: isBase) {
                guard let (f, indicator) = referenceRows.fact(row) else { continue }
                let key = SeriesKey(area: f.area, indicator: indicator, year: f.year)
                seriesFacts.append(f)
                let i = Int32(seriesFacts.count - 1)
                if let current = series[key] {
                    if SourcePriority.prefers(f, over: seriesFacts[Int(current)], sources: sourceInfo) { series[key] = i }
                } else {
                    series[key] = i
                }
            }
        }

        // The observations, through the mapping table.
        var actuals: [Fact] = []
        var targets: [Fact] = []
        var moreOperands: [Int32: [Int32]] = [:]
        var unmappedLabels: [UnmappedLabel] = []
        if let table = observations, table.rowCount > 0, let buckets = districtRows[0] {
            districtRows[0] = nil  // freed with the aligner, before the grids are made
            let district = table.textIDs(ObservationField.districtCode), label = table.textIDs(ObservationField.indicatorLabel)
            let source = table.textIDs(ObservationField.sourceID)
            let revision = table.textIDs(ObservationField.revision)
            let year = table.integers(ObservationField.year), targetYear = table.integers(ObservationField.targetYear)
            let target = table.numbers(ObservationField.target), realisation = table.numbers(ObservationField.realisation)
            let realisationDecimals = table.decimalCounts(ObservationField.realisation)
            var corrected = [Bool](repeating: false, count: table.rowCount)
            for row in correctedRows.keys { corrected[Int(row)] = true }
            var revisionRanks: [Int64: Int8] = [:]  // (source, revision) pool ids
            for (key, r) in dataset.revisionRanks() {
                let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
                if parts.count == 2, let s = pool.id(of: parts[0]), let v = pool.id(of: parts[1]) {
                    revisionRanks[Int64(s) << 32 | Int64(v)] = Int8(clamping: r)
                }
            }
            // Each mapping as integers: indicator index, transform, factor, priority, operand keys.
            let plans = mappings.map { m in
                MappingPlan(m, indicator: indicatorIndex[m.indicatorID] ?? -1, pool: pool)
            }
            let aligner = BucketAligner(
                district: district, label: label, source: source, revision: revision, year: year, targetYear: targetYear,
                target: target, realisation: realisation, realisationDecimals: realisationDecimals, corrected: corrected,
                correctedRows: correctedRows, revisionRanks: revisionRanks, plans: plans, areaOfPool: areaOfPoolID,
                sourceOfPool: sourceOfPoolID, series: series, seriesFacts: seriesFacts, lookup: lookup,
                bucketStart: buckets.start, rowsByBucket: buckets.rows, areaCount: areaCodes.count)
            // With room for the references appended below.
            var facts = aligner.align(reservingExtra: referenceFacts.count, threads: threads)
            swap(&actuals, &facts.actuals)
            swap(&targets, &facts.targets)
            moreOperands = facts.moreOperands
            var unmappedCount: [Int64: Int] = [:]
            var unmappedOrder: [(Int64, Int)] = []
            for (pair, u) in facts.unmapped {
                unmappedCount[pair] = u.count
                unmappedOrder.append((pair, u.firstRow))
            }
            unmappedOrder.sort { $0.1 < $1.1 }
            let reader = Observation.Reader(table)
            unmappedLabels = unmappedOrder.map { pair, row in
                let o = reader.observation(at: row, pool: pool)
                return UnmappedLabel(districtCode: o.districtCode, label: o.indicatorLabel, level: o.level,
                                     count: unmappedCount[pair]!, firstLocation: "\(o.source.sourceID) \(o.source.description)")
            }
        }
        actuals.append(contentsOf: referenceFacts)
        facts = actuals
        targetFacts = targets
        self.moreOperands = moreOperands
        unmapped = unmappedLabels
        grid = ResolvedGrid([], areaCount: 0, indicatorCount: 0, prefers: { _, _ in false })
        targetGrid = grid
        resolve(threads: threads)
    }

    /// The rows of the references table that give facts: yearly (August, or no month), not
    /// excluded, with a value, an area, an indicator and a year.
    struct ReferenceRows: Sendable {
        let table: Table
        let area: [Int32], indicator: [Int32], source: [Int32], vintage: [Int32], excluded: [Int32]
        let year: [Int64], month: [Int64], printed: [Int64]
        let value: [Double]
        let decimals: [Int8]
        let derived: [Int8]
        let areaOfPool: [Int32], sourceOfPool: [Int32]
        /// Catalogue index and vintage rank by pool id (-1 and 0 when none).
        let indicatorOfPool: [Int32], rankOfVintage: [Int8]

        init(_ refs: Table, dataset: Dataset, areaOfPool: [Int32], sourceOfPool: [Int32], indicatorIndex: [String: Int32]) {
            let pool = dataset.pool
            table = refs
            area = refs.textIDs(ReferenceField.areaCode)
            indicator = refs.textIDs(ReferenceField.indicator)
            year = refs.integers(ReferenceField.year)
            month = refs.integers(ReferenceField.month)
            value = refs.numbers(ReferenceField.value)
            decimals = refs.decimalCounts(ReferenceField.value)
            printed = refs.integers(ReferenceField.printedDecimals)
            derived = refs.booleans(ReferenceField.derived)
            vintage = refs.textIDs(ReferenceField.vintage)
            source = refs.textIDs(ReferenceField.sourceID)
            excluded = refs.textIDs(ReferenceField.excluded)
            self.areaOfPool = areaOfPool
            self.sourceOfPool = sourceOfPool
            var ranks = [Int8](repeating: 0, count: pool.count)
            for (v, r) in dataset.vintageRanks() { if let id = pool.id(of: v) { ranks[Int(id)] = Int8(clamping: r) } }
            rankOfVintage = ranks
            var indicators = [Int32](repeating: -1, count: pool.count)
            for (id, i) in indicatorIndex { if let p = pool.id(of: id) { indicators[Int(p)] = i } }
            indicatorOfPool = indicators
        }

        /// The fact of `row` (its indicator -1) and the pool id of its indicator's name, or `nil`
        /// when the row gives none.
        func fact(_ row: Int) -> (fact: Fact, indicator: Int32)? {
            guard excluded[row] < 0, month[row] == Int64.min || month[row] == 8, !value[row].isNaN,
                  area[row] >= 0, indicator[row] >= 0, year[row] != Int64.min else { return nil }
            let a = areaOfPool[Int(area[row])]
            guard a >= 0 else { return nil }
            var f = Fact(area: a, indicator: -1, year: Int32(year[row]), value: value[row], kind: .reference, row: Int32(row),
                         source: source[row] >= 0 ? sourceOfPool[Int(source[row])] : -1)
            f.printedDecimals = printed[row] != Int64.min ? Int8(clamping: printed[row]) : decimals[row]
            f.derived = derived[row] == 1
            f.vintageRank = vintage[row] >= 0 ? rankOfVintage[Int(vintage[row])] : 0
            return (f, indicator[row])
        }

        /// The facts of the rows whose indicator is in the catalogue, in row order.
        func facts() -> [Fact] {
            var facts: [Fact] = []
            for row in 0..<table.rowCount {
                guard case (var f, let name)? = fact(row), indicatorOfPool[Int(name)] >= 0 else { continue }
                f.indicator = indicatorOfPool[Int(name)]
                facts.append(f)
            }
            return facts
        }

        /// The rows whose indicator's pool id is flagged in `names`, in order.
        func rows(where names: [Bool]) -> [Int] {
            (0..<table.rowCount).filter { indicator[$0] >= 0 && names[Int(indicator[$0])] }
        }
    }

    /// A mapping row as the hot loop needs it: integers only.
    struct MappingPlan {
        enum Kind { case asIs, scale, ratio, sum, perThousand }
        var indicator: Int32
        var kind: Kind
        var factor: Double = 1
        var priority: Int32
        /// A per-1,000 rate's reference series (pool id of its indicator name; -1 when unknown).
        var base: Int32 = -1

        init(_ m: IndicatorMapping, indicator: Int32, pool: StringPool) {
            self.indicator = indicator
            priority = Int32(m.priority)
            switch m.transform {
            case .asIs: kind = .asIs
            case .scale(let f): kind = .scale; factor = f
            case .ratio: kind = .ratio
            case .sum: kind = .sum
            case .perThousand(let reference): kind = .perThousand; base = pool.id(of: reference) ?? -1
            }
        }
    }

    struct SeriesKey: Hashable { var area: Int32; var indicator: Int32; var year: Int32 }
    /// An operand's key, packed exactly: area index (16 bits), source index + 1 (19 bits; 0 =
    /// any document), label key (21 bits), year − 1900 (8 bits).
    @inline(__always)
    static func operandKey(_ area: Int32, _ year: Int64, _ key: Int32, _ source: Int32) -> UInt64 {
        precondition(area >= 0 && area < 1 << 16 && source >= -1 && source < (1 << 19) - 1 && key >= 0 && key < 1 << 21,
                     "more areas, sources or labels than the operand key holds")
        let y = UInt64(max(0, min(255, year - 1900)))
        return UInt64(area) << 48 | UInt64(source + 1) << 29 | UInt64(key) << 8 | y
    }

    /// The grids of the actual values and of the targets (side by side on `threads > 1`).
    private mutating func resolve(threads: Int = 1) {
        let (sources, facts, targetFacts) = (sourceInfo, facts, targetFacts)
        let (areaCount, indicatorCount) = (areaCodes.count, catalogue.all.count)
        let grids = ParallelSlots<ResolvedGrid>(count: 2)
        let tasks: [@Sendable () -> Void] = [
            {
                grids[0] = ResolvedGrid(facts, areaCount: areaCount, indicatorCount: indicatorCount, keepsValues: true) {
                    SourcePriority.prefers($0, over: $1, sources: sources)
                }
            },
            {
                grids[1] = ResolvedGrid(targetFacts, areaCount: areaCount, indicatorCount: indicatorCount) {
                    TargetPriority.prefers($0, over: $1, sources: sources)
                }
            },
        ]
        ParallelTasks.run(threads: threads, tasks)
        grid = grids[0]!
        targetGrid = grids[1]!
    }

    /// The mapping tables' own problems (labels mapped twice, incomplete transforms, unknown
    /// indicators, labels of another kind of unit), without aligning anything: what
    /// `tolok validate` needs.
    public static func check(_ dataset: Dataset) -> [Diagnostic] {
        let catalogue = IndicatorCatalogue(dataset)
        let loaded = IndicatorMapping.load(dataset, catalogue: catalogue)
        return loaded.diagnostics + MappingCheck.diagnostics(dataset, mappings: loaded.mappings, catalogue: catalogue)
    }

    // MARK: Suspects and computed values

    /// Marks the facts that come from a suspect figure, with the reasons, and resolves again so
    /// an unsuspected value is preferred where there is one. `reasons` is keyed by
    /// `record_id.field` (``AlignedValue/recordIDs``): an actual value's figure is its realisation
    /// (or a reference's value, a budget line's amounts), a target's its target.
    ///
    /// With `factsFrom`, only the facts from that index on are marked: those ``add(_:resolving:)``
    /// appended since a call with the same `reasons` (the others, and the targets, keep their
    /// marks). Only the cells of facts whose mark changed are resolved again, and the appended
    /// facts placed (``ResolvedGrid/resolve(changed:of:prefers:)``); when the grids are made anew,
    /// on `threads > 1` the two side by side (the same grids).
    public mutating func markSuspects(_ reasons: [String: [String]], factsFrom first: Int = 0, threads: Int = 1) {
        let pool = dataset.pool
        // The reasons by table row and field: a row's index into `lists`, or -1. A key names one
        // record's field, and a record id one row (its first), so each row and field has one list.
        var lists: [[String]] = []
        func rows<Field: TableField>(_ fields: [Field], id: Field) -> [[Int32]] {
            guard let table = dataset.tables[Field.tableKind] else { return fields.map { _ in [] } }
            var result = fields.map { _ in [Int32](repeating: -1, count: table.rowCount) }
            guard !reasons.isEmpty else { return result }
            let byID = table.rowsByID(table.column(id), poolCount: pool.count)
            for (key, list) in reasons {
                guard let dot = key.lastIndex(of: "."), let field = fields.firstIndex(where: { $0.rawValue == key[key.index(after: dot)...] }),
                      let id = pool.id(of: String(key[..<dot])), byID[Int(id)] >= 0 else { continue }
                result[field][Int(byID[Int(id)])] = Int32(lists.count)
                lists.append(list)
            }
            return result
        }
        func listed(_ rows: [Int32], _ row: Int32) -> [String] {
            rows.isEmpty || rows[Int(row)] < 0 ? [] : lists[Int(rows[Int(row)])]
        }
        // Computed facts read `reasons` by record id: the rows are needed for the others only.
        let byRow = first == 0 || facts[first...].contains { $0.kind != .computed }
        let observation = byRow ? rows([ObservationField.realisation, .target], id: .id) : [[], []]
        let (observationActual, observationTarget) = (observation[0], observation[1])
        let referenceActual = byRow ? rows([ReferenceField.value], id: .id)[0] : []
        func reasonsOf(_ f: Fact, _ i: Int, target: Bool) -> [String] {
            switch f.kind {
            case .observation:
                var list = listed(target ? observationTarget : observationActual, f.row)
                if f.operandRow >= 0 {
                    let operandIsReference = f.mapping >= 0 && { if case .perThousand = mappings[Int(f.mapping)].transform { return true } else { return false } }()
                    list += listed(operandIsReference ? referenceActual : observationActual, f.operandRow)
                }
                if !moreOperands.isEmpty { for extra in moreOperands[Int32(i)] ?? [] { list += listed(observationActual, extra) } }
                return list
            case .reference:
                return target ? [] : listed(referenceActual, f.row)
            case .computed:
                let v = computed[Int(f.row)]
                let fields = (target ? AlignedValue.Role.target : .actual).figureFields
                return v.recordIDs.flatMap { id in fields.flatMap { reasons[id + "." + $0] ?? [] } }
            }
        }
        if first == 0 {
            suspicions = [:]
            targetSuspicions = [:]
        }
        // The facts whose mark changes: their cells are resolved again.
        var changed: [Int] = [], changedTargets: [Int] = []
        for i in first..<facts.count {
            let list = reasonsOf(facts[i], i, target: false)
            if facts[i].suspect == list.isEmpty { changed.append(i) }
            facts[i].suspect = !list.isEmpty
            // (From 0 the table is empty: nothing to remove.)
            if !list.isEmpty || first > 0 { suspicions[Int32(i)] = list.isEmpty ? nil : list }
        }
        if first == 0 {
            for i in targetFacts.indices {
                let list = reasonsOf(targetFacts[i], i, target: true)
                if targetFacts[i].suspect == list.isEmpty { changedTargets.append(i) }
                targetFacts[i].suspect = !list.isEmpty
                if !list.isEmpty { targetSuspicions[Int32(i)] = list }
            }
        }
        refresh(changed: changed, changedTargets: changedTargets, threads: threads)
    }

    /// Brings the grids up to date with the facts as they are now: the facts appended since a
    /// grid was made are placed, and the cells of the placed facts whose mark changed
    /// (`changed`, `changedTargets`) resolved again; the grids are made anew when an appended fact
    /// lies outside them. The same grids as ``resolve(threads:)``, without a pass over every fact.
    private mutating func refresh(changed: [Int], changedTargets: [Int], threads: Int) {
        let sources = sourceInfo
        let actual = { (a: Fact, b: Fact) in SourcePriority.prefers(a, over: b, sources: sources) }
        let target = { (a: Fact, b: Fact) in TargetPriority.prefers(a, over: b, sources: sources) }
        let (placed, placedTargets) = (grid.placed, targetGrid.placed)
        guard grid.place(factsFrom: facts, prefers: actual), targetGrid.place(factsFrom: targetFacts, prefers: target) else {
            resolve(threads: threads)
            return
        }
        grid.resolve(changed: changed.filter { $0 < placed }, of: facts, prefers: actual)
        targetGrid.resolve(changed: changedTargets.filter { $0 < placedTargets }, of: targetFacts, prefers: target)
    }

    /// Adds values computed from the aligned ones (absorption, costs, per-1,000 rates) and
    /// resolves again (`resolving: false`: later, by the next call that resolves, such as
    /// ``markSuspects(_:)``; until then the grids do not hold the added values).
    public mutating func add(_ derived: [AlignedValue], resolving: Bool = true) {
        let sourceIndex = Dictionary(sourceInfo.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        for v in derived {
            guard let a = areaIndex[v.areaCode], let ind = catalogue.index[v.indicatorID] else { continue }
            var f = Fact(area: a, indicator: Int32(ind), year: Int32(v.year), value: v.value, kind: .computed,
                         row: Int32(computed.count), source: sourceIndex[v.source.sourceID] ?? -1)
            f.priority = Int32(v.priority)
            f.printedDecimals = v.printedDecimals.map { Int8(clamping: $0) } ?? Fact.notPrinted
            f.derived = v.derived
            f.vintageRank = Int8(clamping: v.vintageRank)
            f.suspect = v.isSuspect
            if v.isSuspect { suspicions[Int32(facts.count)] = v.suspicions }
            computed.append(v)
            facts.append(f)
        }
        if resolving { resolve() }
    }

    // MARK: Values with their texts

    /// The fact `i` (of ``facts``, or of ``targetFacts`` for a target) with its texts.
    public func aligned(_ i: Int, role: AlignedValue.Role = .actual) -> AlignedValue {
        let f = role == .actual ? facts[i] : targetFacts[i]
        let reasons = (role == .actual ? suspicions : targetSuspicions)[Int32(i)] ?? []
        let pool = dataset.pool
        let source = f.source >= 0 ? sourceInfo[Int(f.source)] : nil
        func base(_ location: SourceLocation, label: String, via: String, records: [String]) -> AlignedValue {
            var v = AlignedValue(areaCode: areaCodes[Int(f.area)], year: Int(f.year), indicatorID: catalogue.all[Int(f.indicator)].id,
                                 value: f.value, role: role, source: location, sourceType: source?.type ?? "other",
                                 sourceYear: source?.year, sourcePriority: source?.priority, derived: f.derived,
                                 vintageRank: Int(f.vintageRank), printedDecimals: f.isPrinted ? Int(f.printedDecimals) : nil,
                                 label: label, via: via, priority: Int(f.priority), recordIDs: records)
            v.revisionRank = Int(f.revisionRank)
            v.suspicions = reasons
            return v
        }
        switch f.kind {
        case .computed:
            var v = computed[Int(f.row)]
            v.suspicions = reasons
            return v
        case .reference:
            let refs = dataset.tables[ReferenceField.tableKind]!
            let row = Int(f.row)
            let text = { (field: ReferenceField) in pool.text(refs.textID(refs.column(field), row)) }
            let location = SourceLocation(sourceID: text(.sourceID) ?? "", location: text(.location) ?? "", page: nil,
                                          file: refs.files[Int(refs.rowFile[row])], line: Int(refs.rowLine[row]))
            return base(location, label: text(.indicator) ?? "", via: f.derived ? "references (derived)" : "references",
                        records: [text(.id) ?? ""])
        case .observation:
            let table = dataset.tables[ObservationField.tableKind]!
            let reader = Observation.Reader(table)
            let o = correctedRows[f.row] ?? reader.observation(at: Int(f.row), pool: pool)
            let m = mappings[Int(f.mapping)]
            var records = [o]
            var referenceRecords: [String] = []
            if f.operandRow >= 0 {
                if case .perThousand = m.transform {
                    let refs = dataset.tables[ReferenceField.tableKind]!
                    referenceRecords = [pool.text(refs.textID(refs.column(ReferenceField.id), Int(f.operandRow))) ?? ""]
                } else {
                    records.append(correctedRows[f.operandRow] ?? reader.observation(at: Int(f.operandRow), pool: pool))
                }
            }
            for extra in role == .actual ? moreOperands[Int32(i)] ?? [] : [] {
                records.append(correctedRows[extra] ?? reader.observation(at: Int(extra), pool: pool))
            }
            var v = base(o.source, label: o.indicatorLabel, via: "mapping \(m.id) (\(m.transform.name))",
                         records: records.map(\.id) + referenceRecords)
            let field = (role == .actual ? ObservationField.realisation : .target).rawValue
            v.corrections = records.flatMap { $0.corrections.filter { $0.correction.field == field }.map(\.description) }
            v.caveats = m.caveat.map { [$0] } ?? []
            v.revision = o.revision
            return v
        }
    }

    /// The id of the record fact `i` comes from (its first record).
    public func recordID(_ i: Int, role: AlignedValue.Role = .actual) -> String {
        let f = role == .actual ? facts[i] : targetFacts[i]
        switch f.kind {
        case .computed: return computed[Int(f.row)].recordIDs.first ?? ""
        case .reference:
            let t = dataset.tables[ReferenceField.tableKind]!
            return dataset.pool.text(t.textID(t.column(ReferenceField.id), Int(f.row))) ?? ""
        case .observation:
            let t = dataset.tables[ObservationField.tableKind]!
            return dataset.pool.text(t.textID(t.column(ObservationField.id), Int(f.row))) ?? ""
        }
    }

    /// The chosen value and the others of a cell of ``grid`` (or ``targetGrid``).
    public func resolvedValue(cell: Int, role: AlignedValue.Role = .actual) -> ResolvedValue? {
        let g = role == .actual ? grid : targetGrid
        let chosen = g.chosen[cell]
        guard chosen >= 0 else { return nil }
        return ResolvedValue(chosen: aligned(Int(chosen), role: role), alternatives: g.alternatives(cell).map { aligned(Int($0), role: role) })
    }

    /// The cell of an area, year and indicator in the grid of `role` (``grid`` or ``targetGrid``);
    /// `nil` for an unknown area or indicator, or outside the grid.
    public func cell(_ areaCode: String, _ year: Int, _ indicatorID: String, role: AlignedValue.Role = .actual) -> Int? {
        guard let a = areaIndex[areaCode], let ind = catalogue.index[indicatorID] else { return nil }
        return (role == .actual ? grid : targetGrid).cell(indicator: ind, year: year, area: Int(a))
    }

    /// The value used for an area, year and indicator.
    public func value(_ areaCode: String, _ year: Int, _ indicatorID: String) -> ResolvedValue? {
        cell(areaCode, year, indicatorID).flatMap { resolvedValue(cell: $0) }
    }

    /// The target used for an area, year and indicator: the newest revision.
    public func target(_ areaCode: String, _ year: Int, _ indicatorID: String) -> ResolvedValue? {
        cell(areaCode, year, indicatorID, role: .target).flatMap { resolvedValue(cell: $0, role: .target) }
    }

    /// The chosen fact of an area, year and indicator (indices).
    @inline(__always)
    public func chosen(area: Int, indicator: Int, year: Int) -> Fact? {
        grid.fact(indicator: indicator, year: year, area: area).map { facts[$0] }
    }

    /// Calls `body` with every cell's chosen fact: indicator index, year, area index, fact.
    public func forEachChosen(_ body: (_ indicator: Int, _ year: Int, _ area: Int, _ fact: Fact) -> Void) {
        for ind in 0..<grid.indicatorCount {
            for year in grid.years {
                for area in 0..<grid.areaCount {
                    if let f = grid.fact(indicator: ind, year: year, area: area) { body(ind, year, area, facts[f]) }
                }
            }
        }
    }

    /// The keys (area, year, indicator) that have a value (of `indicator` only, when given; of the
    /// areas with codes `areas` only, when given), in grid order.
    public func keys(indicator: String? = nil, areas codes: [String]? = nil, role: AlignedValue.Role = .actual) -> [Key] {
        let g = role == .actual ? grid : targetGrid
        let indicators = indicator.map { catalogue.index[$0].map { [$0] } ?? [] } ?? Array(catalogue.all.indices)
        let areas = codes.map { Set($0.compactMap { areaIndex[$0].map(Int.init) }).sorted() } ?? Array(0..<areaCodes.count)
        var keys: [Key] = []
        for ind in indicators {
            let id = catalogue.all[ind].id
            for year in g.years {
                for area in areas where g.fact(indicator: ind, year: year, area: area) != nil {
                    keys.append(Key(areaCode: areaCodes[area], year: year, indicatorID: id))
                }
            }
        }
        return keys
    }

    /// Years with a value for an area and indicator, ascending.
    public func years(_ areaCode: String, _ indicatorID: String) -> [Int] {
        guard let a = areaIndex[areaCode], let ind = catalogue.index[indicatorID] else { return [] }
        return grid.years.filter { grid.fact(indicator: ind, year: $0, area: Int(a)) != nil }
    }
}

/// The mapping table as integer lookups: label keys by label id, and for each key its rows by
/// district and document (a document's own row wins over its district's, which wins over `*`).
struct MappingLookup {
    /// Key of each printed label by pool id (-1 not yet known).
    private var keyOfLabelID: [Int32]
    private var keyOfText: [String: Int32] = [:]
    /// Whether each label key is an operand (a ratio's denominator, a sum's added label).
    private var isOperandKey: [Bool] = []
    /// The keys of each mapping's operand labels (a ratio's denominator, a sum's added labels).
    private(set) var operandsOfMapping: [[Int32]] = []
    private var rows: [Int32: Rows] = [:]
    private var pool: StringPool

    struct Rows {
        var star: Int32 = -1
        var starBySource: [Int32: Int32] = [:]
        var byDistrict: [Int32: Int32] = [:]
        var byDistrictSource: [Int64: Int32] = [:]
    }

    init(_ mappings: [IndicatorMapping], pool: StringPool) {
        self.pool = pool
        keyOfLabelID = [Int32](repeating: -1, count: pool.count)
        operandsOfMapping = Array(repeating: [], count: mappings.count)
        for (i, m) in mappings.enumerated() {
            let key = intern(m.labelKey)
            var operands: [Int32] = []
            for operand in m.operandKeys { operands.append(intern(operand)) }
            for k in operands {
                if Int(k) >= isOperandKey.count { isOperandKey += Array(repeating: false, count: Int(k) + 1 - isOperandKey.count) }
                isOperandKey[Int(k)] = true
            }
            operandsOfMapping[i] = operands
            let source = m.sourceID.flatMap { pool.id(of: $0) }
            if m.sourceID != nil && source == nil { continue }  // a document nobody printed in
            // Changed in place (a copy taken out and put back would copy its dictionaries).
            if let district = m.districtCode {
                guard let d = pool.id(of: district) else { continue }
                if let source {
                    rows[key, default: Rows()].byDistrictSource[Int64(d) << 32 | Int64(source)] = Int32(i)
                } else {
                    rows[key, default: Rows()].byDistrict[d] = Int32(i)
                }
            } else if let source {
                rows[key, default: Rows()].starBySource[source] = Int32(i)
            } else {
                rows[key, default: Rows()].star = Int32(i)
            }
        }
    }

    private mutating func intern(_ key: String) -> Int32 {
        if let k = keyOfText[key] { return k }
        let k = Int32(keyOfText.count)
        keyOfText[key] = k
        return k
    }

    /// The key of a printed label (by pool id); keys no mapping names get a fresh one.
    mutating func key(of labelID: Int32) -> Int32 {
        let known = keyOfLabelID[Int(labelID)]
        if known >= 0 { return known }
        let k = intern(LabelKey.of(pool[labelID]))
        keyOfLabelID[Int(labelID)] = k
        return k
    }

    /// The key of a label text, if a mapping or a printed label has it.
    func key(ofText label: String) -> Int32? { keyOfText[LabelKey.of(label)] }

    func isOperand(_ key: Int32) -> Bool { Int(key) < isOperandKey.count && isOperandKey[Int(key)] }

    private var memo = IntMap(capacity: 1 << 16)

    /// The mapping of a printed label of `district` in document `source` (pool ids), remembered
    /// per district, document and key.
    mutating func mapping(district: Int32, source: Int32, key: Int32) -> Int32? {
        let packed = UInt64(UInt32(bitPattern: district)) << 40 ^ UInt64(UInt32(bitPattern: source + 1)) << 20 ^ UInt64(key)
        let exact = district >= 0 && district < 1 << 24 && source >= -1 && source < (1 << 20) - 1 && key < 1 << 20
        if exact, let m = memo[packed] { return m < 0 ? nil : m }
        let m = find(district: district, source: source, key: key)
        if exact { memo.set(packed, m ?? -1) }
        return m
    }

    private func find(district: Int32, source: Int32, key: Int32) -> Int32? {
        guard let r = rows[key] else { return nil }
        if source >= 0, let m = r.byDistrictSource[Int64(district) << 32 | Int64(source)] { return m }
        if let m = r.byDistrict[district] { return m }
        if source >= 0, let m = r.starBySource[source] { return m }
        return r.star >= 0 ? r.star : nil
    }
}
