import Testing
@testable import Tolok

/// Reads every record of `text` as strings.
private func records(_ text: String) -> (rows: [[String]], problems: [CSVProblem]) {
    var reader = CSVReader(bytes: Array(text.utf8))
    var fields: [CSVField] = []
    var rows: [[String]] = []
    while reader.nextRecord(into: &fields) != nil {
        rows.append(fields.map { reader.text(of: $0) })
    }
    return (rows, reader.problems)
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func quotedFieldsWithCommasAndDoubledQuotes() {
        let (rows, problems) = records("a,b\n\"Kota Bekasi, Jawa Barat\",\"say \"\"capaian\"\"\"\n")
        #expect(problems.isEmpty)
        #expect(rows == [["a", "b"], ["Kota Bekasi, Jawa Barat", "say \"capaian\""]])
    }

    @Test func embeddedNewlineKeepsLineNumbersRight() {
        var reader = CSVReader(bytes: Array("x,y\n\"line one\nline two\",2\nnext,3\n".utf8))
        var fields: [CSVField] = []
        #expect(reader.nextRecord(into: &fields) == 1)
        #expect(reader.nextRecord(into: &fields) == 2)
        #expect(reader.text(of: fields[0]) == "line one\nline two")
        #expect(fields[1].line == 3)
        #expect(reader.column(of: fields[1]) == 11)
        #expect(reader.nextRecord(into: &fields) == 4)
        #expect(reader.text(of: fields[0]) == "next")
        #expect(reader.nextRecord(into: &fields) == nil)
    }

    @Test func crlfBOMEmptyTrailingFieldAndNoFinalNewline() {
        let (rows, problems) = records("\u{FEFF}code,name,note\r\n3509,Jember,\r\n3216,Bekasi,x")
        #expect(problems.isEmpty)
        #expect(rows == [["code", "name", "note"], ["3509", "Jember", ""], ["3216", "Bekasi", "x"]])
    }

    @Test func emptyQuotedFieldIsEmpty() {
        let (rows, _) = records("a,\"\",c\n")
        #expect(rows == [["a", "", "c"]])
    }

    @Test func unterminatedQuoteIsReportedAtItsLineAndColumn() {
        let (_, problems) = records("a,b\n1,\"open\n2,3\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.column == 3)
        #expect(problems.first?.message.contains("unterminated") == true)
    }

    @Test func strayQuoteInUnquotedFieldIsReported() {
        let (_, problems) = records("a,b\n12\"3,x\n")
        #expect(problems == [CSVProblem(line: 2, column: 3, message: "'\"' inside an unquoted field; quote the field and double the quote")])
    }

    @Test func columnsCountCharactersNotBytes() {
        var reader = CSVReader(bytes: Array("Pemeliharaan–Gedung,é,x\n".utf8))
        var fields: [CSVField] = []
        _ = reader.nextRecord(into: &fields)
        #expect(reader.column(of: fields[1]) == 21)
        #expect(reader.column(of: fields[2]) == 23)
    }
}
