import Testing
@testable import Tolok

@Suite("CSV writer")
struct CSVWriterTests {
    @Test func standardQuotesOnlyWhatNeedsIt() {
        var w = CSVWriter(header: ["label", "value"])
        w.append([.text("Program Penempatan, Tenaga \"Kerja\""), .number(87.2661, decimals: 2)])
        w.append([.text("x"), .missing])
        #expect(w.contents == "label,value\n\"Program Penempatan, Tenaga \"\"Kerja\"\"\",87.27\nx,\n")
    }

    @Test func countsRowsNotLines() {
        // What the Excel notice counts: records, the header not among them.
        var w = CSVWriter(header: ["note"])
        #expect(w.rows == 0)
        w.append([.text("line one\nline two")])
        w.append([.missing])
        #expect(w.rows == 2)
        #expect(w.contents == "note\n\"line one\nline two\"\n\n")
    }

    @Test func excelIndonesianUsesSemicolonDecimalCommaBOMAndEscapesFormulas() {
        var w = CSVWriter(header: ["label", "gap"], dialect: .excelID)
        w.append([.text("=SUM(A1)"), .number(-1.49, decimals: 2)])
        w.append([.text("-1.49"), .number(0, decimals: 0)])
        #expect(w.contents == "\u{FEFF}label;gap\r\n'=SUM(A1);-1,49\r\n-1.49;0\r\n")
    }

    @Test(arguments: [CSVDialect.standard, .excelID])
    func formulasAreNeutralisedInEveryDialect(dialect: CSVDialect) {
        let cells = ["=HYPERLINK(\"http://x\")", "+62 812", "-Penyediaan jasa", "@SUM(A1)", "\tTab", "\rCR", "-", "+"]
        let expected = ["'=HYPERLINK(\"http://x\")", "'+62 812", "'-Penyediaan jasa", "'@SUM(A1)", "'\tTab", "'\rCR", "'-", "'+"]
        for (cell, want) in zip(cells, expected) {
            var w = CSVWriter(header: ["label"], dialect: dialect)
            w.append([.text(cell)])
            let body = String(decoding: w.bytes.drop { $0 != 10 }.dropFirst(), as: UTF8.self)
            let quoted = want.contains("\"") || want.contains("\r") || (dialect == .standard ? want.contains(",") : want.contains(";"))
            let written = quoted ? "\"" + want.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : want
            #expect(body == written + (dialect == .excelID ? "\r\n" : "\n"), "\(cell)")
        }
    }

    @Test(arguments: ["-1.49", "+5", "-3,30", "42", "Kota Bekasi", "2.07.04", "=", "a=b"])
    func plainNumbersAndOtherTextAreLeftAlone(text: String) {
        var w = CSVWriter(header: ["label"], dialect: .excelID)
        w.append([.text(text)])
        let neutralised = text.first.map { "=+-@".contains($0) } == true && !["-1.49", "+5", "-3,30"].contains(text)
        #expect(w.contents == "\u{FEFF}label\r\n" + (neutralised ? "'" : "") + text + "\r\n")
    }

    @Test func cellBytesAreWhatTheWriterWrites() {
        #expect(CSVWriter.cellBytes("3216") == Array("3216".utf8))
        #expect(CSVWriter.cellBytes("a,b") == Array("\"a,b\"".utf8))
        #expect(CSVWriter.cellBytes("=1+1") == Array("'=1+1".utf8))
        #expect(CSVWriter.cellBytes("a;b", dialect: .excelID) == Array("\"a;b\"".utf8))
    }

    @Test func aNumberThatIsNotFiniteIsMissing() {
        var w = CSVWriter(header: ["a", "b", "c"])
        w.append([.number(.nan, decimals: 2), .number(.infinity, decimals: 0), .number(-.infinity, decimals: 1)])
        #expect(w.contents == "a,b,c\n,,\n")
    }

    /// A row built of a table's cells (an area's code and name, a province's code or none) is the
    /// row the writer writes for the same texts, quoting and formula guard included.
    @Test(arguments: [CSVDialect.standard, .excelID])
    func renderedCellTablesGiveTheWritersRow(dialect: CSVDialect) {
        let codes = ["3216", "3275", "=32"], names = ["Kabupaten Bekasi", "Kota \"Bekasi\", Jawa Barat", "Kab; Jember"]
        let areas = RenderedCellTable(count: codes.count, dialect: dialect) { a, row, out in
            row.text(codes[a], &out); row.text(names[a], &out)
        }
        let provinces = RenderedCellTable.provinceCodes(codes, dialect: dialect)
        #expect(areas.count == 3 && provinces.count == 4)
        for a in 0..<3 {
            for slot in [0, a + 1] {
                var out = ByteBuffer()
                var row = CSVRow(dialect: dialect)
                row.cells(areas, a, &out); row.cells(provinces, slot, &out); row.integer(2024, &out)
                row.end(&out)
                var w = CSVWriter(header: ["code", "name", "province", "year"], dialect: dialect)
                w.append([.text(codes[a]), .text(names[a]), slot == 0 ? .missing : .text(codes[slot - 1]), .number(2024, decimals: 0)])
                let written = w.bytes.drop { $0 != 10 }.dropFirst()
                #expect(out.array == Array(written), "area \(a), slot \(slot)")
            }
        }
    }

    /// Cells made in runs side by side are those made one key after the other, key by key.
    @Test func renderedCellTablesMadeInRunsAreTheSame() {
        let count = 5_000
        @Sendable func text(_ key: Int) -> String { key % 7 == 0 ? "=\(key), \"\(key)\"" : "Tabel \(key)" }
        let serial = RenderedCellTable(count: count, dialect: .excelID) { key, row, out in row.text(text(key), &out) }
        for threads in [1, 2, 3] {
            let runs = RenderedCellTable(count: count, threads: threads) { keys, out, ends in
                for key in keys {
                    var row = CSVRow(dialect: .excelID)
                    row.text(text(key), &out)
                    ends.append(out.count)
                }
            }
            #expect(runs.count == count)
            #expect((0..<count).allSatisfy { Array(runs.cells($0)) == Array(serial.cells($0)) }, "\(threads) threads")
        }
        #expect(String(decoding: serial.cells(7), as: UTF8.self) == "\"'=7, \"\"7\"\"\"")
    }

    @Test func noNegativeZero() {
        #expect(CSVWriter.format(-0.001, decimals: 2) == "0.00")
        #expect(CSVWriter.format(-0.006, decimals: 2) == "-0.01")
    }
}
