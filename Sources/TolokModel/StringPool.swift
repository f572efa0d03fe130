import Foundation

/// Interns strings: each distinct text is stored once, as UTF-8 bytes, and named by a dense
/// `Int32` id.
///
/// Columns of text hold ids, so comparing codes, grouping and key checks are integer work, and a
/// million rows of a few hundred district codes and labels hold a few hundred strings. Interning
/// works on raw bytes (open addressing, a word-at-a-time hash) and keeps only the bytes: a `String`
/// is made when one is asked for (``subscript(_:)``), and writers copy the bytes straight
/// (``withBytes(_:_:)``), so a million distinct record ids cost their bytes, not a million objects.
public struct StringPool: Sendable {
    private var arena: [UInt8] = []
    /// Start of each string in ``arena``; the last entry is the arena's end.
    private var starts: [UInt32] = [0]
    /// Hash of each string (so growing and merging never hash again, and a probe compares hashes first).
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    public init() {}

    /// Number of distinct strings.
    public var count: Int { starts.count - 1 }

    /// The string with id `id`.
    public subscript(id: Int32) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of string `id`.
    public func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Byte length of string `id`.
    public func byteCount(_ id: Int32) -> Int { Int(starts[Int(id) + 1] - starts[Int(id)]) }

    /// The id of `text`, interning it if new.
    @discardableResult
    public mutating func intern(_ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { intern($0)! }
    }

    /// The id of `text` if it was interned, without interning it.
    public func id(of text: String) -> Int32? {
        var copy = text
        return copy.withUTF8 { find($0, hash: Self.hash($0)) }
    }

    /// The id of the UTF-8 `bytes` if they were interned, without interning them.
    public func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? { find(bytes, hash: Self.hash(bytes)) }

    /// The id of the UTF-8 `bytes`, interning them if new; `nil` if they are not valid UTF-8.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(bytes)
        if let id = find(bytes, hash: h) { return id }
        guard Self.isValidUTF8(bytes) else { return nil }
        return append(bytes, hash: h)
    }

    /// Adds `bytes` (known to be new and valid UTF-8) as a new string.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        precondition(arena.count <= Int(UInt32.max), "string pool over 4 GiB")
        starts.append(UInt32(arena.count))
        hashes.append(h)
        if count * 2 > slots.count { grow() }
        insert(id, hash: h)
        return id
    }

    /// Interns every string of `other` (the pool of a table read on another thread): the ids
    /// they have here, by their id in `other`. Their hashes are taken from `other`, and their
    /// bytes are known to be valid, so each costs one probe.
    public mutating func merge(_ other: StringPool) -> [Int32] {
        reserveCapacity(strings: other.count, bytes: other.byteCount)
        var map = [Int32](repeating: -1, count: other.count)
        other.arena.withUnsafeBufferPointer { otherArena in
            for id in 0..<other.count {
                let start = Int(other.starts[id]), end = Int(other.starts[id + 1])
                let bytes = UnsafeBufferPointer(rebasing: otherArena[start..<end])
                let h = other.hashes[id]
                map[id] = find(bytes, hash: h) ?? append(bytes, hash: h)
            }
        }
        return map
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        return arena.withUnsafeBufferPointer { arenaBuffer -> Int32? in
            slots.withUnsafeBufferPointer { slots -> Int32? in
                starts.withUnsafeBufferPointer { starts -> Int32? in
                    hashes.withUnsafeBufferPointer { hashes -> Int32? in
                        while true {
                            let id = slots[slot]
                            if id < 0 { return nil }
                            if hashes[Int(id)] == h {
                                let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
                                if end - start == bytes.count
                                    && (bytes.count == 0 || memcmp(arenaBuffer.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0) {
                                    return id
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    private mutating func insert(_ id: Int32, hash h: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow(to size: Int? = nil) {
        slots = Array(repeating: -1, count: size ?? slots.count * 2)
        for id in 0..<count { insert(Int32(id), hash: hashes[id]) }
    }

    /// Makes room for `strings` more strings of `bytes` bytes in all.
    public mutating func reserveCapacity(strings: Int, bytes: Int) {
        arena.reserveCapacity(arena.count + bytes)
        starts.reserveCapacity(starts.count + strings)
        hashes.reserveCapacity(hashes.count + strings)
        var size = slots.count
        while (count + strings) * 2 > size { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    /// Total bytes of the strings.
    public var byteCount: Int { arena.count }

    /// A fast hash of bytes: eight at a time, multiply-mix (not for security).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
        // Murmur3's finaliser: every input bit reaches the low bits the slots are taken from.
        h ^= tail
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
