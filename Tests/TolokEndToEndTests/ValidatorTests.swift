import Foundation
import Testing

@Suite("tolok validate")
struct ValidatorTests {
    @Test func shippedDatasetsAreClean() {
        let run = tolok("validate", "--data", shippedDatasets)
        // Warnings (a realisation above its pagu as printed) are allowed; errors are not.
        #expect(run.err.filter { !$0.contains(": warning: ") } == [])
        #expect(run.status == 0)
    }

    @Test func theMappingTablesAreCheckedOnlyOnCleanTables() throws {
        // A second mapping row of a label, onto another indicator: an error of its own. With a
        // duplicate observation id as well, only the table's error is reported (the mapping check
        // runs beside the tables' checks but speaks only when they found none).
        let data = try cleanFixture()
        let mappings = data.appendingPathComponent("indicator_mappings.csv")
        try (String(contentsOf: mappings, encoding: .utf8) + "map-wrong,3509,,Pencari kerja yang ditempatkan,tpt,as_is,,,,,1,,\n")
            .write(to: mappings, atomically: true, encoding: .utf8)
        let mappingError = "error: mapping map-wrong: the label 'Pencari kerja yang ditempatkan' (district 3509) is mapped twice"
        let alone = tolok("validate", "--data", data.path)
        #expect(alone.status == 1 && alone.err.contains { $0.contains(mappingError) }, "\(alone.err)")
        let observations = data.appendingPathComponent("observations.csv")
        let text = try String(contentsOf: observations, encoding: .utf8)
        let firstRow = try #require(text.split(separator: "\n").dropFirst().first)
        try (text + firstRow + "\n").write(to: observations, atomically: true, encoding: .utf8)
        let both = tolok("validate", "--data", data.path)
        #expect(both.status == 1)
        #expect(both.err.contains { $0.contains("error: ") && $0.contains("004-1") }, "\(both.err)")
        #expect(!both.err.contains { $0.contains("mapping map-wrong") }, "\(both.err)")
    }

    @Test func brokenCopyReportsEveryErrorWithItsLocation() throws {
        let data = try copyOfShippedDatasets()
        let file = data.appendingPathComponent("observations/004-kab-jember-lkip-2023.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        let firstNewLine = text.split(separator: "\n", omittingEmptySubsequences: false).count  // next line's number
        // id,district_code,year,period,revision,level,objective,indicator_label,unit,polarity,target,target_year,
        // realisation,reported_capaian,source_id,location,page,printed,note
        let badNumber = "bad-1,3509,2023,,,sasaran,,Label A,%,positive,1.234.567,,5,,004,Tabel X,,,"
        let unknownDistrict = "bad-2,9999,2023,,,sasaran,,Label B,%,positive,10,,5,,004,Tabel X,,,"
        let duplicate = "bad-3,3509,2023,,,sasaran,,Label C,%,positive,10,,5,,004,Tabel X,,,"
        let missingLabel = "bad-4,3509,2023,,,sasaran,,,%,positive,10,,5,,004,Tabel X,,,"
        text += [badNumber, unknownDistrict, duplicate, duplicate, missingLabel].joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)

        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        let path = data.path + "/observations/004-kab-jember-lkip-2023.csv"
        let targetColumn = "bad-1,3509,2023,,,sasaran,,Label A,%,positive,".count + 1
        let labelColumn = "bad-4,3509,2023,,,sasaran,,".count + 1
        let expected = [
            "\(path):\(firstNewLine):\(targetColumn + 5): error: target: more than one '.': thousands separators are not allowed (write 1234567, not 1.234.567)",
            "\(path):\(firstNewLine + 4):\(labelColumn): error: required field 'indicator_label' is empty",
            "\(path):\(firstNewLine + 3):1: error: duplicate id 'bad-3' (first at \(path):\(firstNewLine + 2))",
            "\(path):\(firstNewLine + 1):7: error: unknown district_code '9999': no area_code in \(data.path)/areas.csv has it",
        ]
        for line in expected {
            #expect(run.err.contains(line), "missing diagnostic: \(line)\nall: \(run.err.joined(separator: "\n"))")
        }
        #expect(run.err.filter { $0.contains(": error: ") }.count == expected.count)
        #expect(run.out.last?.hasPrefix("4 errors, ") == true)
    }

    @Test func unlistedFileAndBadHeaderAreErrors() throws {
        let data = try copyOfShippedDatasets()
        try "id,district\nx,3509\n".write(to: data.appendingPathComponent("observations/extra.csv"), atomically: true, encoding: .utf8)
        let areas = data.appendingPathComponent("areas.csv")
        let text = try String(contentsOf: areas, encoding: .utf8)
        try text.replacingOccurrences(of: "area_code,slug", with: "code,slug").write(to: areas, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        #expect(run.err.contains("\(data.path)/observations/extra.csv: error: this CSV file is not listed in datapackage.json, so it would be ignored: add a resource for it"))
        #expect(run.err.contains("\(data.path)/areas.csv:1:1: error: header column 1 is 'code' (not a field of the areas schema); expected 'area_code'"))
    }

    @Test func correctionsMustNameAPrintedNumber() throws {
        let data = try copyOfShippedDatasets()
        let file = data.appendingPathComponent("corrections/004-kab-jember-lkip-2023.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        try (text + "bad-cor-1,004-nonexistent,realisation,1,test\nbad-cor-2,004-t3.1-2,label,1,test\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 1)
        let path = data.path + "/corrections/004-kab-jember-lkip-2023.csv"
        #expect(run.err.contains("\(path):\(lines + 1): error: correction bad-cor-1: no observation or budget line has the id '004-nonexistent'"))
        #expect(run.err.contains("\(path):\(lines + 2): error: correction bad-cor-2: 'label' is not a numeric field of 004-t3.1-2 (one of: realisation, reported_capaian, target)"))
    }
}
