import Foundation
import TolokModel

/// Reads one CSV file into a ``Table``, converting and checking every cell against the schema.
///
/// Every problem is reported (not only the first); a bad cell becomes missing so the rest of the
/// row still loads. Keys and references between tables are checked later, by
/// ``DatasetLoader``, once every file is in.
struct TableLoader {
    var pool: StringPool
    var diagnostics: [Diagnostic] = []
    private var patterns: [String: NSRegularExpression] = [:]
    /// Memory reused from file to file.
    private let scratch = LoaderScratch()
    /// The bytes of the table's files still to come and read so far, to size its columns once.
    private var expectedBytes = 0, bytesRead = 0, reserved = false

    /// Announces that the next files, of one table, hold `bytes` bytes in all: after the first
    /// file the table's columns are sized for all of them (no growing, copying, faulting in).
    mutating func expect(bytes: Int) {
        expectedBytes = bytes
        bytesRead = 0
        reserved = false
    }

    init(pool: StringPool) { self.pool = pool }

    /// Appends the rows of the file at `url` (shown to the user as `shownAs`) to `table`.
    mutating func append(file url: URL, shownAs: String, to table: inout Table) {
        do { try FileBytes.read(url, into: &scratch.bytes) } catch {
            diagnostics.append(Diagnostic(.error, file: shownAs, "cannot read the file: \(error.message)"))
            return
        }
        let bytes = scratch.bytes
        if let problem = bytes.withUnsafeBufferPointer({ TextEncoding.problem(in: $0) }) {
            let at = bytes.withUnsafeBufferPointer { TextEncoding.position(of: problem.offset, in: $0) }
            diagnostics.append(Diagnostic(.error, file: shownAs, line: at.line, column: at.column, problem.message + "; the file is not read"))
            return
        }
        var reader = CSVReader(bytes: bytes)
        var fields: [CSVField] = []
        let schema = table.schema
        guard let headerLine = reader.nextRecord(into: &fields) else {
            diagnostics.append(Diagnostic(.error, file: shownAs, line: 1, column: 1, "empty file: a header line is required"))
            return
        }
        if fields.count == 1, fields[0].isEmpty, !fields[0].isQuoted {
            diagnostics.append(Diagnostic(.error, file: shownAs, line: 1, column: 1, "the first line is blank: the file must start with its header"))
            return
        }
        guard checkHeader(fields, reader: reader, line: headerLine, schema: schema, file: shownAs) else {
            report(reader.problems, file: shownAs)
            return
        }
        let fileIndex = Int32(table.files.count)
        table.files.append(shownAs)
        table.fileURLs.append(url)
        defer {
            bytesRead += bytes.count
            if !reserved, table.rowCount > 0, expectedBytes > bytesRead {
                reserved = true
                table.reserveCapacity(rows: table.rowCount + Int(Double(expectedBytes - bytesRead) * Double(table.rowCount) / Double(bytesRead) * 1.02) + 16)
            }
        }
        if appendClean(bytes, from: reader.offset, file: fileIndex, to: &table) { return }
        let fieldCount = schema.fields.count
        var scratch: [UInt8] = []
        // Per field: text ids already checked against the field's enum/pattern, and the verdict.
        var verdicts = Array(repeating: [Int32: String?](), count: fieldCount)
        let types = schema.fields.map(\.type)
        let required = schema.fields.map(\.required)
        let loaded = table.loaded
        let bounded = schema.fields.map { $0.minimum != nil || $0.maximum != nil }
        table.rowFile.reserveCapacity(table.rowCount + bytes.count / 64)
        // Per text field: the previous cell's bytes (start, length) and id. Columns such as the
        // district, the document or the level repeat row after row: a repeat costs one compare.
        var previousStart = [Int](repeating: 0, count: fieldCount)
        var previousLength = [Int](repeating: -1, count: fieldCount)
        var previousID = [Int32](repeating: -1, count: fieldCount)
        var recordOffset = reader.offset
        // A run of blank lines is one warning, however long (ten million empty lines stay cheap).
        var blankStart = 0, blankCount = 0
        func reportBlankLines() {
            guard blankCount > 0 else { return }
            diagnostics.append(Diagnostic(.warning, file: shownAs, line: blankStart, column: 1, blankCount == 1
                ? "blank line skipped" : "\(blankCount) blank lines skipped (lines \(blankStart)–\(blankStart + blankCount - 1))"))
            blankCount = 0
        }
        bytes.withUnsafeBufferPointer { all in
            while let line = reader.nextRecord(into: &fields) {
                defer { recordOffset = reader.offset }
                if fields.count == 1 && fields[0].isEmpty && !fields[0].isQuoted && fieldCount > 1 {
                    if blankCount > 0 && blankStart + blankCount == line {
                        blankCount += 1
                    } else {
                        reportBlankLines()
                        blankStart = line
                        blankCount = 1
                    }
                    continue
                }
                reportBlankLines()
                if fields.count != fieldCount {
                    let column = fields.count > fieldCount ? reader.column(of: fields[fieldCount]) : reader.column(of: fields[fields.count - 1])
                    diagnostics.append(Diagnostic(.error, file: shownAs, line: line, column: column,
                        "the record has \(fields.count) fields, the header \(fieldCount)"))
                }
                table.rowCount += 1
                table.rowFile.append(fileIndex)
                table.rowLine.append(Int32(clamping: line))
                table.rowOffset.append(recordOffset)
                for f in 0..<fieldCount where loaded[f] {
                    let slot = table.slots[f]
                    guard f < fields.count, !fields[f].isEmpty else {
                        if required[f] {
                            let spec = schema.fields[f]
                            let column = f < fields.count ? reader.column(of: fields[f]) : 1
                            diagnostics.append(Diagnostic(.error, file: shownAs, line: f < fields.count ? fields[f].line : line, column: column,
                                "required field '\(spec.name)' is empty"))
                        }
                        appendMissing(types[f], slot: slot, to: &table)
                        continue
                    }
                    let field = fields[f]
                    if field.contentEnd - field.contentStart > Self.maximumCellBytes {
                        diagnostics.append(Diagnostic(.error, file: shownAs, line: field.line, column: reader.column(of: field),
                            "\(schema.fields[f].name): the cell is \(field.contentEnd - field.contentStart) bytes long; a cell holds at most \(Self.maximumCellBytes) (a closing quote missing?)"))
                        appendMissing(types[f], slot: slot, to: &table)
                        continue
                    }
                    if !field.hasEscapedQuotes {
                        let start = field.contentStart, length = field.contentEnd - field.contentStart
                        switch types[f] {
                        case .number:
                            // The hot path: numbers straight from the file's bytes.
                            if let parsed = try? NumberParser.parse(UnsafeBufferPointer(rebasing: all[start..<field.contentEnd])),
                               !bounded[f] || schema.fields[f].allows(parsed.value) {
                                table.numbers[slot].append(parsed.value)
                                table.decimals[slot].append(Int8(clamping: parsed.decimals))
                                continue
                            }
                        case .string:
                            if length == previousLength[f], memcmp(all.baseAddress! + start, all.baseAddress! + previousStart[f], length) == 0 {
                                table.texts[slot].append(previousID[f])
                                continue
                            }
                        default:
                            break
                        }
                    }
                    let spec = schema.fields[f]
                    if field.hasEscapedQuotes {
                        scratch.removeAll(keepingCapacity: true)
                        var i = field.contentStart
                        while i < field.contentEnd {
                            scratch.append(all[i])
                            i += (all[i] == Byte.quote && i + 1 < field.contentEnd && all[i + 1] == Byte.quote) ? 2 : 1
                        }
                        scratch.withUnsafeBufferPointer { cell in
                            convert(cell, field: field, spec: spec, slot: slot, lookedUp: table.lookedUp[f], reader: reader, file: shownAs,
                                    verdicts: &verdicts[f], table: &table)
                        }
                        previousLength[f] = -1
                    } else {
                        let cell = UnsafeBufferPointer(rebasing: all[field.contentStart..<field.contentEnd])
                        let problems = diagnostics.count
                        convert(cell, field: field, spec: spec, slot: slot, lookedUp: table.lookedUp[f], reader: reader, file: shownAs,
                                verdicts: &verdicts[f], table: &table)
                        // Only a cell that passed its checks is reused (a bad one is reported every time).
                        if types[f] == .string, diagnostics.count == problems, let id = table.texts[slot].last, id >= 0 {
                            previousStart[f] = field.contentStart
                            previousLength[f] = field.contentEnd - field.contentStart
                            previousID[f] = id
                        }
                    }
                }
            }
        }
        reportBlankLines()
        report(reader.problems, file: shownAs)
    }

