import Foundation
import TolokModel
import TolokAlignment

extension Auditor {
    // MARK: One fact printed twice

    /// The same district, year, period and indicator (label matched case- and space-insensitively)
    /// printed in two places with different targets or realisations; the same for budget lines
    /// of one stage, and for reference figures of one area, indicator, year and vintage.
    mutating func checkSameFacts() {
        struct Key: Hashable { var district: String; var year: Int; var period: String?; var label: String; var targetYear: Int?; var revision: String? }
        var groups: [Key: [Observation]] = [:]
        var order: [Key] = []
        for o in observations {
            let key = Key(district: o.districtCode, year: o.year, period: o.period, label: Self.normalized(o.indicatorLabel),
                          targetYear: o.targetYear, revision: o.revision)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(o)
        }
        for key in order {
            let rows = groups[key]!
            guard rows.count > 1 else { continue }
            for (name, field) in [("target", \Observation.target), ("realisation", \Observation.realisation)] {
                let printed = rows.filter { $0[keyPath: field] != nil }
                guard let first = printed.first else { continue }
                for other in printed.dropFirst() where other.source.location != first.source.location || other.source.sourceID != first.source.sourceID {
                    comparePrintedTwice(Self.fact(other, name, other[keyPath: field]!), Self.fact(first, name, first[keyPath: field]!), what: name)
                }
            }
        }

        struct BudgetKey: Hashable { var district: String; var year: Int; var stage: BudgetLine.Stage; var label: String }
        var lines: [BudgetKey: [BudgetLine]] = [:]
        var lineOrder: [BudgetKey] = []
        for b in budget {
            let key = BudgetKey(district: b.districtCode, year: b.year, stage: b.stage, label: Self.normalized(b.label))
            if lines[key] == nil { lineOrder.append(key) }
            lines[key, default: []].append(b)
        }
        for key in lineOrder {
            let rows = lines[key]!
            guard rows.count > 1 else { continue }
            for (name, field) in [("pagu", \BudgetLine.pagu), ("realisasi", \BudgetLine.realisasi)] {
                let printed = rows.filter { $0[keyPath: field] != nil }
                guard let first = printed.first else { continue }
                // Lines of one table with the same label are different lines (a kegiatan and its
                // single sub-kegiatan); compare across tables only.
                for other in printed.dropFirst() where other.source.location != first.source.location || other.source.sourceID != first.source.sourceID {
                    comparePrintedTwice(Self.fact(other, name, other[keyPath: field]!), Self.fact(first, name, first[keyPath: field]!), what: name)
                }
            }
        }

        checkRewordedLines()
        checkAgencyTotals()

        struct ReferenceKey: Hashable { var area: String; var indicator: String; var year: Int; var month: Int?; var vintage: String?; var derived: Bool }
        var refs: [ReferenceKey: [ReferenceValue]] = [:]
        var refOrder: [ReferenceKey] = []
        for r in usableReferences {
            let key = ReferenceKey(area: r.areaCode, indicator: r.indicator, year: r.year, month: r.month, vintage: r.vintage, derived: r.derived)
            if refs[key] == nil { refOrder.append(key) }
            refs[key, default: []].append(r)
        }
        for key in refOrder {
            let rows = refs[key]!
            guard let first = rows.first, rows.count > 1 else { continue }
            let firstFact = Fact(recordID: first.id, field: "value", value: first.value, districtCode: first.areaCode,
                                 year: first.year, subject: first.indicator, location: first.source)
            for other in rows.dropFirst() {
                let fact = Fact(recordID: other.id, field: "value", value: other.value, districtCode: other.areaCode,
                                year: other.year, subject: other.indicator, location: other.source)
                comparePrintedTwice(fact, firstFact, what: "value")
            }
        }
    }

    /// One activity or programme printed in two tables of one document under different wording
    /// (abbreviated, reordered, typo'd): same district, year, stage, document and pagu, and labels
    /// alike (``LabelKey/similarity(_:_:)`` ≥ 0.4): its realisations must agree.
    mutating func checkRewordedLines() {
        struct Key: Hashable { var district: String; var year: Int; var stage: BudgetLine.Stage; var source: String; var pagu: Double }
        var groups: [Key: [BudgetLine]] = [:]
        var order: [Key] = []
        for b in budget {
            guard let pagu = b.pagu?.value, pagu > 0, b.realisasi != nil else { continue }
            let key = Key(district: b.districtCode, year: b.year, stage: b.stage, source: b.source.sourceID, pagu: pagu)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(b)
        }
        for key in order {
            let lines = groups[key]!
            guard lines.count > 1 else { continue }
            for (i, a) in lines.enumerated() {
                for b in lines[(i + 1)...] where a.source.location != b.source.location
                    && Self.normalized(a.label) != Self.normalized(b.label) && LabelKey.similarity(a.label, b.label) >= 0.4 {
                    comparePrintedTwice(Self.fact(b, "realisasi", b.realisasi!), Self.fact(a, "realisasi", a.realisasi!),
                                        what: "realisasi of the same line (pagu \(Self.format(key.pagu)), reworded)")
                }
            }
        }
    }

