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
        let run = tolok("rank", "--indicator", "tpt", "--year", "2023", "--data", data.path, "--format", "csv")
        #expect(run.status == 0, "\(run.err)")
        let contoh = try #require(run.out.first { $0.contains(",3599,") })
        // TPT 3.50 % is the lowest unemployment among the districts with a 2023 value: rank 1.
        #expect(contoh.hasPrefix("tpt,Tingkat Pengangguran Terbuka (TPT),2023,national,1,3599,Kabupaten Contoh,3.50,"))
    }
}
