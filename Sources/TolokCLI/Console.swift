import Foundation

/// Where a command writes: standard output and standard error, replaceable in tests.
public struct Console {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// True when standard output is a terminal (tables rather than CSV, progress lines).
    public var isTerminal: Bool
    /// Characters per line for tables people read: `$COLUMNS`, else the terminal's width, else 100.
    public var width: Int

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, isTerminal: Bool, width: Int = 100) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
        self.width = width
    }

    /// The process's own standard output and error.
    public static func standard() -> Console {
        let terminal = isatty(STDOUT_FILENO) == 1
        return Console(
            out: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            err: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) },
            isTerminal: terminal, width: terminalWidth(isTerminal: terminal))
    }

    /// `$COLUMNS` when set to a number, else the terminal's columns (TIOCGWINSZ), else 100.
    static func terminalWidth(isTerminal: Bool) -> Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns >= 20 { return columns }
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        }
        return 100
    }
}
