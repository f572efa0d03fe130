import Foundation
import TolokModel
import TolokAlignment

/// Recomputes every derivable figure of the datasets and compares it with what was printed.
///
/// Findings are results, not failures: consistent figures raise nothing, a difference within the
/// printed precision (truncation included) is `rounding`, anything else `error`. Every check made
/// is recorded in ``AuditReport/runs`` whether or not it found something.
///
/// The checks work on the tables' columns (``RecordColumns``): records are grouped by integer
/// keys, labels normalised once per distinct label, and a row's texts are read only for the
/// figures a check reports on.
public enum Audit {
    /// Runs every check on `dataset`; with `alignment`, also the reports' TPT and TPAK against BPS,
    /// and each canonical indicator's series and plausible range.
    ///
    /// With `corrected`, the checks run on the figures with the corrections of
    /// `datasets/corrections/` applied: what remains wrong after them (``Suspicions``).
    public static func run(_ dataset: Dataset, alignment: Alignment? = nil, corrected: Bool = false) -> AuditReport {
        var audit = Auditor(dataset: dataset, corrected: corrected)
        audit.checkRecords()
        if let alignment { audit.checkAligned(alignment) }
        return audit.report
    }
}

/// The audit's state: the tables' columns, and the findings and runs so far. Its checks run in
/// two parts, ``checkRecords()`` and then ``checkAligned(_:)``, so the first part can run while
/// the alignment is built (``Analysis``).
struct Auditor: Sendable {
    let dataset: Dataset
    let pool: StringPool
    let observations: ObservationColumns
    let budget: BudgetColumns
    let references: ReferenceColumns
    /// For each pool id: the id of its normalised label (``LabelKey/ofFact(_:)``), or `-1` for a text
    /// no label column holds; ``labelKeys`` holds the normalised texts by that id.
    let labelKey: [Int32]
    let labelKeys: [String]
    var findings: [AuditFinding] = []
    var runs: AuditRuns
    var problems: [String] = []

    init(dataset: Dataset, corrected: Bool = false) {
        self.dataset = dataset
        pool = dataset.pool
        observations = ObservationColumns(dataset, corrected: corrected)
        budget = BudgetColumns(dataset, corrected: corrected)
        references = ReferenceColumns(dataset)
        runs = AuditRuns(pool: dataset.pool)
        var keyOf = [Int32](repeating: -1, count: dataset.pool.count)
        var keys: [String] = [], idOfKey: [String: Int32] = [:]
        for column in [observations.records.label, budget.records.label] {
            for id in column where id >= 0 && keyOf[Int(id)] < 0 {
                let key = LabelKey.ofFact(dataset.pool[id])
                if let k = idOfKey[key] {
                    keyOf[Int(id)] = k
                } else {
                    keyOf[Int(id)] = Int32(keys.count)
                    idOfKey[key] = Int32(keys.count)
                    keys.append(key)
                }
            }
        }
        labelKey = keyOf
        labelKeys = keys
    }

    /// The checks of the printed tables, which need no alignment.
    mutating func checkRecords() {
        checkRecordsFirstPart()
        checkRecordsSecondPart()
    }

    /// The first part of ``checkRecords()``: sums, capaian, relations and facts printed twice.
    /// The two parts read nothing the other writes, so they can run side by side on copies of
    /// one auditor, merged in order by ``append(_:)``.
    mutating func checkRecordsFirstPart() {
        checkCapaian()
        checkPercentages()
        checkBudgetTotals()
        checkPeriodTotals()
        checkAverages()
        checkRelations()
        checkSameFacts()
    }

    /// The second part of ``checkRecords()``: series and ranges. ``checkAligned(_:)`` reads its
    /// series findings, so it runs after this part on the same auditor.
    mutating func checkRecordsSecondPart() {
        checkSeries()
        checkRateRanges()
        checkRatesFromCounts()
    }

    /// Adds the findings, runs and problems of `later`, a copy of this auditor that ran the checks
    /// that follow this one's (as if this auditor had run them itself).
    mutating func append(_ later: Auditor) {
        findings += later.findings
        runs.append(contentsOf: later.runs)
        problems += later.problems
    }

    /// The reports' TPT and TPAK against BPS, and each canonical indicator's series and
    /// plausible range (after ``checkRecords()``: the series check skips what it flagged).
    mutating func checkAligned(_ alignment: Alignment) {
        checkAgainstBPS(alignment)
        checkAlignedSeries(alignment)
        checkValidRanges(alignment)
    }

