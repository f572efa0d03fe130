import Dispatch
import Foundation
import TolokModel

/// Writes a large file in blocks: two blocks at a time are formatted, one on each core, into
/// their own byte buffers, then written in order. The bytes are those of one thread formatting
/// every block in turn, and memory stays at two blocks whatever the file's size.
public enum BlockWriter {
    /// Writes `header` and then blocks `0..<blocks`, each formatted by `format(block, &buffer)`,
    /// to `url`, staged in `batch` (renamed into place when the batch is committed). `threads` 1
    /// formats every block on the calling thread.
    public static func write(to url: URL, in batch: inout AtomicFile.Batch, header: [UInt8], blocks: Int, threads: Int = 2,
                             format: @Sendable (Int, inout ByteBuffer) -> Void) throws(AtomicFile.Failure) {
        try batch.stage(at: url) { file throws(AtomicFile.Failure) in
            write(to: file, header: header, blocks: blocks, threads: threads, format: format)
        }
    }

    private static func write(to file: AtomicFile.Stream, header: [UInt8], blocks: Int, threads: Int,
                              format: @Sendable (Int, inout ByteBuffer) -> Void) {
        file.write(header)
        let slots = BufferSlots(count: max(1, threads))
        var next = 0
        while next < blocks {
            let batch = min(slots.count, blocks - next)
            if batch == 1 {
                slots.clear(0)
                format(next, &slots[0])
            } else {
                let first = next
                DispatchQueue.concurrentPerform(iterations: batch) { i in
                    slots.clear(i)
                    format(first + i, &slots[i])
                }
            }
            for i in 0..<batch { file.write(slots[i]) }
            next += batch
        }
    }

}

/// One byte buffer per thread of a ``BlockWriter`` batch. `@unchecked Sendable`: each iteration of
/// a `concurrentPerform` touches only its own slot, and the writer reads them after it returns
/// (a lock per byte appended would cost more than the formatting).
final class BufferSlots: @unchecked Sendable {
    private var buffers: [Slot]
    let count: Int

    final class Slot {
        var buffer = ByteBuffer(capacity: 1 << 22)
    }

    init(count: Int) {
        self.count = count
        buffers = (0..<count).map { _ in Slot() }
    }

    func clear(_ i: Int) { buffers[i].buffer.removeAll() }

    subscript(i: Int) -> ByteBuffer {
        _read { yield buffers[i].buffer }
        _modify { yield &buffers[i].buffer }
    }
}
