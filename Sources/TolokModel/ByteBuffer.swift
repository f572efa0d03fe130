/// A growable byte buffer written through a raw pointer: what the writers build CSV in, a byte
/// at a time without an array's per-call checks.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var _count = 0
    /// Bytes written so far.
    public var count: Int { _count }
    @usableFromInline var capacity: Int
    /// Rows ended in the buffer since it was last emptied: a CSV writer counts each row it ends
    /// here (TolokOutput's `CSVRow`), so that what writes the buffer can say how many rows it wrote.
    public var rowsEnded = 0

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes.
    @inlinable
    public mutating func reserve(_ n: Int) {
        if _count + n > capacity { grow(_count + n) }
    }

    @usableFromInline
    mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: _count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[_count] = byte
        _count += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress {
            // Codes and ids are a few bytes: a loop beats a call to memcpy.
            if bytes.count <= 16 {
                for i in 0..<bytes.count { base[_count + i] = source[i] }
            } else {
                (base + _count).update(from: source, count: bytes.count)
            }
        }
        _count += bytes.count
    }

    @inlinable
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    public mutating func append(_ text: String) {
        var copy = text
        copy.withUTF8 { append($0) }
    }

    /// Writes up to `maximum` bytes at the end through `body`, which returns how many it wrote.
    @inlinable
    public mutating func write(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        _count += body(base + _count)
    }

    /// Empties the buffer (bytes and ``rowsEnded``), keeping its memory.
    public mutating func removeAll() {
        _count = 0
        rowsEnded = 0
    }

    /// The bytes so far.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: _count))
    }

    /// The bytes so far, as an array.
    public var array: [UInt8] { withBytes { Array($0) } }
}
