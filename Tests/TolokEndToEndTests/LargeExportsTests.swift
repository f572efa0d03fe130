import Foundation
import Testing
import Tolok

/// The large files the report writes in blocks on both cores (comparison, gaps, rankings,
/// statistics, trends, targets, achievement) hold the bytes the struct exports make of the same
/// analysis: the fast writers share no code with them but the cells' formatting.
@Suite("The large files written in blocks")
struct LargeExportsTests {
    @Test(arguments: [(CSVDialect.standard, false), (.excelID, false), (.standard, true)])
    func equalTheStructExports(dialect: CSVDialect, english: Bool) throws {
        let analysis = shippedAnalysis
        let (alignment, areas) = (analysis.alignment, analysis.areas)
        let geography = DistrictGeography(alignment, areas: areas)
        let ranks = RankTable.compute(alignment, geography: geography,
                                      indicators: analysis.rankedIndicators.compactMap { alignment.catalogue.index[$0.id] })
        let cells = FactCells(alignment, dialect: dialect, threads: 2)
        let folder = try temporaryFolder()
        let file = { (name: String) in folder.appendingPathComponent(name) }
        var batch = AtomicFile.Batch()
        // The jobs side by side, as the report writes them.
        let ranked = RankingsExport.jobs(ranks, alignment: alignment, areas: areas, geography: geography, english: english, dialect: dialect,
                                         cells: cells, rankings: file("rankings.csv"), statistics: file("statistics.csv"))
        try BlockWriter.write([
            ranked.rankings, ranked.statistics,
            ComparisonExport.job(alignment, areas: areas, geography: geography, ranks: CellRanks(ranks, alignment: alignment),
                                 english: english, dialect: dialect, cells: cells, to: file("comparison.csv")),
            GapsExport.job(alignment, areas: areas, geography: geography, english: english, includeSuspect: false,
                           dialect: dialect, to: file("gaps.csv")),
            TrendsExport.job(alignment, areas: areas, geography: geography, includeSuspect: false, dialect: dialect, cells: cells,
                             to: file("trends.csv")),
            TargetsExport.job(alignment, areas: areas, geography: geography, english: english, dialect: dialect, cells: cells,
                              to: file("targets.csv")),
        ], in: &batch)
        _ = try AchievementExport.write(analysis.dataset, corrected: alignment.correctedObservations, dialect: dialect, to: file("achievement.csv"), in: &batch)
        try batch.commit()

        let comparisons = Comparisons.compute(alignment, areas: areas, ranks: analysis.cellRanks())
        let entries = Rankings.entries(ranks, alignment: alignment, areas: areas, geography: geography)
        let expected: [(String, CSVWriter)] = [
            ("comparison.csv", AnalysisExports.comparison(comparisons, policy: .all, english: english).csv(dialect)),
            ("gaps.csv", AnalysisExports.gaps(GapTrends.compute(comparisons), english: english).csv(dialect)),
            ("rankings.csv", AnalysisExports.rankings(entries, english: english).csv(dialect)),
            ("statistics.csv", AnalysisExports.statistics(entries).csv(dialect)),
            ("trends.csv", AnalysisExports.trends(Trends.compute(alignment, areas: areas)).csv(dialect)),
            ("targets.csv", AnalysisExports.targets(TargetScores.compute(alignment, areas: areas), english: english).csv(dialect)),
            ("achievement.csv", AchievementExport.csv(AchievementExport.rows(analysis.dataset), dialect: dialect)),
        ]
        for (name, writer) in expected {
            let written = try Data(contentsOf: file(name))
            #expect(written.count > 1000, "\(name) has rows")
            #expect(written == Data(writer.bytes), "\(name)")
        }
    }
}
