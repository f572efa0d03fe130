/// A hash map from packed integer keys to `Int32` values (open addressing, multiplicative
/// hash): the hot paths' lookups by several ids packed into one `UInt64`, without `Hasher`.
public struct IntMap: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Int32]
    @usableFromInline var mask: Int
    public private(set) var count = 0
    @usableFromInline static var empty: UInt64 { UInt64.max }

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inlinable
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The value of `key` (not `UInt64.max`), if any.
    @inlinable
    public subscript(key: UInt64) -> Int32? {
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets `key` to `value` unless it has one already; true when it was set.
    @discardableResult
    public mutating func insertIfAbsent(_ key: UInt64, _ value: Int32) -> Bool {
        precondition(key != Self.empty)
        if (count + 1) * 2 > keys.count { grow() }
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return false }
            if k == Self.empty {
                keys[i] = key
                values[i] = value
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    /// Sets `key` to `value`.
    public mutating func set(_ key: UInt64, _ value: Int32) {
        if !insertIfAbsent(key, value) {
            var i = Self.slot(key, mask)
            while keys[i] != key { i = (i + 1) & mask }
            values[i] = value
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != Self.empty { insertIfAbsent(k, oldValues[i]) }
    }
}
