import Foundation
import Testing
import Tolok

/// Everything a load produced, as comparable values: every table's records with their file and
/// line, the string pool in id order, the diagnostics in order.
func snapshot(_ result: DatasetLoader.Result) throws -> [String] {
    let dataset = try #require(result.dataset)
    var lines = result.diagnostics.map(\.description)
    lines += (0..<dataset.pool.count).map { "pool \($0): \(dataset.pool[Int32($0)])" }
    for kind in dataset.tables.keys.sorted() {
        lines += dataset.records(kind).map { "\(kind) \($0.file):\($0.line) \($0.fields.sorted { $0.key < $1.key })" }
    }
    return lines
}

/// Appends `rows` (file, line) to the datasets in `data`, loads them on two threads and on one,
/// expects the same records, pool and diagnostics, and returns the snapshot.
func loadedBothWays(_ data: URL, appending rows: [(file: String, line: String)]) throws -> [String] {
    for (file, line) in rows {
        let url = data.appendingPathComponent(file)
        try (String(contentsOf: url, encoding: .utf8) + line).write(to: url, atomically: true, encoding: .utf8)
    }
    let parallel = try snapshot(DatasetLoader.load(directory: data.path, parallel: true))
    let serial = try snapshot(DatasetLoader.load(directory: data.path, parallel: false))
    #expect(parallel.count == serial.count)
    #expect(parallel == serial)
    return parallel
}

@Suite("Parallel paths give the bytes of one thread")
struct ParallelismTests {
    @Test func loadingOnTwoThreadsEqualsLoadingOnOne() throws {
        // The reference files (3.4 MB in four files) are read on two threads; errors in both halves
        // keep their order.
        let parallel = try loadedBothWays(copyOfShippedDatasets(), appending: [
            ("references.csv", "bad-1,9999,tpt,2023,8,5,,%,false,,bps,x,,\n"),
            ("references/bps-districts.csv", "bad-2,9998,tpt,1900,8,5,,%,false,,bps,x,,\n"),
        ])
        #expect(parallel.contains { $0.contains("unknown area_code '9998'") } && parallel.contains { $0.contains("unknown area_code '9999'") })
    }

    @Test func theLargestTableOfOneFileReadBesideTheOthersEqualsOneThread() throws {
        // The mapping table grown past 1 MB in its one file: it is read on the second thread into
        // a pool of its own while the tables before it are read on the first, and its strings
        // join the pool where one thread would have put them. An error in it, one in a table
        // before it and one in a table after it keep their order.
        let data = try copyOfShippedDatasets()
        let mappings = data.appendingPathComponent("indicator_mappings.csv")
        var text = try String(contentsOf: mappings, encoding: .utf8)
        for n in 0..<20_000 { text += "map-grown-\(n),*,,Label tumbuh nomor \(n),tpt,as_is,,,,,1,,\n" }
        text += "map-bad,*,,Label rusak,tpt,as_is,,,,,satu,,\n"
        try text.write(to: mappings, atomically: true, encoding: .utf8)
        #expect(try FileManager.default.attributesOfItem(atPath: mappings.path)[.size] as! Int >= 1 << 20)
        let parallel = try loadedBothWays(data, appending: [
            ("sources.csv", "bad-source,x.txt,Judul,LKIP,tahun,Dinas,3216,,\n"),
            ("observations/000-kab-bekasi-lkip-2024.csv", "bad-3,3216,2024,,,sasaran,x,Label rusak,%,positive,66,,enam,,000,,,,\n"),
        ])
        #expect(parallel.contains { $0.contains("Label tumbuh nomor 19999") })
        for file in ["sources.csv", "indicator_mappings.csv", "000-kab-bekasi-lkip-2024.csv"] {
            #expect(parallel.contains { $0.contains(file) && $0.contains("error") }, "\(file)")
        }
    }

