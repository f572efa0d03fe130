import TolokModel

/// The texts that travel with a fact to an export (where it was printed, the corrections,
/// caveats and suspicions behind it), as ``aligned(_:role:)`` gives them, but written straight
/// from the string pool for the common fact: a printed observation or reference no correction
/// touches. Others go through ``aligned(_:role:)``.
extension Alignment {
    /// True when fact `i`'s texts can be read from its row without building an ``AlignedValue``.
    @usableFromInline
    func isPlain(_ i: Int, role: AlignedValue.Role) -> Bool {
        let f = role == .actual ? facts[i] : targetFacts[i]
        switch f.kind {
        case .reference: return true
        case .computed: return false
        case .observation:
            if correctedRows[f.row] != nil { return false }
            if f.operandRow >= 0, !isPerThousand(f), correctedRows[f.operandRow] != nil { return false }
            if role == .actual, let more = moreOperands[Int32(i)], more.contains(where: { correctedRows[$0] != nil }) { return false }
            return true
        }
    }

    private func isPerThousand(_ f: Fact) -> Bool {
        guard f.mapping >= 0, case .perThousand = mappings[Int(f.mapping)].transform else { return false }
        return true
    }

    /// Appends where fact `i` was printed (``AlignedValue/sourceDescription``: `004 Tabel 3.1, p. 12`).
    public func appendCitation(_ i: Int, role: AlignedValue.Role = .actual, to out: inout ByteBuffer) {
        guard isPlain(i, role: role) else {
            out.append(aligned(i, role: role).sourceDescription)
            return
        }
        let f = role == .actual ? facts[i] : targetFacts[i]
        let pool = dataset.pool
        let columns = f.kind == .reference ? textColumns.references : textColumns.observations
        let row = Int(f.row)
        let source = RecordTextColumns.Columns.cell(columns.source, row), location = RecordTextColumns.Columns.cell(columns.location, row)
        let page = columns.page.isEmpty || columns.page[row] == Int64.min ? nil : Int(columns.page[row])
        let hasPlace = location >= 0 && pool.byteCount(location) > 0 || page != nil
        if source >= 0 { pool.withBytes(source) { out.append($0) } }
        guard hasPlace else { return }
        out.append(UInt8(ascii: " "))
        if location >= 0 { pool.withBytes(location) { out.append($0) } }
        if let page {
            out.append(Array(", p. ".utf8))
            NumberText.appendInteger(page, to: &out)
        }
    }

    /// Where fact `i` was printed, as a string.
    public func citation(_ i: Int, role: AlignedValue.Role = .actual) -> String {
        guard isPlain(i, role: role) else { return aligned(i, role: role).sourceDescription }
        var out = ByteBuffer(capacity: 64)
        appendCitation(i, role: role, to: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The id of the document fact `i` was printed in (``SourceLocation/sourceID``).
    public func sourceID(_ i: Int, role: AlignedValue.Role = .actual) -> String {
        let f = role == .actual ? facts[i] : targetFacts[i]
        if f.kind != .computed, f.source >= 0 { return sourceInfo[Int(f.source)].id }
        return aligned(i, role: role).source.sourceID
    }

    /// The observations a correction names, with their corrections applied, by their row in the
    /// observations table.
    public var correctedObservations: [Int32: Observation] { correctedRows }

    /// The type of the document fact `i` was printed in (BPS, press, LKIP, …; ``AlignedValue/sourceType``).
    public func sourceType(_ i: Int, role: AlignedValue.Role = .actual) -> String {
        let f = role == .actual ? facts[i] : targetFacts[i]
        if f.kind != .computed { return f.source >= 0 ? sourceInfo[Int(f.source)].type : "other" }
        return computed[Int(f.row)].sourceType
    }

    /// The printed label of fact `i` (the reference's indicator; ``AlignedValue/label``).
    public func label(_ i: Int, role: AlignedValue.Role = .actual) -> String {
        let f = role == .actual ? facts[i] : targetFacts[i]
        switch f.kind {
        case .computed: return computed[Int(f.row)].label
        case .reference: return dataset.pool.text(RecordTextColumns.Columns.cell(textColumns.references.label, Int(f.row))) ?? ""
        case .observation: return dataset.pool.text(RecordTextColumns.Columns.cell(textColumns.observations.label, Int(f.row))) ?? ""
        }
    }

    /// The plan revision fact `i` belongs to (``AlignedValue/revision``).
    public func revision(_ i: Int, role: AlignedValue.Role = .actual) -> String? {
        let f = role == .actual ? facts[i] : targetFacts[i]
        switch f.kind {
        case .computed: return computed[Int(f.row)].revision
        case .reference: return nil
        case .observation: return dataset.pool.text(RecordTextColumns.Columns.cell(textColumns.observations.revision, Int(f.row)))
        }
    }

    /// The corrections, caveats and suspicions behind fact `i` (``AlignedValue/corrections``,
    /// ``AlignedValue/caveats``, ``AlignedValue/suspicions``).
    public func flags(_ i: Int, role: AlignedValue.Role = .actual) -> (corrections: [String], caveats: [String], suspicions: [String]) {
        guard isPlain(i, role: role) else {
            let v = aligned(i, role: role)
            return (v.corrections, v.caveats, v.suspicions)
        }
        let f = role == .actual ? facts[i] : targetFacts[i]
        // Only a suspect fact has reasons (``markSuspects(_:)``): the others skip the lookup.
        let suspicions = f.suspect ? (role == .actual ? self.suspicions : targetSuspicions)[Int32(i)] ?? [] : []
        let caveats = f.kind == .observation ? mappings[Int(f.mapping)].caveat.map { [$0] } ?? [] : []
        return ([], caveats, suspicions)
    }
}

/// The text columns of the records facts come from, looked up once: where each row was printed
/// (document, place, page), its label and revision.
struct RecordTextColumns: Sendable {
    /// Columns of one table; a column the loader did not read is empty (its cells missing).
    struct Columns: Sendable {
        var source: [Int32] = [], location: [Int32] = [], label: [Int32] = [], revision: [Int32] = []
        var page: [Int64] = []

        static func cell(_ column: [Int32], _ row: Int) -> Int32 { column.isEmpty ? -1 : column[row] }
    }
    var observations = Columns()
    var references = Columns()

    init(_ dataset: Dataset) {
        // A field the loader was told not to read (the pipeline's) gives an empty column.
        func texts<Field: TableField>(_ t: Table, _ field: Field) -> [Int32] { t.isLoaded(field) ? t.textIDs(field) : [] }
        if let t = dataset.tables[ObservationField.tableKind] {
            let page = t.isLoaded(ObservationField.page) ? t.integers(ObservationField.page) : []
            observations = Columns(source: texts(t, ObservationField.sourceID), location: texts(t, ObservationField.location),
                                   label: texts(t, ObservationField.indicatorLabel), revision: texts(t, ObservationField.revision), page: page)
        }
        if let t = dataset.tables[ReferenceField.tableKind] {
            references = Columns(source: texts(t, ReferenceField.sourceID), location: texts(t, ReferenceField.location),
                                 label: texts(t, ReferenceField.indicator))
        }
    }
}
