import TolokModel
import TolokAlignment

/// Budget of one standard programme of a district in a year (execution stage).
public struct ProgrammeBudget: Sendable {
    public var districtCode: String
    public var year: Int
    /// `nil` for the agency's whole budget.
    public var programme: ProgrammeCrosswalk.Programme?
    /// Labels as printed of the lines summed.
    public var labels: [String]
    public var pagu: Double?
    public var realisasi: Double?
    public var absorption: Double? { Absorption.percent(pagu: pagu, realisasi: realisasi) }
    public var source: SourceLocation
    public var lineIDs: [String]
    /// Corrections applied to the lines summed (`datasets/corrections/`).
    public var corrections: [String] = []
    /// What the budget covers, for the whole-agency row: the programmes of the table used.
    public var caveat: String?
    /// Why the audit suspects the lines' amounts.
    public var suspicions: [String] = []
    public var note: String?
}

/// A cost per result: realised spend of the mapped programme(s) / the outcome count.
public struct CostEntry: Sendable {
    public var districtCode: String
    public var year: Int
    /// `cost_per_placement` or `cost_per_trainee`.
    public var indicatorID: String
    public var programmes: [ProgrammeBudget]
    public var spend: Double?
    public var outcome: ResolvedValue?
    public var cost: Double? {
        guard let spend, spend > 0, let n = outcome?.chosen.value, n > 0 else { return nil }
        return spend / n
    }
    public var note: String?
}

public enum Costs {
    /// Which programme pays for which result: the realised spend of the programme's lines divided
    /// by the count. Placements come in two variants: all placements as reported (overseas
    /// included where the report includes them) and domestic placements (AKL + AKAD), computed
    /// where a report splits them.
    public static let definitions: [(indicator: String, programmeCode: String, outcome: String)] = [
        ("cost_per_placement", "2.07.04", "placements"),
        ("cost_per_domestic_placement", "2.07.04", "placements_domestic"),
        ("cost_per_trainee", "2.07.03", "trainees"),
    ]

    /// Execution budgets per district, year and standard programme, plus a whole-agency row
    /// (`programme == nil`). When a district-year has several budget tables (e.g. a programme
    /// table and an input table), the one with the largest programme total is used. The lines
    /// are read as columns of pool ids (``ExecutionLines``); strings are made only for the rows
    /// returned.
    public static func programmeBudgets(_ dataset: Dataset, crosswalk: ProgrammeCrosswalk) -> [ProgrammeBudget] {
        guard let lines = ExecutionLines(dataset) else { return [] }
        struct TableKey: Hashable { var district: Int32; var year: Int; var source: Int32; var location: Int32 }
        var tables: [TableKey: [Int]] = [:]
        for i in 0..<lines.count {
            tables[TableKey(district: lines.district[i], year: lines.year[i], source: lines.source[i], location: lines.location[i]), default: []].append(i)
        }

        struct DistrictYear: Hashable { var district: Int32; var year: Int }
        var chosen: [DistrictYear: (key: TableKey, total: Double)] = [:]
        for (key, table) in tables {
            let total = table.filter(lines.isProgramme).compactMap { lines.effective($0, lines.pagu) }.reduce(0, +)
            let id = DistrictYear(district: key.district, year: key.year)
            if let current = chosen[id], current.total > total
                || (current.total == total && (lines.text(current.key.source), lines.text(current.key.location)) < (lines.text(key.source), lines.text(key.location))) {
                continue
            }
            chosen[id] = (key, total)
        }
        var result: [ProgrammeBudget] = []
        let ordered = chosen.values.map { (key: $0.key, district: lines.text($0.key.district)) }.sorted { ($0.district, $0.key.year) < ($1.district, $1.key.year) }
        for (key, districtCode) in ordered {
            let table = tables[key]!
            let programmeLines = table.filter(lines.isProgramme)
            var byCode: [String: ProgrammeBudget] = [:]
            var unmatched: [String] = []
            for line in programmeLines {
                let label = lines.text(lines.label[line])
                guard let programme = crosswalk.programme(districtCode: districtCode, label: label, code: lines.optionalText(lines.code[line])) else {
                    unmatched.append(label)
                    continue
                }
                var entry = byCode[programme.code] ?? ProgrammeBudget(districtCode: districtCode, year: key.year, programme: programme,
                                                                    labels: [], pagu: 0, realisasi: 0, source: lines.location(line), lineIDs: [])
                entry.labels.append(label)
                entry.lineIDs.append(lines.text(lines.id[line]))
                entry.corrections += lines.corrections(underAndOf: line)
                entry.pagu = lines.effective(line, lines.pagu).flatMap { p in entry.pagu.map { $0 + p } }
                entry.realisasi = lines.effective(line, lines.realisasi).flatMap { r in entry.realisasi.map { $0 + r } }
                byCode[programme.code] = entry
            }
            let totalLine = table.first { lines.isTotal($0) && lines.parent[$0] < 0 && !lines.pagu[$0].isNaN }
            let programmes = byCode.keys.sorted().map { byCode[$0]! }
            // A sum is missing as soon as one of its lines is: never a silent zero.
            func sum(_ values: [Double]) -> Double? {
                let parts = programmeLines.map { lines.effective($0, values) }
                return parts.isEmpty || parts.contains { $0 == nil } ? nil : parts.reduce(0) { $0 + $1! }
            }
            let pagu = totalLine.map { lines.pagu[$0] } ?? sum(lines.pagu)
            let realisasi = totalLine.map { lines.value($0, lines.realisasi) } ?? sum(lines.realisasi)
            var whole = ProgrammeBudget(districtCode: districtCode, year: key.year, programme: nil,
                                        labels: totalLine.map { [lines.text(lines.label[$0])] } ?? programmeLines.map { lines.text(lines.label[$0]) },
                                        pagu: pagu, realisasi: realisasi, source: lines.location(totalLine ?? table[0]),
                                        lineIDs: totalLine.map { [lines.text(lines.id[$0])] } ?? programmeLines.map { lines.text(lines.id[$0]) })
            whole.corrections = totalLine.map { lines.corrections(underAndOf: $0) } ?? programmes.flatMap(\.corrections)
            let codes = programmes.compactMap { $0.programme?.code }
            whole.caveat = "covers the programmes of \(whole.source.sourceID) \(whole.source.location): \(codes.joined(separator: ", "))"
                + (unmatched.isEmpty ? "" : " and \(unmatched.count) without a standard code")
            if !unmatched.isEmpty {
                whole.note = "programmes without a standard code (add them to programme_crosswalk.csv): " + unmatched.joined(separator: "; ")
            }
            result.append(whole)
            result += programmes
        }
        return result
    }

