import Testing
@testable import Tolok

@Suite("String pool")
struct StringPoolTests {
    @Test func internsEachDistinctStringOnce() {
        var pool = StringPool()
        let a = pool.intern("3509")
        let b = pool.intern("Kabupaten Jember")
        #expect(pool.intern("3509") == a)
        #expect(a != b)
        #expect(pool[b] == "Kabupaten Jember")
        #expect(pool.id(of: "3216") == nil)
        #expect(pool.count == 2)
    }

    @Test func survivesGrowth() {
        var pool = StringPool()
        let ids = (0..<5000).map { pool.intern("label \($0)") }
        #expect(Set(ids).count == 5000)
        #expect((0..<5000).allSatisfy { pool.id(of: "label \($0)") == ids[$0] })
        #expect(pool.intern("") == pool.intern(""))
    }

    @Test func rejectsInvalidUTF8() {
        var pool = StringPool()
        let bytes: [UInt8] = [0x41, 0xFF, 0x42]
        #expect(bytes.withUnsafeBufferPointer { pool.intern($0) } == nil)
    }

    @Test func mergeMapsSharedStringsToTheirIDsAndAddsTheRest() {
        var main = StringPool()
        let jember = main.intern("3509"), bekasi = main.intern("3216")
        var other = StringPool()
        let otherIDs = ["3275", "3509", "", "obs-0001", "3216"].map { other.intern($0) }
        let map = main.merge(other)
        #expect(map.count == other.count)
        #expect(map[Int(otherIDs[1])] == jember)
        #expect(map[Int(otherIDs[4])] == bekasi)
        // New strings are added once, in the other pool's order, and found again afterwards.
        #expect(main.count == 5)
        #expect(main[map[Int(otherIDs[0])]] == "3275")
        #expect(main[map[Int(otherIDs[3])]] == "obs-0001")
        #expect(main.id(of: "") == map[Int(otherIDs[2])])
        #expect(main.intern("obs-0001") == map[Int(otherIDs[3])])
        // Through growth: a pool of thousands merged into one of thousands.
        var big = StringPool(), more = StringPool()
        for i in 0..<3000 { big.intern("row \(i)") }
        for i in 2000..<6000 { more.intern("row \(i)") }
        let bigMap = big.merge(more)
        #expect(big.count == 6000)
        #expect((2000..<6000).allSatisfy { big.id(of: "row \($0)") == bigMap[$0 - 2000] })
        #expect(bigMap[0] == big.id(of: "row 2000") && big[bigMap[0]] == "row 2000")
    }
}
