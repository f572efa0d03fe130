import TolokModel
import TolokAlignment
import TolokStatistics

/// `achievement.csv`: capaian for every observation that has both a target and a realisation.
public enum AchievementExport {
    /// Column names, documented in `notebooks-out/README.md`.
    public static let header = [
        "district_code", "district_name", "year", "period", "level", "objective", "indicator_label", "unit",
        "polarity", "target", "target_year", "realisation", "capaian", "capaian_clamped", "predicate",
        "reported_capaian", "source_id", "source_location", "observation_id", "corrected", "note",
    ]

    /// One output row: the observation and its computed achievement.
    public struct Row: Sendable {
        public var observation: Observation
        public var districtName: String
        public var achievement: Achievement
    }

    /// The rows, in dataset order, corrections applied: observations lacking a target or a realisation have no
    /// capaian to compute and are not rows here (the report's summary counts them).
    /// Only the rows of `districts` are read when they are given.
    public static func rows(_ dataset: Dataset, districts: Set<String>? = nil) -> [Row] {
        guard let table = dataset.tables[ObservationField.tableKind] else { return [] }
        let corrections = Corrections(dataset.corrections())
        let reader = Observation.Reader(table)
        var wanted: [Int]
        if let districts {
            let ids = Set(districts.compactMap { dataset.pool.id(of: $0) })
            wanted = []
            for (row, id) in table.textIDs(reader.district).enumerated() where ids.contains(id) { wanted.append(row) }
        } else {
            wanted = Array(0..<table.rowCount)
        }
        return wanted.compactMap { row in
            let o = corrections.apply(to: reader.observation(at: row, pool: dataset.pool))
            guard let target = o.target, let realisation = o.realisation else { return nil }
            let name = dataset.areas.byCode[o.districtCode]?.name ?? o.districtCode
            return Row(observation: o, districtName: name,
                       achievement: Achievement(target: target.value, realisation: realisation.value, polarity: o.polarity))
        }
    }

    /// The CSV of `rows`.
    public static func csv(_ rows: [Row], dialect: CSVDialect = .standard) -> CSVWriter {
        var writer = CSVWriter(header: header, dialect: dialect)
        for row in rows {
            let o = row.observation
            let a = row.achievement
            writer.append([
                .text(o.districtCode), .text(row.districtName), .integer(o.year), .optional(o.period), .text(o.level),
                .optional(o.objective), .text(o.indicatorLabel), .optional(o.unit), .optional(o.polarity?.rawValue),
                number(o.target), o.targetYear.map(CSVCell.integer) ?? .missing, number(o.realisation),
                .optional(a.capaian, decimals: 2), .optional(a.clamped, decimals: 2), .optional(a.predicate?.rawValue),
                number(o.reportedCapaian), .text(o.source.sourceID), .text(o.source.description), .text(o.id),
                .list(o.corrections.map(\.description)),
                .optional(a.note),
            ])
        }
        return writer
    }

    /// A printed number, with the decimals it was printed with.
    static func number(_ n: CanonicalNumber?) -> CSVCell {
        n.map { .number($0.value, decimals: $0.decimals) } ?? .missing
    }
}