    /// Costs per result for every district and year with an execution budget.
    public static func compute(budgets: [ProgrammeBudget], alignment: Alignment) -> [CostEntry] {
        var entries: [CostEntry] = []
        let wholes = budgets.filter { $0.programme == nil }
        struct Key: Hashable { var district: String; var year: Int; var code: String }
        var byProgramme: [Key: [ProgrammeBudget]] = [:]
        for b in budgets { if let code = b.programme?.code { byProgramme[Key(district: b.districtCode, year: b.year, code: code), default: []].append(b) } }
        for whole in wholes {
            for def in definitions {
                let programmes = byProgramme[Key(district: whole.districtCode, year: whole.year, code: def.programmeCode)] ?? []
                var entry = CostEntry(districtCode: whole.districtCode, year: whole.year, indicatorID: def.indicator, programmes: programmes,
                                      spend: programmes.isEmpty || programmes.contains { $0.realisasi == nil } ? nil : programmes.compactMap(\.realisasi).reduce(0, +),
                                      outcome: alignment.value(whole.districtCode, whole.year, def.outcome))
                var notes: [String] = []
                if programmes.isEmpty { notes.append("no programme \(def.programmeCode) in the budget") }
                if entry.outcome == nil { notes.append("no \(def.outcome) count for \(whole.year)") }
                if entry.spend == 0 { notes.append("realised spend printed as 0") }
                if !programmes.isEmpty && entry.spend == nil { notes.append("realised spend not printed") }
                entry.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
                entries.append(entry)
            }
        }
        return entries
    }

    /// Budget absorption and costs as aligned values, so they are compared, ranked and trended
    /// like any indicator.
    public static func alignedValues(budgets: [ProgrammeBudget], costs: [CostEntry], dataset: Dataset) -> [AlignedValue] {
        let sources = dataset.sources()
        var values: [AlignedValue] = []
        for b in budgets where b.programme == nil {
            guard let a = b.absorption else { continue }
            var v = AlignedValue(areaCode: b.districtCode, year: b.year, indicatorID: "budget_absorption", value: a, role: .actual,
                                 source: b.source, sourceType: sources[b.source.sourceID]?.type ?? "other",
                                 sourceYear: sources[b.source.sourceID]?.year, label: b.labels.joined(separator: "; "),
                                 via: "computed: realisasi / pagu × 100", priority: 1, recordIDs: b.lineIDs)
            v.corrections = b.corrections
            v.caveats = b.caveat.map { [$0] } ?? []
            values.append(v)
        }
        for c in costs {
            guard let cost = c.cost, let first = c.programmes.first else { continue }
            let outcome = c.outcome!.chosen
            var v = AlignedValue(areaCode: c.districtCode, year: c.year, indicatorID: c.indicatorID, value: cost, role: .actual,
                                 source: first.source, sourceType: sources[first.source.sourceID]?.type ?? "other",
                                 sourceYear: sources[first.source.sourceID]?.year, label: first.labels.joined(separator: "; "),
                                 via: "computed: realised spend of \(c.programmes.compactMap { $0.programme?.code }.joined(separator: " ")) / \(outcome.indicatorID)",
                                 priority: 1, recordIDs: c.programmes.flatMap(\.lineIDs) + outcome.recordIDs)
            v.corrections = c.programmes.flatMap(\.corrections) + outcome.corrections
            v.caveats = outcome.caveats
            values.append(v)
        }
        return values
    }
}
