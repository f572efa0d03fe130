import Foundation

/// The paths a data package names (its resources' data and schemas) stay inside the package
/// folder: relative, without `..`, no URL, and no symbolic link leading out. A path that escapes
/// is refused before anything opens it, so no byte of a file outside the folder is read or shown.
enum PackagePath {
    /// Why `path` leads out of `directory`, or `nil` when it stays inside.
    static func escape(of path: String, in directory: URL) -> String? {
        if path.isEmpty { return "is empty" }
        if path.utf8.contains(0) { return "holds a NUL character" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "is absolute: name a file inside the datasets folder, relative to it" }
        if path.contains("://") { return "is a URL: Tolok reads only files inside the datasets folder" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
            || path.split(separator: "\\", omittingEmptySubsequences: false).contains("..") {
            return "leaves the datasets folder ('..'): name a file inside it"
        }
        // Symbolic links: the resolved path must still lie inside the resolved folder. realpath
        // follows links by reading them, not the file they name.
        guard let base = resolved(directory.path), let target = resolved(directory.appendingPathComponent(path).path) else {
            return nil  // missing: reading it reports that
        }
        if target != base && !target.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
            return "is a symbolic link (or lies under one) that leads out of the datasets folder"
        }
        return nil
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
