import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `gaps.csv` written from the alignment's grid in blocks on both cores: the same rows and bytes
/// as ``AnalysisExports/gaps(_:english:)`` over ``GapTrends/compute(_:)``.
public enum GapsExport {
    public static func write(_ alignment: Alignment, areas: Areas, geography: DistrictGeography, english: Bool,
                             dialect: CSVDialect, to url: URL, in batch: inout AtomicFile.Batch, threads: Int = 2) throws(AtomicFile.Failure) {
        let catalogue = alignment.catalogue
        let grid = alignment.grid
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let districts = geography.districts
        let all = areas.all
        let perBlock = 8
        try BlockWriter.write(to: url, in: &batch, header: dialect.header(AnalysisExports.gapsHeader), blocks: (districts.count + perBlock - 1) / perBlock,
                              threads: threads) { block, out in
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                let district = all[Int(d)]
                for ind in indicators {
                    let indicator = catalogue.all[ind]
                    guard indicator.comparisons.contains("reference") else { continue }
                    let decimals = indicator.unit == "per_1000" ? 2 : indicator.decimals
                    var province: [(year: Int, gap: Double, yardstickCode: String)] = []
                    var nation: [(year: Int, gap: Double, yardstickCode: String)] = []
                    for y in grid.years {
                        guard let f = grid.fact(indicator: ind, year: y, area: Int(d)) else { continue }
                        let value = alignment.facts[f].value
                        let p = geography.province(of: Int(d), year: y)
                        if p >= 0, let pf = grid.fact(indicator: ind, year: y, area: Int(p)) {
                            province.append((y, Comparisons.gap(value, alignment.facts[pf].value), alignment.areaCodes[Int(p)]))
                        }
                        if geography.nation >= 0, let nf = grid.fact(indicator: ind, year: y, area: Int(geography.nation)) {
                            nation.append((y, Comparisons.gap(value, alignment.facts[nf].value), Comparisons.nationCode))
                        }
                    }
                    for (yardstick, points) in [(GapTrend.Yardstick.province, province), (.nation, nation)] where !points.isEmpty {
                        let s = GapTrends.summarise(points, polarity: indicator.polarity)
                        var row = CSVRow(dialect: dialect)
                        row.text(district.code, &out); row.text(district.name, &out); row.text(indicator.id, &out)
                        row.text(indicator.name(english: english), &out); row.text(yardstick.rawValue, &out)
                        row.text(AnalysisExports.codeList(AnalysisExports.distinctInOrder(points.map(\.yardstickCode))), &out)
                        row.integer(points.first!.year, &out); row.integer(points.last!.year, &out); row.integer(points.count, &out)
                        row.number(points.first!.gap, decimals: decimals, &out); row.number(points.last!.gap, decimals: decimals, &out)
                        row.number(s.change, decimals: decimals, &out); row.number(s.slope, decimals: decimals + 2, &out)
                        row.text(s.direction?.rawValue, &out); row.text(s.movement?.rawValue, &out)
                        row.text(points.map { "\($0.year): \(CSVWriter.format($0.gap, decimals: decimals))" }.joined(separator: "; "), &out)
                        row.text(s.note, &out)
                        row.end(&out)
                    }
                }
            }
        }
    }
}
