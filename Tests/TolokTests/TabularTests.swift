import Testing
@testable import Tolok
@testable import TolokOutput

@Suite("Tabular rendering")
struct TabularTests {
    let table = Tabular(header: ["district", "gap"], rows: [[.text("Kota \"Bekasi\""), .number(-1.49, decimals: 2)], [.text("Jember|x"), .missing]])

    @Test(arguments: [Tabular.Format.csv, .md, .json])
    func partsJoinedAreTheWholeTable(format: Tabular.Format) {
        // Rows with what each format escapes: quotes, a line break, a pipe, a formula start, empty cells.
        let rows: [[CSVCell]] = [
            [.text("Kabupaten \"Bekasi\""), .number(8.82, decimals: 2)],
            [.text("dua\nbaris | pipa"), .missing],
            [.text("=SUM(A1)"), .integer(-3)],
            [.missing, .number(.nan, decimals: 2)],
            [.text("Jember"), .number(4.01, decimals: 2)],
        ]
        for dialect in format == .csv ? [CSVDialect.standard, .excelID] : [.standard] {
            // Every way of cutting the rows into parts of 0, 2, 0 and 3 rows, and none at all.
            for cuts in [[0, 2, 0, 3], [5], [1, 1, 1, 1, 1], [], [0], [0, 0]] {
                let used = Array(rows.prefix(cuts.reduce(0, +)))
                let whole = Tabular(header: ["nama", "nilai"], rows: used).render(format, dialect: dialect)
                var parts = Tabular.Parts(header: ["nama", "nilai"], format: format, dialect: dialect)
                var texts: [String] = []
                var start = 0
                for n in cuts {
                    texts.append(parts.text(of: Array(used[start..<start + n])))
                    start += n
                }
                texts.append(parts.end())
                #expect(texts.joined() == whole, "\(format) \(dialect) \(cuts)")
                #expect(texts.allSatisfy { $0.isEmpty || $0.utf8.last == 10 }, "\(format) \(cuts)")
            }
        }
    }

    @Test func json() {
        #expect(table.render(.json) == "[\n  {\"district\": \"Kota \\\"Bekasi\\\"\", \"gap\": -1.49},\n  {\"district\": \"Jember|x\", \"gap\": null}\n]\n")
    }

    @Test func markdownEscapesPipes() {
        #expect(table.render(.md) == "| district | gap |\n|---|---|\n| Kota \"Bekasi\" | -1.49 |\n| Jember\\|x |  |\n")
    }

    @Test func markdownEscapesWhatWouldChangeTheTable() {
        let t = Tabular(header: ["label"], rows: [[.text("a|b *c* _d_ `e` [f](javascript:x) <script>&amp; ~g~ #h !i \\ j\nk")]])
        #expect(t.render(.md) == "| label |\n|---|\n| a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](javascript:x) &lt;script&gt;&amp;amp; \\~g\\~ #h !i \\\\ j k |\n")
    }

    @Test func jsonMissingValuesAreNull() {
        let t = Tabular(header: ["a", "b", "c", "d", "e"], rows: [[.missing, .text(""), .number(.nan, decimals: 2), .number(.infinity, decimals: 0), .text("x\u{1}\u{2028}")]])
        #expect(t.render(.json) == "[\n  {\"a\": null, \"b\": null, \"c\": null, \"d\": null, \"e\": \"x\\u0001\\u2028\"}\n]\n")
    }

    @Test func terminalTableShowsNoControlCharacters() {
        let t = Tabular(header: ["label"], rows: [[.text("red\u{1B}[31m\tx")]])
        #expect(t.render(.table) == "label\n----------\nred\u{FFFD}[31m x\n")
    }

    @Test func terminalLinesLoseOnlyTheirTrailingSpaces() {
        #expect(TerminalTable.droppingTrailingSpaces("Kota Bekasi   ") == "Kota Bekasi")
        #expect(TerminalTable.droppingTrailingSpaces("   ") == "")
        #expect(TerminalTable.droppingTrailingSpaces("  8,82") == "  8,82")
        #expect(TerminalTable.droppingTrailingSpaces("Jawa  Barat é ") == "Jawa  Barat é")
        #expect(TerminalTable.droppingTrailingSpaces("e\u{301} ") == "e\u{301}")
    }

    @Test func terminalTableRightAlignsNumbers() {
        let lines = table.render(.table).split(separator: "\n").map(String.init)
        #expect(lines[0] == "district       gap")
        #expect(lines[1] == "-------------  -----")
        #expect(lines[2] == "Kota \"Bekasi\"  -1.49")
    }
}
