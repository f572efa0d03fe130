/// A problem found in the datasets, with where it is.
///
/// Printed as `path:LINE:COLUMN: error: message`, the form compilers use, so editors and
/// terminals can jump to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The file as the user named it (e.g. `datasets/observations/004-kab-jember-lkip-2023.csv`).
    public var file: String
    /// 1-based line, when the problem is in a line.
    public var line: Int?
    /// 1-based character column, when known.
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return Self.printable("\(location): \(severity.rawValue): \(message)")
    }

    /// `text` with control characters written as `\u{…}`: a message quotes the datasets, and an
    /// escape sequence in a cell must not reach the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

extension [Diagnostic] {
    /// Number of errors.
    public var errorCount: Int { count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { count { $0.severity == .warning } }
}
