/// A provincial, national or district figure from a statistics release or a report.
public struct ReferenceValue: Sendable {
    public var id: String
    public var areaCode: String
    /// `tpt`, `tpak`, `labour_force`, `unemployed`.
    public var indicator: String
    public var year: Int
    /// The survey round's month (8 = August Sakernas, 2 = February); `nil` when the source does not say.
    public var month: Int?
    /// The value, with the precision it was printed with (`printed_decimals` where the source
    /// rounded it in words: `25,58 juta` has decimals −4).
    public var value: CanonicalNumber
    public var unit: String?
    /// Computed from the source's own statement rather than printed.
    public var derived: Bool
    public var vintage: String?
    public var source: SourceLocation
    public var note: String?
    /// Why the figure must not be used in analyses (kept for the record); `nil` = usable.
    public var excluded: String?

    /// Series the references keep for the record, which are no indicator of `indicators.csv`
    /// and which no analysis reads: any other indicator must be in the catalogue.
    public static let recordOnlySeries: Set<String> = ["working_age_pop", "employed"]

    /// True for a yearly figure: the August round, or a source that names no month.
    public var isAnnual: Bool { month == nil || month == 8 }

    static func rows(of table: Table, pool: StringPool) -> [ReferenceValue] {
        func column(_ field: ReferenceField) -> Int { table.column(field) }
        let c = (id: column(.id), area: column(.areaCode), indicator: column(.indicator),
                 year: column(.year), value: column(.value), unit: column(.unit),
                 derived: column(.derived), vintage: column(.vintage), source: column(.sourceID),
                 location: column(.location), note: column(.note),
                 month: column(.month), excluded: column(.excluded),
                 printedDecimals: column(.printedDecimals))
        return (0..<table.rowCount).compactMap { row in
            let text = { (field: Int) in pool.text(table.textID(field, row)) }
            guard var value = table.canonicalNumber(c.value, row) else { return nil }
            // A count quoted as "25,58 juta orang" is printed to the ten-thousand.
            if let printed = table.integer(c.printedDecimals, row) { value.decimals = printed }
            return ReferenceValue(
                id: text(c.id) ?? "", areaCode: text(c.area) ?? "", indicator: text(c.indicator) ?? "",
                year: table.integer(c.year, row) ?? 0, month: table.integer(c.month, row), value: value, unit: text(c.unit),
                derived: table.boolean(c.derived, row) ?? false, vintage: text(c.vintage),
                source: SourceLocation(sourceID: text(c.source) ?? "", location: text(c.location) ?? "", page: nil,
                                       file: table.files[Int(table.rowFile[row])], line: Int(table.rowLine[row])),
                note: text(c.note), excluded: text(c.excluded))
        }
    }
}
