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

    init(pool: StringPool) { self.pool = pool }

    /// Appends the rows of the file at `url` (shown to the user as `shownAs`) to `table`.
    mutating func append(file url: URL, shownAs: String, to table: inout Table) {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(url) } catch {
            diagnostics.append(Diagnostic(.error, file: shownAs, "cannot read the file: \(error.message)"))
            return
        }
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
        if appendClean(bytes, from: reader.offset, file: fileIndex, to: &table) { return }
        let fieldCount = schema.fields.count
        var scratch: [UInt8] = []
        // Per field: text ids already checked against the field's enum/pattern, and the verdict.
        var verdicts = Array(repeating: [Int32: String?](), count: fieldCount)
        let types = schema.fields.map(\.type)
        let required = schema.fields.map(\.required)
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
                for f in 0..<fieldCount {
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
                            convert(cell, field: field, spec: spec, slot: slot, reader: reader, file: shownAs,
                                    verdicts: &verdicts[f], table: &table)
                        }
                        previousLength[f] = -1
                    } else {
                        let cell = UnsafeBufferPointer(rebasing: all[field.contentStart..<field.contentEnd])
                        let problems = diagnostics.count
                        convert(cell, field: field, spec: spec, slot: slot, reader: reader, file: shownAs,
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

    /// The fast path for a clean file: no quotes, no CR, no blank line, every record of the
    /// header's width and every cell valid. Cells go straight from the bytes into preallocated
    /// columns. Anything else returns false, having added no row, and the file is read again
    /// by the full reader, which reports every problem with its line and column.
    private mutating func appendClean(_ bytes: [UInt8], from dataStart: Int, file: Int32, to table: inout Table) -> Bool {
        let schema = table.schema
        let fieldCount = schema.fields.count
        let types = schema.fields.map(\.type), required = schema.fields.map(\.required)
        let checked = schema.fields.map { $0.allowedValues != nil || $0.pattern != nil }
        let ranges = schema.fields.map(\.integerRange)
        let bounded = schema.fields.map { $0.minimum != nil || $0.maximum != nil }
        return bytes.withUnsafeBufferPointer { all -> Bool in
            guard let base = all.baseAddress else { return true }
            let end = all.count
            // Records are lines: count them, and refuse quotes and CRs on the way.
            var lines = 0
            var i = dataStart
            while i < end {
                let c = base[i]
                if c == Byte.lf { lines += 1 } else if c == Byte.quote || c == Byte.cr { return false }
                i += 1
            }
            if end > dataStart && base[end - 1] != Byte.lf { lines += 1 }
            // Columns for this file, filled by row.
            let texts = (0..<fieldCount).map { types[$0] == .string ? UnsafeMutablePointer<Int32>.allocate(capacity: max(1, lines)) : nil }
            let numbers = (0..<fieldCount).map { types[$0] == .number ? UnsafeMutablePointer<Double>.allocate(capacity: max(1, lines)) : nil }
            let decimals = (0..<fieldCount).map { types[$0] == .number ? UnsafeMutablePointer<Int8>.allocate(capacity: max(1, lines)) : nil }
            let integers = (0..<fieldCount).map { types[$0] == .integer ? UnsafeMutablePointer<Int64>.allocate(capacity: max(1, lines)) : nil }
            let booleans = (0..<fieldCount).map { types[$0] == .boolean ? UnsafeMutablePointer<Int8>.allocate(capacity: max(1, lines)) : nil }
            let lineOfRow = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, lines))
            let offsetOfRow = UnsafeMutablePointer<Int>.allocate(capacity: max(1, lines))
            defer {
                for p in texts { p?.deallocate() }
                for p in numbers { p?.deallocate() }
                for p in decimals { p?.deallocate() }
                for p in integers { p?.deallocate() }
                for p in booleans { p?.deallocate() }
                lineOfRow.deallocate()
                offsetOfRow.deallocate()
            }
            var previousStart = [Int](repeating: 0, count: fieldCount)
            var previousLength = [Int](repeating: -1, count: fieldCount)
            var previousID = [Int32](repeating: -1, count: fieldCount)
            var accepted: [Set<Int32>] = Array(repeating: [], count: fieldCount)
            var rows = 0
            var position = dataStart
            var line = 1
            while position < end {
                line += 1
                let recordStart = position
                if base[position] == Byte.lf { return false }  // a blank line
                var f = 0
                while true {
                    let cellStart = position
                    while position < end, base[position] != Byte.comma, base[position] != Byte.lf { position += 1 }
                    let length = position - cellStart
                    guard f < fieldCount, length <= Self.maximumCellBytes else { return false }
                    if length == 0 {
                        if required[f] { return false }
                        switch types[f] {
                        case .string: texts[f]![rows] = -1
                        case .number: numbers[f]![rows] = .nan; decimals[f]![rows] = -1
                        case .integer: integers[f]![rows] = Int64.min
                        case .boolean: booleans[f]![rows] = -1
                        }
                    } else {
                        let cell = UnsafeBufferPointer(start: base + cellStart, count: length)
                        switch types[f] {
                        case .string:
                            if length == previousLength[f], memcmp(base + cellStart, base + previousStart[f], length) == 0 {
                                texts[f]![rows] = previousID[f]
                            } else {
                                guard let id = pool.intern(cell) else { return false }
                                if checked[f] && !accepted[f].contains(id) {
                                    guard check(id, spec: schema.fields[f], in: pool) == nil else { return false }
                                    accepted[f].insert(id)
                                }
                                texts[f]![rows] = id
                                previousStart[f] = cellStart
                                previousLength[f] = length
                                previousID[f] = id
                            }
                        case .number:
                            guard let n = try? NumberParser.parse(cell), !bounded[f] || schema.fields[f].allows(n.value) else { return false }
                            numbers[f]![rows] = n.value
                            decimals[f]![rows] = Int8(clamping: n.decimals)
                        case .integer:
                            guard let n = Self.parseInteger(cell), ranges[f].contains(n) else { return false }
                            integers[f]![rows] = n
                        case .boolean:
                            if length == 4 && memcmp(base + cellStart, "true", 4) == 0 {
                                booleans[f]![rows] = 1
                            } else if length == 5 && memcmp(base + cellStart, "false", 5) == 0 {
                                booleans[f]![rows] = 0
                            } else {
                                return false
                            }
                        }
                    }
                    f += 1
                    if position >= end || base[position] == Byte.lf { position += 1; break }
                    position += 1
                }
                guard f == fieldCount else { return false }
                lineOfRow[rows] = Int32(clamping: line)
                offsetOfRow[rows] = recordStart
                rows += 1
            }
            // Clean: the columns join the table (strings a refused file interned stay in the pool, unused).
            for f in 0..<fieldCount {
                let slot = table.slots[f]
                switch types[f] {
                case .string: table.texts[slot].append(contentsOf: UnsafeBufferPointer(start: texts[f]!, count: rows))
                case .number:
                    table.numbers[slot].append(contentsOf: UnsafeBufferPointer(start: numbers[f]!, count: rows))
                    table.decimals[slot].append(contentsOf: UnsafeBufferPointer(start: decimals[f]!, count: rows))
                case .integer: table.integers[slot].append(contentsOf: UnsafeBufferPointer(start: integers[f]!, count: rows))
                case .boolean: table.booleans[slot].append(contentsOf: UnsafeBufferPointer(start: booleans[f]!, count: rows))
                }
            }
            table.rowFile.append(contentsOf: repeatElement(file, count: rows))
            table.rowLine.append(contentsOf: UnsafeBufferPointer(start: lineOfRow, count: rows))
            table.rowOffset.append(contentsOf: UnsafeBufferPointer(start: offsetOfRow, count: rows))
            table.rowCount += rows
            return true
        }
    }

    private mutating func convert(_ cell: UnsafeBufferPointer<UInt8>, field: CSVField, spec: FieldSchema, slot: Int,
                                  reader: CSVReader, file: String, verdicts: inout [Int32: String?], table: inout Table) {
        func fail(_ message: String, offset: Int = 0) {
            let column = reader.column(of: field) + (field.isQuoted ? 1 : 0) + offset
            diagnostics.append(Diagnostic(.error, file: file, line: field.line, column: column, "\(spec.name): \(message)"))
        }
        switch spec.type {
        case .string:
            guard let id = pool.intern(cell) else {
                fail("not valid UTF-8")
                table.texts[slot].append(-1)
                return
            }
            table.texts[slot].append(id)
            if spec.allowedValues != nil || spec.pattern != nil, let problem = check(id, spec: spec, verdicts: &verdicts) {
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
