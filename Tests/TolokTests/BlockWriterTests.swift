import Foundation
import Synchronization
import Testing
@testable import Tolok

@Suite("Block writer")
struct BlockWriterTests {
    /// `blocks` blocks of lines ("block, line"), written on `threads` threads with `leadIn`.
    private func written(blocks: Int, threads: Int, leadIn: (@Sendable () -> Void)? = nil) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolok-blocks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.csv")
        var batch = AtomicFile.Batch()
        try BlockWriter.write(to: url, in: &batch, header: Array("block,line\n".utf8), blocks: blocks, threads: threads,
                              leadIn: leadIn) { block, out in
            for line in 0..<(block % 7) * 300 { out.append("\(block),\(line)\n") }
        }
        try batch.commit()
        return try Data(contentsOf: url)
    }

    @Test func theLeadInRunsOnceAndTheBlocksKeepTheirOrder() throws {
        // One thread spends its start on the lead-in while the other formats; the file is the one
        // a single thread writes, block after block.
        let runs = Atomic<Int>(0)
        let one = try written(blocks: 40, threads: 1)
        let two = try written(blocks: 40, threads: 2) {
            runs.add(1, ordering: .relaxed)
            usleep(20_000)
        }
        #expect(runs.load(ordering: .relaxed) == 1)
        #expect(one == two)
        let lines = String(decoding: one, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + (0..<40).reduce(0) { $0 + ($1 % 7) * 300 })
        #expect(lines[1] == "1,0" && lines.last == "39,1199")
        // On one thread the lead-in runs first, once.
        let alone = Atomic<Int>(0)
        #expect(try written(blocks: 3, threads: 1) { alone.add(1, ordering: .relaxed) } == written(blocks: 3, threads: 1))
        #expect(alone.load(ordering: .relaxed) == 1)
    }

    /// Files written side by side (``BlockWriter/write(_:in:threads:leadIn:)``) hold the bytes of
    /// each written alone on one thread: a thread's own file, the blocks it helps with in
    /// another, a file of no blocks, more threads than files.
    @Test func filesWrittenSideBySideAreThoseWrittenOneByOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolok-blocks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sizes = [37, 3, 0, 11, 1]
        func jobs(_ run: String) -> [BlockWriter.Job] {
            sizes.enumerated().map { file, blocks in
                BlockWriter.Job(url: folder.appendingPathComponent("\(run)-\(file).csv"), header: Array("file \(file)\n".utf8), blocks: blocks) { block, out in
                    for line in 0..<((block * 5 + file) % 7) * 200 { out.append("\(file),\(block),\(line)\n") }
                }
            }
        }
        func files(_ run: String) throws -> [Data] {
            try sizes.indices.map { try Data(contentsOf: folder.appendingPathComponent("\(run)-\($0).csv")) }
        }
        var alone = AtomicFile.Batch()
        for job in jobs("alone") { try BlockWriter.write([job], in: &alone, threads: 1) }
        try alone.commit()
        let expected = try files("alone")
        #expect(expected[0].count > 10_000 && expected[2] == Data("file 2\n".utf8))
        for threads in [1, 2, 3] {
            let leadIns = Atomic<Int>(0)
            var batch = AtomicFile.Batch()
            try BlockWriter.write(jobs("side\(threads)"), in: &batch, threads: threads) {
                leadIns.add(1, ordering: .relaxed)
                usleep(10_000)
            }
            #expect(batch.targets.map { URL(fileURLWithPath: $0).lastPathComponent } == sizes.indices.map { "side\(threads)-\($0).csv" })
            try batch.commit()
            #expect(try files("side\(threads)") == expected, "\(threads) threads")
            #expect(leadIns.load(ordering: .relaxed) == 1)
        }
    }

    /// The writer returns each file's rows as ``CSVRow`` ended them, on any number of threads: a
    /// quoted cell's line break is no row of its own, and a file of no blocks has none.
    @Test func itCountsTheRowsOfEachFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolok-blocks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sizes = [23, 0, 5]
        // Block b of a file: b % 4 rows; its first row's note spans two lines.
        let expected = sizes.map { blocks in (0..<blocks).reduce(0) { $0 + $1 % 4 } }
        #expect(expected == [33, 0, 6])
        for threads in [1, 2, 3] {
            let jobs = sizes.enumerated().map { file, blocks in
                BlockWriter.Job(url: folder.appendingPathComponent("\(threads)-\(file).csv"), header: Array("block,note\n".utf8), blocks: blocks) { block, out in
                    for line in 0..<block % 4 {
                        var row = CSVRow(dialect: .standard)
                        row.integer(block, &out)
                        row.text(line == 0 ? "first\nof its block" : "row \(line)", &out)
                        row.end(&out)
                    }
                }
            }
            var batch = AtomicFile.Batch()
            let rows = try BlockWriter.write(jobs, in: &batch, threads: threads)
            try batch.commit()
            #expect(rows == expected, "\(threads) threads")
            // The file holds those rows, and one line more for each block's two-line note.
            let text = try String(contentsOf: folder.appendingPathComponent("\(threads)-0.csv"), encoding: .utf8)
            #expect(text.split(separator: "\n").count == 1 + 33 + (0..<23).count { $0 % 4 > 0 })
        }
    }
}
