import TolokModel

/// The observations aligned onto facts, district by district: each district's rows are aligned on
/// their own, its operand counts in a small map of its own (``Alignment/init(_:)``). (Aligning
/// halves of the districts on two threads was measured: joining the halves cost what the second
/// core saved.)
struct BucketAligner {
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

    /// The facts of the observations: actual values, targets, the further operands of sums (by
    /// index in `actuals`), and the labels no mapping covers (by district and label pool ids:
    /// their count and first row).
    struct Facts {
        var actuals: [Fact] = []
        var targets: [Fact] = []
        var moreOperands: [Int32: [Int32]] = [:]
        var unmapped: [Int64: (count: Int, firstRow: Int)] = [:]

        /// Room for `actuals` and `targets` facts.
        init(reserving actuals: Int, targets: Int) {
            self.actuals.reserveCapacity(actuals)
            self.targets.reserveCapacity(targets)
        }
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
    /// `extraActuals` more actual facts (the references appended after them).
    func align(reservingExtra extraActuals: Int) -> Facts {
        var facts = Facts(reserving: rowsByBucket.count + extraActuals, targets: rowsByBucket.count)
        var lookup = self.lookup
        var mapped: [(row: Int32, mapping: Int32)] = []
        for b in 0..<(areaCount + 1) where bucketStart[b + 1] > bucketStart[b] {
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
                    if let seen = facts.unmapped[pair] {
                        facts.unmapped[pair] = (seen.count + 1, seen.firstRow)
                    } else {
                        facts.unmapped[pair] = (1, row)
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
                        facts.actuals.append(f)
                    }
                    if let t = targetOf(row) {
                        let ty = targetYear[row] != Int64.min ? Int32(clamping: targetYear[row]) : y
                        facts.targets.append(fact(t * m.factor, year: ty))
                    }
                case .ratio:
                    guard let (numerator, _) = realisationOf(row), let key = lookup.operandsOfMapping[Int(mIndex)].first,
                          let d = operand(key), let (denominator, _) = realisationOf(Int(d)), denominator != 0 else { continue }
                    var f = fact(numerator / denominator * 100, year: y)
                    f.operandRow = d
                    facts.actuals.append(f)
                case .sum:
                    guard let (first, _) = realisationOf(row) else { continue }
                    let rows = lookup.operandsOfMapping[Int(mIndex)].map(operand)
                    guard rows.allSatisfy({ $0 != nil }), let parts = Optional(rows.map { realisationOf(Int($0!)) }),
                          parts.allSatisfy({ $0 != nil }) else { continue }
                    var f = fact(parts.reduce(first) { $0 + $1!.0 }, year: y)
                    f.operandRow = rows[0]!
                    if rows.count > 1 { facts.moreOperands[Int32(facts.actuals.count)] = rows.dropFirst().map { $0! } }
                    facts.actuals.append(f)
                case .perThousand:
                    guard let (r, _) = realisationOf(row), m.base >= 0,
                          let b = series[Alignment.SeriesKey(area: a, indicator: m.base, year: y)] else { continue }
                    let base = seriesFacts[Int(b)]
                    guard base.value != 0 else { continue }
                    var f = fact(r / base.value * 1000, year: y)
                    f.operandRow = base.row
                    facts.actuals.append(f)
                }
            }
        }
        return facts
    }
}