    /// The fast path for a clean file: no quotes, no CR, no NUL, no blank line, every record of
    /// the header's width and every cell valid. The field ends are found eight bytes at a time
    /// (``FieldEnds``) and the cells of the fields read go straight from the bytes into
    /// preallocated columns. Anything else returns false, having added no row, and the file is
    /// read again by the full reader, which reports every problem with its line and column.
    private mutating func appendClean(_ bytes: [UInt8], from dataStart: Int, file: Int32, to table: inout Table) -> Bool {
        let schema = table.schema
        let fieldCount = schema.fields.count
        let loaded = table.loaded
        let types = schema.fields.map(\.type), required = zip(schema.fields, loaded).map { $0.required && $1 }
        let checked = schema.fields.map { $0.allowedValues != nil || $0.pattern != nil }
        let lookedUp = table.lookedUp
        let ranges = schema.fields.map(\.integerRange)
        let bounded = schema.fields.map { $0.minimum != nil || $0.maximum != nil }
        let ends = scratch.ends
        return bytes.withUnsafeBufferPointer { all -> Bool in
            guard let base = all.baseAddress, fieldCount > 0 else { return true }
            guard ends.find(all, from: dataStart), ends.count % fieldCount == 0 else { return false }
            let rows = ends.count / fieldCount
            let end = all.count
            // Columns for this file, filled by row (in the loader's scratch memory).
            scratch.prepare(fields: fieldCount, rows: rows)
            let texts = scratch.columns.map { $0.assumingMemoryBound(to: Int32.self) }
            let numbers = scratch.columns.map { $0.assumingMemoryBound(to: Double.self) }
            let integers = scratch.columns.map { $0.assumingMemoryBound(to: Int64.self) }
            let decimals = scratch.smalls, booleans = scratch.smalls
            let lineOfRow = scratch.lines, offsetOfRow = scratch.offsets
            // Per text field: the previous cell's start, length and id (a repeat costs one compare).
            var previousStart = [Int](repeating: 0, count: fieldCount)
            var previousLength = [Int](repeating: -1, count: fieldCount)
            var previousID = [Int32](repeating: -1, count: fieldCount)
            var accepted: [Set<Int32>] = Array(repeating: [], count: fieldCount)
            // One record end per record, each a record's last field: then no other field holds one.
            guard ends.recordEnds == rows else { return false }
            let offsets = ends.offsets
            let read = (0..<fieldCount).filter { loaded[$0] }
            for row in 0..<rows {
                let first = row * fieldCount
                let rowStart = row == 0 ? dataStart : Int(offsets[first - 1]) + 1
                let last = Int(offsets[first + fieldCount - 1])
                guard last == end || base[last] == Byte.lf else { return false }
                lineOfRow[row] = Int32(clamping: row + 2)
                offsetOfRow[row] = rowStart
                for f in read {
                    let cellStart = f == 0 ? rowStart : Int(offsets[first + f - 1]) + 1
                    let cellEnd = Int(offsets[first + f])
                    let length = cellEnd - cellStart
                    guard length <= Self.maximumCellBytes else { return false }
                    if length == 0 {
                        if required[f] { return false }
                        switch types[f] {
                        case .string: texts[f][row] = -1
                        case .number: numbers[f][row] = .nan; decimals[f][row] = -1
                        case .integer: integers[f][row] = Int64.min
                        case .boolean: booleans[f][row] = -1
                        }
                        continue
                    }
                    let cell = base + cellStart
                    switch types[f] {
                    case .string:
                        if length == previousLength[f], Self.sameBytes(cell, base + previousStart[f], length) {
                            texts[f][row] = previousID[f]
                        } else {
                            let bytes = UnsafeBufferPointer(start: cell, count: length)
                            guard let id = lookedUp[f] ? pool.id(of: bytes) ?? Table.unlisted : pool.intern(bytes) else { return false }
                            if checked[f] && id >= 0 && !accepted[f].contains(id) {
                                guard check(id, spec: schema.fields[f], in: pool) == nil else { return false }
                                accepted[f].insert(id)
                            }
                            texts[f][row] = id
                            previousStart[f] = cellStart
                            previousLength[f] = length
                            previousID[f] = id
                        }
                    case .number:
                        if let (value, places) = Self.quickNumber(cell, length) {
                            guard !bounded[f] || schema.fields[f].allows(value) else { return false }
                            numbers[f][row] = value
                            decimals[f][row] = places
                        } else {
                            guard let n = try? NumberParser.parse(UnsafeBufferPointer(start: cell, count: length)),
                                  !bounded[f] || schema.fields[f].allows(n.value) else { return false }
                            numbers[f][row] = n.value
                            decimals[f][row] = Int8(clamping: n.decimals)
                        }
                    case .integer:
                        guard let n = Self.parseInteger(UnsafeBufferPointer(start: cell, count: length)), ranges[f].contains(n) else { return false }
                        integers[f][row] = n
                    case .boolean:
                        if length == 4 && memcmp(cell, "true", 4) == 0 {
                            booleans[f][row] = 1
                        } else if length == 5 && memcmp(cell, "false", 5) == 0 {
                            booleans[f][row] = 0
                        } else {
                            return false
                        }
                    }
                }
            }
            // Clean: the columns join the table (strings a refused file interned stay in the pool, unused).
            for f in 0..<fieldCount where loaded[f] {
                let slot = table.slots[f]
                switch types[f] {
                case .string: table.texts[slot].append(contentsOf: UnsafeBufferPointer(start: texts[f], count: rows))
                case .number:
                    table.numbers[slot].append(contentsOf: UnsafeBufferPointer(start: numbers[f], count: rows))
                    table.decimals[slot].append(contentsOf: UnsafeBufferPointer(start: decimals[f], count: rows))
                case .integer: table.integers[slot].append(contentsOf: UnsafeBufferPointer(start: integers[f], count: rows))
                case .boolean: table.booleans[slot].append(contentsOf: UnsafeBufferPointer(start: booleans[f], count: rows))
                }
            }
            table.rowFile.append(contentsOf: repeatElement(file, count: rows))
            table.rowLine.append(contentsOf: UnsafeBufferPointer(start: lineOfRow, count: rows))
            table.rowOffset.append(contentsOf: UnsafeBufferPointer(start: offsetOfRow, count: rows))
            table.rowCount += rows
            return true
        }
    }

