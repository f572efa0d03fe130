import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `comparison.csv` of every district, indicator and year with a value (``YearPolicy/all``),
/// written from the alignment's grid and the rank table in blocks on both cores: the same rows
/// and bytes as ``AnalysisExports/comparison(_:policy:english:)`` over ``Comparisons/compute``,
/// without a struct per row.
public enum ComparisonExport {
    public static func write(_ alignment: Alignment, areas: Areas, geography: DistrictGeography, ranks: CellRanks,
                             english: Bool, dialect: CSVDialect, to url: URL, in batch: inout AtomicFile.Batch, threads: Int = 2) throws(AtomicFile.Failure) {
        let catalogue = alignment.catalogue
        let grid = alignment.grid
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let districts = geography.districts
        let all = areas.all
        let policy = YearPolicy.all.description
        let header = dialect.header(AnalysisExports.comparisonHeader)
        let perBlock = 8
        try BlockWriter.write(to: url, in: &batch, header: header, blocks: (districts.count + perBlock - 1) / perBlock, threads: threads) { block, out in
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                let district = all[Int(d)]
                for ind in indicators {
                    let indicator = catalogue.all[ind]
                    let decimals = indicator.unit == "per_1000" ? 2 : indicator.decimals
                    let yardsticks = indicator.comparisons.contains("reference")
                    for y in grid.years {
                        guard let cell = grid.cell(indicator: ind, year: y, area: Int(d)), grid.chosen[cell] >= 0 else { continue }
                        let f = Int(grid.chosen[cell])
                        let value = alignment.facts[f].value
                        let p = geography.province(of: Int(d), year: y)
                        let province = p >= 0 ? all[Int(p)] : nil
                        let pf = yardsticks && p >= 0 ? grid.fact(indicator: ind, year: y, area: Int(p)) : nil
                        let nf = yardsticks && geography.nation >= 0 ? grid.fact(indicator: ind, year: y, area: Int(geography.nation)) : nil
                        let pv = pf.map { alignment.facts[$0].value }, nv = nf.map { alignment.facts[$0].value }
                        var row = CSVRow(dialect: dialect)
                        row.text(district.code, &out); row.text(district.name, &out); row.text(province?.code, &out)
                        row.integer(y, &out); row.text(indicator.id, &out); row.text(indicator.name(english: english), &out)
                        row.text(indicator.unit, &out); row.text(indicator.polarity.rawValue, &out)
                        row.number(value, decimals: decimals, &out); row.number(pv, decimals: decimals, &out); row.number(nv, decimals: decimals, &out)
                        row.number(pv.map { Comparisons.gap(value, $0) }, decimals: decimals, &out)
                        row.number(nv.map { Comparisons.gap(value, $0) }, decimals: decimals, &out)
                        row.number(pv.flatMap { Comparisons.relativeGap(value, $0) }, decimals: 2, &out)
                        row.number(nv.flatMap { Comparisons.relativeGap(value, $0) }, decimals: 2, &out)
                        row.text(pv.map { Verdict(value: value, reference: $0, polarity: indicator.polarity).rawValue }, &out)
                        row.text(nv.map { Verdict(value: value, reference: $0, polarity: indicator.polarity).rawValue }, &out)
                        for (rank, count) in [(ranks.provinceRank[cell], ranks.provinceCount[cell]), (ranks.nationRank[cell], ranks.nationCount[cell])] {
                            if rank > 0 { row.integer(Int(rank), &out) } else { row.missing(&out) }
                            if count >= 0 { row.integer(Int(count), &out) } else { row.missing(&out) }
                        }
                        func citation(_ fact: Int?) {
                            guard let fact else { row.missing(&out); return }
                            var text = ByteBuffer(capacity: 64)
                            alignment.appendCitation(fact, to: &text)
                            text.withBytes { row.text($0, &out) }
                        }
                        citation(f); citation(pf); citation(nf)
                        func alternatives(_ fact: Int?, area: Int32) {
                            guard fact != nil, let c = grid.cell(indicator: ind, year: y, area: Int(area)) else { row.missing(&out); return }
                            var text = ByteBuffer(capacity: 64)
                            for (k, a) in grid.alternatives(c).enumerated() {
                                if k > 0 { text.append(Array("; ".utf8)) }
                                NumberText.appendFixed(alignment.facts[Int(a)].value, decimals: decimals, to: &text)
                                text.append(Array(" (".utf8))
                                alignment.appendCitation(Int(a), to: &text)
                                text.append(UInt8(ascii: ")"))
                            }
                            text.withBytes { row.text($0, &out) }
                        }
                        alternatives(f, area: d); alternatives(pf, area: p); alternatives(nf, area: geography.nation)
                        let flags = alignment.flags(f)
                        for list in [flags.corrections, flags.caveats, flags.suspicions] {
                            row.text(list.isEmpty ? nil : list.joined(separator: "; "), &out)
                        }
                        row.text(policy, &out)
                        if !yardsticks {
                            row.text("no provincial or national yardstick for this indicator", &out)
                        } else {
                            var missing: [String] = []
                            if pf == nil { missing.append("no \(province?.name ?? "province") value for \(y)") }
                            if nf == nil { missing.append("no national value for \(y)") }
                            row.text(missing.isEmpty ? nil : missing.joined(separator: "; "), &out)
                        }
                        row.end(&out)
                    }
                }
            }
        }
    }
}
