import Foundation
import Testing
import Tolok

/// The fields Tolok reads, named in code (``TableField``), against the schemas.
@Suite("Table fields: the names in code and the schemas")
struct TableFieldTests {
    /// The fields of a shipped schema, in order.
    func shippedFields(_ kind: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: shippedDatasets + "/schemas/\(kind).json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        return fields.compactMap { $0["name"] as? String }
    }

    @Test func everyFieldTolokReadsIsInItsShippedSchemaInTheSchemasOrder() throws {
        for table in TableFields.all {
            let schema = try shippedFields(table.kind)
            let missing = table.names.filter { !schema.contains($0) }
            #expect(missing.isEmpty, "\(table.kind): \(missing) not in schemas/\(table.kind).json")
            #expect(table.names == schema.filter(table.names.contains), "\(table.kind): not in the schema's order")
        }
        // Every shipped schema is a table Tolok reads, and only the corrections may be absent.
        let shipped = try FileManager.default.contentsOfDirectory(atPath: shippedDatasets + "/schemas")
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        #expect(Set(TableFields.all.map(\.kind)) == Set(shipped))
        #expect(TableFields.all.filter(\.isOptional).map(\.kind) == ["corrections"])
        #expect(ObservationField.tableKind == "observations" && ObservationField.reportedCapaian.rawValue == "reported_capaian")
    }

    /// A schema without a field Tolok reads is an error naming it, for the optional corrections
    /// too: their records would otherwise be dropped one by one, and no correction applied.
    @Test func aCorrectionsSchemaWithoutAFieldTolokReadsIsAnErrorNamingIt() throws {
        let folder = try cleanFixture()
        let schema = folder.appendingPathComponent("schemas/corrections.json")
        let csv = folder.appendingPathComponent("corrections.csv")
        try String(contentsOf: schema, encoding: .utf8).replacingOccurrences(of: "\"name\": \"record_id\"", with: "\"name\": \"record\"")
            .write(to: schema, atomically: true, encoding: .utf8)
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.hasPrefix("id,record_id,"))
        try ("id,record," + text.dropFirst("id,record_id,".count) + "cor-9,004-2,realisation,3989,the text prints 3.989\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", folder.path)
        #expect(run.status == 1)
        #expect(run.err == ["\(folder.path)/datapackage.json: error: the corrections schema of resource 'corrections' lacks the fields: record_id"])
        #expect(run.out.last == "1 error, 0 warnings")
    }
}
