import Foundation

/// Writing a file so a reader never sees half of it, and a failed or interrupted run leaves the
/// previous file in place: the bytes go to a temporary file in the same folder, which is renamed
/// over the target once complete.
public enum AtomicFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes `chunks`, one after the other, to `url`.
    public static func write(_ chunks: [[UInt8]], to url: URL) throws(Failure) {
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var failure: Failure?
        outer: for chunk in chunks {
            var done = 0
            while done < chunk.count {
                let n = chunk.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, chunk.count - done) }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))")
                    break outer
                }
                done += n
            }
        }
        if close(fd) != 0, failure == nil { failure = Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))") }
        if failure == nil, rename(temporary, url.path) != 0 {
            failure = Failure(description: "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}
