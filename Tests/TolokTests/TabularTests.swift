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

    @Test func terminalTableRightAlignsNumbers() {
        let lines = table.render(.table).split(separator: "\n").map(String.init)
        #expect(lines[0] == "district       gap")
        #expect(lines[1] == "-------------  -----")
        #expect(lines[2] == "Kota \"Bekasi\"  -1.49")
    }
}
