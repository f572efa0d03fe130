import TolokInput

/// The CSV reader and the file-level encoding check on arbitrary bytes: no crash, every field a
/// byte range inside the input in order, lines and columns plausible, every problem located; the
/// encoding check agrees with the standard library's UTF-8 validation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    // A carriage return alone ends a record too (and a line, for the reader).
    let breakCount = lineCount + bytes.indices.count { bytes[$0] == 0x0D && ($0 + 1 == size || bytes[$0 + 1] != 0x0A) }
    var maximumLine = 0

    var reader = CSVReader(bytes: bytes)
    var fields: [CSVField] = []
    var previousEnd = 0
    var previousLine = 0
    var records = 0
    while let line = reader.nextRecord(into: &fields) {
        records += 1
        require(records <= size + 1, "more records than bytes")
        require(line >= previousLine && line <= breakCount, "record line \(line) out of order or past \(breakCount)")
        previousLine = line
        require(!fields.isEmpty, "a record without fields")
        for field in fields {
            require(field.start >= previousEnd && field.contentStart >= field.start, "field starts before the previous one ends")
            require(field.contentStart <= field.contentEnd && field.contentEnd <= size, "field range outside the input")
            require(field.line >= line && field.line <= breakCount, "field line \(field.line) out of range")
            maximumLine = max(maximumLine, field.line)
            require(field.lineStart <= field.start, "line start after the field")
            let column = reader.column(of: field)
            require(column >= 1 && column <= size + 1, "column \(column) out of range")
            let text = reader.text(of: field)
            require(text.utf8.count <= (field.contentEnd - field.contentStart) * 3, "text longer than its bytes allow")
            previousEnd = field.contentEnd
        }
        require(reader.offset >= previousEnd, "reader went backwards")
    }
    require(reader.isAtEnd, "reading stopped before the end")
    for problem in reader.problems {
        require(problem.line >= 1 && problem.line <= breakCount && problem.column >= 1 && !problem.message.isEmpty,
                "problem outside the input: \(problem)")
    }

    // The encoding check against the standard library.
    bytes.withUnsafeBufferPointer { buffer in
        let problem = TextEncoding.problem(in: buffer)
        let valid = String(validating: buffer, as: UTF8.self) != nil
        let utf16BOM = size >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        let nul = bytes.contains(0)
        let innerBOM = size > 3 && (1..<(size - 2)).contains { bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBB && bytes[$0 + 2] == 0xBF }
        let loneCR = bytes.indices.contains { bytes[$0] == 0x0D && ($0 + 1 == size || bytes[$0 + 1] != 0x0A) }
        if problem == nil {
            require(valid && !nul && !utf16BOM && !innerBOM && !loneCR, "the encoding check accepts what it must refuse")
            // Accepted text has LF or CRLF line ends only: the reader's lines are the file's.
            require(maximumLine <= lineCount, "record on line \(maximumLine) of a file of \(lineCount) lines")
        } else {
            require(!valid || nul || utf16BOM || innerBOM || loneCR, "the encoding check refuses valid text: \(problem!)")
            require(problem!.offset >= 0 && problem!.offset < size, "problem offset outside the input")
            let at = TextEncoding.position(of: problem!.offset, in: buffer)
            require(at.line >= 1 && at.line <= lineCount && at.column >= 1, "problem position out of range")
        }
    }
    return 0
}
