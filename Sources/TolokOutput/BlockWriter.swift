import Dispatch
import Foundation
import Synchronization
import TolokModel

/// Writes a large file in blocks: each thread formats the next block nobody has taken into its
/// own byte buffer, then writes it once every block before it is written, so one thread's write
/// overlaps the other's formatting. The bytes are those of one thread formatting every block in
/// turn, and memory stays at one block per thread whatever the file's size.
public enum BlockWriter {
    /// Writes `header` and then blocks `0..<blocks`, each formatted by `format(block, &buffer)`,
    /// to `url`, staged in `batch` (renamed into place when the batch is committed). `threads` 1
    /// formats every block on the calling thread.
    ///
    /// `leadIn`, when given, is other work the first thread does before it takes blocks, while
    /// the others format (it runs first on one thread): a thread's share of the file then
    /// follows from how long that work takes, not from a split fixed in advance.
    public static func write(to url: URL, in batch: inout AtomicFile.Batch, header: [UInt8], blocks: Int, threads: Int = 2,
                             leadIn: (@Sendable () -> Void)? = nil,
                             format: @Sendable (Int, inout ByteBuffer) -> Void) throws(AtomicFile.Failure) {
        try batch.stage(at: url) { file throws(AtomicFile.Failure) in
            write(to: file, header: header, blocks: blocks, threads: threads, leadIn: leadIn, format: format)
        }
    }

    private static func write(to file: AtomicFile.Stream, header: [UInt8], blocks: Int, threads: Int,
                              leadIn: (@Sendable () -> Void)?, format: @Sendable (Int, inout ByteBuffer) -> Void) {
        file.write(header)
        let workers = max(1, min(threads, blocks))
        guard workers > 1 else {
            leadIn?()
            var buffer = ByteBuffer(capacity: 1 << 22)
            for block in 0..<blocks {
                buffer.removeAll()
                format(block, &buffer)
                file.write(buffer)
            }
            return
        }
        let slots = BufferSlots(count: workers)
        let taken = Atomic<Int>(0)
        // Block b may be written once block b − 1 is: its turn is signalled then. (Each semaphore
        // starts at 0 and ends at 0: libdispatch refuses to free one left below its start.)
        let turns = (0..<blocks).map { _ in DispatchSemaphore(value: 0) }
        turns[0].signal()
        let stream = SerialStream(file)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if worker == 0 { leadIn?() }
            while true {
                let block = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                guard block < blocks else { return }
                slots.clear(worker)
                format(block, &slots[worker])
                turns[block].wait()
                stream.write(slots[worker])
                if block + 1 < blocks { turns[block + 1].signal() }
            }
        }
    }
}

/// The file a ``BlockWriter`` writes, shared by its threads. `@unchecked Sendable`: the blocks'
/// turns (semaphores) let one thread at a time write, each after the one before it.
private final class SerialStream: @unchecked Sendable {
    let file: AtomicFile.Stream
    init(_ file: AtomicFile.Stream) { self.file = file }
    func write(_ buffer: borrowing ByteBuffer) { file.write(buffer) }
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
