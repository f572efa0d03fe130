import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `rankings.csv` and `statistics.csv` written from a ``RankTable`` in blocks on both cores: the
/// same rows and bytes as ``AnalysisExports/rankings(_:english:)`` and
/// ``AnalysisExports/statistics(_:)`` over ``Rankings/entries(_:alignment:areas:geography:)``,
/// without a struct per row. Each fact's value, citation and flags come from `cells` (``FactCells``
/// of the same alignment).
public enum RankingsExport {
    /// The jobs that write the two files (``BlockWriter/write(_:in:threads:leadIn:)``).
    public static func jobs(_ table: RankTable, alignment: Alignment, areas: Areas, geography: DistrictGeography,
                            english: Bool, dialect: CSVDialect, cells: FactCells, rankings: URL, statistics: URL)
        -> (rankings: BlockWriter.Job, statistics: BlockWriter.Job) {
        precondition(cells.count == alignment.facts.count, "the cells of another alignment")
        let catalogue = alignment.catalogue
        let grid = alignment.grid
        let all = areas.all
        let scopeIDs = alignment.areaCodes.map { "province:\($0)" }
        @Sendable func scope(_ g: RankTable.Group) -> String {
            switch g.scopeKind {
            case .nation: "nation"
            case .province: scopeIDs[Int(g.scopeCode)]
            case .kind: "kind:\(Area.Kind.allCases[Int(g.scopeCode)].rawValue)"
            }
        }
        // Blocks of whole groups, about 8,000 rows each (1.5 MB of rankings.csv; see BlockWriter).
        var starts = [0]
        var rows = 0
        for (i, g) in table.groups.enumerated() {
            if rows >= 8_192 { starts.append(i); rows = 0 }
            rows += Int(g.membersCount + g.othersCount)
        }
        starts.append(table.groups.count)
        let blockStarts = starts

        // The cells every row of an area repeats: its code and name; a province's code.
        let areaCells = RenderedCellTable.codesAndNames(of: all, dialect: dialect)
        let provinceCodeCells = RenderedCellTable.provinceCodes(alignment.areaCodes, dialect: dialect)

        let rankingsJob = BlockWriter.Job(url: rankings, header: dialect.header(AnalysisExports.rankingsHeader), blocks: blockStarts.count - 1) { block, out in
            // The quartile and province cells of a group and province, and the province's best
            // (slot: province + 1), rendered at the province's first row in the group (the stamp).
            var provinceCells = StampedCache<(cells: RenderedCells, best: Double?)>(slots: alignment.areaCodes.count + 1)
            for groupIndex in blockStarts[block]..<blockStarts[block + 1] {
                let g = table.groups[groupIndex]
                let ind = Int(g.indicator), y = Int(g.year)
                let indicator = catalogue.all[ind]
                let decimals = indicator.valueDecimals
                let scopeID = scope(g)
                let distribution = g.summary.distribution
                let notRanked = g.isRanked ? nil
                    : "not ranked: \(g.count) district\(g.count == 1 ? "" : "s") with a value in \(scopeID) (at least \(Rankings.minimumGroupSize) needed)"
                let head = RenderedCells(dialect: dialect) { row, out in
                    row.text(indicator.id, &out); row.text(indicator.name(english: english), &out); row.integer(y, &out)
                    row.text(scopeID, &out)
                }
                func line(_ area: Int, fact: Int?, rank: Int32?, percentile: Double?, note: String?) {
                    let p = geography.province(of: area, year: y)
                    let slot = Int(p) + 1
                    let quartiles = provinceCells.value(slot: slot, stamp: groupIndex) {
                        let province = table.provinceSummary(indicator: ind, year: y, province: p)
                        let cells = RenderedCells(dialect: dialect) { row, out in
                            row.number(distribution?.q1, decimals: decimals, &out)
                            row.number(distribution?.median, decimals: decimals, &out)
                            row.number(distribution?.q3, decimals: decimals, &out)
                            row.number(province?.distribution?.q1, decimals: decimals, &out)
                            row.number(province?.distribution?.median, decimals: decimals, &out)
                            row.number(province?.distribution?.q3, decimals: decimals, &out)
                            row.number(province?.best, decimals: decimals, &out)
                        }
                        return (cells, province?.best)
                    }
                    let value = fact.map { alignment.facts[$0].value }
                    var row = CSVRow(dialect: dialect)
                    row.cells(head, &out)
                    row.cells(areaCells, area, &out)
                    row.cells(provinceCodeCells, slot, &out)
                    if let fact { row.cells(cells.value(fact), &out) } else { row.missing(&out) }
                    if let rank { row.integer(Int(rank), &out) } else { row.missing(&out) }
                    row.integer(g.count, &out)
                    row.number(percentile, decimals: 2, &out)
                    row.cells(quartiles.cells, &out)
                    row.number(value.flatMap { v in quartiles.best.map { v - $0 } }, decimals: decimals, &out)
                    row.text(indicator.polarity.rawValue, &out)
                    if let fact {
                        row.cells(cells.citation(fact), &out)
                        row.cells(cells.flags(fact), &out)
                    } else {
                        for _ in 0..<4 { row.missing(&out) }
                    }
                    row.text(note, &out)
                    row.end(&out)
                }
                for m in Int(g.membersStart)..<Int(g.membersStart + g.membersCount) {
                    line(Int(table.memberArea[m]), fact: Int(table.memberFact[m]), rank: g.isRanked ? table.memberRank[m] : nil,
                         percentile: g.isRanked ? table.memberPercentile[m] : nil, note: notRanked)
                }
                for o in Int(g.othersStart)..<Int(g.othersStart + g.othersCount) {
                    let area = Int(table.otherArea[o])
                    if let f = grid.fact(indicator: ind, year: y, area: area) {
                        line(area, fact: f, rank: nil, percentile: nil,
                             note: "left out as suspect (--include-suspect keeps it): " + alignment.flags(f).suspicions.joined(separator: "; "))
                        continue
                    }
                    let years = grid.years.filter { grid.fact(indicator: ind, year: $0, area: area) != nil }
                    line(area, fact: nil, rank: nil, percentile: nil, note: years.isEmpty ? "no value for this indicator"
                         : "no value for \(y) (has \(years.map(String.init).joined(separator: ", ")))")
                }
            }
        }

        let statisticsJob = BlockWriter.Job(url: statistics, header: dialect.header(AnalysisExports.statisticsHeader), blocks: blockStarts.count - 1) { block, out in
            for g in table.groups[blockStarts[block]..<blockStarts[block + 1]] where g.isRanked {
                guard let d = g.summary.distribution else { continue }
                let indicator = catalogue.all[Int(g.indicator)]
                let dec = max(indicator.valueDecimals, 2)
                let scopeID = scope(g)
                let head = RenderedCells(dialect: dialect) { row, out in
                    row.text(indicator.id, &out); row.integer(Int(g.year), &out); row.text(scopeID, &out)
                }
                let summary = RenderedCells(dialect: dialect) { row, out in
                    row.integer(d.n, &out)
                    row.number(d.mean, decimals: dec, &out); row.number(d.median, decimals: dec, &out)
                    row.number(d.q1, decimals: dec, &out); row.number(d.q3, decimals: dec, &out)
                    row.number(d.standardDeviation, decimals: dec, &out); row.number(d.coefficientOfVariation, decimals: 4, &out)
                }
                for m in Int(g.membersStart)..<Int(g.membersStart + g.membersCount) {
                    let area = Int(table.memberArea[m]), fact = Int(table.memberFact[m])
                    let v = alignment.facts[fact].value
                    var row = CSVRow(dialect: dialect)
                    row.cells(head, &out)
                    row.cells(areaCells, area, &out)
                    row.cells(cells.value(fact), &out)
                    row.cells(summary, &out)
                    row.number(d.zScore(v), decimals: 4, &out); row.number(table.memberPercentile[m], decimals: 2, &out)
                    row.end(&out)
                }
            }
        }
        return (rankingsJob, statisticsJob)
    }
}
