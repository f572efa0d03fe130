import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `gaps.csv` written from the alignment's grid in blocks on both cores: the same rows and bytes
/// as ``AnalysisExports/gaps(_:english:)`` over ``GapTrends/compute(_:includeSuspect:)``.
public enum GapsExport {
    /// The job that writes the file (``BlockWriter/write(_:in:threads:leadIn:)``).
    public static func job(_ alignment: Alignment, areas: Areas, geography: DistrictGeography, english: Bool, includeSuspect: Bool = false,
                           dialect: CSVDialect, to url: URL) -> BlockWriter.Job {
        let catalogue = alignment.catalogue
        let grid = alignment.grid
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let districts = geography.districts
        let areaCells = RenderedCellTable.codesAndNames(of: areas.all, dialect: dialect)
        let indicatorCells = RenderedCellTable.idsAndNames(of: catalogue.all, english: english, dialect: dialect)
        let perBlock = 4  // districts: about 0.4 MB of gaps.csv at 360 rows each (BlockWriter: 1–2 MB at most)
        return BlockWriter.Job(url: url, header: dialect.header(AnalysisExports.gapsHeader), blocks: (districts.count + perBlock - 1) / perBlock) { block, out in
            var province: [GapTrend.Point] = [], nation: [GapTrend.Point] = []
            var scratch = ByteBuffer(capacity: 512)
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                for ind in indicators {
                    let indicator = catalogue.all[ind]
                    guard indicator.comparisons.contains("reference") else { continue }
                    let decimals = indicator.valueDecimals
                    province.removeAll(keepingCapacity: true)
                    nation.removeAll(keepingCapacity: true)
                    func suspicions(_ f: Int) -> [String] { alignment.facts[f].suspect ? alignment.flags(f).suspicions : [] }
                    for y in grid.years {
                        guard let f = grid.fact(indicator: ind, year: y, area: Int(d)) else { continue }
                        let value = alignment.facts[f].value
                        let p = geography.province(of: Int(d), year: y)
                        if p >= 0, let pf = grid.fact(indicator: ind, year: y, area: Int(p)) {
                            province.append(GapTrend.Point(year: y, gap: Comparisons.gap(value, alignment.facts[pf].value),
                                                           yardstickCode: alignment.areaCodes[Int(p)], suspicions: suspicions(f) + suspicions(pf)))
                        }
                        if geography.nation >= 0, let nf = grid.fact(indicator: ind, year: y, area: Int(geography.nation)) {
                            nation.append(GapTrend.Point(year: y, gap: Comparisons.gap(value, alignment.facts[nf].value),
                                                         yardstickCode: Comparisons.nationCode, suspicions: suspicions(f) + suspicions(nf)))
                        }
                    }
                    for yardstick in [GapTrend.Yardstick.province, .nation] {
                        let points = yardstick == .province ? province : nation
                        guard !points.isEmpty else { continue }
                        let s = GapTrends.summarise(points, polarity: indicator.polarity, includeSuspect: includeSuspect)
                        let first = s.used.first, last = s.used.last
                        var row = CSVRow(dialect: dialect)
                        row.cells(areaCells, Int(d), &out); row.cells(indicatorCells, ind, &out); row.text(yardstick.rawValue, &out)
                        Self.codeList(points, into: &scratch)
                        scratch.withBytes { row.text($0, &out) }
                        if let first { row.integer(first.year, &out) } else { row.missing(&out) }
                        if let last { row.integer(last.year, &out) } else { row.missing(&out) }
                        row.integer(s.used.count, &out)
                        row.number(first?.gap, decimals: decimals, &out); row.number(last?.gap, decimals: decimals, &out)
                        row.number(s.change, decimals: decimals, &out); row.number(s.slope, decimals: decimals + 2, &out)
                        row.text(s.direction?.rawValue, &out); row.text(s.movement?.rawValue, &out)
                        Self.gapList(points, decimals: decimals, into: &scratch)
                        scratch.withBytes { row.text($0, &out) }
                        let suspect = GapTrends.suspicions(points)
                        row.list(suspect, &out)
                        row.text(s.note, &out)
                        row.end(&out)
                    }
                }
            }
        }
    }

    /// The `yardstick_codes` cell into `scratch` (emptied first): the points' yardstick codes,
    /// each once in first-seen order, as ``AnalysisExports/codeList(_:)`` writes them (`[32]`).
    static func codeList(_ points: [GapTrend.Point], into scratch: inout ByteBuffer) {
        scratch.removeAll()
        scratch.append(UInt8(ascii: "["))
        for (i, p) in points.enumerated() where !points[..<i].contains(where: { $0.yardstickCode == p.yardstickCode }) {
            if i > 0 { scratch.append(UInt8(ascii: " ")) }
            scratch.append(p.yardstickCode)
        }
        scratch.append(UInt8(ascii: "]"))
    }

    /// The `gaps` cell into `scratch` (emptied first): `2019: -1.20; 2020: -0.80`, each gap with
    /// `decimals` decimals and a dot.
    static func gapList(_ points: [GapTrend.Point], decimals: Int, into scratch: inout ByteBuffer) {
        scratch.removeAll()
        for (i, p) in points.enumerated() {
            if i > 0 { scratch.append(UInt8(ascii: ";")); scratch.append(UInt8(ascii: " ")) }
            NumberText.appendInteger(p.year, to: &scratch)
            scratch.append(UInt8(ascii: ":")); scratch.append(UInt8(ascii: " "))
            NumberText.appendFixed(p.gap, decimals: decimals, to: &scratch)
        }
    }
}