    @Test func theAlignmentOnTwoThreadsEqualsOneThread() throws {
        // Enough rows (26,045 observations; over 16,384 are needed) for the observations to be
        // aligned in two halves of districts, with the synthetic dataset's label variants and
        // every transform (it has no corrections: the clean fixture's test covers those).
        let data = try temporaryFolder().appendingPathComponent("synth")
        #expect(tolok("synth", "--districts", "160", "--provinces", "5", "--years", "4", "--indicators", "36", "--budget-lines", "5",
                      "--out", data.path, "--schemas", shippedDatasets + "/schemas").status == 0)
        let dataset = try #require(DatasetLoader.load(directory: data.path).dataset)
        let one = Alignment(dataset), two = Alignment(dataset, threads: 2)
        #expect(dataset.count("observations") > 1 << 14 && one.facts.count > 1 << 14 && !one.targetFacts.isEmpty)
        #expect(one.facts == two.facts)
        #expect(one.targetFacts == two.targetFacts)
        #expect(one.grid.chosen == two.grid.chosen && one.grid.others == two.grid.others)
        #expect(one.targetGrid.chosen == two.targetGrid.chosen && one.targetGrid.others == two.targetGrid.others)
        #expect(one.unmapped == two.unmapped)
        #expect(one.facts.contains { $0.operandRow >= 0 })
    }

    @Test func theAnalysisFinishedFromItsAuditedPartEqualsTheWholeOnOneThread() throws {
        // The report finishes the analysis (marks the suspects, computes the costs) on one thread
        // beside achievement.csv, from its audited part made on two. The same analysis as one
        // thread's: on the shipped datasets (corrections) and a synthetic one with deliberate
        // findings and budgets.
        let data = try temporaryFolder().appendingPathComponent("synth")
        #expect(tolok("synth", "--districts", "40", "--provinces", "3", "--years", "4", "--indicators", "16", "--budget-lines", "20",
                      "--seed", "7", "--out", data.path, "--schemas", shippedDatasets + "/schemas").status == 0)
        for dataset in [shipped, try #require(DatasetLoader.load(directory: data.path).dataset)] {
            let one = Analysis(dataset, threads: 1)
            let audited = Analysis.Audited(dataset, threads: 2)
            #expect(audited.correctedObservations.keys.sorted() == one.alignment.correctedObservations.keys.sorted())
            let finished = Analysis(audited, threads: 1)
            for analysis in [finished, Analysis(dataset, threads: 2)] {
                #expect(analysis.alignment.facts == one.alignment.facts)
                #expect(analysis.alignment.grid.chosen == one.alignment.grid.chosen && analysis.alignment.grid.others == one.alignment.grid.others)
                #expect(analysis.alignment.facts.indices.map { analysis.alignment.flags($0).suspicions }
                        == one.alignment.facts.indices.map { one.alignment.flags($0).suspicions })
                #expect(analysis.costs.map { "\($0)" } == one.costs.map { "\($0)" })
                #expect(analysis.budgets.map { "\($0)" } == one.budgets.map { "\($0)" })
                #expect(analysis.audit.findings.map { "\($0)" } == one.audit.findings.map { "\($0)" })
                #expect(analysis.suspicions.reasons == one.suspicions.reasons)
            }
            // Not vacuous: values are suspected, costs computed.
            #expect(one.alignment.facts.contains { $0.suspect } && !one.costs.isEmpty && !one.suspicions.reasons.isEmpty)
        }
    }

    @Test func thePipelineExportOnFourThreadsEqualsOneThread() throws {
        let data = try temporaryFolder().appendingPathComponent("synth")
        #expect(tolok("synth", "--districts", "60", "--provinces", "4", "--years", "3", "--indicators", "12", "--budget-lines", "20",
                      "--out", data.path, "--schemas", shippedDatasets + "/schemas").status == 0)
        let loaded = DatasetLoader.load(directory: data.path, kinds: ["areas", "province_history", "vintages", "revisions", "sources", "indicators",
                                                                   "indicator_mappings", "observations", "references", "corrections"])
        let dataset = try #require(loaded.dataset)
        let pipeline = Pipeline(Alignment(dataset), areas: dataset.areas)
        let ranks = pipeline.rank(threads: 1)
        #expect(pipeline.comparisonCount > 1000 && ranks.rankedMemberCount > 100)
        let one = try temporaryFolder(), four = try temporaryFolder()
        try PipelineExport.write(pipeline, ranks: ranks, to: one, parallel: false)
        try PipelineExport.write(pipeline, ranks: pipeline.rank(threads: 2), to: four, parallel: true)
        for name in ["comparison.csv", "rankings.csv"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(name)) == Data(contentsOf: four.appendingPathComponent(name)), "\(name)")
        }
        #expect(try contents(of: four).keys.sorted() == ["comparison.csv", "rankings.csv"])
        // The rows counted while comparison.csv is written, with the ranks computed by the first
        // thread before it joins: the rows in the file, and the pipeline's count of them.
        let counted = try temporaryFolder()
        var batch = AtomicFile.Batch()
        let lead = ParallelSlots<RankTable>(count: 1)
        let rows = try PipelineExport.stageComparison(pipeline, to: counted, in: &batch, threads: 2, leadIn: { lead[0] = pipeline.rank(threads: 1) })
        try batch.commit()
        let written = try Data(contentsOf: counted.appendingPathComponent("comparison.csv"))
        #expect(try written == Data(contentsOf: one.appendingPathComponent("comparison.csv")))
        #expect(rows == pipeline.comparisonCount && rows == written.filter { $0 == 10 }.count - 1)
        #expect(lead[0]?.rankedMemberCount == ranks.rankedMemberCount)
    }
}
