import Foundation

/// Interns strings: each distinct text is stored once and named by a dense `Int32` id.
///
/// Columns of text hold ids, so comparing codes, grouping and key checks are integer work, and
/// a million rows of a few hundred district codes and labels hold a few hundred strings.
/// Interning works on raw bytes (open addressing, FNV-1a) so the loader never builds a `String`
/// for a value it has seen before.
public struct StringPool: Sendable {
    /// The distinct strings, by id.
    public private(set) var strings: [String] = []
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    public init() {}

    /// Number of distinct strings.
    public var count: Int { strings.count }

    /// The string with id `id`.
    public subscript(id: Int32) -> String { strings[Int(id)] }

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

    /// The id of the UTF-8 `bytes`, interning them if new; `nil` if they are not valid UTF-8.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(bytes)
        if let id = find(bytes, hash: h) { return id }
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        let id = Int32(strings.count)
        strings.append(string)
        starts.append(arena.count)
        arena.append(contentsOf: bytes)
        hashes.append(h)
        if strings.count * 2 > slots.count { grow() }
        insert(id, hash: h)
        return id
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        return arena.withUnsafeBufferPointer { arenaBuffer -> Int32? in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                let index = Int(id)
                if hashes[index] == h {
                    let start = starts[index]
                    let end = index + 1 < starts.count ? starts[index + 1] : arena.count
                    if end - start == bytes.count {
                        if bytes.count == 0 { return id }
                        if memcmp(arenaBuffer.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 { return id }
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func insert(_ id: Int32, hash h: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0..<strings.count { insert(Int32(id), hash: hashes[id]) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }
}
