import Foundation
import Testing
import Tolok

/// The files of `folder`, name → bytes (hidden ones included).
func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
        files[name] = isFolder.boolValue ? Data() : try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
}

@Suite("Safe outputs: atomic, untouched on failure, formulas neutralised, described")
struct SafeOutputTests {
    static let reportFiles = ["achievement.csv", "audit.csv", "budget.csv", "comparison.csv", "composite.csv", "costs.csv",
                              "datapackage.json", "gaps.csv", "rankings.csv", "report.html", "statistics.csv", "summary.md", "targets.csv",
                              "tolok.ipynb", "trends.csv"]

    @Test func aReportWritesEveryFileAndNoTemporaryOne() throws {
        let data = try cleanFixture()
        let out = try temporaryFolder()
        // A temporary file a killed run left behind (its process is gone) is cleaned up.
        try Data("half".utf8).write(to: out.appendingPathComponent(".rankings.csv.tmp-2147483646"))
        let run = tolok("report", "--data", data.path, "--out", out.path)
        #expect(run.status == 0, "\(run.err)")
        #expect(try contents(of: out).keys.sorted() == Self.reportFiles)
    }

    @Test func aRunThatFailsHalfWayLeavesThePreviousOutputsUntouched() throws {
        let data = try cleanFixture()
        let out = try temporaryFolder()
        #expect(tolok("report", "--data", data.path, "--out", out.path).status == 0)
        let before = try contents(of: out)
        // Different data, and one output that cannot be replaced: the run fails after staging the others.
        let references = data.appendingPathComponent("references.csv")
        try (String(contentsOf: references, encoding: .utf8).replacingOccurrences(of: ",5.01,", with: ",6.01,")).write(to: references, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: out.appendingPathComponent("statistics.csv"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("statistics.csv"), withIntermediateDirectories: false)
        let run = tolok("report", "--data", data.path, "--out", out.path)
        #expect(run.status == 1)
        #expect(run.err.last == "error: cannot write \(out.path)/statistics.csv: it is a folder; nothing written")
        var after = try contents(of: out)
        #expect(after.removeValue(forKey: "statistics.csv") == Data())
        var expected = before
        expected.removeValue(forKey: "statistics.csv")
        #expect(after == expected, "files changed or temporary files left: \(Set(after.keys).symmetricDifference(expected.keys))")
        // The same run without the obstacle replaces them.
        try FileManager.default.removeItem(at: out.appendingPathComponent("statistics.csv"))
        let again = tolok("report", "--data", data.path, "--out", out.path)
        #expect(again.status == 0, "\(again.err)")
        #expect(try contents(of: out)["comparison.csv"] != before["comparison.csv"])
    }

    /// The reports are staged on a thread of their own while the large files are written: a file
    /// that cannot be staged on either side fails the run, every file staged so far on either
    /// thread removed (report.html on the reports' thread, rankings.csv among the large files).
    @Test(arguments: ["report.html", "rankings.csv"])
    func aFileThatCannotBeStagedLeavesThePreviousOutputsUntouched(_ name: String) throws {
        let data = try cleanFixture()
        let out = try temporaryFolder()
        #expect(tolok("report", "--data", data.path, "--out", out.path).status == 0)
        let before = try contents(of: out)
        // This process's temporary file for `name` is a folder: it cannot be opened.
        let obstacle = ".\(name).tmp-\(getpid())"
        try FileManager.default.createDirectory(at: out.appendingPathComponent(obstacle), withIntermediateDirectories: false)
        let run = tolok("report", "--data", data.path, "--out", out.path)
        #expect(run.status == 1)
        #expect(run.err.last == "error: cannot write \(out.path)/\(name): \(String(cString: strerror(EISDIR))); nothing written")
        var after = try contents(of: out)
        #expect(after.removeValue(forKey: obstacle) == Data())
        #expect(after == before, "files changed or temporary files left: \(Set(after.keys).symmetricDifference(before.keys))")
    }

    @Test func anInterruptRemovesTheStagedFiles() throws {
        let out = try temporaryFolder()
        let target = out.appendingPathComponent("a.csv")
        try Data("previous\n".utf8).write(to: target)
        var batch = AtomicFile.Batch()
        try batch.stage([Array("new\n".utf8)], at: target)
        let staged = out.appendingPathComponent(".a.csv.tmp-\(getpid())")
        #expect(FileManager.default.fileExists(atPath: staged.path))
        AtomicFile.removeStagedFiles(in: out.path)  // what SIGINT, SIGTERM and SIGHUP do in `tolok` (for every folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["a.csv"])
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous\n")
        #expect(throws: AtomicFile.Failure.self) { try batch.commit() }
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous\n")
    }

    @Test(arguments: ["standard", "excel-id"])
    func aFormulaInALabelIsNeutralised(dialect: String) throws {
        let data = try cleanFixture()
        let file = data.appendingPathComponent("observations.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: ",Menurunnya pengangguran,", with: ",\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",")
            .replacingOccurrences(of: ",Meningkatnya penempatan,", with: ",@SUM(1+1),")
            .write(to: file, atomically: true, encoding: .utf8)
        let out = try temporaryFolder()
        #expect(tolok("report", "--data", data.path, "--out", out.path, "--csv-dialect", dialect).status == 0)
        let written = try String(contentsOf: out.appendingPathComponent("achievement.csv"), encoding: .utf8)
        let separator = dialect == "standard" ? "," : ";"
        #expect(written.contains("\(separator)\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"\(separator)"))
        #expect(written.contains("\(separator)'@SUM(1+1)\(separator)"))
        #expect(!written.contains("\(separator)=") && !written.contains("\(separator)\"="))
    }

    @Test func aListOfCodesIsWrittenInBrackets() throws {
        #expect(AnalysisExports.codeList(["2.07.03", "2.07.04"]) == "[2.07.03 2.07.04]")
        #expect(AnalysisExports.codeList(["00"]) == "[00]")
        #expect(AnalysisExports.codeList([]) == nil)
        // 9814 moved from province 98 to 99 in 2024: its gap to the province is measured against 98,
        // then 99; both codes in one cell, in the order of the years, and the nation's `00` kept.
        let folder = try syntheticFolder(
            [SyntheticDistrict(code: "9814", province: "99", values: [("tpt", 2023, 8), ("tpt", 2024, 7)])],
            provinces: ["98": [("tpt", 2023, 6)], "99": [("tpt", 2024, 5)], "00": [("tpt", 2023, 5), ("tpt", 2024, 4.5)]],
            history: ["9814,98,,2023"])
        for dialect in ["standard", "excel-id"] {
            let out = try temporaryFolder()
            let run = tolok("report", "--data", folder.path, "--out", out.path, "--csv-dialect", dialect)
            #expect(run.status == 0, "\(run.err)")
            let excel = dialect == "excel-id"
            let text = try String(contentsOf: out.appendingPathComponent("gaps.csv"), encoding: .utf8)
            let lineEnd: Character = excel ? "\r\n" : "\n", separator: Character = excel ? ";" : ","
            let rows: [[Substring]] = text.split(separator: lineEnd).dropFirst().map { $0.split(separator: separator, omittingEmptySubsequences: false) }
            let gaps = rows.filter { $0[0] == "9814" && $0[2] == "tpt" }
            let expected = excel ? ["province [98 99] 2,00 2,00", "nation [00] 3,00 2,50"] : ["province [98 99] 2.00 2.00", "nation [00] 3.00 2.50"]
            #expect(gaps.map { "\($0[4]) \($0[5]) \($0[9]) \($0[10])" } == expected, "\(dialect)")
        }
    }

    @Test func theDescriptorTypesEveryColumnOfEveryOutput() throws {
        let data = try cleanFixture()
        let out = try temporaryFolder()
        #expect(tolok("report", "--data", data.path, "--out", out.path).status == 0)
        let package = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("datapackage.json"))) as! [String: Any]
        let resources = package["resources"] as! [[String: Any]]
        #expect(resources.map { $0["path"] as! String } .sorted() == Self.reportFiles.filter { $0.hasSuffix(".csv") })
        for resource in resources {
            let path = resource["path"] as! String
            let fields = (resource["schema"] as! [String: Any])["fields"] as! [[String: Any]]
            let header = String(try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8).prefix { $0 != "\n" })
            #expect(fields.map { $0["name"] as! String }.joined(separator: ",") == header, "\(path)")
            for field in fields {
                let name = field["name"] as! String, type = field["type"] as! String
                #expect(OutputPackage.type(of: name) != nil, "\(path): column \(name) has no type in OutputPackage")
                if OutputPackage.codeColumns.contains(name) { #expect(type == "string", "\(path): \(name)") }
            }
        }
        let comparison = resources.first { $0["path"] as? String == "comparison.csv" }!
        let types = Dictionary(uniqueKeysWithValues: ((comparison["schema"] as! [String: Any])["fields"] as! [[String: Any]]).map { ($0["name"] as! String, $0["type"] as! String) })
        #expect(types["district_code"] == "string" && types["province_code"] == "string" && types["year"] == "integer"
                && types["value"] == "number" && types["vs_province"] == "string")
    }
}
