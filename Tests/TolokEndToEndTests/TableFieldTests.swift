import Foundation
import Testing
import Tolok

/// The fields Tolok reads, named in code (``TableField``), against the schemas.
@Suite("Table fields: the names in code and the schemas")
struct TableFieldTests {
    /// The fields of a shipped schema, in order, with their types.
    func shippedSchema(_ kind: String) throws -> [(name: String, type: String)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: shippedDatasets + "/schemas/\(kind).json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        return fields.compactMap { f in (f["name"] as? String).map { ($0, f["type"] as? String ?? "") } }
    }

    /// The fields' names of a shipped schema, in order.
    func shippedFields(_ kind: String) throws -> [String] { try shippedSchema(kind).map(\.name) }

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

    @Test func everyFieldTolokReadsHasItsShippedSchemasType() throws {
        var checked = 0
        for table in TableFields.all {
            let types = Dictionary(uniqueKeysWithValues: try shippedSchema(table.kind).map { ($0.name, $0.type) })
            for (name, type) in zip(table.names, table.types) {
                #expect(types[name] == type.rawValue, "\(table.kind).\(name): \(type.rawValue) in the code")
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(ReferenceField.derived.fieldType == .boolean && BudgetField.pagu.fieldType == .number && SourceField.type.fieldType == .string)
    }

    /// A schema that gives a field Tolok reads another type is an error naming it (it used to
    /// stop the run at the first read of the column).
    @Test func aSchemaThatRetypesAFieldTolokReadsIsAnErrorNamingIt() throws {
        let folder = try cleanFixture()
        let schema = folder.appendingPathComponent("schemas/observations.json")
        let text = try String(contentsOf: schema, encoding: .utf8)
        let integerYear = "\"name\": \"year\",\n      \"type\": \"integer\""
        #expect(text.contains(integerYear))
        try text.replacingOccurrences(of: integerYear, with: integerYear.replacingOccurrences(of: "integer", with: "number"))
            .write(to: schema, atomically: true, encoding: .utf8)
        let run = tolok("validate", "--data", folder.path)
        #expect(run.status == 1)
        #expect(run.err == [
            "\(folder.path)/datapackage.json: error: the observations schema of resource 'observations' types fields otherwise than Tolok "
                + "reads them: year is number, not integer",
            "\(folder.path)/datapackage.json: error: no resource holds the observations table",
        ])
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
