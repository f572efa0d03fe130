import TolokModel

/// The observations aligned onto facts, district by district: each district's rows are aligned on
/// their own, its operand counts in a small map of its own (``Alignment/init(_:threads:)``).
///
/// On two threads, each aligns half of the districts straight into the one array of facts: a row
/// gives an actual value only if it has a realisation and a target only if it has a target, so
/// the second half starts writing past as many facts as the first half's rows can give, and its
/// facts are moved down next to the first half's afterwards. No second array is made and joined
/// (that had cost what the second core saved).
struct BucketAligner: @unchecked Sendable {
    // The observations' columns (pool ids, `Int64.min` and `.nan` missing).
    let district, label, source, revision: [Int32]
    let year, targetYear: [Int64]
    let target, realisation: [Double]
    let realisationDecimals: [Int8]
    /// Rows with corrections, and their corrected records.
    let corrected: [Bool]
    let correctedRows: [Int32: Observation]
    /// Revision ranks by (source, revision) pool ids.
    let revisionRanks: [Int64: Int8]
    let plans: [Alignment.MappingPlan]
    /// Area and source index of each pool id (`-1`: none).
    let areaOfPool, sourceOfPool: [Int32]
    /// The per-1,000 rates' base series: fact index by area, indicator name and year.
    let series: [Alignment.SeriesKey: Int32]
    let seriesFacts: [Fact]
    let lookup: MappingLookup
    /// The rows of each district (by area index; the last bucket: rows of no known area), in table order.
    let bucketStart: [Int]
    let rowsByBucket: [Int32]
    let areaCount: Int

    /// The rows of each district (by area index; the last bucket: rows of no known area), in
    /// table order, so that its operand counts are looked up in a small map of its own: the rows
    /// that can give a fact (a yearly row with a label, a district and a value).
    struct Buckets: Sendable {
        /// Where each bucket's rows start in ``rows`` (one more entry than buckets).
        var start: [Int]
        var rows: [Int32]

        init(_ table: Table, areaOfPool: [Int32], areaCount: Int) {
            let district = table.textIDs(ObservationField.districtCode), label = table.textIDs(ObservationField.indicatorLabel)
            let period = table.textIDs(ObservationField.period)
            let target = table.numbers(ObservationField.target), realisation = table.numbers(ObservationField.realisation)
            var start = [Int](repeating: 0, count: areaCount + 2)
            func eligible(_ row: Int) -> Bool {
                period[row] < 0 && (!target[row].isNaN || !realisation[row].isNaN) && label[row] >= 0 && district[row] >= 0
            }
            func bucket(_ row: Int) -> Int {
                let a = areaOfPool[Int(district[row])]
                return a >= 0 ? Int(a) : areaCount
            }
            for row in 0..<table.rowCount where eligible(row) { start[bucket(row) + 1] += 1 }
            for i in 0..<(areaCount + 1) { start[i + 1] += start[i] }
            var rows = [Int32](repeating: 0, count: start[areaCount + 1])
            var fill = start
            for row in 0..<table.rowCount where eligible(row) {
                let b = bucket(row)
                rows[fill[b]] = Int32(row)
                fill[b] += 1
            }
            self.start = start
            self.rows = rows
        }
    }

    /// The facts of the observations: actual values, targets, the further operands of sums (by
    /// index in `actuals`), and the labels no mapping covers (by district and label pool ids:
    /// their count and first row).
    struct Facts {
        var actuals: [Fact] = []
        var targets: [Fact] = []
        var moreOperands: [Int32: [Int32]] = [:]
        var unmapped: [Int64: (count: Int, firstRow: Int)] = [:]
    }

    /// Facts written one after another from a place in an array's memory, at most `capacity`
    /// (the room left for them before the next range's).
    private struct FactWriter {
        let base: UnsafeMutablePointer<Fact>
        let capacity: Int
        var count = 0

        mutating func append(_ fact: Fact) {
            precondition(count < capacity, "a row gave more than one fact of a kind")
            (base + count).initialize(to: fact)
            count += 1
        }
    }

    /// What one range of districts gave: its facts' counts (written by its ``FactWriter``s), the
    /// further operands of sums (by index among its actual facts) and its unmapped labels.
    private struct Part {
        var actuals = 0, targets = 0
        var moreOperands: [Int32: [Int32]] = [:]
        var unmapped: [Int64: (count: Int, firstRow: Int)] = [:]
    }

    /// Array memory shared by the two halves (each writes its own region).
    private struct SharedMemory: @unchecked Sendable {
        let actuals, targets: UnsafeMutablePointer<Fact>
    }

