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
            if bytesOfFile[file] == nil { bytesOfFile[file] = (try? FileBytes.read(fileURLs[file])) ?? [] }
            var reader = CSVReader(bytes: bytesOfFile[file]!, position: rowOffset[row], line: line)
            if !reader.isAtEnd, reader.nextRecord(into: &fields) != nil, field < fields.count {
                return (files[file], fields[field].line, reader.column(of: fields[field]))
            }
            return (files[file], line, 1)
        }
    }
}

extension Table {
    /// Appends the rows of `other`, whose text cells are ids of `otherPool`, interning its strings
    /// into `pool`.
    mutating func append(_ other: Table, from otherPool: StringPool, into pool: inout StringPool) {
        let map = pool.merge(otherPool)
        let fileOffset = Int32(files.count)
        files += other.files
        fileURLs += other.fileURLs
        // Each column copied whole, then the copied part renumbered in place (one tight pass,
        // not an append per element).
        let start = rowCount
        rowFile += other.rowFile
        rowFile.withUnsafeMutableBufferPointer { rows in
            for i in start..<rows.count { rows[i] += fileOffset }
        }
        rowLine += other.rowLine
        rowOffset += other.rowOffset
        rowCount += other.rowCount
        // Missing (-1) and unlisted (-2) cells stay as they are.
        map.withUnsafeBufferPointer { map in
            for slot in texts.indices {
                // (A field not read has no cells.)
                let from = texts[slot].count
                texts[slot] += other.texts[slot]
                texts[slot].withUnsafeMutableBufferPointer { ids in
                    for i in from..<ids.count where ids[i] >= 0 { ids[i] = map[Int(ids[i])] }
                }
            }
        }
        for slot in numbers.indices { numbers[slot] += other.numbers[slot]; decimals[slot] += other.decimals[slot] }
        for slot in integers.indices { integers[slot] += other.integers[slot] }
        for slot in booleans.indices { booleans[slot] += other.booleans[slot] }
    }
}

extension Table {
    /// Makes room in every read column for `rows` rows.
    mutating func reserveCapacity(rows: Int) {
        rowFile.reserveCapacity(rows)
        rowLine.reserveCapacity(rows)
        rowOffset.reserveCapacity(rows)
        for (f, field) in schema.fields.enumerated() where loaded[f] {
            switch field.type {
            case .string: texts[slots[f]].reserveCapacity(rows)
            case .number: numbers[slots[f]].reserveCapacity(rows); decimals[slots[f]].reserveCapacity(rows)
            case .integer: integers[slots[f]].reserveCapacity(rows)
            case .boolean: booleans[slots[f]].reserveCapacity(rows)
            }
        }
    }
}
