import Dispatch
import TolokModel
import TolokAlignment

/// Everything computed from a dataset, once: the alignment onto canonical indicators, the
/// programme budgets, the costs — with absorption and costs added back as aligned values.
public struct Analysis: Sendable {
    public let dataset: Dataset
    public let alignment: Alignment
    public let budgets: [ProgrammeBudget]
    public let costs: [CostEntry]
    /// The audit of the printed figures.
    public let audit: AuditReport
    /// The printed figures the audit found wrong (and no correction resolved).
    public let suspicions: Suspicions
    /// Whether suspect values are kept in ranks, statistics and the composite (`--include-suspect`).
    public let includeSuspect: Bool

    /// Aligns `dataset` (corrections applied), audits it, marks the values computed from suspect
    /// figures, then computes programme budgets and costs from the corrected lines: ``Audited``,
    /// then ``init(_:includeSuspect:threads:)-(Audited,_,_)``.
    public init(_ dataset: Dataset, includeSuspect: Bool = false, threads: Int = 2) {
        self.init(Audited(dataset, threads: threads), includeSuspect: includeSuspect, threads: threads)
    }

    /// Finishes `audited`: marks the values the audit of the corrected figures suspects (and the
    /// programme budgets whose lines it suspects), computes the costs, and adds costs, absorption
    /// and the per-1,000 rates as aligned values. One thread's work but for the marking, which
    /// runs on `threads`; a caller can run it beside other work that needs only `audited`'s
    /// parts (the report writes achievement.csv meanwhile).
    public init(_ audited: consuming Audited, includeSuspect: Bool = false, threads: Int = 2) {
        // Taken out, not copied: the alignment's one reference, so marking it changes it in place.
        var audited = audited
        var alignment = audited.alignment.take()!
        var budgets = audited.budgets.take()!
        self.dataset = audited.dataset
        self.includeSuspect = includeSuspect
        let suspicions = Suspicions(audit: audited.correctedAudit, dataset: dataset)
        alignment.markSuspects(suspicions.reasons, threads: threads)
        for i in budgets.indices { budgets[i].suspicions = suspicions.reasons(budgetLines: budgets[i].lineIDs) }
        let costs = Costs.compute(budgets: budgets, alignment: alignment)
        // Resolved once, by the last call: the per-1,000 rates read counts and bases the costs do not touch.
        let computedFrom = alignment.facts.count
        alignment.add(Costs.alignedValues(budgets: budgets, costs: costs, dataset: dataset), resolving: false)
        alignment.add(Self.perThousand(alignment, count: "placements", base: "labour_force", result: "placements_per_1000_lf"), resolving: false)
        alignment.markSuspects(suspicions.reasons, factsFrom: computedFrom, threads: threads)
        self.alignment = alignment
        self.budgets = budgets
        self.costs = costs
        self.audit = audited.audit
        self.suspicions = suspicions
    }

    /// The first part of an ``Analysis``, computed side by side: the alignment onto canonical
    /// indicators (corrections applied, suspects not marked yet), the audits of the printed and
    /// of the corrected figures, and the programme budgets.
    public struct Audited: Sendable {
        public let dataset: Dataset
        /// The audit of the printed figures.
        public let audit: AuditReport
        /// The audit of the corrected figures (the printed figures' when there are no corrections).
        let correctedAudit: AuditReport
        /// Optional so that ``Analysis/init(_:includeSuspect:threads:)-(Audited,_,_)`` takes them out.
        fileprivate var alignment: Alignment?
        fileprivate var budgets: [ProgrammeBudget]?

        /// The observations a correction changed, by their row in the observations table
        /// (``Alignment/correctedObservations``).
        public var correctedObservations: [Int32: Observation] { alignment!.correctedObservations }

