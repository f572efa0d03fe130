import Foundation
import Testing
import Tolok

/// A datasets folder holding one references file with `body`, loaded.
private func loadReferences(_ body: String) throws -> Dataset {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolok-loader-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let schema = """
    {"fields": [{"name": "id", "type": "string"}, {"name": "year", "type": "integer"}, {"name": "value", "type": "number"},
                {"name": "derived", "type": "boolean"}, {"name": "note", "type": "string", "constraints": {"enum": ["a", "b"]}}]}
    """
    try schema.write(to: folder.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
    try body.write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
    try #"{"resources": [{"name": "r", "path": "r.csv", "schema": "r.json"}]}"#.write(to: folder.appendingPathComponent("datapackage.json"), atomically: true, encoding: .utf8)
    let result = DatasetLoader.load(directory: folder.path, kinds: ["r"])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.dataset)
}

@Suite("Table loader")
struct TableLoaderTests {
    /// A clean file is read by the fast path; the same content with CRLF line ends by the full
    /// reader. Both give the same table.
    @Test func fastPathAndFullReaderAgree() throws {
        let rows = ["x1,2023,66.22,true,a", "x2,2024,,false,", "x3,,8.870,,b", "x4,2022,-0.5,true,a"]
        let clean = try loadReferences("id,year,value,derived,note\n" + rows.joined(separator: "\n") + "\n")
        let crlf = try loadReferences("id,year,value,derived,note\r\n" + rows.joined(separator: "\r\n") + "\r\n")
        for dataset in [clean, crlf] {
            let t = try #require(dataset.tables["r"])
            #expect(t.rowCount == 4)
            #expect(t.textIDs(0).map { dataset.pool[$0] } == ["x1", "x2", "x3", "x4"])
            #expect(t.integers(1) == [2023, 2024, Int64.min, 2022])
            #expect(t.numbers(2).map { $0.isNaN ? -999 : $0 } == [66.22, -999, 8.87, -0.5])
            #expect(t.decimalCounts(2) == [2, -1, 3, 1])
            #expect(t.booleans(3) == [1, 0, -1, 1])
            #expect(t.textIDs(4).map { $0 < 0 ? "" : dataset.pool[$0] } == ["a", "", "b", "a"])
            #expect(t.rowLine == [2, 3, 4, 5])
        }
    }

    /// A cell's line and column are found by reading its record again, and only that: a record
    /// of 11,000 bytes over three lines (read in a window that grows), a character of two bytes
    /// before the cell, the last record without a final newline.
    @Test func aCellIsLocatedFromItsRecordAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolok-locations-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schema = #"{"fields": [{"name": "id", "type": "string"}, {"name": "year", "type": "integer"}, {"name": "value", "type": "number"}]}"#
        try schema.write(to: folder.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        let ys = String(repeating: "y", count: 6000), zs = String(repeating: "z", count: 5000)
        let long: String = "\"é\(ys)\n\(zs)\nzz\""
        let body: String = "id,year,value\né1,2023,66.22\n\(long),2024,2.5\nx3,2023,1"
        try body.write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        try #"{"resources": [{"name": "r", "path": "r.csv", "schema": "r.json"}]}"#.write(to: folder.appendingPathComponent("datapackage.json"), atomically: true, encoding: .utf8)
        let result = DatasetLoader.load(directory: folder.path, kinds: ["r"])
        let table = try #require(result.dataset?.tables["r"])
        #expect(table.rowCount == 3 && table.rowLine == [2, 3, 6])
        let found = table.locations(of: [(0, 2), (1, 2), (1, 1), (2, 2), (1, 0)])
        #expect(found.map(\.line) == [2, 5, 5, 6, 3])
        #expect(found.map(\.column) == [9, 10, 5, 9, 1])
        #expect(found.allSatisfy { $0.file.hasSuffix("r.csv") })
    }

    @Test func aFileWithoutAFinalNewlineIsWhole() throws {
        let t = try #require(try loadReferences("id,year,value,derived,note\nx1,2023,1,true,a\nx2,2024,2,false,b").tables["r"])
        #expect(t.rowCount == 2 && t.rowLine == [2, 3])
    }
}
