/// Where each field of a *clean* CSV file ends: the byte offset of every comma and line feed, in
/// order, found eight bytes at a time. A clean file has no quote, no carriage return and no NUL
/// byte, so every comma ends a field and every line feed a record; anything else is left to the
/// full reader (``CSVReader``), which reports each problem with its line and column.
final class FieldEnds {
    /// Offsets of the commas and line feeds; a last record without a line feed ends at the end of
    /// the bytes.
    private(set) var offsets: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    /// How many of them end a record (line feeds, and the end of a last record without one).
    private(set) var recordEnds = 0
    private var capacity = 1 << 16

    init() { offsets = .allocate(capacity: capacity) }

    deinit { offsets.deallocate() }

    /// Finds the field ends of `bytes[start...]` (reusing the memory of the previous file's);
    /// false when the bytes are not clean (or the file is 2 GiB or more).
    func find(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        count = 0
        recordEnds = 0
        guard let base = bytes.baseAddress, bytes.count < Int(Int32.max) - 1 else { return false }
        let end = bytes.count
        if end - start + 1 > capacity {
            offsets.deallocate()
            capacity = end - start + 1
            offsets = .allocate(capacity: capacity)
        }
        let out = offsets
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each byte of `x` that is zero, exactly (no borrow between bytes).
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        /// The high bit of some bytes of `x` that are zero (never of none, when one is).
        @inline(__always) func someZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let comma = ones &* UInt64(Byte.comma), lf = ones &* UInt64(Byte.lf)
        let quote = ones &* UInt64(Byte.quote), cr = ones &* UInt64(Byte.cr)
        var n = 0
        var i = start
        var clean = true
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // A quote, a carriage return or a NUL: one test for the three.
            if (someZero(w ^ quote) | someZero(w ^ cr) | someZero(w)) & high != 0 { clean = false; break }
            let lines = zeroBytes(w ^ lf)
            var mask = zeroBytes(w ^ comma) | lines
            if lines != 0 { recordEnds &+= lines.nonzeroBitCount }
            while mask != 0 {
                out[n] = Int32(truncatingIfNeeded: i + mask.trailingZeroBitCount >> 3)
                n += 1
                mask &= mask &- 1
            }
            i += 8
        }
        while clean && i < end {
            let c = base[i]
            if c == Byte.quote || c == Byte.cr || c == 0 { clean = false; break }
            if c == Byte.comma || c == Byte.lf { out[n] = Int32(truncatingIfNeeded: i); n += 1 }
            if c == Byte.lf { recordEnds += 1 }
            i += 1
        }
        guard clean else { return false }
        if end > start, base[end - 1] != Byte.lf { out[n] = Int32(truncatingIfNeeded: end); n += 1; recordEnds += 1 }
        count = n
        return true
    }
}
