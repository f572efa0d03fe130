import TolokModel

/// Programme names as printed → standard programme codes (Permendagri 90/2019), from
/// `datasets/programme_crosswalk.csv`. Carries pre-2021 names (Kota Bekasi 2020) onto the codes,
/// so budgets compare across districts and years.
public struct ProgrammeCrosswalk: Sendable {
    public struct Programme: Sendable, Hashable {
        /// `2.07.04`.
        public var code: String
        /// `Program Penempatan Tenaga Kerja`.
        public var standardName: String
    }

    private var byKey: [String: Programme] = [:]
    private var nameByCode: [String: String] = [:]

    public init(_ dataset: Dataset) {
        for (fields, _, _) in dataset.records(CrosswalkField.self) {
            guard let label = fields[.label], let code = fields[.code], let name = fields[.standardName] else { continue }
            byKey[(fields[.districtCode] ?? "*") + "\u{0}" + LabelKey.ofProgramme(label)] = Programme(code: code, standardName: name)
            if nameByCode[code] == nil { nameByCode[code] = name }
        }
    }

    /// The standard programme of a budget line: its printed code if it is a programme code,
    /// else its label through the crosswalk (the district's own rows first, then `*`).
    public func programme(districtCode: String, label: String, code: String?) -> Programme? {
        if let code, code.count == 7, code.split(separator: ".").count == 3 {
            return Programme(code: code, standardName: nameByCode[code] ?? label)
        }
        let key = LabelKey.ofProgramme(label)
        return byKey[districtCode + "\u{0}" + key] ?? byKey["*\u{0}" + key]
    }
}
