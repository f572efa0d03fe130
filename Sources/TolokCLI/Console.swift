import Foundation

/// Where a command writes: standard output and standard error, replaceable in tests.
public struct Console {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// True when standard output is a terminal (tables rather than CSV, progress lines).
    public var isTerminal: Bool

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, isTerminal: Bool) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
    }

    /// The process's own standard output and error.
    public static func standard() -> Console {
        Console(
            out: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            err: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) },
            isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