    /// The findings so far (one disagreement found twice, by label and by a relation, once) and
    /// the runs.
    var report: AuditReport {
        // A finding once: the same check of the same field of the same records (the first two, in
        // any order), with the same published and expected figures (bit for bit: 0 and -0 apart).
        struct Identity: Hashable {
            var check: AuditCheck
            var field: String
            var records: [String]
            var published, expected: UInt64
        }
        var seen = Set<Identity>()
        seen.reserveCapacity(findings.count)
        let findings = findings.filter { f in
            var records = Array(f.recordIDs.prefix(2))
            if records.count == 2 {
                if records[0] == records[1] { records.removeLast() } else if records[1] < records[0] { records.swapAt(0, 1) }
            }
            return seen.insert(Identity(check: f.check, field: f.field, records: records,
                                        published: f.published.bitPattern, expected: f.expected.bitPattern)).inserted
        }
        return AuditReport(findings: findings, runs: runs, problems: problems)
    }

    /// The normalised label of pool id `label` (`-1` when missing).
    @inline(__always) func key(_ label: Int32) -> Int32 { label >= 0 ? labelKey[Int(label)] : -1 }

    /// Records that `check` ran on `figure`, and a finding if it is not `expected` at its printed precision.
    mutating func compare(_ check: AuditCheck, _ figure: PrintedFigure, record: Int32, expected: Double, other: SourceLocation? = nil,
                          records: [String] = [], detail: @autoclosure () -> String) {
        runs.append(check, record: record)
        guard let severity = PrintedPrecision.compare(printed: figure.value, exact: expected) else { return }
        report(check, severity, figure, expected: expected, other: other, records: [figure.recordID] + records, detail: detail())
    }

    /// ``compare(_:_:record:expected:other:records:detail:)`` for a number column of a record
    /// table: the figure's texts are read only when it disagrees.
    mutating func compare(_ check: AuditCheck, _ table: RecordColumns, _ row: Int, _ field: Int, expected: Double,
                          other: @autoclosure () -> SourceLocation? = nil, records: @autoclosure () -> [String] = [],
                          detail: @autoclosure () -> String) {
        runs.append(check, record: table.id[row])
        guard let printed = table.numbers[field][row],
              let severity = PrintedPrecision.compare(printed: printed, exact: expected) else { return }
        let figure = table.figure(row, field)
        report(check, severity, figure, expected: expected, other: other(), records: [figure.recordID] + records(), detail: detail())
    }

    /// Records a finding that is not a precision comparison (a jump, a range).
    mutating func flag(_ check: AuditCheck, _ figure: PrintedFigure, record: Int32, expected: Double, other: SourceLocation? = nil,
                       records: [String] = [], detail: String) {
        runs.append(check, record: record)
        report(check, .error, figure, expected: expected, other: other, records: [figure.recordID] + records, detail: detail)
    }

    /// Adds the finding that `figure` is not `expected` (the check is recorded by the caller).
    mutating func report(_ check: AuditCheck, _ severity: AuditFinding.Severity, _ figure: PrintedFigure, expected: Double,
                         other: SourceLocation?, records: [String], detail: String) {
        findings.append(AuditFinding(
            check: check, severity: severity, districtCode: figure.districtCode, year: figure.year, subject: figure.subject,
            field: figure.field, published: figure.value.value, publishedDecimals: figure.value.decimals, expected: expected,
            location: figure.location, otherLocation: other, recordIDs: records, detail: detail))
    }


    static func format(_ value: Double) -> String { NumberText.plain(value) }

    /// The rank of each of `ids` among their texts (equal texts, equal ranks; a missing text is
    /// ""), for sorting groups by text while comparing each distinct text once.
    func textRanks(_ ids: some Sequence<Int32>) -> [Int32: Int] {
        let distinct = Array(Set(ids))
        let sorted = distinct.sorted { (pool.text($0) ?? "") < (pool.text($1) ?? "") }
        var rank: [Int32: Int] = [:]
        var previous: String?
        var r = -1
        for id in sorted {
            let t = pool.text(id) ?? ""
            if t != previous { r += 1; previous = t }
            rank[id] = r
        }
        return rank
    }
}

