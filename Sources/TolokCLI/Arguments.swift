/// A usage error: exit code 2 with the message and a pointer to help.
struct UsageError: Error {
    var message: String
}

/// Hand-written argument parsing: `--name value`, `--name=value` and flags, nothing else.
struct Arguments {
    private var remaining: [String]

    init(_ arguments: [String]) { remaining = arguments }

    /// Removes and returns the value of option `name` (`--data DIR` or `--data=DIR`).
    mutating func value(_ name: String) throws(UsageError) -> String? {
        var found: String?
        var i = 0
        while i < remaining.count {
            let argument = remaining[i]
            if argument == name {
                guard i + 1 < remaining.count, !remaining[i + 1].hasPrefix("--") else {
                    throw UsageError(message: "\(name) needs a value")
                }
                found = remaining[i + 1]
                remaining.removeSubrange(i...(i + 1))
                continue
            }
            if argument.hasPrefix(name + "=") {
                found = String(argument.dropFirst(name.count + 1))
                remaining.remove(at: i)
                continue
            }
            i += 1
        }
        return found
    }

    /// Removes flag `name` and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        let before = remaining.count
        remaining.removeAll { $0 == name }
        return remaining.count != before
    }

    /// Fails on anything not consumed.
    func finish(command: String) throws(UsageError) {
        if let first = remaining.first {
            throw UsageError(message: first.hasPrefix("-")
                ? "unknown option '\(first)' for 'tolok \(command)'"
                : "unexpected argument '\(first)' for 'tolok \(command)'")
        }
    }
}
