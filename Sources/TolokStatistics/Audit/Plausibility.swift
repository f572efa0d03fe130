import Foundation
import TolokModel
import TolokAlignment

extension Auditor {
    // MARK: One fact printed twice

    /// The same district, year, period and indicator (label matched case- and space-insensitively)
    /// printed in two places with different targets or realisations; the same for budget lines
    /// of one stage, and for reference figures of one area, indicator, year and vintage.
    mutating func checkSameFacts() {
        struct Key: IntegerKey {
            var district: Int32; var year: Int64; var period: Int32; var label: Int32; var targetYear: Int64; var revision: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(year); m.add(period); m.add(label); m.add(targetYear); m.add(revision); return m.value }
        }
        let o = observations, r = o.records
        let groups = RowGroups(0..<r.count) { row in
            Key(district: r.area[row], year: r.year[row], period: o.period[row], label: key(r.label[row]),
                targetYear: o.targetYear[row], revision: o.revision[row])
        }
        for g in 0..<groups.count where groups[g].count > 1 {
            comparePrintedTwiceAcrossTables(r, groups[g], fields: [ObservationColumns.target, ObservationColumns.realisation])
        }

        struct BudgetKey: IntegerKey {
            var district: Int32; var year: Int64; var stage: Int8; var label: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(year); m.add(stage); m.add(label); return m.value }
        }
        let b = budget.records
        let lines = RowGroups(0..<b.count) { row in
            BudgetKey(district: b.area[row], year: b.year[row], stage: budget.stage[row], label: key(b.label[row]))
        }
        // Lines of one table with the same label are different lines (a kegiatan and its single
        // sub-kegiatan); compare across tables only.
        for g in 0..<lines.count where lines[g].count > 1 {
            comparePrintedTwiceAcrossTables(b, lines[g], fields: [BudgetColumns.pagu, BudgetColumns.realisasi])
        }

        checkRewordedLines()
        checkAgencyTotals()

        struct ReferenceKey: IntegerKey {
            var area: Int32; var indicator: Int32; var year: Int64; var month: Int64; var vintage: Int32; var derived: Bool
            var mixed: UInt64 { var m = KeyMixer(); m.add(area); m.add(indicator); m.add(year); m.add(month); m.add(vintage); m.add(derived); return m.value }
        }
        let refs = references, f = refs.records
        let figures = RowGroups(refs.usable) { row in
            ReferenceKey(area: f.area[row], indicator: f.label[row], year: f.year[row], month: refs.month[row],
                         vintage: refs.vintage[row], derived: refs.derived[row])
        }
        let value = f.numbers[ReferenceColumns.value]
        for g in 0..<figures.count where figures[g].count > 1 {
            let rows = figures[g].map(Int.init)
            let first = rows[0]
            for other in rows.dropFirst() {
                comparePrintedTwice(record: f.id[other], value[other]!, value[first]!,
                                    figures: { (refs.figure(other), refs.figure(first)) }, what: "value")
            }
        }
    }

    /// Within one group of rows printing the same fact, each printed `fields` value against the
    /// first printed one, where the two come from different tables or documents.
    private mutating func comparePrintedTwiceAcrossTables(_ t: RecordColumns, _ rows: ArraySlice<Int32>, fields: [Int]) {
        for field in fields {
            let column = t.numbers[field]
            let printed = rows.map(Int.init).filter { column.value($0) != nil }
            guard let first = printed.first else { continue }
            for other in printed.dropFirst() where t.location[other] != t.location[first] || t.source[other] != t.source[first] {
                comparePrintedTwice(record: t.id[other], column[other]!, column[first]!,
                                    figures: { (t.figure(other, field), t.figure(first, field)) }, what: column.name)
            }
        }
    }

    /// One activity or programme printed in two tables of one document under different wording
    /// (abbreviated, reordered, typo'd): same district, year, stage, document and pagu, and labels
    /// alike (``LabelKey/similarity(_:_:)`` ≥ 0.4): its realisations must agree.
    mutating func checkRewordedLines() {
        struct Key: IntegerKey {
            var district: Int32; var year: Int64; var stage: Int8; var source: Int32; var pagu: Double
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(year); m.add(stage); m.add(source); m.add(pagu); return m.value }
        }
        let b = budget.records
        let pagu = b.numbers[BudgetColumns.pagu], realisasi = b.numbers[BudgetColumns.realisasi]
        let groups = RowGroups(0..<b.count) { row -> Key? in
            guard let p = pagu.value(row), p > 0, realisasi.value(row) != nil else { return nil }
            return Key(district: b.area[row], year: b.year[row], stage: budget.stage[row], source: b.source[row], pagu: p)
        }
        for g in 0..<groups.count where groups[g].count > 1 {
            let lines = groups[g].map(Int.init)
            let amount = groups.keys[g].pagu
            for (i, a) in lines.enumerated() {
                for c in lines[(i + 1)...] where b.location[a] != b.location[c] && key(b.label[a]) != key(b.label[c])
                    && LabelKey.similarity(b.text(b.label[a]), b.text(b.label[c])) >= 0.4 {
                    comparePrintedTwice(record: b.id[c], realisasi[c]!, realisasi[a]!,
                                        figures: { (b.figure(c, BudgetColumns.realisasi), b.figure(a, BudgetColumns.realisasi)) },
                                        what: "realisasi of the same line (pagu \(Self.format(amount)), reworded)")
                }
            }
        }
    }

    /// Every printed version of an agency's total budget in one document (tables, text, appendix):
    /// the root total lines of a district, year, stage and document, within a factor two of the
    /// largest (a smaller "total" is a programme's), compared pairwise where their labels differ
    /// (same labels are compared above).
    mutating func checkAgencyTotals() {
        struct Key: IntegerKey {
            var district: Int32; var year: Int64; var stage: Int8; var source: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(year); m.add(stage); m.add(source); return m.value }
        }
        let b = budget.records
        let total = pool.id(of: "total") ?? -2
        let pagu = b.numbers[BudgetColumns.pagu], realisasi = b.numbers[BudgetColumns.realisasi]
        let groups = RowGroups(0..<b.count) { row -> Key? in
            guard budget.level[row] == total, budget.parent[row] < 0 else { return nil }
            return Key(district: b.area[row], year: b.year[row], stage: budget.stage[row], source: b.source[row])
        }
        for g in 0..<groups.count where groups[g].count > 1 {
            let lines = groups[g].map(Int.init)
            guard let largest = lines.compactMap({ pagu.value($0) }).max() else { continue }
            let versions = lines.filter { pagu.value($0).map { $0 * 2 >= largest } ?? (realisasi.value($0) != nil) }
            for (i, a) in versions.enumerated() {
                for c in versions[(i + 1)...] where key(b.label[a]) != key(b.label[c]) {
                    for field in [BudgetColumns.pagu, BudgetColumns.realisasi] {
                        let column = b.numbers[field]
                        guard let x = column[c], let y = column[a] else { continue }
                        comparePrintedTwice(record: b.id[c], x, y, figures: { (b.figure(c, field), b.figure(a, field)) },
                                            what: "the agency's total \(column.name)")
                    }
                }
            }
        }
    }

    /// Two printed values of one fact: consistent when either is the other at its own precision.
    /// `figures` gives both with their texts, read only when they disagree.
    mutating func comparePrintedTwice(_ check: AuditCheck = .sameFact, record: Int32, _ value: CanonicalNumber, _ otherValue: CanonicalNumber,
                                      figures: () -> (PrintedFigure, PrintedFigure), what: @autoclosure () -> String) {
        runs.append(check, record: record)
        let a = PrintedPrecision.compare(printed: value, exact: otherValue.value)
        let b = PrintedPrecision.compare(printed: otherValue, exact: value.value)
        guard a != nil, b != nil else { return }
        let severity: AuditFinding.Severity = (a == .rounding || b == .rounding) ? .rounding : .error
        let (figure, other) = figures()
        report(check, severity, figure, expected: other.value.value, other: other.location, records: [figure.recordID, other.recordID],
               detail: "\(what()) printed as \(Self.format(figure.value.value)) here and \(Self.format(other.value.value)) in \(other.location.cited)")
    }

    /// ``comparePrintedTwice(_:record:_:_:figures:what:)`` on two figures at hand.
    mutating func comparePrintedTwice(_ figure: PrintedFigure, _ other: PrintedFigure, record: Int32, what: String, check: AuditCheck = .sameFact) {
        comparePrintedTwice(check, record: record, figure.value, other.value, figures: { (figure, other) }, what: what)
    }

    // MARK: Series

    /// Within one printed series (district, indicator, table; targets or realisations over the
    /// years), a value at least 5 times, or at most a fifth of, both its neighbours.
    mutating func checkSeries() {
        struct Key: IntegerKey {
            var district: Int32; var label: Int32; var source: Int32; var location: Int32; var period: Int32; var targetYear: Int64; var revision: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(district); m.add(label); m.add(source); m.add(location); m.add(period); m.add(targetYear); m.add(revision); return m.value }
        }
        let o = observations, r = o.records
        let groups = RowGroups(0..<r.count) { row in
            Key(district: r.area[row], label: key(r.label[row]), source: r.source[row], location: r.location[row], period: o.period[row],
                targetYear: o.targetYear[row], revision: o.revision[row])
        }
        let years = r.year.map { $0 == Int64.min ? 0 : $0 }
        let fields = [ObservationColumns.target, ObservationColumns.realisation]
        var series: [Int] = []
        for g in 0..<groups.count where groups[g].count >= 3 {
            for field in fields {
                let column = r.numbers[field], name = column.name
                series.removeAll(keepingCapacity: true)
                for row in groups[g] where !column.values[Int(row)].isNaN { series.append(Int(row)) }
                // Rows are in file order, usually by year already.
                if zip(series, series.dropFirst()).contains(where: { years[$0.0] > years[$0.1] }) {
                    series.sort { years[$0] < years[$1] }
                }
                guard series.count >= 3, zip(series, series.dropFirst()).allSatisfy({ years[$0.0] != years[$0.1] }) else { continue }
                for i in 1..<(series.count - 1) {
                    let (before, here, after) = (column.values[series[i - 1]], column.values[series[i]], column.values[series[i + 1]])
                    guard before > 0, here > 0, after > 0 else { continue }
                    let up = here / before >= 5 && here / after >= 5
                    let down = before / here >= 5 && after / here >= 5
                    if up || down {
                        flag(.seriesJump, r.figure(series[i], field), record: r.id[series[i]], expected: (before + after) / 2,
                             other: r.location(series[i - 1]), records: [r.text(r.id[series[i - 1]]), r.text(r.id[series[i + 1]])],
                             detail: "\(name) series \(Self.format(before)) / \(Self.format(here)) / \(Self.format(after)) (\(r.yearOf(series[i - 1]))–\(r.yearOf(series[i + 1]))): the middle value is an order of magnitude off both neighbours")
                    } else {
                        runs.append(.seriesJump, record: r.id[series[i]])
                    }
                }
            }
        }
    }

    /// Rates that must lie within 0–100 (a share of people: Persentase…, Tingkat…, TPT, TPAK:
    /// ``PercentShare``, the rule `tolok validate` warns by).
    mutating func checkRateRanges() {
        let isShare = labelKeys.map(PercentShare.isShareLabel)
        let o = observations, r = o.records
        guard let percent = pool.id(of: "%") else { return }
        for row in 0..<r.count where o.unit[row] == percent {
            let k = key(r.label[row])
            guard k >= 0, isShare[Int(k)] else { continue }
            for field in [ObservationColumns.target, ObservationColumns.realisation] {
                guard let value = r.numbers[field].value(row) else { continue }
                if value < 0 || value > 100 {
                    flag(.rateRange, r.figure(row, field), record: r.id[row], expected: min(max(value, 0), 100),
                         detail: "\(r.numbers[field].name) \(Self.format(value)) % for a share that lies within 0–100")
                } else {
                    runs.append(.rateRange, record: r.id[row])
                }
            }
        }
    }

    /// An unemployment rate against its counts: unemployed / labour force × 100, for every area
    /// and year whose references hold all three.
    mutating func checkRatesFromCounts() {
        // Rates and counts of one survey round and one vintage (a first-release rate against
        // re-weighted counts is a revision, not a disagreement).
        struct Key: IntegerKey {
            var area: Int32; var year: Int64; var month: Int64; var vintage: Int32
            var mixed: UInt64 { var m = KeyMixer(); m.add(area); m.add(year); m.add(month); m.add(vintage); return m.value }
        }
        let refs = references, f = refs.records
        guard let tptID = pool.id(of: "tpt"), let unemployedID = pool.id(of: "unemployed"), let labourForceID = pool.id(of: "labour_force") else { return }
        let wanted: Set<Int32> = [tptID, unemployedID, labourForceID]
        let groups = RowGroups(refs.usable.filter { !refs.derived[$0] && wanted.contains(f.label[$0]) }) { row in
            Key(area: f.area[row], year: f.year[row], month: refs.month[row], vintage: refs.vintage[row])
        }
        let area = textRanks(groups.keys.map(\.area)), vintage = textRanks(groups.keys.map(\.vintage))
        let order = groups.keys.indices.sorted {
            let a = groups.keys[$0], b = groups.keys[$1]
            return (area[a.area]!, a.year, a.month == Int64.min ? 0 : a.month, vintage[a.vintage]!)
                < (area[b.area]!, b.year, b.month == Int64.min ? 0 : b.month, vintage[b.vintage]!)
        }
        let value = f.numbers[ReferenceColumns.value]
        for g in order {
            let rows = groups[g].map(Int.init)
            let unemployed = rows.filter { f.label[$0] == unemployedID }
            let labourForce = rows.filter { f.label[$0] == labourForceID && value.values[$0] > 0 }
            // Every pair of printed counts; the rate is consistent when one pair reproduces it
            // (a count printed twice, once wrongly, must not make the rate look wrong).
            let pairs = unemployed.flatMap { u in labourForce.map { (u, $0) } }
            guard let first = pairs.first else { continue }
            for tpt in rows where f.label[tpt] == tptID {
                let printed = value[tpt]!
                let consistent = pairs.first { u, lf in
                    PrintedPrecision.compare(printed: printed, exact: Rates.percent(value.values[u], of: value.values[lf])) == nil
                }
                let (u, lf) = consistent ?? first
                compare(.rateFromCounts, f, tpt, ReferenceColumns.value, expected: Rates.percent(value.values[u], of: value.values[lf]),
                        other: f.location(u), records: [f.text(f.id[u]), f.text(f.id[lf])],
                        detail: "TPT against \(Self.format(value.values[u])) unemployed / \(Self.format(value.values[lf])) labour force × 100")
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
        // Only the cells with a document's printed figure are read with their texts.
        let documentSource = alignment.sourceInfo.map { documentTypes.contains($0.type) }
        for key in keys {
            guard let cell = alignment.cell(key.areaCode, key.year, key.indicatorID), alignment.grid.chosen[cell] >= 0,
                  ([alignment.grid.chosen[cell]] + alignment.grid.alternatives(cell)).contains(where: {
                      let f = alignment.facts[Int($0)]
                      return f.isPrinted && f.source >= 0 && documentSource[Int(f.source)]
                  }) else { continue }
            let all = alignment.resolvedValue(cell: cell).map { [$0.chosen] + $0.alternatives } ?? []
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
                let figure = Self.figure(v)
                let record = pool.id(of: figure.recordID) ?? -1
                if olderReleases.contains(where: { PrintedPrecision.compare(printed: figure.value, exact: $0.value) == nil }) {
                    runs.append(.againstBPS, record: record)
                    continue
                }
                comparePrintedTwice(figure, Self.figure(bps), record: record, what: key.indicatorID, check: .againstBPS)
            }
        }
    }

    /// A printed aligned value as a figure (its first record, the printed decimals).
    static func figure(_ v: AlignedValue) -> PrintedFigure {
        let field = v.via.hasPrefix("references") ? ReferenceField.value.rawValue : ObservationField.realisation.rawValue
        return PrintedFigure(recordID: v.recordIDs[0], field: field,
                             value: CanonicalNumber(value: v.value, decimals: v.printedDecimals ?? 2), districtCode: v.areaCode,
                             year: v.year, subject: v.label, location: v.source)
    }
}
