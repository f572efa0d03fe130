import Foundation
import TolokModel

extension Table {
    /// Where a cell is: file, line and column. The column is found by reading that record
    /// again, so it costs nothing until a problem needs reporting.
    public func location(row: Int, field: Int) -> (file: String, line: Int, column: Int) {
        locations(of: [(row, field)])[0]
    }

    /// Where many cells are. Only their records are read, each from its first byte: a window
    /// that doubles until it holds the whole record (a quoted field may span lines). A file is
    /// opened once for a run of cells in it (the cells of a check come in row order).
    public func locations(of cells: [(row: Int, field: Int)]) -> [(file: String, line: Int, column: Int)] {
        var current: (file: Int, pieces: FileBytes.Pieces?) = (-1, nil)
        var fields: [CSVField] = []
        return cells.map { row, field in
            let file = Int(rowFile[row])
            let line = Int(rowLine[row])
            if current.file != file { current = (file, FileBytes.Pieces(fileURLs[file])) }
            guard let pieces = current.pieces else { return (files[file], line, 1) }
            var size = 4096
            while true {
                let window = pieces.bytes(at: Int(rowOffset[row]), count: size)
                var reader = CSVReader(bytes: window, position: 0, line: line)
                let read = reader.nextRecord(into: &fields) != nil
                // Whole when the record ended before the window did, or the file did.
                if read && reader.offset < window.count || window.count < size {
                    guard read, field < fields.count else { return (files[file], line, 1) }
                    return (files[file], fields[field].line, reader.column(of: fields[field]))
                }
                size *= 2
            }
        }
    }
}

extension Table {
    /// Appends the rows of `other`, whose text cells are ids of `otherPool`, interning its strings
    /// into `pool`; `other` is left without cells. On `threads > 1` the columns are joined side by
    /// side (each column is moved out of the table, joined on one thread and moved back: the same
    /// table), and each of `other`'s columns is freed on the thread that copied it (when `other`
    /// held its one reference).
    mutating func append(taking other: inout Table, from otherPool: StringPool, into pool: inout StringPool, threads: Int = 1) {
        let map = pool.merge(otherPool)
        let fileOffset = Int32(files.count)
        files += other.files
        fileURLs += other.fileURLs
        rowCount += other.rowCount
        // Each column copied whole, then the copied part renumbered in place (one tight pass, not
        // an append per element). A field not read has no cells.
        let texts = Self.joined(&self.texts, &other.texts) { ids, from in Self.renumber(&ids, from: from, by: map) }
        let numbers = Self.joined(&self.numbers, &other.numbers)
        let decimals = Self.joined(&self.decimals, &other.decimals)
        let integers = Self.joined(&self.integers, &other.integers)
        let booleans = Self.joined(&self.booleans, &other.booleans)
        let rowFile = Self.joinedColumn(&self.rowFile, &other.rowFile) { rows, from in
            for i in from..<rows.count { rows[i] += fileOffset }
        }
        let rowLine = Self.joinedColumn(&self.rowLine, &other.rowLine)
        let rowOffset = Self.joinedColumn(&self.rowOffset, &other.rowOffset)
        var tasks = texts.tasks
        tasks += numbers.tasks
        tasks += decimals.tasks
        tasks += integers.tasks
        tasks += booleans.tasks
        tasks += rowFile.tasks
        tasks += rowLine.tasks
        tasks += rowOffset.tasks
        ParallelTasks.run(threads: threads, tasks)
        self.texts = texts.columns
        self.numbers = numbers.columns
        self.decimals = decimals.columns
        self.integers = integers.columns
        self.booleans = booleans.columns
        self.rowFile = rowFile.columns[0]
        self.rowLine = rowLine.columns[0]
        self.rowOffset = rowOffset.columns[0]
    }

    /// Moves the strings of `ownPool`, which this table's text cells are ids of, into `pool`, and
    /// renumbers the cells in place: a table read into a pool of its own joins the others without
    /// a copy of its columns.
    mutating func moveStrings(from ownPool: StringPool, into pool: inout StringPool) {
        let map = pool.merge(ownPool)
        for c in texts.indices { texts[c].withUnsafeMutableBufferPointer { Self.renumber(&$0, from: 0, by: map) } }
    }

    /// The text cells of `ids` from `from` on given their ids in the pool they were merged into
    /// (`map`, by their old id); missing (-1) and unlisted (-2) cells stay as they are.
    private static func renumber(_ ids: inout UnsafeMutableBufferPointer<Int32>, from: Int, by map: [Int32]) {
        map.withUnsafeBufferPointer { map in
            for i in from..<ids.count where ids[i] >= 0 { ids[i] = map[Int(ids[i])] }
        }
    }

    /// The joining of columns of one type: each moved out of `columns` into a slot of its own
    /// (and each of `others` into another), a task per column that appends the other table's
    /// cells, runs `renumber` on them (with the index of the first) and lets the other column go,
    /// and the joined columns to read once the tasks have run.
    private final class JoinedColumns<Element: Sendable>: @unchecked Sendable {
        let slots: ParallelSlots<[Element]>
        var tasks: [@Sendable () -> Void] = []

        init(_ columns: inout [[Element]], _ others: inout [[Element]],
             renumber: @escaping @Sendable (inout UnsafeMutableBufferPointer<Element>, Int) -> Void) {
            slots = ParallelSlots(count: columns.count)
            let incoming = ParallelSlots<[Element]>(count: columns.count)
            for i in columns.indices {
                var moved: [Element] = []
                swap(&moved, &columns[i])
                slots[i] = moved
                var other: [Element] = []
                swap(&other, &others[i])
                incoming[i] = other
                tasks.append { [slots] in
                    var column = slots.take(i)!  // the one reference, so the append grows it in place
                    let other = incoming.take(i)!  // freed here, on this thread, once appended
                    let from = column.count
                    column += other
                    if from < column.count { column.withUnsafeMutableBufferPointer { renumber(&$0, from) } }
                    slots[i] = column
                }
            }
        }

        var columns: [[Element]] { (0..<tasks.count).map { slots[$0]! } }
    }

    private static func joined<Element: Sendable>(_ columns: inout [[Element]], _ others: inout [[Element]],
                                                  renumber: @escaping @Sendable (inout UnsafeMutableBufferPointer<Element>, Int) -> Void = { _, _ in })
        -> JoinedColumns<Element> {
        JoinedColumns(&columns, &others, renumber: renumber)
    }

    private static func joinedColumn<Element: Sendable>(_ column: inout [Element], _ other: inout [Element],
                                                  renumber: @escaping @Sendable (inout UnsafeMutableBufferPointer<Element>, Int) -> Void = { _, _ in })
        -> JoinedColumns<Element> {
        var columns = [column], others = [other]
        column = []
        other = []
        return JoinedColumns(&columns, &others, renumber: renumber)
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
