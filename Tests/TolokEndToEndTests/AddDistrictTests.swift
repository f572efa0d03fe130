import Foundation
import Testing

@Suite("Adding a district needs only data")
struct AddDistrictTests {
    @Test func fictitiousDistrictFromFixtureFilesIsRanked() throws {
        let data = try copyOfShippedDatasets()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/kab-contoh")
        for table in ["areas.csv", "sources.csv", "indicator_mappings.csv"] {
            let target = data.appendingPathComponent(table)
            let rows = try String(contentsOf: fixture.appendingPathComponent(table), encoding: .utf8)
            try (String(contentsOf: target, encoding: .utf8) + rows).write(to: target, atomically: true, encoding: .utf8)
        }
        let file = "observations/999-kab-contoh-lkip-2023.csv"
        try FileManager.default.copyItem(at: fixture.appendingPathComponent(file), to: data.appendingPathComponent(file))
        let packageURL = data.appendingPathComponent("datapackage.json")
        var package = try JSONSerialization.jsonObject(with: Data(contentsOf: packageURL)) as! [String: Any]
        var resources = package["resources"] as! [[String: Any]]
        resources.append(["name": "observations-999-kab-contoh-lkip-2023", "path": file, "schema": "schemas/observations.json"])
        package["resources"] = resources
        try JSONSerialization.data(withJSONObject: package).write(to: packageURL)

        #expect(tolok("validate", "--data", data.path).status == 0)
        let run = tolok("rank", "--indicator", "tpt", "--year", "2023", "--province", "35", "--data", data.path, "--format", "csv")
        #expect(run.status == 0, "\(run.err)")
        let rows = run.out.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let contoh = try #require(rows.first { $0[4] == "3599" })
        // Its TPT of 3,50 % (its LKIP) ranks among Jawa Timur's districts: after every district
        // with a lower rate, and one more district is counted.
        let lower = rows.filter { $0[4] != "3599" && Double($0[7]).map { $0 < 3.50 } == true }.count
        #expect(contoh[7] == "3.50" && contoh[8] == String(lower + 1))
        let before = tolok("rank", "--indicator", "tpt", "--year", "2023", "--province", "35", "--data", shippedDatasets, "--format", "csv")
        #expect(Int(contoh[9]) == before.out.count - 1 + 1)
    }
}
