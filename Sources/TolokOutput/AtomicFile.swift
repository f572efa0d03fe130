import Foundation
import TolokModel

/// Writing a file so a reader never sees half of it, and a failed or interrupted run leaves the
/// previous file in place: the bytes go to a temporary file in the same folder, which is renamed
/// over the target once complete.
public final class AtomicFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    private let url: URL
    private let temporary: String
    private var fd: Int32
    private var failure: Failure?

    /// Starts writing `url` (through a temporary file beside it).
    public init(_ url: URL) throws(Failure) {
        self.url = url
        temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
    }

    deinit {
        // Never committed: the temporary file goes, the previous file stays.
        if fd >= 0 { close(fd); unlink(temporary) }
    }

    /// Appends `count` bytes at `bytes`.
    public func write(_ bytes: UnsafeRawPointer, count: Int) {
        var done = 0
        while failure == nil, done < count {
            let n = Foundation.write(fd, bytes + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))")
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

    /// Closes the temporary file and renames it over the target; on any failure the target is
    /// left as it was and the temporary file is removed.
    public func commit() throws(Failure) {
        if close(fd) != 0, failure == nil { failure = Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))") }
        fd = -1
        if failure == nil, rename(temporary, url.path) != 0 {
            failure = Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// Writes `chunks`, one after the other, to `url`.
    public static func write(_ chunks: [[UInt8]], to url: URL) throws(Failure) {
        let file = try AtomicFile(url)
        for chunk in chunks { file.write(chunk) }
        try file.commit()
    }
}