/// Groups of rows sharing a key, in the order their keys first appear, each group's rows in
/// row order; stored flat (one array of rows, and where each group starts).
///
/// The keys are found through an open-addressing table of group numbers probed by the key's
/// ``IntegerKey/mixed`` word (no `Hasher`): the audit groups a million rows several times.
struct RowGroups<Key: IntegerKey> {
    /// The groups' keys, in order of first appearance.
    let keys: [Key]
    private let start: [Int32]
    private let members: [Int32]
    private let index: KeyIndex

    /// Groups `rows` by `key` (a row whose key is `nil` is in no group).
    init(_ rows: some Collection<Int>, key: (Int) -> Key?) {
        var index = KeyIndex()
        var keys: [Key] = []
        var groupOfRow: [(row: Int32, group: Int32)] = []
        groupOfRow.reserveCapacity(rows.count)
        for row in rows {
            guard let k = key(row) else { continue }
            let g = index.group(of: k, mixed: k.mixed, in: &keys)
            groupOfRow.append((Int32(row), g))
        }
        var start = [Int32](repeating: 0, count: keys.count + 1)
        for (_, g) in groupOfRow { start[Int(g) + 1] += 1 }
        for g in 0..<keys.count { start[g + 1] += start[g] }
        var next = start
        var members = [Int32](repeating: 0, count: groupOfRow.count)
        for (row, g) in groupOfRow {
            members[Int(next[Int(g)])] = row
            next[Int(g)] += 1
        }
        self.keys = keys
        self.start = start
        self.members = members
        self.index = index
    }

    var count: Int { keys.count }

    /// The rows of group `g`.
    subscript(g: Int) -> ArraySlice<Int32> { members[Int(start[g])..<Int(start[g + 1])] }

    /// The rows of `key` (empty when none).
    func rows(of key: Key) -> ArraySlice<Int32> { index.find(key, mixed: key.mixed, in: keys).map { self[Int($0)] } ?? [] }

    /// Group numbers in slots probed linearly from the key's mixed word; each group's mixed word
    /// kept beside it, so a probe compares keys only when the words match.
    private struct KeyIndex {
        private var slots = [Int32](repeating: -1, count: 1024)
        private var mixedOfGroup: [UInt64] = []
        private var shift = 64 - 10

        @inline(__always)
        private func slot(_ mixed: UInt64) -> Int { Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift)) }

        func find(_ key: Key, mixed: UInt64, in keys: [Key]) -> Int32? {
            let mask = slots.count - 1
            var i = slot(mixed)
            while true {
                let g = slots[i]
                if g < 0 { return nil }
                if mixedOfGroup[Int(g)] == mixed && keys[Int(g)] == key { return g }
                i = (i + 1) & mask
            }
        }

        /// The group of `key`, appended to `keys` as a new group if it has none.
        mutating func group(of key: Key, mixed: UInt64, in keys: inout [Key]) -> Int32 {
            let mask = slots.count - 1
            var i = slot(mixed)
            while true {
                let g = slots[i]
                if g < 0 { break }
                if mixedOfGroup[Int(g)] == mixed && keys[Int(g)] == key { return g }
                i = (i + 1) & mask
            }
            let g = Int32(keys.count)
            keys.append(key)
            mixedOfGroup.append(mixed)
            slots[i] = g
            if keys.count * 2 > slots.count { grow() }
            return g
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            shift -= 1
            let mask = slots.count - 1
            for (g, mixed) in mixedOfGroup.enumerated() {
                var i = slot(mixed)
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(g)
            }
        }
    }
}

/// A grouping key of integer fields, hashed as one word mixed from them (one `Hasher.combine`
/// instead of one per field: the audit groups every row several times).
protocol IntegerKey: Hashable {
    /// The fields, mixed into one word by a ``KeyMixer``.
    var mixed: UInt64 { get }
}

extension IntegerKey {
    func hash(into hasher: inout Hasher) { hasher.combine(mixed) }
}

/// Mixes integer fields into one word (multiply and shift, as a hash table's mixing step).
struct KeyMixer {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    mutating func add(_ field: Int64) {
        value = (value ^ UInt64(bitPattern: field)) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 31
    }

    @inline(__always) mutating func add(_ field: Int32) { add(Int64(field)) }
    @inline(__always) mutating func add(_ field: Int8) { add(Int64(field)) }
    @inline(__always) mutating func add(_ field: Bool) { add(Int64(field ? 1 : 0)) }
    @inline(__always) mutating func add(_ field: Double) { add(Int64(bitPattern: field.bitPattern)) }
}
