import Dispatch
import Foundation
import Synchronization
import TolokModel

/// Writes large files in blocks: each thread formats the next block nobody has taken into its
/// own byte buffer, then writes it once every block before it in its file is written, so one
/// thread's write overlaps the other's formatting. The bytes are those of one thread formatting
/// every block in turn, and memory stays at one block per thread whatever the files' sizes.
///
/// Several files are written at once (``write(_:in:threads:leadIn:)``): each thread takes a file
/// of its own, and helps with another's blocks once no file is left to take. The kernel queues the
/// writes into one file, so two threads writing two files copy their blocks into the page cache
/// side by side.
///
/// Keep blocks to about 1–2 MB (the exports' rows per block). A block is copied into the page
/// cache right after it is formatted, mostly from the core's own caches then: at scale 1, blocks
/// of 3–4 MB made the kernel's copy about four times dearer (0.46 against 0.12 s of CPU) and the
/// large files' stage 0.2–0.3 s longer.
public enum BlockWriter {
    /// One file written in blocks: its `header`, then blocks `0..<blocks`, each formatted by
    /// `format(block, &buffer)`.
    public struct Job: Sendable {
        public var url: URL
        public var header: [UInt8]
        public var blocks: Int
        public var format: @Sendable (Int, inout ByteBuffer) -> Void

        public init(url: URL, header: [UInt8], blocks: Int, format: @escaping @Sendable (Int, inout ByteBuffer) -> Void) {
            self.url = url
            self.header = header
            self.blocks = blocks
            self.format = format
        }
    }

    /// Writes `header` and then blocks `0..<blocks`, each formatted by `format(block, &buffer)`,
    /// to `url`, staged in `batch` (renamed into place when the batch is committed), and returns
    /// the rows the blocks ended (``ByteBuffer/rowsEnded``, which ``CSVRow`` counts). `threads` 1
    /// formats every block on the calling thread.
    ///
    /// `leadIn`, when given, is other work the first thread does before it takes blocks, while
    /// the others format (it runs first on one thread): a thread's share of the file then
    /// follows from how long that work takes, not from a split fixed in advance.
    @discardableResult
    public static func write(to url: URL, in batch: inout AtomicFile.Batch, header: [UInt8], blocks: Int, threads: Int = 2,
                             leadIn: (@Sendable () -> Void)? = nil,
                             format: @escaping @Sendable (Int, inout ByteBuffer) -> Void) throws(AtomicFile.Failure) -> Int {
        try write([Job(url: url, header: header, blocks: blocks, format: format)], in: &batch, threads: threads, leadIn: leadIn)[0]
    }

    /// Writes the files of `jobs`, staged in `batch` in that order, side by side on `threads`
    /// threads (list the largest first: the threads take the files in turn). `threads` 1 writes
    /// them one after the other on the calling thread. `leadIn` as in
    /// ``write(to:in:header:blocks:threads:leadIn:format:)``. Returns the rows written to each
    /// file, in the order of `jobs`.
    @discardableResult
    public static func write(_ jobs: [Job], in batch: inout AtomicFile.Batch, threads: Int = 2,
                             leadIn: (@Sendable () -> Void)? = nil) throws(AtomicFile.Failure) -> [Int] {
        var rows: [Int] = []
        try batch.stage(at: jobs.map(\.url)) { files throws(AtomicFile.Failure) in
            for (job, file) in zip(jobs, files) { file.write(job.header) }
            rows = write(jobs, to: files, threads: threads, leadIn: leadIn)
        }
        return rows
    }

    private static func write(_ jobs: [Job], to files: [AtomicFile.Stream], threads: Int, leadIn: (@Sendable () -> Void)?) -> [Int] {
        let workers = max(1, min(threads, jobs.reduce(0) { $0 + $1.blocks }))
        guard workers > 1 else {
            leadIn?()
            var buffer = ByteBuffer(capacity: 1 << 22)
            var rows = [Int](repeating: 0, count: jobs.count)
            for (j, (job, file)) in zip(jobs, files).enumerated() {
                for block in 0..<job.blocks {
                    buffer.removeAll()
                    job.format(block, &buffer)
                    rows[j] += buffer.rowsEnded
                    file.write(buffer)
                }
            }
            return rows
        }
        let slots = BufferSlots(count: workers)
        let progress = jobs.map { JobProgress($0.blocks) }
        let streams = files.map(SerialStream.init)
        // The next file no thread has taken yet.
        let unclaimed = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if worker == 0 { leadIn?() }
            var current = unclaimed.wrappingAdd(1, ordering: .relaxed).oldValue
            while true {
                if current >= jobs.count {
                    // No file left to take: help with one that still has blocks.
                    guard let other = progress.indices.first(where: { !progress[$0].isTaken }) else { return }
                    current = other
                }
                let job = jobs[current], state = progress[current]
                let block = state.taken.wrappingAdd(1, ordering: .relaxed).oldValue
                guard block < job.blocks else {
                    current = unclaimed.wrappingAdd(1, ordering: .relaxed).oldValue
                    continue
                }
                slots.clear(worker)
                job.format(block, &slots[worker])
                // Block b of a file may be written once block b − 1 is: its turn is signalled then.
                // A thread holds one block at a time, so the block before is written or held by
                // another thread, which writes it in its turn: the wait always ends.
                state.turns[block].wait()
                state.rows.wrappingAdd(slots[worker].rowsEnded, ordering: .relaxed)
                streams[current].write(slots[worker])
                if block + 1 < job.blocks { state.turns[block + 1].signal() }
            }
        }
        return progress.map { $0.rows.load(ordering: .relaxed) }
    }
}

/// How far the threads are in one file of a ``BlockWriter`` batch: the next block to take, each
/// block's turn to be written, the rows formatted. `@unchecked Sendable`: an atomic counter and semaphores.
private final class JobProgress: @unchecked Sendable {
    let taken = Atomic<Int>(0)
    /// The rows of the blocks formatted so far.
    let rows = Atomic<Int>(0)
    let blocks: Int
    /// Each semaphore starts at 0 and ends at 0 (libdispatch refuses to free one left below its
    /// start); block 0's turn is signalled at once.
    let turns: [DispatchSemaphore]

    init(_ blocks: Int) {
        self.blocks = blocks
        turns = (0..<blocks).map { _ in DispatchSemaphore(value: 0) }
        turns.first?.signal()
    }

    /// Whether every block has been taken.
    var isTaken: Bool { taken.load(ordering: .relaxed) >= blocks }
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
