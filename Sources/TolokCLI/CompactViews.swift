import Foundation
import Tolok

/// What a person sees of a command's table at a terminal: a few columns chosen for reading, taken
/// by name from the full table (which `--format csv|json|md` prints), headers and notes in the
/// chosen language, and group headings instead of repeated columns.
struct CompactView {
    var table: Tabular
    var groupBy: [String] = []
    var rightAligned: Set<String> = []
    /// Columns left out first on a narrow terminal.
    var dropOrder: [String] = []

    func render(width: Int) -> String {
        TerminalTable(table, width: width, groupBy: groupBy, rightAligned: rightAligned, sharedToHeading: ["catatan", "note"],
                      dropOrder: dropOrder).render()
    }
}

/// The language of a terminal table, and the indicators' names in it by id: the notes name
/// indicators by id, the table by name.
struct Wording {
    var english: Bool
    var names: [String: String] = [:]
}

enum CompactViews {
    /// A row of a full table, read by column name.
    struct Row {
        let cells: [CSVCell]
        let index: [String: Int]

        subscript(_ name: String) -> CSVCell { index[name].map { cells[$0] } ?? .missing }
        func text(_ name: String) -> String { Tabular.text(self[name]) }
    }

    static func rows(_ t: Tabular) -> [Row] {
        let index = Dictionary(t.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return t.rows.map { Row(cells: $0, index: index) }
    }

    static func pick(_ english: Bool, _ id: String, _ en: String) -> String { english ? en : id }

    /// A note in the chosen language, indicators named as the table names them.
    static func note(_ cell: CSVCell, _ wording: Wording) -> CSVCell {
        guard case .text(let t) = cell else { return cell }
        return .text(wording.english ? NoteTranslation.english(t, names: wording.names) : NoteTranslation.indonesian(t, names: wording.names))
    }

    /// The composite's inputs (`tpt 2024=5.21; tpak=missing`), "missing" in the chosen language.
    static func inputs(_ cell: CSVCell, _ wording: Wording) -> CSVCell {
        guard !wording.english, case .text(let t) = cell else { return cell }
        return .text(t.replacingOccurrences(of: "=missing", with: "=tidak ada"))
    }

    /// `+1.51`: a gap with its sign.
    static func signed(_ cell: CSVCell) -> CSVCell {
        guard case .number(let v, _) = cell else { return cell }
        let text = Tabular.text(cell)
        return .text(v > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text)
    }

    /// `23/27`.
    static func fraction(_ a: CSVCell, _ b: CSVCell) -> CSVCell {
        guard case .integer(let x) = a, case .integer(let n) = b else { return .missing }
        return .text("\(x)/\(n)")
    }

    static func verdict(_ text: String, english: Bool) -> String {
        switch text {
        case "better": pick(english, "baik", "better")
        case "worse": pick(english, "buruk", "worse")
        case "equal": pick(english, "sama", "equal")
        case "": "–"
        default: text
        }
    }

    /// `tolok compare`: per district and indicator, each year against province and nation.
    static func comparison(_ full: Tabular, _ wording: Wording) -> CompactView {
        let e = wording.english
        let header = [pick(e, "kabupaten/kota", "district"), pick(e, "indikator", "indicator"), pick(e, "tahun", "year"), pick(e, "nilai", "value"),
                      pick(e, "provinsi", "province"), pick(e, "nasional", "nation"), pick(e, "selisih prov.", "gap prov."),
                      pick(e, "selisih nas.", "gap nation"), pick(e, "vs prov./nas.", "vs prov./nation"), pick(e, "peringkat prov.", "rank prov."),
                      pick(e, "peringkat nas.", "rank nation"), pick(e, "catatan", "note")]
        var t = Tabular(header: header)
        for r in rows(full) {
            let polarity = r.text("polarity") == "negative" ? pick(e, "lebih rendah lebih baik", "lower is better") : pick(e, "lebih tinggi lebih baik", "higher is better")
            let verdicts = [r.text("vs_province"), r.text("vs_national")]
            t.rows.append([
                .text("\(r.text("district_name")) (\(r.text("district_code")))"), .text("\(r.text("indicator_name")) — \(polarity)"),
                r["year"], r["value"], r["province_value"], r["national_value"], signed(r["gap_province"]), signed(r["gap_national"]),
                verdicts.allSatisfy(\.isEmpty) ? .missing : .text(verdicts.map { verdict($0, english: e) }.joined(separator: "/")),
                fraction(r["rank_province"], r["n_province"]), fraction(r["rank_nation"], r["n_nation"]), note(r["note"], wording),
            ])
        }
        return CompactView(table: t, groupBy: [header[0], header[1]], rightAligned: [header[6], header[7], header[9], header[10]],
                           dropOrder: [header[11], header[10], header[7], header[5], header[8]])
    }

    /// `tolok rank`: per ranking (indicator, year, scope), the districts in rank order.
    static func rankings(_ full: Tabular, _ wording: Wording) -> CompactView {
        let e = wording.english
        let header = ["ranking", pick(e, "peringkat", "rank"), pick(e, "kode", "code"), pick(e, "kabupaten/kota", "district"), pick(e, "nilai", "value"),
                      pick(e, "persentil", "percentile"), pick(e, "median prov.", "prov. median"), pick(e, "selisih ke terbaik", "to prov. best"),
                      pick(e, "catatan", "note")]
        var t = Tabular(header: header)
        for r in rows(full) {
            let ranked = pick(e, "\(r.text("n_ranked")) bernilai", "\(r.text("n_ranked")) with a value")
            t.rows.append([
                .text("\(r.text("indicator_name")) · \(r.text("year")) · \(r.text("scope")) · \(ranked)"), r["rank"], .text(r.text("district_code")),
                r["district_name"], r["value"], r["percentile"], r["province_median"], signed(r["distance_to_province_best"]), note(r["note"], wording),
            ])
        }
        return CompactView(table: t, groupBy: ["ranking"], rightAligned: [header[7]], dropOrder: [header[8], header[7], header[6], header[2]])
    }

    /// `tolok composite`: ranks with their 5–95 % interval and stability.
    static func composite(_ full: Tabular, _ wording: Wording) -> CompactView {
        let e = wording.english
        var t = Tabular(header: [pick(e, "peringkat", "rank"), pick(e, "kode", "code"), pick(e, "kabupaten/kota", "district"), pick(e, "skor", "score"),
                                 pick(e, "cakupan", "coverage"), "5–95 %", pick(e, "stabil", "stable"), pick(e, "masukan", "inputs"),
                                 pick(e, "catatan", "note")])
        for r in rows(full) {
            let interval = r.text("rank_p5").isEmpty ? "" : "\(r.text("rank_p5"))–\(r.text("rank_p95"))"
            let stable = r.text("stable") == "yes" ? pick(e, "ya", "yes") : r.text("stable") == "no" ? pick(e, "tidak", "no") : ""
            t.rows.append([r["rank"], .text(r.text("district_code")), r["district_name"], r["score"], r["coverage"], .text(interval), .text(stable),
                           inputs(r["inputs"], wording), note(r["note"], wording)])
        }
        return CompactView(table: t, rightAligned: ["5–95 %"], dropOrder: [t.header[8], t.header[7], t.header[4], t.header[1]])
    }

    /// Any table: every column, the notes in the chosen language.
    static func generic(_ full: Tabular, _ wording: Wording) -> CompactView {
        var t = full
        if let c = t.header.firstIndex(of: "note") {
            for i in t.rows.indices { t.rows[i][c] = note(t.rows[i][c], wording) }
        }
        return CompactView(table: t, dropOrder: t.header.dropFirst(2).reversed())
    }

    /// `tolok report`: the headline of each district with reports.
    static func headline(_ full: Tabular, _ wording: Wording) -> CompactView {
        let e = wording.english
        let header = [pick(e, "kabupaten/kota", "district"), pick(e, "indikator", "indicator"), pick(e, "tahun", "year"), pick(e, "nilai", "value"),
                      pick(e, "provinsi", "province"), pick(e, "nasional", "nation"), pick(e, "selisih prov.", "gap prov."),
                      pick(e, "selisih nas.", "gap nation"), pick(e, "vs prov./nas.", "vs prov./nation"), pick(e, "peringkat prov.", "rank prov."),
                      pick(e, "peringkat nas.", "rank nation")]
        var t = Tabular(header: header)
        for r in rows(full) {
            let audit = pick(e, "\(r.text("audit_errors")) galat audit", "\(r.text("audit_errors")) audit errors")
            let composite = r.text("composite_rank").isEmpty ? "" : pick(e, ", komposit \(r.text("composite_rank"))/\(r.text("composite_n"))",
                                                                           ", composite \(r.text("composite_rank"))/\(r.text("composite_n"))")
            t.rows.append([
                .text("\(r.text("district_name")) (\(r.text("district_code"))), \(r.text("province_name"))\(composite), \(audit)"),
                .text(abbreviation(r.text("indicator_name"))),
                r["year"], r["value"], r["province_value"], r["national_value"], signed(r["gap_province"]), signed(r["gap_national"]),
                .text([r.text("vs_province"), r.text("vs_national")].map { verdict($0, english: e) }.joined(separator: "/")),
                fraction(r["rank_province"], r["n_province"]), fraction(r["rank_nation"], r["n_nation"]),
            ])
        }
        return CompactView(table: t, groupBy: [header[0]], rightAligned: [header[6], header[7], header[9], header[10]],
                           dropOrder: [header[10], header[7], header[5], header[8]])
    }

    /// `TPT` for `Tingkat Pengangguran Terbuka (TPT)`: the abbreviation a name ends with, else the name.
    static func abbreviation(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return inner.isEmpty || inner.count > 8 || inner.contains(" ") ? name : String(inner)
    }

    /// `tolok audit --list`: the findings per area.
    static func findings(_ full: Tabular, _ wording: Wording) -> CompactView {
        let e = wording.english
        let header = [pick(e, "wilayah", "area"), pick(e, "tahun", "year"), pick(e, "pemeriksaan", "check"), pick(e, "tingkat", "severity"),
                      pick(e, "subjek", "subject"), pick(e, "tercetak", "printed"), pick(e, "seharusnya", "expected"), pick(e, "di mana", "where"),
                      pick(e, "pembanding", "compared with")]
        var t = Tabular(header: header)
        for r in rows(full) {
            let severity = r.text("severity") == "error" ? pick(e, "galat", "error") : pick(e, "pembulatan", "rounding")
            t.rows.append([
                .text("\(r.text("district_name")) (\(r.text("district_code")))"), r["year"], r["check"], .text(severity), r["subject"],
                r["published"], r["expected"], .text("\(r.text("source_id")) \(r.text("location"))"),
                .text("\(r.text("other_source_id")) \(r.text("other_location"))".trimmingCharacters(in: .whitespaces)),
            ])
        }
        return CompactView(table: t, groupBy: [header[0]], dropOrder: [header[8], header[3], header[2]])
    }
}
