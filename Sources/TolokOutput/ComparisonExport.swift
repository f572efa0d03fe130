import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `comparison.csv` of every district, indicator and year with a value (``YearPolicy/all``),
/// written from the alignment's grid and the rank table in blocks on both cores: the same rows
/// and bytes as ``AnalysisExports/comparison(_:policy:english:)`` over ``Comparisons/compute``,
/// without a struct per row. Each fact's value, citation and flags come from `cells` (``FactCells``
/// of the same alignment).
public enum ComparisonExport {
    /// The job that writes the file (``BlockWriter/write(_:in:threads:leadIn:)``).
    public static func job(_ alignment: Alignment, areas: Areas, geography: DistrictGeography, ranks: CellRanks,
                           english: Bool, dialect: CSVDialect, cells: FactCells, to url: URL) -> BlockWriter.Job {
        precondition(cells.count == alignment.facts.count, "the cells of another alignment")
        let catalogue = alignment.catalogue
        let grid = alignment.grid
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let districts = geography.districts
        let all = areas.all
        let policy = YearPolicy.all.description
        // The cells every row of a district, province or indicator repeats.
        let areaCells = RenderedCellTable.codesAndNames(of: all, dialect: dialect)
        let provinceCodeCells = RenderedCellTable.provinceCodes(alignment.areaCodes, dialect: dialect)
        let indicatorCells = RenderedCellTable(count: catalogue.all.count, dialect: dialect) { i, row, out in
            let indicator = catalogue.all[i]
            row.text(indicator.id, &out); row.text(indicator.name(english: english), &out)
            row.text(indicator.unit, &out); row.text(indicator.polarity.rawValue, &out)
        }
        let header = dialect.header(AnalysisExports.comparisonHeader)
        let perBlock = 4  // districts: about 1.8 MB of comparison.csv at 2,000 rows each (BlockWriter: 1–2 MB)
        return BlockWriter.Job(url: url, header: header, blocks: (districts.count + perBlock - 1) / perBlock) { block, out in
            var scratch = ByteBuffer(capacity: 256)
            // The province's and the nation's cells of an indicator and year (slot: indicator ×
            // years + year), rendered once for the block's districts of one province (the stamp).
            var yardstickCells = StampedCache<YardstickCells>(slots: catalogue.all.count * grid.years.count)
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                for ind in indicators {
                    let indicator = catalogue.all[ind]
                    let decimals = indicator.valueDecimals
                    let yardsticks = indicator.comparisons.contains("reference")
                    for y in grid.years {
                        guard let cell = grid.cell(indicator: ind, year: y, area: Int(d)), grid.chosen[cell] >= 0 else { continue }
                        let f = Int(grid.chosen[cell])
                        let value = alignment.facts[f].value
                        let p = geography.province(of: Int(d), year: y)
                        let pf = yardsticks && p >= 0 ? grid.fact(indicator: ind, year: y, area: Int(p)) : nil
                        let nf = yardsticks && geography.nation >= 0 ? grid.fact(indicator: ind, year: y, area: Int(geography.nation)) : nil
                        let pv = pf.map { alignment.facts[$0].value }, nv = nf.map { alignment.facts[$0].value }
                        func citation(_ fact: Int?, _ row: inout CSVRow, _ out: inout ByteBuffer) {
                            if let fact { row.cells(cells.citation(fact), &out) } else { row.missing(&out) }
                        }
                        // One scratch buffer for the cells built of parts (no allocation per row).
                        func alternatives(_ fact: Int?, area: Int32, _ row: inout CSVRow, _ out: inout ByteBuffer) {
                            guard fact != nil, let c = grid.cell(indicator: ind, year: y, area: Int(area)) else { row.missing(&out); return }
                            scratch.removeAll()
                            for (k, a) in grid.alternatives(c).enumerated() {
                                if k > 0 { scratch.append(UInt8(ascii: ";")); scratch.append(UInt8(ascii: " ")) }
                                NumberText.appendFixed(alignment.facts[Int(a)].value, decimals: decimals, to: &scratch)
                                scratch.append(UInt8(ascii: " ")); scratch.append(UInt8(ascii: "("))
                                alignment.appendCitation(Int(a), to: &scratch)
                                scratch.append(UInt8(ascii: ")"))
                            }
                            scratch.withBytes { row.text($0, &out) }
                        }
                        let slot = ind * grid.years.count + (y - grid.years.lowerBound)
                        let yardstick = yardstickCells.value(slot: slot, stamp: Int(p)) {
                            YardstickCells(
                                values: RenderedCells(dialect: dialect) { row, out in
                                    row.number(pv, decimals: decimals, &out); row.number(nv, decimals: decimals, &out)
                                },
                                citations: RenderedCells(dialect: dialect) { row, out in
                                    citation(pf, &row, &out); citation(nf, &row, &out)
                                },
                                alternatives: RenderedCells(dialect: dialect) { row, out in
                                    alternatives(pf, area: p, &row, &out); alternatives(nf, area: geography.nation, &row, &out)
                                })
                        }
                        var row = CSVRow(dialect: dialect)
                        row.cells(areaCells, Int(d), &out); row.cells(provinceCodeCells, Int(p) + 1, &out)
                        row.integer(y, &out); row.cells(indicatorCells, ind, &out)
                        row.cells(cells.value(f), &out); row.cells(yardstick.values, &out)
                        row.number(pv.map { Comparisons.gap(value, $0) }, decimals: decimals, &out)
                        row.number(nv.map { Comparisons.gap(value, $0) }, decimals: decimals, &out)
                        row.number(pv.flatMap { Comparisons.relativeGap(value, $0) }, decimals: 2, &out)
                        row.number(nv.flatMap { Comparisons.relativeGap(value, $0) }, decimals: 2, &out)
                        row.text(pv.map { Verdict(value: value, reference: $0, polarity: indicator.polarity).rawValue }, &out)
                        row.text(nv.map { Verdict(value: value, reference: $0, polarity: indicator.polarity).rawValue }, &out)
                        func place(_ rank: Int32, _ count: Int32) {
                            if rank > 0 { row.integer(Int(rank), &out) } else { row.missing(&out) }
                            if count >= 0 { row.integer(Int(count), &out) } else { row.missing(&out) }
                        }
                        place(ranks.provinceRank[cell], ranks.provinceCount[cell])
                        place(ranks.nationRank[cell], ranks.nationCount[cell])
                        citation(f, &row, &out); row.cells(yardstick.citations, &out)
                        alternatives(f, area: d, &row, &out); row.cells(yardstick.alternatives, &out)
                        row.cells(cells.flags(f), &out)
                        row.text(policy, &out)
                        if !yardsticks {
                            row.text("no provincial or national yardstick for this indicator", &out)
                        } else {
                            var missing: [String] = []
                            if pf == nil { missing.append("no \(p >= 0 ? all[Int(p)].name : "province") value for \(y)") }
                            if nf == nil { missing.append("no national value for \(y)") }
                            row.list(missing, &out)
                        }
                        row.end(&out)
                    }
                }
            }
        }
    }
}

/// A province's and the nation's cells of one indicator and year in `comparison.csv`: their
/// values, citations and alternatives (the same on every row of the province's districts).
private struct YardstickCells {
    var values, citations, alternatives: RenderedCells
}
