import Foundation
import TolokAlignment
import TolokModel
import TolokStatistics

/// The benchmark pipeline's two files (`benchmarks/SPEC.md`), written in blocks on both cores
/// (``BlockWriter``): numbers with fifteen significant digits, codes copied as bytes.
public enum PipelineExport {
    public static let comparisonHeader = "district_code,indicator_id,year,value,province_value,national_value,gap_province,gap_national,capaian\n"
    public static let rankingsHeader = "indicator_id,year,scope,district_code,value,rank,n_ranked\n"

    /// Writes `comparison.csv` and `rankings.csv` into `folder` (atomically, both or neither).
    /// `parallel: false` formats every block on the calling thread (the same bytes).
    public static func write(_ pipeline: Pipeline, ranks: RankTable, to folder: URL, parallel: Bool = true) throws(AtomicFile.Failure) {
        var batch = AtomicFile.Batch()
        try stageComparison(pipeline, to: folder, in: &batch, threads: parallel ? 2 : 1)
        try stageRankings(pipeline, ranks: ranks, to: folder, in: &batch, threads: parallel ? 2 : 1)
        try batch.commit()
    }

    @inline(__always)
    private static func number(_ v: Double, _ out: inout ByteBuffer) { if v.isFinite { NumberText.appendCompact(v, to: &out) } }

