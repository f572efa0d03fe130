import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

extension AchievementExport {
    /// Observations with a target and a realisation (corrections applied), and how many of them
    /// have a capaian.
    public struct Counts: Sendable {
        public var rows = 0
        public var withCapaian = 0
    }

    /// Writes `achievement.csv` from the observations' columns in blocks on both cores: the same
    /// rows and bytes as ``csv(_:dialect:)`` over ``rows(_:)``, the observations a correction
    /// names taken from `corrected` (``Alignment/correctedObservations``). `leadIn`: other work
    /// one thread does first (``BlockWriter/write(to:in:header:blocks:threads:leadIn:format:)``).
    public static func write(_ dataset: Dataset, corrected: [Int32: Observation], dialect: CSVDialect, to url: URL,
                             in batch: inout AtomicFile.Batch, threads: Int = 2,
                             leadIn: (@Sendable () -> Void)? = nil) throws(AtomicFile.Failure) -> Counts {
        guard let table = dataset.tables[ObservationField.tableKind] else {
            leadIn?()
            try batch.stage([dialect.header(header)], at: url)
            return Counts()
        }
        let pool = dataset.pool
        let areas = dataset.areas
        let names = Dictionary(areas.all.map { ($0.codeID, $0.name) }, uniquingKeysWith: { a, _ in a })
        let c = Observation.Reader(table)
        let district = table.textIDs(c.district), period = table.textIDs(c.period), level = table.textIDs(c.level)
        let objective = table.textIDs(c.objective), label = table.textIDs(c.label), unit = table.textIDs(c.unit)
        let polarity = table.textIDs(c.polarity), source = table.textIDs(c.source), location = table.textIDs(c.location)
        let id = table.textIDs(c.id)
        let year = table.integers(c.year), targetYear = table.integers(c.targetYear), page = table.integers(c.page)
        let target = table.numbers(c.target), targetDecimals = table.decimalCounts(c.target)
        let realisation = table.numbers(c.realisation), realisationDecimals = table.decimalCounts(c.realisation)
        let reported = table.numbers(c.capaian), reportedDecimals = table.decimalCounts(c.capaian)
        let positive = pool.id(of: Polarity.positive.rawValue) ?? -2, negative = pool.id(of: Polarity.negative.rawValue) ?? -2
        let rowsPerBlock = 8_192  // about 1.4 MB of achievement.csv (BlockWriter: 1–2 MB)
        let counts = ParallelSlots<Counts>(count: (table.rowCount + rowsPerBlock - 1) / rowsPerBlock)
        try BlockWriter.write(to: url, in: &batch, header: dialect.header(header), blocks: (table.rowCount + rowsPerBlock - 1) / rowsPerBlock,
                              threads: threads, leadIn: leadIn) { block, out in
            var n = Counts()
            for r in (block * rowsPerBlock)..<min(table.rowCount, (block + 1) * rowsPerBlock) {
                var row = CSVRow(dialect: dialect)
                if let o = corrected[Int32(r)] {
                    // A corrected record: as the struct export writes it.
                    guard let t = o.target, let v = o.realisation else { continue }
                    let a = Achievement(target: t.value, realisation: v.value, polarity: o.polarity)
                    n.rows += 1
                    if a.capaian != nil { n.withCapaian += 1 }
                    row.text(o.districtCode, &out); row.text(areas.byCode[o.districtCode]?.name ?? o.districtCode, &out)
                    row.integer(o.year, &out); row.text(o.period, &out); row.text(o.level, &out); row.text(o.objective, &out)
                    row.text(o.indicatorLabel, &out); row.text(o.unit, &out); row.text(o.polarity?.rawValue, &out)
                    row.number(t.value, decimals: t.decimals, &out)
                    if let ty = o.targetYear { row.integer(ty, &out) } else { row.missing(&out) }
                    row.number(v.value, decimals: v.decimals, &out)
                    row.number(a.capaian, decimals: 2, &out); row.number(a.clamped, decimals: 2, &out); row.text(a.predicate?.rawValue, &out)
                    row.number(o.reportedCapaian?.value, decimals: o.reportedCapaian?.decimals ?? 0, &out)
                    row.text(o.source.sourceID, &out); row.text(o.source.description, &out); row.text(o.id, &out)
                    row.list(o.corrections.map(\.description), &out)
                    row.text(a.note, &out)
                    row.end(&out)
                    continue
                }
                guard !target[r].isNaN, !realisation[r].isNaN else { continue }
                let p: Polarity? = polarity[r] == positive ? .positive : polarity[r] == negative ? .negative : nil
                let a = Achievement(target: target[r], realisation: realisation[r], polarity: p)
                n.rows += 1
                if a.capaian != nil { n.withCapaian += 1 }
                row.text(id: district[r], in: pool, &out)
                if district[r] >= 0, let name = names[district[r]] { row.text(name, &out) } else { row.text(id: district[r], in: pool, &out) }
                row.integer(Int(year[r] == Int64.min ? 0 : year[r]), &out)
                row.text(id: period[r], in: pool, &out); row.text(id: level[r], in: pool, &out); row.text(id: objective[r], in: pool, &out)
                row.text(id: label[r], in: pool, &out); row.text(id: unit[r], in: pool, &out); row.text(p?.rawValue, &out)
                row.number(target[r], decimals: Int(targetDecimals[r]), &out)
                if targetYear[r] != Int64.min { row.integer(Int(targetYear[r]), &out) } else { row.missing(&out) }
                row.number(realisation[r], decimals: Int(realisationDecimals[r]), &out)
                row.number(a.capaian, decimals: 2, &out); row.number(a.clamped, decimals: 2, &out); row.text(a.predicate?.rawValue, &out)
                row.number(reported[r], decimals: Int(reportedDecimals[r]), &out)
                row.text(id: source[r], in: pool, &out)
                // The source location: `Tabel 3.1`, or `Tabel 3.1, p. 12`.
                var place = ByteBuffer(capacity: 64)
                if location[r] >= 0 { pool.withBytes(location[r]) { place.append($0) } }
                if page[r] != Int64.min { place.append(Array(", p. ".utf8)); NumberText.appendInteger(Int(page[r]), to: &place) }
                place.withBytes { row.text($0, &out) }
                row.text(id: id[r], in: pool, &out)
                row.missing(&out)
                row.text(a.note, &out)
                row.end(&out)
            }
            counts[block] = n
        }
        var total = Counts()
        for b in 0..<(table.rowCount + rowsPerBlock - 1) / rowsPerBlock {
            total.rows += counts[b]?.rows ?? 0
            total.withCapaian += counts[b]?.withCapaian ?? 0
        }
        return total
    }
}