        /// On `threads > 1` the work runs on both cores as tasks: the alignment; each audit (of
        /// the printed and of the corrected figures; one audit when there are no corrections) in
        /// two parts, the first checks of the printed tables, and the others followed, once the
        /// alignment is done, by the checks of the aligned values; the programme budgets. Each task
        /// is one thread's work and the parts are merged in order, so the result is that of one
        /// thread.
        public init(_ dataset: Dataset, threads: Int = 2) {
            self.dataset = dataset
            // With no corrections the corrected figures are the printed ones: one audit serves as both.
            let corrected = dataset.count(CorrectionField.self) > 0
            let aligned = ParallelSlots<Alignment>(count: 1)
            let programmes = ParallelSlots<[ProgrammeBudget]>(count: 1)
            // Each audit in two parts, side by side (``Auditor/checkRecordsFirstPart()``): slot 2i
            // holds the first part of audit i, 2i + 1 its second.
            let auditParts = ParallelSlots<Auditor>(count: 4)
            // The second parts wait for the alignment, which is the first task: on one thread (the
            // tasks in order) the wait returns at once.
            let alignmentDone = DispatchGroup()
            alignmentDone.enter()
            let auditTasks = { (i: Int) -> [@Sendable () -> Void] in
                [{
                    var a = Auditor(dataset: dataset, corrected: i == 1)
                    a.checkRecordsFirstPart()
                    auditParts[2 * i] = a
                }, {
                    var a = Auditor(dataset: dataset, corrected: i == 1)
                    a.checkRecordsSecondPart()
                    alignmentDone.wait()
                    a.checkAligned(aligned[0]!)
                    auditParts[2 * i + 1] = a
                }]
            }
            ParallelTasks.run(threads: threads, [
                {
                    aligned[0] = Alignment(dataset)
                    alignmentDone.leave()
                },
            ] + (corrected ? auditTasks(1) + auditTasks(0) : auditTasks(0)) + [
                { programmes[0] = Costs.programmeBudgets(dataset, crosswalk: ProgrammeCrosswalk(dataset)) },
            ])
            let audits = (0..<(corrected ? 2 : 1)).map { i in
                var a = auditParts.take(2 * i)!
                a.append(auditParts.take(2 * i + 1)!)
                return a.report
            }
            audit = audits[0]
            correctedAudit = audits[corrected ? 1 : 0]
            alignment = aligned.take(0)!
            budgets = programmes.take(0)!
        }
    }

    public var areas: Areas { dataset.areas }

    /// A count per 1,000 of a base series of the same area and year (placements per 1,000 of
    /// the labour force), so districts of different size can be ranked.
    static func perThousand(_ alignment: Alignment, count: String, base: String, result: String) -> [AlignedValue] {
        alignment.keys(indicator: count).sorted { ($0.areaCode, $0.year) < ($1.areaCode, $1.year) }.compactMap { key in
            guard let n = alignment.value(key.areaCode, key.year, key.indicatorID)?.chosen,
                  let b = alignment.value(key.areaCode, key.year, base)?.chosen, b.value > 0 else { return nil }
            var v = n
            v.indicatorID = result
            v.value = Rates.perThousand(n.value, of: b.value)
            v.printedDecimals = nil
            v.corrections = n.corrections + b.corrections
            v.caveats = n.caveats + b.caveats
            v.via = "computed: \(count) / \(base) × 1000 (\(base) from \(b.sourceDescription))"
            v.recordIDs = n.recordIDs + b.recordIDs
            return v
        }
    }

    /// Indicators that are ranked (their catalogue row lists `rank`).
    public var rankedIndicators: [Indicator] { alignment.catalogue.all.filter { $0.comparisons.contains("rank") } }

    /// Each district's place in its nation's and its province's ranking of every ranked indicator
    /// and year, by cell: what ``Comparisons/compute(_:areas:districts:indicators:policy:ranks:)``
    /// shows beside the gaps, in columns (a national dataset has millions of ranking rows).
    public func cellRanks() -> CellRanks {
        let table = RankTable.compute(alignment, geography: DistrictGeography(alignment, areas: areas),
                                      indicators: rankedIndicators.compactMap { alignment.catalogue.index[$0.id] },
                                      groupings: [.nation, .province], includeSuspect: includeSuspect)
        return CellRanks(table, alignment: alignment)
    }

    /// Rankings of every ranked indicator and year, in the nation, within provinces and by kind.
    public func allRankings() -> [RankingEntry] {
        rankedIndicators.flatMap { Rankings.compute(alignment, areas: areas, indicator: $0, includeSuspect: includeSuspect) }
    }
}
