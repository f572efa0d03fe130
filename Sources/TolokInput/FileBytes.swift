import Foundation

/// Reading a whole file into bytes, without an intermediate copy.
enum FileBytes {
    struct Failure: Error { var message: String }

    /// The size in bytes of the file at `path`; 0 when it cannot be read (reading it reports why).
    /// One `stat`, not a dictionary of attributes: a package lists hundreds of files.
    static func size(atPath path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }

    /// Asks the kernel to read the files at `paths` into its cache in the background
    /// (`POSIX_FADV_WILLNEED`), so that reading them later does not wait for the disk. A file that
    /// cannot be opened is left for its reading to report; one already cached costs a system call.
    static func prefetch(_ paths: [String]) {
        for path in paths {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
            close(fd)
        }
    }

    /// A file opened to read pieces of it (`pread`), closed when released.
    final class Pieces {
        private let fd: Int32

        /// `nil` when the file cannot be opened.
        init?(_ url: URL) {
            fd = open(url.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
        }

        deinit { close(fd) }

        /// Up to `count` bytes from byte `offset` on: fewer at the end of the file (or when it
        /// cannot be read).
        func bytes(at offset: Int, count: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                var done = 0
                while done < count {
                    let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    done += n
                }
                initialized = done
            }
        }
    }

    /// Reads the file at `url` into `bytes`, reusing its memory (a loader reads many files).
    static func read(_ url: URL, into bytes: inout [UInt8]) throws(Failure) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw Failure(message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(message: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(message: "not a regular file") }
        let size = Int(info.st_size)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: repeatElement(0, count: size))
        var failure: Failure?
        let done = bytes.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 { if errno == EINTR { continue }; failure = Failure(message: String(cString: strerror(errno))); break }
                if n == 0 { break }
                done += n
            }
            return done
        }
        if let failure { throw failure }
        if done < size { bytes.removeLast(size - done) }
    }

    static func read(_ url: URL) throws(Failure) -> [UInt8] {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw Failure(message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(message: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(message: "not a regular file") }
        let size = Int(info.st_size)
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 { if errno == EINTR { continue }; failure = Failure(message: String(cString: strerror(errno))); break }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if let failure { throw failure }
        return bytes
    }
}