    func realisationOf(_ row: Int) -> (Double, Int8)? {
        if corrected[row], let o = correctedRows[Int32(row)] { return o.realisation.map { ($0.value, Int8(clamping: $0.decimals)) } }
        return realisation[row].isNaN ? nil : (realisation[row], realisationDecimals[row])
    }

    func targetOf(_ row: Int) -> Double? {
        if corrected[row], let o = correctedRows[Int32(row)] { return o.target?.value }
        return target[row].isNaN ? nil : target[row]
    }

    /// The facts of every district's rows (and of the rows of no known area), with room for
    /// `extraActuals` more actual facts (the references appended after them); on `threads > 1`,
    /// half of the districts on each of two threads (the same facts in the same order).
    func align(reservingExtra extraActuals: Int, threads: Int = 1) -> Facts {
        let rows = rowsByBucket.count
        let buckets = areaCount + 1
        // The second half starts at the first bucket past half the rows.
        var split = buckets
        if threads > 1 && rows >= 1 << 14 {
            split = (0..<buckets).first { bucketStart[$0] * 2 >= rows } ?? buckets
        }
        let ranges = split > 0 && split < buckets ? [0..<split, split..<buckets] : [0..<buckets]
        // Where each range writes: after the earlier ranges' rows with a realisation (an actual
        // value at most each) and with a target (a target at most each), so that the memory
        // written stays that of the facts; the last entries are the ends.
        var actualStart = [0], targetStart = [0]
        for range in ranges.dropLast() {
            var withRealisation = 0, withTarget = 0
            for row in rowsByBucket[bucketStart[range.lowerBound]..<bucketStart[range.upperBound]].lazy.map(Int.init) {
                if corrected[row] || !realisation[row].isNaN { withRealisation += 1 }
                if corrected[row] || !target[row].isNaN { withTarget += 1 }
            }
            actualStart.append(actualStart.last! + withRealisation)
            targetStart.append(targetStart.last! + withTarget)
        }
        actualStart.append(rows)
        targetStart.append(rows)
        var parts: [Part] = []
        var targets: [Fact] = []
        let actuals = [Fact](unsafeUninitializedCapacity: rows + extraActuals) { actualMemory, actualCount in
            targets = [Fact](unsafeUninitializedCapacity: rows) { targetMemory, targetCount in
                let memory = SharedMemory(actuals: actualMemory.baseAddress!, targets: targetMemory.baseAddress!)
                let slots = ParallelSlots<Part>(count: ranges.count)
                ParallelTasks.run(threads: threads, ranges.indices.map { i in
                    { [self, actualStart, targetStart] in
                        slots[i] = align(buckets: ranges[i],
                                         actuals: FactWriter(base: memory.actuals + actualStart[i], capacity: actualStart[i + 1] - actualStart[i]),
                                         targets: FactWriter(base: memory.targets + targetStart[i], capacity: targetStart[i + 1] - targetStart[i]))
                    }
                })
                parts = (0..<ranges.count).map { slots[$0]! }
                // The later ranges' facts moved down next to the earlier ones'.
                actualCount = 0
                targetCount = 0
                for (i, part) in parts.enumerated() {
                    if actualStart[i] != actualCount {
                        (memory.actuals + actualCount).moveInitialize(from: memory.actuals + actualStart[i], count: part.actuals)
                    }
                    if targetStart[i] != targetCount {
                        (memory.targets + targetCount).moveInitialize(from: memory.targets + targetStart[i], count: part.targets)
                    }
                    actualCount += part.actuals
                    targetCount += part.targets
                }
            }
        }
        var facts = Facts(actuals: actuals, targets: targets)
        var offset = 0
        for part in parts {
            for (index, rows) in part.moreOperands { facts.moreOperands[index + Int32(offset)] = rows }
            for (pair, u) in part.unmapped {
                if let seen = facts.unmapped[pair] {
                    facts.unmapped[pair] = (seen.count + u.count, seen.firstRow)  // the earlier range saw it first
                } else {
                    facts.unmapped[pair] = u
                }
            }
            offset += part.actuals
        }
        return facts
    }

