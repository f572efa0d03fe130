import Foundation
import Synchronization
import TolokModel

/// Writing files so a reader never sees half of one, and a failed or interrupted run leaves the
/// previous files in place: the bytes go to a temporary file in the same folder
/// (`.NAME.tmp-PID`), which is renamed over the target once complete. A ``Batch`` stages several
/// files and renames them all at the end, so a run that fails half-way changes none of them.
public enum AtomicFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes `chunks`, one after the other, to `url`.
    public static func write(_ chunks: [[UInt8]], to url: URL) throws(Failure) {
        var batch = Batch()
        try batch.stage(chunks, at: url)
        try batch.commit()
    }

    /// Files written together: ``stage(_:at:)`` writes each to its temporary file, ``commit()``
    /// renames them all into place; ``discard()`` (and any failure) removes the temporary files
    /// and leaves the targets untouched.
    public struct Batch: Sendable {
        private var staged: [(temporary: String, target: String)] = []

        public init() {}

        /// The targets staged so far.
        public var targets: [String] { staged.map(\.target) }

        /// Writes `chunks` to a temporary file beside `url`. On failure every file staged so far
        /// is discarded.
        public mutating func stage(_ chunks: [[UInt8]], at url: URL) throws(Failure) {
            let folder = url.deletingLastPathComponent().path
            removeStale(in: folder)
            let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
            pending.withLock { _ = $0.insert(temporary) }
            do throws(Failure) {
                try writeFile(chunks, temporary: temporary, shownAs: url.path)
            } catch {
                remove(temporary)
                discard()
                throw error
            }
            staged.append((temporary, url.path))
        }

        /// Writes the file at `url` through `body`, which streams its bytes into a temporary file
        /// beside it (``Stream``); staged like ``stage(_:at:)``. On failure every file staged so
        /// far is discarded.
        public mutating func stage(at url: URL, _ body: (Stream) throws(Failure) -> Void) throws(Failure) {
            try stage(at: [url]) { streams throws(Failure) in try body(streams[0]) }
        }

        /// Writes the files at `urls` through `body`, which streams their bytes into temporary
        /// files beside them (one ``Stream`` per file, in order, all open at once); staged like
        /// ``stage(_:at:)``. On failure every file staged so far is discarded.
        public mutating func stage(at urls: [URL], _ body: ([Stream]) throws(Failure) -> Void) throws(Failure) {
            var temporaries: [String] = []
            do throws(Failure) {
                var streams: [Stream] = []
                for url in urls {
                    let folder = url.deletingLastPathComponent().path
                    removeStale(in: folder)
                    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
                    pending.withLock { _ = $0.insert(temporary) }
                    temporaries.append(temporary)
                    streams.append(try Stream(temporary: temporary, shownAs: url.path))
                }
                try body(streams)
                // Every file is closed, and the first failure reported.
                var failure: Failure?
                for stream in streams {
                    do throws(Failure) { try stream.close() } catch { failure = failure ?? error }
                }
                if let failure { throw failure }
            } catch {
                for temporary in temporaries { remove(temporary) }
                discard()
                throw error
            }
            staged += zip(temporaries, urls).map { ($0, $1.path) }
        }

        /// Takes over the files staged in `other` (another thread's batch), as if staged here
        /// after these: renamed with them, or discarded with them.
        public mutating func append(_ other: Batch) {
            staged += other.staged
        }

        /// Renames every staged file into place. Before any rename, every target is checked to be
        /// replaceable (not a folder), so a failure leaves all of them untouched. An interruption
        /// (SIGINT, SIGTERM, SIGHUP) waits for the renames to finish (``removeStagedFilesOnInterrupt()``).
        public mutating func commit() throws(Failure) {
            var info = stat()
            for (_, target) in staged where lstat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                discard()
                throw Failure(description: "cannot write \(target): it is a folder")
            }
            let result: Failure? = pending.withLock { pending in
                for (temporary, target) in staged {
                    if rename(temporary, target) != 0 {
                        return Failure(description: "cannot write \(target): \(String(cString: strerror(errno)))")
                    }
                    pending.remove(temporary)
                }
                return nil
            }
            if let result {
                discard()
                throw result
            }
            staged = []
        }

        /// Removes the staged files; the targets stay as they were.
        public mutating func discard() {
            for (temporary, _) in staged { remove(temporary) }
            staged = []
        }
    }

    /// A temporary file being written (``Batch/stage(at:_:)``): bytes appended as they are made, so
    /// a large file never sits whole in memory.
    public final class Stream {
        private let path: String
        private var fd: Int32
        private var failure: Failure?

        init(temporary: String, shownAs path: String) throws(Failure) {
            self.path = path
            fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        }

        deinit { if fd >= 0 { Foundation.close(fd) } }

        /// Appends `count` bytes at `bytes` (a failure is reported by ``close()``).
        public func write(_ bytes: UnsafeRawPointer, count: Int) {
            var done = 0
            while failure == nil, done < count {
                let n = Foundation.write(fd, bytes + done, count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                } else {
                    done += n
                }
            }
        }

        /// Appends `bytes`.
        public func write(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { if let base = $0.baseAddress { write(base, count: $0.count) } }
        }

        /// Appends the bytes of `buffer`.
        public func write(_ buffer: borrowing ByteBuffer) {
            buffer.withBytes { if let base = $0.baseAddress { write(base, count: $0.count) } }
        }

        func close() throws(Failure) {
            if Foundation.close(fd) != 0, failure == nil { failure = Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            fd = -1
            if let failure { throw failure }
        }
    }

    /// Temporary files not yet renamed into place, for the interrupt handler.
    private static let pending = Mutex<Set<String>>([])

    private static func remove(_ temporary: String) {
        unlink(temporary)
        pending.withLock { _ = $0.remove(temporary) }
    }

    private static func writeFile(_ chunks: [[UInt8]], temporary: String, shownAs path: String) throws(Failure) {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure: Failure?
        outer: for chunk in chunks {
            var done = 0
            while done < chunk.count {
                let n = chunk.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, chunk.count - done) }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                    break outer
                }
                done += n
            }
        }
        if close(fd) != 0, failure == nil { failure = Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        if let failure { throw failure }
    }

    /// Removes temporary files that a killed run (SIGKILL, a power cut) left in `folder`: those
    /// whose process is gone.
    static func removeStale(in folder: String) {
        guard cleanedFolders.withLock({ $0.insert(folder).inserted }),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            guard let range = name.range(of: ".tmp-", options: .backwards), let pid = Int32(name[range.upperBound...]),
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// Folders already rid of stale temporary files by this process.
    private static let cleanedFolders = Mutex<Set<String>>([])

    /// Removes the temporary files of this process (what an interrupt does before the process
    /// ends), or only those in `folder`.
    public static func removeStagedFiles(in folder: String? = nil) {
        pending.withLock { pending in
            for temporary in pending where folder.map({ temporary.hasPrefix($0 + "/") }) ?? true {
                unlink(temporary)
                pending.remove(temporary)
            }
        }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files before the process ends with
    /// that signal. A batch being renamed into place finishes first (the handler waits for it),
    /// so an interrupted run leaves either all of its files or none. For the `tolok` executable.
    public static func removeStagedFilesOnInterrupt() {
        signalSources.withLock { sources in
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    removeStagedFiles()
                    // End with the signal (the process, not this worker thread, which blocks it).
                    signal(number, SIG_DFL)
                    kill(getpid(), number)
                    usleep(100_000)
                    _exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// The signal sources, kept alive for the life of the process.
    private static let signalSources = Mutex<[any DispatchSourceSignal]>([])
}
