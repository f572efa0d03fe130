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
}
