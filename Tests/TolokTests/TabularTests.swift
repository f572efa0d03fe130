import Testing
@testable import Tolok

@Suite("Tabular rendering")
struct TabularTests {
    let table = Tabular(header: ["district", "gap"], rows: [[.text("Kota \"Bekasi\""), .number(-1.49, decimals: 2)], [.text("Jember|x"), .missing]])

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

    @Test func terminalTableRightAlignsNumbers() {
        let lines = table.render(.table).split(separator: "\n").map(String.init)
        #expect(lines[0] == "district       gap")
        #expect(lines[1] == "-------------  -----")
        #expect(lines[2] == "Kota \"Bekasi\"  -1.49")
    }
}