    /// The facts of the districts of `range` (bucket indices), written by `actuals` and `targets`.
    private func align(buckets range: Range<Int>, actuals: FactWriter, targets: FactWriter) -> Part {
        var part = Part()
        var actuals = actuals, targets = targets
        var lookup = self.lookup
        var mapped: [(row: Int32, mapping: Int32)] = []
        for b in range where bucketStart[b + 1] > bucketStart[b] {
            let bucketRows = rowsByBucket[bucketStart[b]..<bucketStart[b + 1]]
            // Operand counts by year, label key (and document): the first printed wins.
            var operands = IntMap(capacity: bucketRows.count / 2)
            mapped.removeAll(keepingCapacity: true)
            // Rows of one label and document follow one another: their key, operand flag and
            // mapping are looked up once per run.
            var previous: (label: Int32, district: Int32, source: Int32) = (-2, -2, -2)
            var key: Int32 = -1, isOperand = false, mapping: Int32? = nil
            for row32 in bucketRows {
                let row = Int(row32)
                let labelID = label[row], districtID = district[row], sourceID = source[row]
                if labelID != previous.label || districtID != previous.district || sourceID != previous.source {
                    previous = (labelID, districtID, sourceID)
                    key = lookup.key(of: labelID)
                    isOperand = lookup.isOperand(key)
                    mapping = lookup.mapping(district: districtID, source: sourceID, key: key)
                }
                if isOperand, !realisation[row].isNaN, b < areaCount {
                    let s = sourceID >= 0 ? sourceOfPool[Int(sourceID)] : -1
                    operands.insertIfAbsent(Alignment.operandKey(Int32(b), year[row], key, s), row32)
                    operands.insertIfAbsent(Alignment.operandKey(Int32(b), year[row], key, -1), row32)
                }
                if let m = mapping {
                    mapped.append((row32, m))
                } else if !isOperand {
                    let pair = Int64(districtID) << 32 | Int64(labelID)
                    if let seen = part.unmapped[pair] {
                        part.unmapped[pair] = (seen.count + 1, seen.firstRow)
                    } else {
                        part.unmapped[pair] = (1, row)
                    }
                }
            }
            for (row32, mIndex) in mapped {
                let row = Int(row32)
                let m = plans[Int(mIndex)]
                let ind = m.indicator
                guard ind >= 0 else { continue }
                let a = areaOfPool[Int(district[row])]
                guard a >= 0 else { continue }
                let y = Int32(clamping: year[row])
                let s = source[row] >= 0 ? sourceOfPool[Int(source[row])] : -1
                func fact(_ value: Double, year: Int32) -> Fact {
                    var f = Fact(area: a, indicator: ind, year: year, value: value, kind: .observation, row: row32, source: s)
                    f.mapping = mIndex
                    f.priority = m.priority
                    if revision[row] >= 0, source[row] >= 0 { f.revisionRank = revisionRanks[Int64(source[row]) << 32 | Int64(revision[row])] ?? 0 }
                    return f
                }
                func operand(_ labelKey: Int32) -> Int32? {
                    operands[Alignment.operandKey(a, year[row], labelKey, s)] ?? operands[Alignment.operandKey(a, year[row], labelKey, -1)]
                }
                switch m.kind {
                case .asIs, .scale:
                    if let (r, d) = realisationOf(row) {
                        var f = fact(r * m.factor, year: y)
                        if m.kind == .asIs { f.printedDecimals = d }
                        actuals.append(f)
                    }
                    if let t = targetOf(row) {
                        let ty = targetYear[row] != Int64.min ? Int32(clamping: targetYear[row]) : y
                        targets.append(fact(t * m.factor, year: ty))
                    }
                case .ratio:
                    guard let (numerator, _) = realisationOf(row), let key = lookup.operandsOfMapping[Int(mIndex)].first,
                          let d = operand(key), let (denominator, _) = realisationOf(Int(d)), denominator != 0 else { continue }
                    var f = fact(Rates.percent(numerator, of: denominator), year: y)
                    f.operandRow = d
                    actuals.append(f)
                case .sum:
                    guard let (first, _) = realisationOf(row) else { continue }
                    let rows = lookup.operandsOfMapping[Int(mIndex)].map(operand)
                    guard rows.allSatisfy({ $0 != nil }), let parts = Optional(rows.map { realisationOf(Int($0!)) }),
                          parts.allSatisfy({ $0 != nil }) else { continue }
                    var f = fact(parts.reduce(first) { $0 + $1!.0 }, year: y)
                    f.operandRow = rows[0]!
                    if rows.count > 1 { part.moreOperands[Int32(actuals.count)] = rows.dropFirst().map { $0! } }
                    actuals.append(f)
                case .perThousand:
                    guard let (r, _) = realisationOf(row), m.base >= 0,
                          let b = series[Alignment.SeriesKey(area: a, indicator: m.base, year: y)] else { continue }
                    let base = seriesFacts[Int(b)]
                    guard base.value != 0 else { continue }
                    var f = fact(Rates.perThousand(r, of: base.value), year: y)
                    f.operandRow = base.row
                    actuals.append(f)
                }
            }
        }
        part.actuals = actuals.count
        part.targets = targets.count
        return part
    }
}