    /// Every printed version of an agency's total budget in one document (tables, text, appendix):
    /// the root total lines of a district, year, stage and document, within a factor two of the
    /// largest (a smaller "total" is a programme's), compared pairwise where their labels differ
    /// (same labels are compared above).
    mutating func checkAgencyTotals() {
        struct Key: Hashable { var district: String; var year: Int; var stage: BudgetLine.Stage; var source: String }
        var groups: [Key: [BudgetLine]] = [:]
        var order: [Key] = []
        for b in budget where b.level == "total" && b.parentID == nil {
            let key = Key(district: b.districtCode, year: b.year, stage: b.stage, source: b.source.sourceID)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(b)
        }
        for key in order {
            let lines = groups[key]!
            guard let largest = lines.compactMap({ $0.pagu?.value }).max(), lines.count > 1 else { continue }
            let versions = lines.filter { ($0.pagu?.value).map { $0 * 2 >= largest } ?? ($0.realisasi != nil) }
            for (i, a) in versions.enumerated() {
                for b in versions[(i + 1)...] where Self.normalized(a.label) != Self.normalized(b.label) {
                    for (name, field) in [("pagu", \BudgetLine.pagu), ("realisasi", \BudgetLine.realisasi)] {
                        guard let x = b[keyPath: field], let y = a[keyPath: field] else { continue }
                        comparePrintedTwice(Self.fact(b, name, x), Self.fact(a, name, y), what: "the agency's total \(name)")
                    }
                }
            }
        }
    }

    /// Two printed values of one fact: consistent when either is the other at its own precision.
    mutating func comparePrintedTwice(_ fact: Fact, _ other: Fact, what: String, check: AuditCheck = .sameFact) {
        runs.append(AuditCheckRun(check: check, recordID: fact.recordID))
        let a = PrintedPrecision.compare(printed: fact.value, exact: other.value.value)
        let b = PrintedPrecision.compare(printed: other.value, exact: fact.value.value)
        guard a != nil, b != nil else { return }
        let severity: AuditFinding.Severity = (a == .rounding || b == .rounding) ? .rounding : .error
        findings.append(AuditFinding(
            check: check, severity: severity, districtCode: fact.districtCode, year: fact.year, subject: fact.subject, field: fact.field,
            published: fact.value.value, publishedDecimals: fact.value.decimals, expected: other.value.value,
            location: fact.location, otherLocation: other.location, recordIDs: [fact.recordID, other.recordID],
            detail: "\(what) printed as \(Self.format(fact.value.value)) here and \(Self.format(other.value.value)) in \(other.location.cited)"))
    }

    // MARK: Series

    /// Within one printed series (district, indicator, table; targets or realisations over the
    /// years), a value at least 5 times, or at most a fifth of, both its neighbours.
    mutating func checkSeries() {
        struct Key: Hashable { var district: String; var label: String; var source: String; var location: String; var period: String?; var targetYear: Int?; var revision: String? }
        var groups: [Key: [Observation]] = [:]
        var order: [Key] = []
        for o in observations {
            let key = Key(district: o.districtCode, label: Self.normalized(o.indicatorLabel), source: o.source.sourceID,
                          location: o.source.location, period: o.period, targetYear: o.targetYear, revision: o.revision)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(o)
        }
        for key in order {
            for (name, field) in [("target", \Observation.target), ("realisation", \Observation.realisation)] {
                let series = groups[key]!.filter { $0[keyPath: field] != nil }.sorted { $0.year < $1.year }
                guard series.count >= 3, Set(series.map(\.year)).count == series.count else { continue }
                for i in 1..<(series.count - 1) {
                    let (before, here, after) = (series[i - 1][keyPath: field]!.value, series[i][keyPath: field]!.value, series[i + 1][keyPath: field]!.value)
                    guard before > 0, here > 0, after > 0 else { continue }
                    let up = here / before >= 5 && here / after >= 5
                    let down = before / here >= 5 && after / here >= 5
                    let fact = Self.fact(series[i], name, series[i][keyPath: field]!)
                    if up || down {
                        flag(.seriesJump, fact, expected: (before + after) / 2, other: series[i - 1].source,
                             records: [series[i - 1].id, series[i + 1].id],
                             detail: "\(name) series \(Self.format(before)) / \(Self.format(here)) / \(Self.format(after)) (\(series[i - 1].year)–\(series[i + 1].year)): the middle value is an order of magnitude off both neighbours")
                    } else {
                        runs.append(AuditCheckRun(check: .seriesJump, recordID: series[i].id))
                    }
                }
            }
        }
    }

