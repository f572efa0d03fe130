import Foundation
import Testing
import TolokCLI

@Suite("tolok command line")
struct CommandLineTests {
    @Test func helpAndVersion() {
        let help = tolok("--help")
        #expect(help.status == 0)
        #expect(help.out.contains { $0.contains("validate") } && help.out.contains { $0.contains("report") })
        #expect(tolok("--version").out == ["tolok \(TolokCommandLine.version)"])
        let reportHelp = tolok("report", "--help")
        #expect(reportHelp.status == 0)
        #expect(reportHelp.out.joined().contains("USAGE: tolok report"))
    }

    @Test func usageErrorsExitTwo() {
        let unknown = tolok("frobnicate")
        #expect(unknown.status == 2)
        #expect(unknown.err.first == "error: unknown command 'frobnicate'")
        let badOption = tolok("validate", "--colour")
        #expect(badOption.status == 2)
        #expect(badOption.err.first == "error: unknown option '--colour' for 'tolok validate'")
        #expect(tolok("validate", "--data").status == 2)
        #expect(tolok("report", "--csv-dialect", "tsv").status == 2)
    }

    @Test func missingDatasetFolderIsAnError() {
        let run = tolok("validate", "--data", "/nonexistent/tolok")
        #expect(run.status == 1)
        #expect(run.err.first?.hasPrefix("/nonexistent/tolok/datapackage.json: error: cannot read") == true)
    }
}