    /// Stages `comparison.csv` in `batch`, formatted on `threads` threads, in blocks of 8
    /// districts (about 16,000 rows of 200 indicators × 10 years). `leadIn`: work one thread
    /// does first (the ranks), the others formatting meanwhile (``BlockWriter``). Returns the
    /// rows written (``Pipeline/comparisonCount``, counted while writing them).
    @discardableResult
    public static func stageComparison(_ pipeline: Pipeline, to folder: URL, in batch: inout AtomicFile.Batch, threads: Int,
                                       leadIn: (@Sendable () -> Void)? = nil) throws(AtomicFile.Failure) -> Int {
        let codes = CellBytes(pipeline.areaCodes), ids = CellBytes(pipeline.indicatorIDs)
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let districts = pipeline.geography.districts
        let years = pipeline.values.grid.years
        let perBlock = 8
        let geography = pipeline.geography
        return try BlockWriter.write(to: folder.appendingPathComponent("comparison.csv"), in: &batch, header: Array(comparisonHeader.utf8),
                              blocks: (districts.count + perBlock - 1) / perBlock, threads: threads, leadIn: leadIn) { block, out in
            // The province's and the nation's values of an indicator and year ("pv,nv"), the same
            // on every row of the province's districts: formatted once for the block's districts
            // of one province (the stamp; slot: indicator × years + year).
            var yardsticks = StampedCache<[UInt8]>(slots: pipeline.indicatorIDs.count * years.count)
            ids.withCells { ids in codes.withCells { codes in
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                let code = codes[Int(d)]
                for ind in pipeline.indicators {
                    for y in years {
                        guard let r = pipeline.comparison(district: Int(d), indicator: ind, year: y) else { continue }
                        let slot = ind * years.count + (y - years.lowerBound), p = geography.province(of: Int(d), year: y)
                        let yardstick = yardsticks.value(slot: slot, stamp: Int(p)) {
                            var cells = ByteBuffer(capacity: 64)
                            number(r.provinceValue, &cells); cells.append(comma)
                            number(r.nationalValue, &cells)
                            return cells.array
                        }
                        out.append(code); out.append(comma)
                        out.append(ids[ind]); out.append(comma)
                        NumberText.appendInteger(y, to: &out); out.append(comma)
                        number(r.value, &out); out.append(comma)
                        out.append(yardstick); out.append(comma)
                        number(Comparisons.gap(r.value, r.provinceValue), &out); out.append(comma)
                        number(Comparisons.gap(r.value, r.nationalValue), &out); out.append(comma)
                        number(r.capaian, &out); out.append(newline)
                        out.rowsEnded += 1
                    }
                }
            }
            } }
        }
    }

    /// Stages `rankings.csv` in `batch`, formatted on `threads` threads, in blocks of about
    /// 32,000 ranked rows (whole groups).
    public static func stageRankings(_ pipeline: Pipeline, ranks table: RankTable, to folder: URL, in batch: inout AtomicFile.Batch,
                                     threads: Int) throws(AtomicFile.Failure) {
        let codes = CellBytes(pipeline.areaCodes), ids = CellBytes(pipeline.indicatorIDs)
        let scopes = CellBytes(pipeline.areaCodes.map { "province:\($0)" }), nation = CellBytes(["nation"])
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let facts = pipeline.values.facts, grid = pipeline.values.grid
        var blockStarts = [0]
        var rows = 0
        for (i, g) in table.groups.enumerated() {
            if rows >= 32_768 { blockStarts.append(i); rows = 0 }
            if g.isRanked { rows += Int(g.membersCount) }
        }
        blockStarts.append(table.groups.count)
        let starts = blockStarts
        try BlockWriter.write(to: folder.appendingPathComponent("rankings.csv"), in: &batch, header: Array(rankingsHeader.utf8),
                              blocks: starts.count - 1, threads: threads) { block, out in
            // A district's value is on its nation row and again on its province row of the same
            // indicator and year: formatted once (where the district's value starts in `values`
            // and how long it is, for the indicator and year `valuesOf`).
            var values = ByteBuffer(capacity: 1 << 16)
            var valuesOf = (indicator: Int32(-1), year: Int32(-1)), cellOfArea0 = 0
            var valueStart = [Int32](repeating: -1, count: pipeline.areaCodes.count)
            var valueEnd = [Int32](repeating: -1, count: pipeline.areaCodes.count)
            // A group's cells before the district ("indicator,year,scope,") and after its rank
            // (",n_ranked\n"), the same on each of its rows.
            var head = ByteBuffer(capacity: 128), tail = ByteBuffer(capacity: 16)
            ids.withCells { ids in codes.withCells { codes in scopes.withCells { scopes in nation.withCells { nation in
                for g in table.groups[starts[block]..<starts[block + 1]] where g.isRanked {
                    let scope = g.scopeKind == .nation ? nation[0] : scopes[Int(g.scopeCode)]
                    head.removeAll()
                    head.append(ids[Int(g.indicator)]); head.append(comma)
                    NumberText.appendInteger(Int(g.year), to: &head); head.append(comma)
                    head.append(scope); head.append(comma)
                    tail.removeAll()
                    tail.append(comma); NumberText.appendInteger(Int(g.membersCount), to: &tail); tail.append(newline)
                    if valuesOf != (g.indicator, g.year) {
                        valuesOf = (g.indicator, g.year)
                        cellOfArea0 = grid.cell(indicator: Int(g.indicator), year: Int(g.year), area: 0)!
                        values.removeAll()
                        for i in valueStart.indices { valueStart[i] = -1 }
                    }
                    for m in Int(g.membersStart)..<Int(g.membersStart + g.membersCount) {
                        let area = Int(table.memberArea[m])
                        head.withBytes { out.append($0) }
                        out.append(codes[area]); out.append(comma)
                        if valueStart[area] < 0 {
                            valueStart[area] = Int32(values.count)
                            number(grid.value(cell: cellOfArea0 + area, in: facts), &values)
                            valueEnd[area] = Int32(values.count)
                        }
                        values.withBytes { out.append(UnsafeBufferPointer(rebasing: $0[Int(valueStart[area])..<Int(valueEnd[area])])) }
                        out.append(comma)
                        NumberText.appendInteger(Int(table.memberRank[m]), to: &out)
                        tail.withBytes { out.append($0) }
                        out.rowsEnded += 1
                    }
                }
            } } } }
        }
    }
}
