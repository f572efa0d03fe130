import Foundation
import TolokModel

extension Table {
    /// Where a cell is: file, line and column. The column is found by reading that record
    /// again, so it costs nothing until a problem needs reporting.
    public func location(row: Int, field: Int) -> (file: String, line: Int, column: Int) {
        locations(of: [(row, field)])[0]
    }

    /// Where many cells are, reading each file once however many cells it holds.
    public func locations(of cells: [(row: Int, field: Int)]) -> [(file: String, line: Int, column: Int)] {
        var bytesOfFile: [Int: [UInt8]] = [:]
        var fields: [CSVField] = []
        return cells.map { row, field in
            let file = Int(rowFile[row])
            let line = Int(rowLine[row])
            if bytesOfFile[file] == nil { bytesOfFile[file] = (try? [UInt8](Data(contentsOf: fileURLs[file]))) ?? [] }
            var reader = CSVReader(bytes: bytesOfFile[file]!, position: rowOffset[row], line: line)
            if !reader.isAtEnd, reader.nextRecord(into: &fields) != nil, field < fields.count {
                return (files[file], fields[field].line, reader.column(of: fields[field]))
            }
            return (files[file], line, 1)
        }
    }
}
