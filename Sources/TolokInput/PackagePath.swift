import Foundation

/// The paths a data package names (its resources' data and schemas) stay inside the package
/// folder: relative, without `..`, no URL, and no symbolic link leading out. A path that escapes
/// is refused before anything opens it, so no byte of a file outside the folder is read or shown.
enum PackagePath {
    /// The checks of one package folder: the folder resolved once, and each folder along the
    /// paths checked for a symbolic link once (a package of 514 resources in one folder names
    /// one schema 514 times).
    struct Folder {
        let directory: URL
        /// The folder's path (`URL.path` is computed on each use).
        private let directoryPath: String
        /// The folder with its symbolic links resolved; `nil` when it cannot be.
        let resolvedBase: String?
        /// Paths under the folder known to be no symbolic link.
        private var notLinks: Set<String> = []

        init(_ directory: URL) {
            self.directory = directory
            directoryPath = directory.path
            resolvedBase = PackagePath.resolved(directoryPath)
        }

        /// Why `path` leads out of the folder, or `nil` when it stays inside.
        mutating func escape(of path: String) -> String? {
            if path.isEmpty { return "is empty" }
            if path.utf8.contains(0) { return "holds a NUL character" }
            if path.hasPrefix("/") || path.hasPrefix("~") { return "is absolute: name a file inside the datasets folder, relative to it" }
            if PackagePath.isURL(path) { return "is a URL: Tolok reads only files inside the datasets folder" }
            if PackagePath.hasParentPart(path, separator: UInt8(ascii: "/")) || PackagePath.hasParentPart(path, separator: UInt8(ascii: "\\")) {
                return "leaves the datasets folder ('..'): name a file inside it"
            }
            // Symbolic links: none on the way, or the resolved path must still lie inside the
            // resolved folder. realpath follows links by reading them, not the file they name.
            if isLinkFree(path) { return nil }
            guard let base = resolvedBase, let target = PackagePath.resolved(directory.appendingPathComponent(path).path) else {
                return nil  // missing: reading it reports that
            }
            if target != base && !target.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
                return "is a symbolic link (or lies under one) that leads out of the datasets folder"
            }
            return nil
        }

        /// True when no part of `path` (relative, without `..`) is a symbolic link: one `lstat`
        /// per part not seen before, so a folder of 514 files costs 514 calls, not a `realpath` each.
        private mutating func isLinkFree(_ path: String) -> Bool {
            var prefix = ""
            for part in path.split(separator: "/", omittingEmptySubsequences: true) {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                if notLinks.contains(prefix) { continue }
                var info = stat()
                guard lstat(directoryPath + "/" + prefix, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return false }
                notLinks.insert(prefix)
            }
            return true
        }
    }

    /// Whether `path` holds `://`.
    static func isURL(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.count >= 3 else { return false }
        for i in 0..<(bytes.count - 2) where bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
            return true
        }
        return false
    }

    /// Whether one of the parts of `path` between `separator`s is `..`.
    static func hasParentPart(_ path: String, separator: UInt8) -> Bool {
        var length = 0, dots = 0
        for b in path.utf8 {
            if b == separator {
                if length == 2 && dots == 2 { return true }
                length = 0
                dots = 0
            } else {
                length += 1
                if b == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length == 2 && dots == 2
    }

    private static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The path as shown in a message: control characters escaped, at most 200 characters.
    static func shown(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return path.unicodeScalars.count > 200 ? out + "…" : out
    }

    /// Line and column of `key`'s value `path` in the descriptor's text (the first line naming
    /// both), if it is found.
    static func position(of path: String, key: String, in text: String) -> (line: Int, column: Int)? {
        let forms = ["\"" + path + "\"", "\"" + path.replacingOccurrences(of: "/", with: "\\/") + "\""]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("\"\(key)\"") {
            for form in forms {
                guard let keyRange = line.range(of: "\"\(key)\""), let range = line.range(of: form, range: keyRange.upperBound..<line.endIndex) else { continue }
                return (n + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }
}