    /// Whether `n` bytes at `a` and `b` are equal (eight at a time).
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n < 8 {
            for i in 0..<n where a[i] != b[i] { return false }
            return true
        }
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        return i == n || UnsafeRawPointer(a + n - 8).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + n - 8).loadUnaligned(as: UInt64.self)
    }

    /// The common canonical number (`-?[0-9]+(.[0-9]+)?`, at most fifteen digits) and its
    /// decimals, as ``NumberParser`` reads it; `nil` for anything else (which the parser then
    /// reads, or rejects with its reason).
    @inline(__always)
    static func quickNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> (Double, Int8)? {
        var i = 0
        let negative = p[0] == Byte.minus
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, integerDigits = 0
        var dot = -1
        while i < n {
            let d = p[i] &- Byte.zero
            if d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                digits += 1
            } else if p[i] == Byte.dot, dot < 0, digits > 0 {
                dot = i
                integerDigits = digits
            } else {
                return nil
            }
            i += 1
        }
        let places = dot < 0 ? 0 : digits - integerDigits
        // Negative zero is the parser's to refuse, with its reason.
        guard digits > 0, digits <= 15, dot < 0 || places > 0, !(negative && mantissa == 0) else { return nil }
        var value = Double(mantissa)
        if places > 0 { value /= NumberParser.powersOfTen[places] }
        return (negative ? -value : value, Int8(places))
    }

    private mutating func convert(_ cell: UnsafeBufferPointer<UInt8>, field: CSVField, spec: FieldSchema, slot: Int, lookedUp: Bool,
                                  reader: CSVReader, file: String, verdicts: inout [Int32: String?], table: inout Table) {
        func fail(_ message: String, offset: Int = 0) {
            let column = reader.column(of: field) + (field.isQuoted ? 1 : 0) + offset
            diagnostics.append(Diagnostic(.error, file: file, line: field.line, column: column, "\(spec.name): \(message)"))
        }
        switch spec.type {
        case .string:
            guard let id = lookedUp ? pool.id(of: cell) ?? Table.unlisted : pool.intern(cell) else {
                fail("not valid UTF-8")
                table.texts[slot].append(-1)
                return
            }
            table.texts[slot].append(id)
            if id >= 0, spec.allowedValues != nil || spec.pattern != nil, let problem = check(id, spec: spec, verdicts: &verdicts) {
                fail(problem)
            }
        case .number:
            do {
                let number = try NumberParser.parse(cell)
                table.numbers[slot].append(number.value)
                table.decimals[slot].append(Int8(clamping: number.decimals))
                if !spec.allows(number.value) { fail(outOfRange(NumberText.plain(number.value), spec)) }
            } catch {
                fail(error.message, offset: error.offset)
                table.numbers[slot].append(.nan)
                table.decimals[slot].append(-1)
            }
        case .integer:
            if let value = Self.parseInteger(cell) {
                table.integers[slot].append(value)
                if !spec.integerRange.contains(value) { fail(outOfRange(String(value), spec)) }
            } else {
                fail("'\(String(decoding: cell, as: UTF8.self))' is not an integer (digits only, optional leading '-')")
                table.integers[slot].append(Int64.min)
            }
        case .boolean:
            let text = String(decoding: cell, as: UTF8.self)
            switch text {
            case "true": table.booleans[slot].append(1)
            case "false": table.booleans[slot].append(0)
            default:
                fail("'\(text)' is not a boolean (write true or false)")
                table.booleans[slot].append(-1)
            }
        }
    }

    /// Checks a text value against the field's enum and pattern, once per distinct value.
    private mutating func check(_ id: Int32, spec: FieldSchema, verdicts: inout [Int32: String?]) -> String? {
        if let verdict = verdicts[id] { return verdict }
        let verdict = check(id, spec: spec, in: pool)
        verdicts[id] = .some(verdict)
        return verdict
    }

    /// The problem of a text value against the field's enum and pattern, if any.
    private mutating func check(_ id: Int32, spec: FieldSchema, in pool: StringPool) -> String? {
        let text = pool[id]
        var verdict: String?
        if let allowed = spec.allowedValues, !allowed.contains(text) {
            verdict = "'\(text)' is not one of: \(allowed.joined(separator: ", "))"
        } else if let pattern = spec.pattern {
            let regex = patterns[pattern] ?? (try? NSRegularExpression(pattern: "^(?:\(pattern))$"))
            patterns[pattern] = regex
            if regex == nil {
                verdict = "the schema's pattern \(pattern) is not a valid regular expression"
            } else if regex!.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                verdict = "'\(text)' does not match the pattern \(pattern)"
            }
        }
        return verdict
    }

    private func outOfRange(_ value: String, _ spec: FieldSchema) -> String {
        switch (spec.minimum, spec.maximum) {
        case let (low?, high?): "\(value) is outside \(NumberText.plain(low))–\(NumberText.plain(high))"
        case let (low?, nil): "\(value) is below the minimum \(NumberText.plain(low))"
        case let (nil, high?): "\(value) is above the maximum \(NumberText.plain(high))"
        default: "\(value) is out of range"
        }
    }

    private func appendMissing(_ type: FieldType, slot: Int, to table: inout Table) {
        switch type {
        case .string: table.texts[slot].append(-1)
        case .number: table.numbers[slot].append(.nan); table.decimals[slot].append(-1)
        case .integer: table.integers[slot].append(Int64.min)
        case .boolean: table.booleans[slot].append(-1)
        }
    }

    /// The longest cell read (1 MiB): a longer one is an error, not a string to keep.
    static let maximumCellBytes = 1 << 20

    static func parseInteger(_ cell: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if cell.first == Byte.minus { negative = true; i = 1 }
        guard i < cell.count, cell.count - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < cell.count {
            let c = cell[i]
            guard c >= Byte.zero && c <= Byte.nine else { return nil }
            value = value * 10 + Int64(c - Byte.zero)
            i += 1
        }
        return negative ? -value : value
    }

    private mutating func checkHeader(_ fields: [CSVField], reader: CSVReader, line: Int, schema: TableSchema, file: String) -> Bool {
        let names = fields.map { reader.text(of: $0) }
        let expected = schema.fields.map(\.name)
        if names == expected { return true }
        if !names.contains(where: expected.contains) {
            diagnostics.append(Diagnostic(.error, file: file, line: line, column: 1,
                "the first line is no header (none of its cells names a field of the \(schema.name) schema); the file is skipped until it starts with: \(expected.joined(separator: ","))"))
            return false
        }
        for (i, name) in names.enumerated() where i >= expected.count || expected[i] != name {
            let wanted = i < expected.count ? "'\(expected[i])'" : "no more columns"
            let earlier = names[..<i].firstIndex(of: name).map { " (a second time: column \($0 + 1) is '\(name)' too)" }
            let known = earlier ?? (expected.contains(name) ? "" : " (not a field of the \(schema.name) schema)")
            diagnostics.append(Diagnostic(.error, file: file, line: line, column: reader.column(of: fields[i]),
                "header column \(i + 1) is '\(name)'\(known); expected \(wanted)"))
        }
        for name in expected where !names.contains(name) {
            diagnostics.append(Diagnostic(.error, file: file, line: line, column: 1,
                "header lacks the field '\(name)'"))
        }
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: 1,
            "the file is skipped until its header reads: \(expected.joined(separator: ","))"))
        return false
    }

    private mutating func report(_ problems: [CSVProblem], file: String) {
        for p in problems {
            diagnostics.append(Diagnostic(.error, file: file, line: p.line, column: p.column, p.message))
        }
    }
}

