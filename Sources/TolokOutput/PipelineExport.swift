import Dispatch
import Foundation
import Synchronization
import TolokAlignment
import TolokModel
import TolokStatistics

/// The benchmark pipeline's two files (`benchmarks/SPEC.md`), written straight into byte buffers:
/// numbers with fifteen significant digits, codes copied as bytes. Each file is built in parts on
/// two threads and joined in order, so the bytes are those of one thread.
public enum PipelineExport {
    public static let comparisonHeader = "district_code,indicator_id,year,value,province_value,national_value,gap_province,gap_national,capaian\n"
    public static let rankingsHeader = "indicator_id,year,scope,district_code,value,rank,n_ranked\n"

    /// Writes `comparison.csv` and `rankings.csv` into `folder` (atomically, both or neither).
    /// `parallel: false` builds the four parts on the calling thread (the same bytes).
    public static func write(_ result: PipelineResult, to folder: URL, parallel: Bool = true) throws {
        let alignment = result.alignment
        // Codes and ids come from the datasets: written as the CSV writer writes a text cell
        // (quoted if need be, a formula neutralised), once each.
        let codes = alignment.areaCodes.map { CSVWriter.cellBytes($0) }
        let ids = alignment.catalogue.all.map { CSVWriter.cellBytes($0.id) }
        let scopes = alignment.areaCodes.map { CSVWriter.cellBytes("province:\($0)") }
        let nation = Array("nation".utf8)
        let parts = Mutex<[[UInt8]]>([[], [], [], []])
        let rows = result.rows, ranks = result.ranks
        let build: @Sendable (Int) -> Void = { part in
            var out: [UInt8] = []
            let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
            func number(_ v: Double) { if !v.isNaN { NumberText.appendCompact(v, to: &out) } }
            if part < 2 {
                let range = part == 0 ? 0..<(rows.count / 2) : (rows.count / 2)..<rows.count
                out.reserveCapacity(range.count * 72)
                for i in range {
                    let r = rows[i]
                    out += codes[Int(r.area)]; out.append(comma)
                    out += ids[Int(r.indicator)]; out.append(comma)
                    NumberText.appendInteger(Int(r.year), to: &out); out.append(comma)
                    number(r.value); out.append(comma)
                    number(r.provinceValue); out.append(comma)
                    number(r.nationalValue); out.append(comma)
                    number(r.value - r.provinceValue); out.append(comma)
                    number(r.value - r.nationalValue); out.append(comma)
                    number(r.capaian); out.append(newline)
                }
            } else {
                let range = part == 2 ? 0..<(ranks.count / 2) : (ranks.count / 2)..<ranks.count
                out.reserveCapacity(range.count * 48)
                for i in range {
                    let r = ranks[i]
                    out += ids[Int(r.indicator)]; out.append(comma)
                    NumberText.appendInteger(Int(r.year), to: &out); out.append(comma)
                    out += r.province < 0 ? nation : scopes[Int(r.province)]; out.append(comma)
                    out += codes[Int(r.area)]; out.append(comma)
                    number(r.value); out.append(comma)
                    NumberText.appendInteger(Int(r.rank), to: &out); out.append(comma)
                    NumberText.appendInteger(Int(r.count), to: &out); out.append(newline)
                }
            }
            parts.withLock { $0[part] = out }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: 4, execute: build)
        } else {
            for part in 0..<4 { build(part) }
        }
        let written = parts.withLock { $0 }
        var batch = AtomicFile.Batch()
        try batch.stage([Array(comparisonHeader.utf8), written[0], written[1]], at: folder.appendingPathComponent("comparison.csv"))
        try batch.stage([Array(rankingsHeader.utf8), written[2], written[3]], at: folder.appendingPathComponent("rankings.csv"))
        try batch.commit()
    }
}
