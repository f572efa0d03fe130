import Foundation
import TolokModel

/// Reading `datapackage.json` and the schemas it names.
enum DataPackageReader {
    struct Failure: Error { var message: String }

    /// Reads the package descriptor at `packageFile` in folder `directory`. A resource whose data
    /// or schema path leads out of the folder is refused, without reading it, with an error in
    /// `diagnostics`.
    static func read(directory: URL, packageFile: String, diagnostics: inout [Diagnostic]) throws(Failure) -> (resources: [ResourceDescriptor], refusedPaths: [String]) {
        var refusedPaths: [String] = []
        let packageURL = directory.appendingPathComponent("datapackage.json")
        let json = try object(at: packageURL, shownAs: packageFile)
        let packageText = (try? String(contentsOf: packageURL, encoding: .utf8)) ?? ""
        func refuse(_ name: String, dataPath: String, _ key: String, _ path: String, _ why: String) {
            refusedPaths.append(dataPath)
            let at = PackagePath.position(of: path, key: key, in: packageText)
            diagnostics.append(Diagnostic(.error, file: packageFile, line: at?.line, column: at?.column,
                "resource \"\(name)\": the \(key) \"\(PackagePath.shown(path))\" \(why); it is not read"))
        }
        guard let resources = json["resources"] as? [[String: Any]] else {
            throw Failure(message: "no \"resources\" array")
        }
        var schemaCache: [String: TableSchema] = [:]
        var folder = PackagePath.Folder(directory)
        var result: [ResourceDescriptor] = []
        for (n, resource) in resources.enumerated() {
            guard let name = resource["name"] as? String else {
                throw Failure(message: "resource \(n + 1) has no \"name\"")
            }
            guard let path = resource["path"] as? String else {
                throw Failure(message: "resource \"\(name)\" has no single \"path\" string")
            }
            if let why = folder.escape(of: path) {
                refuse(name, dataPath: path, "path", path, why)
                continue
            }
            if let dialect = resource["dialect"] as? [String: Any],
               let delimiter = dialect["delimiter"] as? String, delimiter != "," {
                throw Failure(message: "resource \"\(name)\" declares the delimiter \"\(delimiter)\"; the datasets are comma-separated (RFC 4180)")
            }
            let schema: TableSchema
            if let schemaPath = resource["schema"] as? String {
                if let why = folder.escape(of: schemaPath) {
                    refuse(name, dataPath: path, "schema", schemaPath, why)
                    continue
                }
                if let cached = schemaCache[schemaPath] {
                    schema = cached
                } else {
                    let url = directory.appendingPathComponent(schemaPath)
                    let schemaName = url.deletingPathExtension().lastPathComponent
                    schema = try parseSchema(object(at: url, shownAs: schemaPath), name: schemaName, context: schemaPath)
                    schemaCache[schemaPath] = schema
                }
            } else if let inline = resource["schema"] as? [String: Any] {
                schema = try parseSchema(inline, name: name, context: "resource \"\(name)\"")
            } else {
                throw Failure(message: "resource \"\(name)\" has no \"schema\"")
            }
            result.append(ResourceDescriptor(name: name, path: path, schema: schema))
        }
        return (result, refusedPaths)
    }

    private static func object(at url: URL, shownAs: String) throws(Failure) -> [String: Any] {
        // Read with the loader's reader: Foundation's `Data(contentsOf:)` leaks its buffer on an
        // empty file (found by the loader fuzzer under LeakSanitizer).
        let data: Data
        do { data = Data(try FileBytes.read(url)) } catch {
            throw Failure(message: "cannot read \(shownAs): \(error.message)")
        }
        guard !data.isEmpty else { throw Failure(message: "\(shownAs) is empty: it must hold the data package's JSON object") }
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure(message: "\(shownAs) is not a JSON object")
            }
            return object
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "\(shownAs) is not valid JSON: \(error.localizedDescription)")
        }
    }

    static func parseSchema(_ json: [String: Any], name: String, context: String) throws(Failure) -> TableSchema {
        guard let fieldList = json["fields"] as? [[String: Any]] else {
            throw Failure(message: "\(context): no \"fields\" array")
        }
        var fields: [FieldSchema] = []
        for field in fieldList {
            guard let fieldName = field["name"] as? String else {
                throw Failure(message: "\(context): a field has no \"name\"")
            }
            let typeName = field["type"] as? String ?? "string"
            guard let type = FieldType(rawValue: typeName) else {
                throw Failure(message: "\(context): field \"\(fieldName)\" has type \"\(typeName)\", which Tolok does not read (string, number, integer, boolean)")
            }
            var spec = FieldSchema(name: fieldName, type: type)
            spec.description = field["description"] as? String
            if let constraints = field["constraints"] as? [String: Any] {
                spec.required = constraints["required"] as? Bool ?? false
                spec.unique = constraints["unique"] as? Bool ?? false
                spec.allowedValues = constraints["enum"] as? [String]
                spec.pattern = constraints["pattern"] as? String
                spec.minimum = (constraints["minimum"] as? NSNumber)?.doubleValue
                spec.maximum = (constraints["maximum"] as? NSNumber)?.doubleValue
            }
            fields.append(spec)
        }
        let primaryKey: String?
        switch json["primaryKey"] {
        case let key as String: primaryKey = key
        case let keys as [String] where keys.count == 1: primaryKey = keys[0]
        case nil: primaryKey = nil
        default: throw Failure(message: "\(context): only single-field primary keys are supported")
        }
        var foreignKeys: [ForeignKey] = []
        for fk in json["foreignKeys"] as? [[String: Any]] ?? [] {
            let fields = fk["fields"] as? [String] ?? (fk["fields"] as? String).map { [$0] } ?? []
            let reference = fk["reference"] as? [String: Any] ?? [:]
            let referenced = reference["fields"] as? [String] ?? (reference["fields"] as? String).map { [$0] } ?? []
            guard fields.count == 1, referenced.count == 1, let resource = reference["resource"] as? String else {
                throw Failure(message: "\(context): only single-field foreign keys with a named resource are supported")
            }
            foreignKeys.append(ForeignKey(field: fields[0], resource: resource, referencedField: referenced[0]))
        }
        for key in [primaryKey].compactMap({ $0 }) + foreignKeys.map(\.field) where !fields.contains(where: { $0.name == key }) {
            throw Failure(message: "\(context): key field \"\(key)\" is not a field of the schema")
        }
        return TableSchema(name: name, fields: fields, primaryKey: primaryKey, foreignKeys: foreignKeys)
    }
}
