/// Texts a large export writes on every row (codes, ids, scopes), as CSV cells side by side in
/// one buffer: appending one copies its bytes without touching a reference count, which an array
/// of arrays does for every cell.
public struct CellBytes: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    /// The cells of `texts`, written as ``CSVWriter`` writes a text cell (quoted if need be, a
    /// formula neutralised).
    public init(_ texts: [String]) {
        for text in texts {
            bytes += CSVWriter.cellBytes(text)
            starts.append(bytes.count)
        }
    }

    /// Calls `body` with the cells readable by index (valid only inside `body`).
    public func withCells<R>(_ body: (Cells) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in try starts.withUnsafeBufferPointer { s in try body(Cells(bytes: b, starts: s)) } }
    }

    /// The cells, by index.
    public struct Cells {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>

        @inline(__always)
        public subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[i]..<starts[i + 1]])
        }
    }
}
