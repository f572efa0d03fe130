import Dispatch
import TolokModel
import TolokAlignment

/// Cells rendered once for each of a set of keys (an area's code and name, a province's code, an
/// indicator's id and name, a fact's value, citation and flags: ``FactCells``), held in one block of
/// memory and read by pointer (``CSVRow/cells(_:_:_:)``).
///
/// An array of ``RenderedCells`` per key would do the same, but reading one element counts a
/// reference to its bytes: with both threads of a ``BlockWriter`` reading the same areas' cells on
/// every row, both cores then write to the same counters, and a cache line passing back and forth
/// on each row took up to 4 % of the full report's time at national scale.
public struct RenderedCellTable: @unchecked Sendable {
    // `@unchecked Sendable`: the bytes are written once, in `init`, and only read after.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        /// Where each key's cells end (4 bytes a key: a table holds a few million keys at most,
        /// its bytes far less than 4 GB).
        let ends: UnsafeMutablePointer<UInt32>

        /// The parts' bytes one after the other; `ends` of each part's keys within it. Each part
        /// is let go once copied.
        init(parts: inout [(bytes: [UInt8], ends: [Int])]) {
            let total = parts.reduce(0) { $0 + $1.bytes.count }, keys = parts.reduce(0) { $0 + $1.ends.count }
            precondition(total <= Int(UInt32.max), "rendered cells of 4 GB or more")
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, total))
            let ends = UnsafeMutablePointer<UInt32>.allocate(capacity: keys + 1)
            ends[0] = 0
            var offset = 0, key = 1
            for i in parts.indices {
                parts[i].bytes.withUnsafeBufferPointer { if let base = $0.baseAddress { (bytes + offset).update(from: base, count: $0.count) } }
                for end in parts[i].ends {
                    ends[key] = UInt32(offset + end)
                    key += 1
                }
                offset += parts[i].bytes.count
                parts[i] = ([], [])
            }
            self.bytes = bytes
            self.ends = ends
        }

        deinit {
            bytes.deallocate()
            ends.deallocate()
        }
    }

    private let storage: Storage
    private let bytes: UnsafePointer<UInt8>
    private let ends: UnsafePointer<UInt32>
    /// The number of keys.
    public let count: Int

    /// The cells `render(key, …)` appends to a row of `dialect`, for each key in `0..<count`.
    public init(count: Int, dialect: CSVDialect, _ render: (Int, inout CSVRow, inout ByteBuffer) -> Void) {
        var buffer = ByteBuffer(capacity: 1 << 12)
        var ends: [Int] = []
        ends.reserveCapacity(count)
        for key in 0..<count {
            var row = CSVRow(dialect: dialect)
            render(key, &row, &buffer)
            ends.append(buffer.count)
        }
        var parts = [(bytes: buffer.array, ends: ends)]
        self.init(Storage(parts: &parts), count: count)
    }

    /// Cells for the keys `0..<count` made in `threads` runs of consecutive keys side by side:
    /// `render(keys, &out, &ends)` appends the cells of each key of `keys` in order to `out`, and
    /// `out.count` to `ends` after each. The bytes do not depend on `threads`.
    public init(count: Int, threads: Int, renderingRuns render: @Sendable (Range<Int>, inout ByteBuffer, inout [Int]) -> Void) {
        let runs = max(1, min(threads, count / 1024))
        let parts = ParallelSlots<(bytes: [UInt8], ends: [Int])>(count: runs)
        withoutActuallyEscaping(render) { render in
            let work: @Sendable (Int) -> Void = { run in
                let keys = (run * count / runs)..<((run + 1) * count / runs)
                var buffer = ByteBuffer(capacity: 1 << 16)
                var ends: [Int] = []
                ends.reserveCapacity(keys.count)
                render(keys, &buffer, &ends)
                precondition(ends.count == keys.count, "one end per key")
                parts[run] = (buffer.array, ends)
            }
            if runs > 1 { DispatchQueue.concurrentPerform(iterations: runs, execute: work) } else { work(0) }
        }
        var taken = (0..<runs).map { parts.take($0)! }
        self.init(Storage(parts: &taken), count: count)
    }

    private init(_ storage: Storage, count: Int) {
        self.storage = storage
        bytes = UnsafePointer(storage.bytes)
        ends = UnsafePointer(storage.ends)
        self.count = count
    }

    /// The bytes of `key`'s cells (separators between them, none before or after).
    @inline(__always)
    public func cells(_ key: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(key >= 0 && key < count, "no rendered cells for key \(key)")
        let start = Int(ends[key])
        return UnsafeBufferPointer(start: bytes + start, count: Int(ends[key + 1]) - start)
    }
}

extension RenderedCellTable {
    /// Each area's code and name, by area index.
    public static func codesAndNames(of areas: [Area], dialect: CSVDialect) -> RenderedCellTable {
        RenderedCellTable(count: areas.count, dialect: dialect) { a, row, out in
            row.text(areas[a].code, &out); row.text(areas[a].name, &out)
        }
    }

    /// A province's code by slot: slot 0 an empty cell (no province), slot `p + 1` the code of
    /// area `p` (`codes` by area index).
    public static func provinceCodes(_ codes: [String], dialect: CSVDialect) -> RenderedCellTable {
        RenderedCellTable(count: codes.count + 1, dialect: dialect) { slot, row, out in
            row.text(slot == 0 ? nil : codes[slot - 1], &out)
        }
    }

    /// Each indicator's id and name in the language asked for, by position in `indicators`.
    public static func idsAndNames(of indicators: [Indicator], english: Bool, dialect: CSVDialect) -> RenderedCellTable {
        RenderedCellTable(count: indicators.count, dialect: dialect) { i, row, out in
            row.text(indicators[i].id, &out); row.text(indicators[i].name(english: english), &out)
        }
    }
}
