import Foundation
import TolokModel

/// Loads and validates a datasets folder: `datapackage.json`, the schemas it names and every
/// CSV file, then keys and references between tables.
///
/// Every problem is collected as a ``Diagnostic``; loading goes as far as it can so one run
/// shows them all.
public enum DatasetLoader {
    /// What loading produced: the dataset (absent only when the package itself is unreadable)
    /// and every problem found.
    public struct Result: Sendable {
        public var dataset: Dataset?
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.errorCount > 0 }
    }

    /// The fields Tolok reads of each table kind (``TableFields``): a schema that lacks one, or
    /// gives it another type, is an error.
    static let readFields = Dictionary(uniqueKeysWithValues: TableFields.all.map { ($0.kind, $0) })
    /// The table kinds a datasets folder must hold (all but the optional ones), sorted.
    static let requiredKinds = TableFields.all.filter { !$0.isOptional }.map(\.kind).sorted()

    /// A datasets folder's `datapackage.json` read once: its resources and the problems found in
    /// it (paths refused, CSV files it does not list). Loading parts of one folder
    /// twice (``load(_:kinds:fields:parallel:)``) reads the descriptor once.
    public struct Package: Sendable {
        /// The folder as the user typed it (used in messages).
        public let directory: String
        let base: URL
        let resources: [ResourceDescriptor]
        let diagnostics: [Diagnostic]
        /// False when the descriptor could not be read (its error in ``diagnostics``).
        let isReadable: Bool

        /// Reads the descriptor of the datasets folder `directory` (and, side by side on
        /// `parallel`, lists the folder's CSV files).
        public init(directory: String, parallel: Bool = true) {
            self.directory = directory
            let base = URL(fileURLWithPath: directory, isDirectory: true)
            self.base = base
            let shown = { @Sendable (relative: String) in Self.shown(relative, in: directory) }
            let read = ParallelSlots<Swift.Result<(resources: [ResourceDescriptor], refused: [String], diagnostics: [Diagnostic]), DataPackageReader.Failure>>(count: 1)
            let files = ParallelSlots<[String]>(count: 1)
            ParallelTasks.run(threads: parallel ? 2 : 1, [
                {
                    read[0] = Swift.Result { () throws(DataPackageReader.Failure) in
                        var diagnostics: [Diagnostic] = []
                        let (resources, refused) = try DataPackageReader.read(directory: base, packageFile: shown("datapackage.json"),
                                                                              diagnostics: &diagnostics)
                        return (resources, refused, diagnostics)
                    }
                },
                { files[0] = DatasetLoader.csvFiles(under: base) },
            ])
            var diagnostics: [Diagnostic] = []
            let refused: [String]
            switch read[0]! {
            case .success(let descriptor):
                (resources, refused, diagnostics) = descriptor
            case .failure(let error):
                (resources, isReadable) = ([], false)
                self.diagnostics = [Diagnostic(.error, file: shown("datapackage.json"), error.message)]
                return
            }
            // Every CSV in the folder must be described; an unlisted file would be silently ignored.
            let listed = Set(resources.map { $0.path } + refused)
            for path in files[0]! where !listed.contains(path) {
                diagnostics.append(Diagnostic(.error, file: shown(path),
                    "this CSV file is not listed in datapackage.json, so it would be ignored: add a resource for it"))
            }
            self.diagnostics = diagnostics
            isReadable = true
        }

        /// A path inside the folder as messages show it: the folder as the user typed it, then `relative`.
        @Sendable static func shown(_ relative: String, in directory: String) -> String {
            directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
        }
    }

    /// Loads the datasets folder `directory` (as the user typed it; used in messages).
    ///
    /// With `kinds`, only the tables of those kinds are read (and checked): what a command that
    /// needs a part of the data reads, as a data-frame reader reads only the columns it uses.
    ///
    /// With `fields`, only the named fields of a kind are read (the others read as missing, and
    /// their keys and references are not checked): the columns a command uses. With `lookedUp`,
    /// the named text fields of a kind are only looked up among the strings of the tables read
    /// before, never interned (``Table/lookedUp``; those tables are read last): the record ids a
    /// command needs only to find the records that corrections name. `parallel: false` reads every
    /// file on the calling thread (the same result, byte for byte; `TOLOK_THREADS=1` asks for it
    /// on the command line).
    ///
    /// `alsoChecking` is a further check of the loaded dataset (a later stage's, such as the
    /// mapping tables'), run beside the loader's own checks when every table loaded; its
    /// diagnostics come last, and only when the loader found no error (as though it ran after).
    public static func load(directory: String, kinds only: Set<String>? = nil, fields: [String: Set<String>] = [:],
                            lookedUp: [String: Set<String>] = [:], parallel: Bool = true,
                            alsoChecking further: (@Sendable (Dataset) -> [Diagnostic])? = nil) -> Result {
        load(Package(directory: directory, parallel: parallel), kinds: only, fields: fields, lookedUp: lookedUp, parallel: parallel,
             alsoChecking: further)
    }

    /// ``load(directory:kinds:fields:lookedUp:parallel:alsoChecking:)`` of a package already read.
    public static func load(_ package: Package, kinds only: Set<String>? = nil, fields: [String: Set<String>] = [:],
                            lookedUp: [String: Set<String>] = [:], parallel: Bool = true,
                            alsoChecking further: (@Sendable (Dataset) -> [Diagnostic])? = nil) -> Result {
        let base = package.base
        let shown: @Sendable (String) -> String = { [directory = package.directory] in Package.shown($0, in: directory) }
        var diagnostics = package.diagnostics
        guard package.isReadable else { return Result(dataset: nil, diagnostics: diagnostics) }
        let resources = package.resources

        // Resources by kind, in the order kinds first appear; files of one kind land in one table.
        var kinds: [String] = []
        var filesOfKind: [String: [ResourceDescriptor]] = [:]
        var kindOfResource: [String: String] = [:]
        for resource in resources {
            let kind = resource.schema.name
            kindOfResource[resource.name] = kind
            if let only, !only.contains(kind) { continue }
            if let needed = readFields[kind] {
                let missing = needed.names.filter { resource.schema.index(of: $0) == nil }
                if !missing.isEmpty {
                    diagnostics.append(Diagnostic(.error, file: shown("datapackage.json"),
                        "the \(kind) schema of resource '\(resource.name)' lacks the fields: \(missing.joined(separator: ", "))"))
                    continue
                }
                let retyped = zip(needed.names, needed.types).compactMap { name, type -> String? in
                    let declared = resource.schema.fields[resource.schema.index(of: name)!].type
                    return declared == type ? nil : "\(name) is \(declared.rawValue), not \(type.rawValue)"
                }
                if !retyped.isEmpty {
                    diagnostics.append(Diagnostic(.error, file: shown("datapackage.json"), "the \(kind) schema of resource "
                        + "'\(resource.name)' types fields otherwise than Tolok reads them: \(retyped.joined(separator: "; "))"))
                    continue
                }
            }
            if filesOfKind[kind] == nil { kinds.append(kind) }
            filesOfKind[kind, default: []].append(resource)
        }
        // The tables whose fields are looked up come last: the strings looked for are in the others.
        kinds = kinds.filter { lookedUp[$0] == nil } + kinds.filter { lookedUp[$0] != nil }
        // The kernel starts reading every file now, in the order they are read: a file not in its
        // cache arrives while the ones before it are parsed, not when its turn comes.
        FileBytes.prefetch(kinds.flatMap { filesOfKind[$0]! }.map { base.path + "/" + $0.path })
        var loader = TableLoader(pool: StringPool())
        var tables: [String: Table] = [:]
        let load: @Sendable (String, inout TableLoader, Bool) -> Table = { [filesOfKind] kind, loader, parallel in
            let files = filesOfKind[kind]!
            let loaded = fields[kind].map { wanted in files[0].schema.fields.map { wanted.contains($0.name) } }
            let looked = lookedUp[kind].map { names in files[0].schema.fields.map { names.contains($0.name) } }
            return loadTable(files, base: base, shown: shown, loaded: loaded, lookedUp: looked, loader: &loader, parallel: parallel)
        }
        var next = 0
        // The largest table of one file is read on the second core, into its own string pool,
        // while the tables before it are read on the first; its strings then join the pool where
        // one thread would have interned them (the same ids, the diagnostics in the same order).
        if parallel, let side = sideTable(kinds, filesOfKind: filesOfKind, lookedUp: lookedUp, base: base), let at = kinds.firstIndex(of: side) {
            let before = Array(kinds[..<at])
            let sideRead = ParallelSlots<(loader: TableLoader, table: Table)>(count: 1)
            let firstRead = ParallelSlots<(loader: TableLoader, tables: [String: Table])>(count: 1)
            let start = loader
            ParallelTasks.run(threads: 2, [
                {
                    var own = TableLoader(pool: StringPool())
                    let table = load(side, &own, false)
                    sideRead[0] = (own, table)
                },
                {
                    var first = start
                    var read: [String: Table] = [:]
                    for kind in before { read[kind] = load(kind, &first, true) }
                    firstRead[0] = (first, read)
                },
            ])
            let (first, read) = firstRead.take(0)!  // the one reference: the side table's strings join its pool in place
            var (own, sideTable) = sideRead.take(0)!  // the table's one reference: renumbered in place
            loader = first
            tables = read
            sideTable.moveStrings(from: own.pool, into: &loader.pool)
            tables[side] = sideTable
            loader.diagnostics += own.diagnostics
            next = at + 1
        }
        for kind in kinds[next...] {
            tables[kind] = load(kind, &loader, parallel)
        }
        diagnostics += loader.diagnostics
        for kind in requiredKinds where tables[kind] == nil && (only?.contains(kind) ?? true) {
            diagnostics.append(Diagnostic(.error, file: shown("datapackage.json"), "no resource holds the \(kind) table"))
        }

        let pool = loader.pool
        let dataset = Dataset(pool: pool, tables: tables)
        // The checks of the loaded tables, side by side on `parallel` (their diagnostics in this
        // order), the further one first (the longest).
        let found = ParallelSlots<[Diagnostic]>(count: 4)
        let packageFile = shown("datapackage.json")
        let (loaded, resourceKinds) = (tables, kindOfResource)
        let furtherTask: [@Sendable () -> Void] = if let further, !diagnostics.contains(where: { $0.severity == .error }) {
            [{ found[3] = further(dataset) }]
        } else {
            []
        }
        ParallelTasks.run(threads: parallel ? 2 : 1, furtherTask + [
            { found[0] = ValueChecks.diagnostics(dataset) },
            {
                var keys: [Diagnostic] = []
                for kind in loaded.keys.sorted() { keys += checkUniqueness(loaded[kind]!, pool: pool) }
                for kind in loaded.keys.sorted() {
                    keys += checkForeignKeys(loaded[kind]!, kindOfResource: resourceKinds, tables: loaded, pool: pool, kinds: only,
                                             packageFile: packageFile)
                }
                found[1] = keys
            },
            {
                var records: [Diagnostic] = []
                if loaded.keys.contains("areas") { records += checkDistrictCodes(dataset) }
                if only == nil { records += checkCorrections(dataset) }
                records += checkRevisions(dataset)
                found[2] = records
            },
        ])
        diagnostics += found[1]! + found[2]! + found[0]!
        if let extra = found[3], !diagnostics.contains(where: { $0.severity == .error }) { diagnostics += extra }
        return Result(dataset: dataset, diagnostics: diagnostics)
    }

    /// The table worth reading beside the others: the largest of one file (of 1 MB or more), not
    /// looked up in the others' strings; `nil` when there is none.
    static func sideTable(_ kinds: [String], filesOfKind: [String: [ResourceDescriptor]], lookedUp: [String: Set<String>],
                          base: URL) -> String? {
        let sizes = kinds.map { kind -> Int in
            guard lookedUp[kind] == nil, let files = filesOfKind[kind], files.count == 1 else { return 0 }
            return fileSizes(files, base: base)[0]
        }
        guard let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }), sizes[largest] >= 1 << 20 else { return nil }
        return kinds[largest]
    }

    /// The sizes in bytes of the files of `resources` (0 for a file that cannot be read: reading
    /// it reports why).
    static func fileSizes(_ resources: [ResourceDescriptor], base: URL) -> [Int] {
        let basePath = base.path
        return resources.map { FileBytes.size(atPath: basePath + "/" + $0.path) }
    }

    /// The files of one kind in one table. Many files are read on two threads: each half of the
    /// files (split by bytes, in order) into its own table and string pool, the second merged into
    /// the first, so the result and the order of the diagnostics are those of one thread
    /// (`parallel: false` reads them on one; tests compare the two).
    static func loadTable(_ files: [ResourceDescriptor], base: URL, shown: @Sendable (String) -> String, loaded: [Bool]?,
                          lookedUp: [Bool]? = nil, loader: inout TableLoader, parallel: Bool = true) -> Table {
        var table = Table(schema: files[0].schema, loaded: loaded, lookedUp: lookedUp)
        let sizes = fileSizes(files, base: base)
        let total = sizes.reduce(0, +)
        guard parallel, files.count >= 2, total >= 1 << 20 else {
            loader.expect(bytes: total)
            for f in files { loader.append(file: base.appendingPathComponent(f.path), shownAs: shown(f.path), to: &table) }
            return table
        }
        // The split: the first file index whose cumulative size passes half the bytes.
        var split = 1, running = 0
        for (i, size) in sizes.enumerated() {
            running += size
            if running * 2 >= total { split = max(1, min(files.count - 1, i + 1)); break }
        }
        let halves = [Array(files[..<split]), Array(files[split...])]
        let secondBytes = sizes[split...].reduce(0, +)
        let results = ParallelSlots<(TableLoader, Table)>(count: 2)
        let first = loader
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            // The second half looks fields up among the strings read before, as the first does.
            var worker = half == 0 ? first : TableLoader(pool: lookedUp?.contains(true) == true ? first.pool : StringPool())
            worker.diagnostics = []
            // The first half's table will take the second's rows too: it is sized for every file.
            worker.expect(bytes: half == 0 ? total : secondBytes)
            var part = Table(schema: files[0].schema, loaded: loaded, lookedUp: lookedUp)
            for f in halves[half] { worker.append(file: base.appendingPathComponent(f.path), shownAs: shown(f.path), to: &part) }
            results[half] = (worker, part)
        }
        // The tables' one references: joined in place, the second freed as it goes.
        var (main, mainTable) = results.take(0)!
        var (second, secondTable) = results.take(1)!
        main.diagnostics = loader.diagnostics + main.diagnostics + second.diagnostics
        // The columns joined on both cores too.
        mainTable.append(taking: &secondTable, from: second.pool, into: &main.pool, threads: 2)
        loader = main
        return mainTable
    }

    /// Folder of the datasets that holds import scripts and their raw inputs, not data Tolok reads.
    static let toolsFolder = "tools"

    /// CSV files under `base` (outside ``toolsFolder``), as paths relative to it, sorted.
    static func csvFiles(under base: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path == toolsFolder { enumerator.skipDescendants(); continue }
            if path.hasSuffix(".csv") { paths.append(path) }
        }
        return paths.sorted()
    }

    /// Primary keys and `unique` fields: each value once across all the table's files.
    static func checkUniqueness(_ table: Table, pool: StringPool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (f, spec) in table.schema.fields.enumerated() where table.loaded[f] && (spec.unique || table.schema.primaryKey == spec.name) {
            guard spec.type == .string else { continue }
            // The first row of each pool id, by id (an array: a million keys cost no hashing).
            var firstRow = [Int32](repeating: -1, count: pool.count)
            var duplicates: [(row: Int, first: Int)] = []
            let ids = table.textIDs(f)
            for row in 0..<table.rowCount where ids[row] >= 0 {
                let first = firstRow[Int(ids[row])]
                if first >= 0 { duplicates.append((row, Int(first))) } else { firstRow[Int(ids[row])] = Int32(row) }
            }
            let here = table.locations(of: duplicates.map { ($0.row, f) })
            let there = table.locations(of: duplicates.map { ($0.first, f) })
            for (i, d) in duplicates.enumerated() {
                diagnostics.append(Diagnostic(.error, file: here[i].file, line: here[i].line, column: here[i].column,
                    "duplicate \(spec.name) '\(pool[ids[d.row]])' (first at \(there[i].file):\(there[i].line))"))
            }
        }
        return diagnostics
    }

    /// Every foreign key of `table` against the table it names; a key naming a resource or a
    /// field the data package does not hold is an error of the package (`packageFile`).
    static func checkForeignKeys(_ table: Table, kindOfResource: [String: String], tables: [String: Table],
                                 pool: StringPool, kinds: Set<String>? = nil, packageFile: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in table.schema.foreignKeys {
            let targetKind = key.resource.isEmpty ? table.kind : kindOfResource[key.resource]
            if let kinds, let targetKind, !kinds.contains(targetKind) { continue }  // a table not read
            if let f = table.schema.index(of: key.field), !table.loaded[f] { continue }  // a field not read
            guard let targetKind, let target = tables[targetKind], let targetField = target.schema.index(of: key.referencedField),
                  target.schema.fields[targetField].type == .string, target.loaded[targetField], let f = table.schema.index(of: key.field) else {
                diagnostics.append(Diagnostic(.error, file: packageFile,
                    "the \(table.kind) table's foreign key \(key.field) → \(key.resource).\(key.referencedField) names no text field of a resource listed here"))
                continue
            }
            var known = [Bool](repeating: false, count: pool.count)
            for id in target.textIDs(targetField) where id >= 0 { known[Int(id)] = true }
            let ids = table.textIDs(f)
            let unknown = (0..<table.rowCount).filter { ids[$0] >= 0 && !known[Int(ids[$0])] }
            let targetFile = target.files.count == 1 ? target.files[0] : "the \(targetKind) files"
            for (row, at) in zip(unknown, table.locations(of: unknown.map { ($0, f) })) {
                diagnostics.append(Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                    "unknown \(key.field) '\(pool[ids[row]])': no \(key.referencedField) in \(targetFile) has it"))
            }
        }
        return diagnostics
    }

    /// A correction names an existing observation or budget line and one of its numeric fields.
    static func checkCorrections(_ dataset: Dataset) -> [Diagnostic] {
        // The kind of each record id, by pool id.
        var kindOfRecord = [String?](repeating: nil, count: dataset.pool.count)
        let ids = [(BudgetField.tableKind, dataset.tables[BudgetField.tableKind]?.textIDs(BudgetField.id)),
                   (ObservationField.tableKind, dataset.tables[ObservationField.tableKind]?.textIDs(ObservationField.id))]
        for case let (kind, column?) in ids {
            for id in column where id >= 0 { kindOfRecord[Int(id)] = kind }
        }
        var diagnostics: [Diagnostic] = []
        for c in dataset.corrections() {
            guard let id = dataset.pool.id(of: c.recordID), let kind = kindOfRecord[Int(id)],
                  let fields = Correction.correctableFields[kind] else {
                diagnostics.append(Diagnostic(.error, file: c.file, line: c.line, "correction \(c.id): no observation or budget line has the id '\(c.recordID)'"))
                continue
            }
            if !fields.contains(c.field) {
                diagnostics.append(Diagnostic(.error, file: c.file, line: c.line,
                    "correction \(c.id): '\(c.field)' is not a numeric field of \(c.recordID) (one of: \(fields.sorted().joined(separator: ", ")))"))
            }
        }
        return diagnostics
    }

    /// Every revision an observation names is ranked in revisions.csv for its document (the
    /// newest revision of a target wins, so the order must be stated, never guessed).
    static func checkRevisions(_ dataset: Dataset) -> [Diagnostic] {
        guard let table = dataset.tables[ObservationField.tableKind] else { return [] }
        let ranks = dataset.revisionRanks()
        let revision = table.column(ObservationField.revision), source = table.column(ObservationField.sourceID)
        var unknown: [Int] = []
        // Each (source, revision) pair of pool ids looked up once, at its first row.
        let revisions = table.textIDs(revision), sources = table.textIDs(source)
        var seen = Set<Int64>()
        for row in 0..<table.rowCount where revisions[row] >= 0 {
            guard seen.insert(Int64(sources[row]) << 32 | Int64(revisions[row])).inserted else { continue }
            let key = (dataset.pool.text(sources[row]) ?? "") + "\u{0}" + dataset.pool[revisions[row]]
            if ranks[key] == nil { unknown.append(row) }
        }
        return zip(unknown, table.locations(of: unknown.map { ($0, revision) })).map { row, at in
            Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                "revision '\(dataset.pool[table.textID(revision, row)])' of source \(dataset.pool.text(table.textID(source, row)) ?? "?") is not in revisions.csv: rank it there (the newest revision of a target wins)")
        }
    }

    /// Observations and budget lines belong to districts, not provinces or the nation; a
    /// district's parent is a province.
    static func checkDistrictCodes(_ dataset: Dataset) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let areas = dataset.areas
        // Areas that are not districts, by pool id.
        var notDistrict = [Bool](repeating: false, count: dataset.pool.count)
        for a in areas.all where a.level != .district { notDistrict[Int(a.codeID)] = true }
        let codes = [dataset.tables[ObservationField.tableKind].map { ($0, $0.column(ObservationField.districtCode)) },
                     dataset.tables[BudgetField.tableKind].map { ($0, $0.column(BudgetField.districtCode)) }]
        for case let (table, f)? in codes {
            let ids = table.textIDs(f)
            let wrong = (0..<table.rowCount).filter { ids[$0] >= 0 && notDistrict[Int(ids[$0])] }
            for (row, at) in zip(wrong, table.locations(of: wrong.map { ($0, f) })) {
                diagnostics.append(Diagnostic(.error, file: at.file, line: at.line, column: at.column,
                    "district_code '\(dataset.pool[ids[row]])' is not a district (level in areas.csv)"))
            }
        }
        for area in areas.all where area.level == .district {
            if area.kind == nil || area.parentCode.flatMap({ areas.byCode[$0] })?.level != .province {
                diagnostics.append(Diagnostic(.error, file: areas.table.files.first ?? "areas.csv", line: area.line,
                    "district \(area.code) needs a kind (kabupaten/kota) and a province as parent_code"))
            }
        }
        if let history = dataset.tables[ProvinceHistoryField.tableKind] {
            let areaF = history.column(ProvinceHistoryField.areaCode), provinceF = history.column(ProvinceHistoryField.provinceCode)
            let fromF = history.column(ProvinceHistoryField.fromYear), toF = history.column(ProvinceHistoryField.toYear)
            for row in 0..<history.rowCount {
                let at = history.location(row: row, field: areaF)
                func fail(_ message: String) { diagnostics.append(Diagnostic(.error, file: at.file, line: at.line, message)) }
                let code = dataset.pool.text(history.textID(areaF, row)) ?? ""
                let province = dataset.pool.text(history.textID(provinceF, row)) ?? ""
                if areas.byCode[code]?.level != .district { fail("\(code) is not a district in areas.csv") }
                if areas.byCode[province]?.level != .province { fail("\(province) is not a province in areas.csv") }
                if let from = history.integer(fromF, row), let to = history.integer(toF, row), from > to {
                    fail("from_year \(from) is after to_year \(to)")
                }
            }
            for (code, periods) in areas.provinceHistory.sorted(by: { $0.key < $1.key }) {
                let sorted = periods.sorted { ($0.fromYear ?? Int.min) < ($1.fromYear ?? Int.min) }
                for (a, b) in zip(sorted, sorted.dropFirst()) where (a.toYear ?? Int.max) >= (b.fromYear ?? Int.min) {
                    diagnostics.append(Diagnostic(.error, file: history.files.first ?? "province_history.csv",
                        "district \(code): its province periods overlap (\(a.provinceCode) and \(b.provinceCode))"))
                }
            }
        }
        return diagnostics
    }
}
