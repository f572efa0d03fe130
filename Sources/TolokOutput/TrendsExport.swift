import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `trends.csv` written from the alignment's grids in blocks on both cores: the same rows and
/// bytes as ``AnalysisExports/trends(_:)`` over ``Trends/compute(_:areas:includeSuspect:)``.
/// Each value, its citation and flags come from `cells` (``FactCells`` of the same alignment).
public enum TrendsExport {
    /// The job that writes the file (``BlockWriter/write(_:in:threads:leadIn:)``).
    public static func job(_ alignment: Alignment, areas: Areas, geography: DistrictGeography, includeSuspect: Bool = false,
                           dialect: CSVDialect, cells: FactCells, to url: URL) -> BlockWriter.Job {
        precondition(cells.count == alignment.facts.count, "the cells of another alignment")
        let catalogue = alignment.catalogue
        let grid = alignment.grid, targets = alignment.targetGrid
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let districts = geography.districts
        let areaCells = RenderedCellTable.codesAndNames(of: areas.all, dialect: dialect)
        let perBlock = 4  // districts: about 0.8 MB of trends.csv at 2,000 rows each (BlockWriter: 1–2 MB)
        return BlockWriter.Job(url: url, header: dialect.header(AnalysisExports.trendsHeader), blocks: (districts.count + perBlock - 1) / perBlock) { block, out in
            var scratch = ByteBuffer(capacity: 256)
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                for ind in indicators {
                    let indicator = catalogue.all[ind]
                    let decimals = indicator.valueDecimals
                    let series = grid.years.compactMap { y in grid.fact(indicator: ind, year: y, area: Int(d)).map { (year: y, fact: $0) } }
                    guard let last = series.last else { continue }
                    // The plan's end target: the target of the latest year any plan gives, if not before the latest value.
                    let end = targets.years.reversed().lazy.compactMap { y in
                        targets.fact(indicator: ind, year: y, area: Int(d)).map { (year: y, fact: $0) }
                    }.first.flatMap { $0.year >= last.year ? $0 : nil }
                    let suspicions = series.map { alignment.facts[$0.fact].suspect ? alignment.flags($0.fact).suspicions : [] }
                    let steps = TrendSteps(years: series.map(\.year), suspicions: suspicions, includeSuspect: includeSuspect)
                    for (i, point) in series.enumerated() {
                        let fact = alignment.facts[point.fact]
                        let v = fact.value
                        let step = steps.steps[i]
                        var notes = step.notes
                        var change: Double?, changePercent: Double?
                        let previous = step.previous.map { series[$0] }
                        if let previous {
                            let pf = alignment.facts[previous.fact]
                            change = v - pf.value
                            changePercent = pf.value == 0 ? nil : (v - pf.value) / pf.value * 100
                            if alignment.sourceID(previous.fact) != alignment.sourceID(point.fact) {
                                notes.append("source break: \(alignment.citation(previous.fact)) (\(previous.year)) → \(alignment.citation(point.fact)) (\(point.year))")
                            } else if pf.vintageRank > 0, fact.vintageRank > 0, pf.vintageRank != fact.vintageRank {
                                notes.append("vintage break between \(previous.year) and \(point.year)")
                            }
                        }
                        var cagr: Double?, target: Double?, progress: (distance: Double, met: Bool, pace: Double?, note: String?)?
                        let isLast = point.year == last.year
                        if isLast {
                            if let f = steps.first {
                                cagr = Trends.compoundAnnualChange(first: alignment.facts[series[f].fact].value, last: v, years: point.year - series[f].year)
                            }
                            if let end {
                                target = alignment.targetFacts[end.fact].value
                                progress = Trends.progress(latest: v, year: point.year, target: target!, targetYear: end.year, polarity: indicator.polarity)
                                if let note = progress?.note { notes.append(note) }
                            }
                        }
                        var row = CSVRow(dialect: dialect)
                        row.cells(areaCells, Int(d), &out); row.text(indicator.id, &out); row.integer(point.year, &out)
                        row.cells(cells.value(point.fact), &out)
                        if let previous { row.integer(previous.year, &out) } else { row.missing(&out) }
                        row.number(change, decimals: decimals, &out); row.number(changePercent, decimals: 2, &out)
                        if cagr != nil, let f = steps.first { row.integer(series[f].year, &out) } else { row.missing(&out) }
                        row.number(cagr, decimals: 2, &out)
                        row.number(target, decimals: decimals, &out)
                        if target != nil, let end { row.integer(end.year, &out) } else { row.missing(&out) }
                        row.number(progress?.distance, decimals: decimals, &out); row.number(progress?.pace, decimals: 2, &out)
                        row.text(progress.map { $0.met ? "yes" : "no" }, &out)
                        row.cells(cells.citation(point.fact), &out)
                        if target != nil, let end {
                            scratch.removeAll()
                            alignment.appendCitation(end.fact, role: .target, to: &scratch)
                            scratch.withBytes { row.text($0, &out) }
                        } else {
                            row.missing(&out)
                        }
                        if step.borrowed.isEmpty {
                            row.cells(cells.flags(point.fact), &out)
                        } else {
                            row.flags(alignment.flags(point.fact), borrowed: step.borrowed, &out)
                        }
                        row.list(notes, &out)
                        row.end(&out)
                    }
                }
            }
        }
    }
}
