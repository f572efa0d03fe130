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

    @Test func excelIndonesianUsesSemicolonDecimalCommaBOMAndEscapesFormulas() {
        var w = CSVWriter(header: ["label", "gap"], dialect: .excelID)
        w.append([.text("=SUM(A1)"), .number(-1.49, decimals: 2)])
        w.append([.text("-1.49"), .number(0, decimals: 0)])
        #expect(w.contents == "\u{FEFF}label;gap\r\n'=SUM(A1);-1,49\r\n-1.49;0\r\n")
    }

    @Test func noNegativeZero() {
        #expect(CSVWriter.format(-0.001, decimals: 2) == "0.00")
        #expect(CSVWriter.format(-0.006, decimals: 2) == "-0.01")
    }
}
