import Dispatch
import Foundation
import TolokAlignment
import TolokModel
import TolokStatistics

/// The benchmark pipeline's two files (`benchmarks/SPEC.md`), written straight into byte buffers:
/// numbers with fifteen significant digits, codes copied as bytes. Each file is built in parts on
/// two threads and joined in order, so the bytes are those of one thread.
public enum PipelineExport {
    public static let comparisonHeader = "district_code,indicator_id,year,value,province_value,national_value,gap_province,gap_national,capaian\n"
    public static let rankingsHeader = "indicator_id,year,scope,district_code,value,rank,n_ranked\n"

    /// Writes `comparison.csv` and `rankings.csv` into `folder` (atomically).
    public static func write(_ result: PipelineResult, to folder: URL) throws {
        let alignment = result.alignment
        let codes = alignment.areaCodes.map { Array($0.utf8) }
        let ids = alignment.catalogue.all.map { Array($0.id.utf8) }
        let scopes = alignment.areaCodes.map { Array("province:\($0)".utf8) }
        let nation = Array("nation".utf8)
        let parts = PartBuffers(count: 4)
        let rows = result.rows, ranks = result.ranks
        DispatchQueue.concurrentPerform(iterations: 4) { part in
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
            parts[part] = out
        }
        try AtomicFile.write([Array(comparisonHeader.utf8), parts[0], parts[1]], to: folder.appendingPathComponent("comparison.csv"))
        try AtomicFile.write([Array(rankingsHeader.utf8), parts[2], parts[3]], to: folder.appendingPathComponent("rankings.csv"))
    }
}

/// Byte buffers filled by the iterations of a `concurrentPerform`, one each.
final class PartBuffers: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[UInt8]>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [], count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(index: Int) -> [UInt8] {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}