    /// Rates that must lie within 0–100 (a share of people: Persentase…, Tingkat…, TPT, TPAK).
    mutating func checkRateRanges() {
        let prefixes = ["persentase", "presentase", "prosentase", "tingkat", "tpt", "tpak"]
        for o in observations where o.unit == "%" {
            let label = Self.normalized(o.indicatorLabel)
            guard prefixes.contains(where: { label.hasPrefix($0) }),
                  !label.contains("peningkatan"), !label.contains("penurunan"), !label.contains("pertumbuhan") else { continue }
            for (name, value) in [("target", o.target), ("realisation", o.realisation)] {
                guard let value else { continue }
                let fact = Self.fact(o, name, value)
                if value.value < 0 || value.value > 100 {
                    flag(.rateRange, fact, expected: min(max(value.value, 0), 100),
                         detail: "\(name) \(Self.format(value.value)) % for a share that lies within 0–100")
                } else {
                    runs.append(AuditCheckRun(check: .rateRange, recordID: o.id))
                }
            }
        }
    }

    /// An unemployment rate against its counts: unemployed / labour force × 100, for every area
    /// and year whose references hold all three.
    mutating func checkRatesFromCounts() {
        // Rates and counts of one survey round and one vintage (a first-release rate against
        // re-weighted counts is a revision, not a disagreement).
        struct Key: Hashable { var area: String; var year: Int; var month: Int?; var vintage: String? }
        var byKey: [Key: [String: [ReferenceValue]]] = [:]
        for r in usableReferences where !r.derived {
            byKey[Key(area: r.areaCode, year: r.year, month: r.month, vintage: r.vintage), default: [:]][r.indicator, default: []].append(r)
        }
        for key in byKey.keys.sorted(by: { ($0.area, $0.year, $0.month ?? 0, $0.vintage ?? "") < ($1.area, $1.year, $1.month ?? 0, $1.vintage ?? "") }) {
            let figures = byKey[key]!
            // Every pair of printed counts; the rate is consistent when one pair reproduces it
            // (a count printed twice, once wrongly, must not make the rate look wrong).
            let pairs = (figures["unemployed"] ?? []).flatMap { u in
                (figures["labour_force"] ?? []).filter { $0.value.value > 0 }.map { (u, $0) }
            }
            guard let first = pairs.first else { continue }
            for tpt in figures["tpt"] ?? [] {
                let fact = Fact(recordID: tpt.id, field: "value", value: tpt.value, districtCode: tpt.areaCode, year: tpt.year,
                                subject: tpt.indicator, location: tpt.source)
                let consistent = pairs.first { u, lf in
                    PrintedPrecision.compare(printed: tpt.value, exact: u.value.value / lf.value.value * 100) == nil
                }
                let (unemployed, labourForce) = consistent ?? first
                compare(.rateFromCounts, fact, expected: unemployed.value.value / labourForce.value.value * 100,
                        other: unemployed.source, records: [unemployed.id, labourForce.id],
                        detail: "TPT against \(Self.format(unemployed.value.value)) unemployed / \(Self.format(labourForce.value.value)) labour force × 100")
            }
        }
    }

    // MARK: Reports against BPS

    /// Each TPT or TPAK a district's own document (LKIP, Renstra, PK) prints, against BPS's
    /// figure for that area and year: the preferred published value of BPS, or of the press
    /// quoting BPS's release where no BPS table is in the data (by source priority).
    mutating func checkAgainstBPS(_ alignment: Alignment) {
        let documentTypes: Set<String> = ["LKIP", "Renstra", "PK"]
        let keys = (alignment.keys(indicator: "tpt") + alignment.keys(indicator: "tpak"))
            .sorted { ($0.areaCode, $0.indicatorID, $0.year) < ($1.areaCode, $1.indicatorID, $1.year) }
        for key in keys {
            let all = alignment.value(key.areaCode, key.year, key.indicatorID).map { [$0.chosen] + $0.alternatives } ?? []
            let printed = all.filter { documentTypes.contains($0.sourceType) && $0.printedDecimals != nil }
            guard !printed.isEmpty else { continue }
            var bps: AlignedValue?
            for v in all where ["BPS", "press"].contains(v.sourceType) && !v.derived && v.printedDecimals != nil {
                if bps == nil || SourcePriority.prefers(v, over: bps!) { bps = v }
            }
            guard let bps else { continue }
            // An older vintage BPS released (the figure first published for 2018–2019, before
            // the re-weighting), as BPS or the press quoted it: a report quoting it is consistent.
            let olderReleases = all.filter { ["BPS", "press"].contains($0.sourceType) && !$0.derived && $0.vintageRank < bps.vintageRank }
            for v in printed {
                let fact = Self.fact(v)
                if olderReleases.contains(where: { PrintedPrecision.compare(printed: fact.value, exact: $0.value) == nil }) {
                    runs.append(AuditCheckRun(check: .againstBPS, recordID: fact.recordID))
                    continue
                }
                comparePrintedTwice(fact, Self.fact(bps), what: key.indicatorID, check: .againstBPS)
            }
        }
    }

    /// A printed aligned value as a fact (its first record, the printed decimals).
    static func fact(_ v: AlignedValue) -> Fact {
        Fact(recordID: v.recordIDs[0], field: v.via.hasPrefix("references") ? "value" : "realisation",
             value: CanonicalNumber(value: v.value, decimals: v.printedDecimals ?? 2), districtCode: v.areaCode, year: v.year,
             subject: v.label, location: v.source)
    }
}
