import Foundation
import TolokModel
import TolokOutput

/// Writes a synthetic datasets folder in the project's own format, for benchmarks at national
/// scale: districts in provinces, a report per district (observations over the years, with
/// targets and printed capaian), budget lines with printed percentages, BPS references for every
/// province and the nation, and a mapping table that carries district-specific label variants
/// through every transform (as is, scale, ratio, sum, per 1,000). About 3 % of the values are
/// missing, some targets are 0, and about 1 % of the printed figures are deliberately wrong (a
/// capaian, a percentage, a series value ten times too large) for the audit to find.
///
/// The same settings and seed give the same bytes.
public struct Synthesizer: Sendable {
    public var districts = 514
    public var provinces = 38
    public var years = 10
    public var indicators = 200
    /// Budget lines per district, over all its years.
    public var budgetLines = 300
    public var seed: UInt64 = 1
    /// The last year; the series runs `years` years up to it.
    public var lastYear = 2024

    public init() {}

    /// What went wrong.
    public struct Failure: Error, Sendable { public var message: String }

    /// The kind of transform an indicator goes through (by its number).
    enum Shape { case asIs, scale, ratio, perThousand, sum }

    func shape(_ i: Int) -> Shape {
        switch (i - 1) % 10 {
        case 6: .scale
        case 7: .ratio
        case 8: .perThousand
        case 9: .sum
        default: .asIs
        }
    }

    /// Counts of what was written.
    public struct Summary: Sendable {
        public var files = 0
        public var observations = 0
        public var budgetLines = 0
        public var references = 0
        public var mappings = 0
        public var bytes = 0
    }

    /// Writes the dataset into `folder` (created), copying the Table Schemas from `schemas`.
    public func write(to folder: URL, schemas: URL) throws(Failure) -> Summary {
        guard (1...89).contains(provinces), districts >= provinces, districts <= provinces * 99, years >= 1, indicators >= 1 else {
            throw Failure(message: "need 1–89 provinces and between one and 99 districts per province")
        }
        let fm = FileManager.default
        var summary = Summary()
        do {
            try fm.createDirectory(at: folder.appendingPathComponent("observations"), withIntermediateDirectories: true)
            try fm.createDirectory(at: folder.appendingPathComponent("budget"), withIntermediateDirectories: true)
            try fm.createDirectory(at: folder.appendingPathComponent("corrections"), withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("schemas")
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.copyItem(at: schemas, to: target)
        } catch {
            throw Failure(message: "cannot prepare \(folder.path): \(error.localizedDescription)")
        }
        var resources: [(name: String, path: String, schema: String)] = []
        func save(_ csv: CSVWriter, _ path: String, schema: String, rows: Int = 0) throws(Failure) {
            do { try csv.write(to: folder.appendingPathComponent(path)) } catch {
                throw Failure(message: "cannot write \(path): \(error.localizedDescription)")
            }
            resources.append((path.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".csv", with: ""), path, schema))
            summary.files += 1
            summary.bytes += csv.bytes.count
        }

        let plan = Plan(self)
        try save(plan.areas(), "areas.csv", schema: "areas")
        try save(CSVWriter(header: ["area_code", "province_code", "from_year", "to_year", "note"]), "province_history.csv", schema: "province_history")
        try save(CSVWriter(header: ["vintage", "rank", "name", "note"]), "vintages.csv", schema: "vintages")
        try save(CSVWriter(header: ["source_id", "revision", "rank", "note"]), "revisions.csv", schema: "revisions")
        try save(plan.sources(), "sources.csv", schema: "sources")
        try save(plan.indicatorCatalogue(), "indicators.csv", schema: "indicators")
        let mappings = plan.mappings()
        summary.mappings = mappings.rows
        try save(mappings.csv, "indicator_mappings.csv", schema: "indicator_mappings")
        try save(CSVWriter(header: ["id", "district_code", "label", "code", "standard_name", "note"]), "programme_crosswalk.csv", schema: "programme_crosswalk")
        try save(CSVWriter(header: ["id", "relation", "result", "operands", "note"]), "relations.csv", schema: "relations")
        try save(CSVWriter(header: ["id", "record_id", "field", "value", "reason"]), "corrections/synthetic.csv", schema: "corrections")
        let references = plan.references()
        summary.references = references.rows
        try save(references.csv, "references.csv", schema: "references")
        for d in plan.districts.indices {
            let observations = plan.observations(d)
            summary.observations += observations.rows
            try save(observations.csv, "observations/\(plan.districts[d].code)-synthetic.csv", schema: "observations")
            let budget = plan.budget(d)
            summary.budgetLines += budget.rows
            try save(budget.csv, "budget/\(plan.districts[d].code)-synthetic.csv", schema: "budget")
        }
        let entries = resources.map { r in
            "    {\"name\": \"\(r.name)\", \"path\": \"\(r.path)\", \"schema\": \"schemas/\(r.schema).json\", \"format\": \"csv\", \"encoding\": \"utf-8\"}"
        }
        let package = "{\n  \"name\": \"tolok-synthetic\",\n  \"title\": \"Synthetic Tolok datasets (tolok synth, seed \(seed))\",\n  \"resources\": [\n"
            + entries.joined(separator: ",\n") + "\n  ]\n}\n"
        do { try AtomicFile.write([Array(package.utf8)], to: folder.appendingPathComponent("datapackage.json")) } catch {
            throw Failure(message: "cannot write datapackage.json: \(error.description)")
        }
        return summary
    }
}
