import Foundation
import TolokModel
import TolokAlignment
import TolokStatistics

/// `targets.csv` written from the alignment's grids in blocks on both cores: the same rows and
/// bytes as ``AnalysisExports/targets(_:english:)`` over ``TargetScores/compute(_:areas:)``.
/// Each actual value, its citation and flags come from `cells` (``FactCells`` of the same alignment).
public enum TargetsExport {
    /// The job that writes the file (``BlockWriter/write(_:in:threads:leadIn:)``).
    public static func job(_ alignment: Alignment, areas: Areas, geography: DistrictGeography, english: Bool, dialect: CSVDialect, cells: FactCells, to url: URL) -> BlockWriter.Job {
        precondition(cells.count == alignment.facts.count, "the cells of another alignment")
        let catalogue = alignment.catalogue
        let grid = alignment.grid, targets = alignment.targetGrid
        let indicators = catalogue.all.indices.sorted { catalogue.all[$0].id < catalogue.all[$1].id }
        let districts = geography.districts
        let areaCells = RenderedCellTable.codesAndNames(of: areas.all, dialect: dialect)
        let indicatorCells = RenderedCellTable.idsAndNames(of: catalogue.all, english: english, dialect: dialect)
        let perBlock = 8  // districts: about 1.5 MB of targets.csv at 1,400 rows each (BlockWriter: 1–2 MB)
        return BlockWriter.Job(url: url, header: dialect.header(AnalysisExports.targetsHeader), blocks: (districts.count + perBlock - 1) / perBlock) { block, out in
            var scratch = ByteBuffer(capacity: 256)
            for d in districts[(block * perBlock)..<min(districts.count, (block + 1) * perBlock)] {
                for ind in indicators {
                    let indicator = catalogue.all[ind]
                    let decimals = indicator.valueDecimals
                    for y in targets.years {
                        guard let cell = targets.cell(indicator: ind, year: y, area: Int(d)), targets.chosen[cell] >= 0,
                              let a = grid.fact(indicator: ind, year: y, area: Int(d)) else { continue }
                        let t = Int(targets.chosen[cell])
                        let actual = alignment.facts[a].value, target = alignment.targetFacts[t].value
                        let achievement = Achievement(target: target, realisation: actual, polarity: indicator.polarity)
                        let revisionRank = alignment.targetFacts[t].revisionRank
                        let earlier = targets.alternatives(cell).map(Int.init).filter {
                            alignment.targetFacts[$0].revisionRank < revisionRank && alignment.targetFacts[$0].value != target
                        }.map { (value: alignment.targetFacts[$0].value, revision: alignment.revision($0, role: .target)) }
                        // A target printed on the actual's own row has its document and label: no note
                        // of a possible break, the texts not needed.
                        let actualFact = alignment.facts[a], targetFact = alignment.targetFacts[t]
                        let sameRow = actualFact.kind == .observation && targetFact.kind == .observation && actualFact.row == targetFact.row
                        var notes = sameRow && earlier.isEmpty ? [] : TargetScores.notes(
                            actual: (alignment.sourceType(a), alignment.sourceID(a), alignment.label(a), alignment.citation(a)),
                            target: (alignment.sourceID(t, role: .target), alignment.label(t, role: .target), alignment.citation(t, role: .target)),
                            earlier: earlier)
                        if let note = achievement.note { notes.append(note) }
                        var row = CSVRow(dialect: dialect)
                        row.cells(areaCells, Int(d), &out); row.cells(indicatorCells, ind, &out); row.integer(y, &out)
                        row.cells(cells.value(a), &out); row.number(target, decimals: decimals, &out)
                        row.number(achievement.capaian, decimals: 2, &out); row.number(achievement.clamped, decimals: 2, &out)
                        row.text(achievement.predicate?.rawValue, &out)
                        row.text(achievement.met.map { $0 ? "yes" : "no" }, &out)
                        row.cells(cells.citation(a), &out)
                        scratch.removeAll()
                        alignment.appendCitation(t, role: .target, to: &scratch)
                        scratch.withBytes { row.text($0, &out) }
                        row.text(alignment.revision(t, role: .target), &out)
                        row.cells(cells.flags(a), &out)
                        row.list(notes, &out)
                        row.end(&out)
                    }
                }
            }
        }
    }
}