/// Memory a loader reuses from file to file, so reading many files allocates (and the kernel
/// zeroes) it once: the file's bytes, its field ends, the columns of a clean file before they
/// join the table. `@unchecked Sendable`: a loader, and so its scratch, is used by one thread at
/// a time (``DatasetLoader`` gives each thread its own).
final class LoaderScratch: @unchecked Sendable {
    var bytes: [UInt8] = []
    let ends = FieldEnds()
    /// Per field, eight bytes per row (a text id, number or integer).
    private(set) var columns: [UnsafeMutableRawPointer] = []
    /// Per field, one byte per row (a number's decimals, a boolean).
    private(set) var smalls: [UnsafeMutablePointer<Int8>] = []
    private(set) var lines = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private(set) var offsets = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    private var capacity = 1

    /// Makes room for `rows` rows of `fields` fields.
    func prepare(fields: Int, rows: Int) {
        guard fields != columns.count || rows > capacity else { return }
        release()
        capacity = max(rows, capacity * 2)
        columns = (0..<fields).map { _ in UnsafeMutableRawPointer.allocate(byteCount: capacity * 8, alignment: 8) }
        smalls = (0..<fields).map { _ in UnsafeMutablePointer<Int8>.allocate(capacity: capacity) }
        lines = .allocate(capacity: capacity)
        offsets = .allocate(capacity: capacity)
    }

    private func release() {
        columns.forEach { $0.deallocate() }
        smalls.forEach { $0.deallocate() }
        lines.deallocate()
        offsets.deallocate()
    }

    deinit { release() }
}
