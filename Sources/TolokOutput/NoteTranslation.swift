/// The notes the analyses write (in English: why a value is missing, not ranked, suspect, what the
/// audit compared) in Indonesian, for the outputs people read (terminal tables with `--lang id`,
/// the HTML report, the briefing). The CSV exports keep the English notes, which scripts match.
///
/// A note is translated segment by segment (`; ` separates them) by patterns with `{}` holes; a
/// segment no pattern knows stays as written.
public enum NoteTranslation {
    /// An English pattern (`{}` a hole) and what replaces a text that matches it; the pattern's
    /// literal pieces are kept as bytes, split once.
    struct Rule: Sendable {
        let pattern: String
        let replacement: String
        /// The literal texts between the holes, as UTF-8.
        let pieces: [[UInt8]]
        /// Whether the pattern spans segments (holds `; `).
        let spansSegments: Bool

        init(_ entry: (pattern: String, replacement: String)) {
            pattern = entry.pattern
            replacement = entry.replacement
            pieces = entry.pattern.components(separatedBy: "{}").map { Array($0.utf8) }
            spansSegments = entry.pattern.contains("; ")
        }
    }

    /// English patterns and their Indonesian (`{1}`, `{2}`, … the holes in order;
    /// `{1*}` translates the hole's text too; `{1~}` reads the hole as a field or indicator name
    /// (``fieldNames``, else the indicator's name when known); `{1@}` as an indicator id, written
    /// as the indicator's name when known). The first pattern that matches wins.
    static let rules: [Rule] = indonesianTable.map(Rule.init)

    static let indonesianTable: [(pattern: String, replacement: String)] = [
        // Achievement.
        ("no target and no realisation", "tanpa target dan tanpa realisasi"),
        ("no target", "tanpa target"),
        ("no realisation", "tanpa realisasi"),
        ("target is 0: capaian is undefined", "target 0: capaian tidak terdefinisi"),
        ("polarity not stated: higher taken as better", "polaritas tidak dinyatakan: nilai lebih tinggi dianggap lebih baik"),
        // Rankings, comparisons, gaps.
        ("not ranked: {} district{} with a value in {} (at least {} needed)", "tidak diperingkat: {1} kabupaten/kota bernilai di {3} (minimal {4})"),
        ("not ranked: {} district{} scored (at least {} needed)", "tidak diperingkat: {1} kabupaten/kota dinilai (minimal {3})"),
        ("left out as suspect (--include-suspect keeps it): {}", "dikeluarkan karena diragukan (--include-suspect mempertahankannya): {1*}"),
        ("no value for this indicator", "tidak ada nilai untuk indikator ini"),
        ("no value for any of the indicators in {}", "tidak ada nilai satu pun indikator pada {1}"),
        ("no value for {} (has {})", "tidak ada nilai untuk {1} (ada: {2})"),
        ("no provincial or national yardstick for this indicator", "indikator ini tidak punya pembanding provinsi atau nasional"),
        ("no national value for {}", "tidak ada nilai nasional untuk {1}"),
        ("no programme {} in the budget", "tidak ada program {1} dalam anggaran"),
        ("no {} count for {}", "tidak ada angka {1@} untuk {2}"),
        ("no {} value for {}", "tidak ada nilai {1} untuk {2}"),
        ("one year with a gap ({}): no trend", "selisih hanya pada satu tahun ({1}): tidak ada tren"),
        ("the province changed ({}): the series crosses a boundary change", "provinsi berubah ({1}): deret melintasi perubahan wilayah"),
        ("suspect gap left out of the trend (--include-suspect keeps it): {}",
         "selisih yang diragukan dikeluarkan dari tren (--include-suspect mempertahankannya): {1}"),
        ("suspect gap kept in the trend (--include-suspect): {}", "selisih yang diragukan tetap dalam tren (--include-suspect): {1}"),
        ("no gap left once the suspect ones are left out: no trend",
         "tidak ada selisih tersisa setelah yang diragukan dikeluarkan: tidak ada tren"),
        ("coverage {} below the {} required", "cakupan {1} di bawah {2} yang disyaratkan"),
        ("{} {} left out as suspect", "{1} {2} dikeluarkan karena diragukan"),
        // Budgets, costs, targets.
        ("realised spend printed as 0", "realisasi belanja tercetak 0"),
        ("realised spend not printed", "realisasi belanja tidak tercetak"),
        ("programmes without a standard code (add them to programme_crosswalk.csv): {}",
         "program tanpa kode standar (tambahkan ke programme_crosswalk.csv): {1}"),
        ("covers the programmes of {}: {} and {} without a standard code", "mencakup program {1}: {2} dan {3} tanpa kode standar"),
        ("covers the programmes of {}: {}", "mencakup program {1}: {2}"),
        ("target already met", "target sudah tercapai"),
        ("possible break: {}", "kemungkinan patahan: {1}"),
        ("earlier revision: {}", "revisi sebelumnya: {1}"),
        // The mappings' caveats (datasets/indicator_mappings.csv).
        ("includes overseas placements ({}): {} of {} in {}", "termasuk penempatan ke luar negeri ({1}): {2} dari {3} pada {4}"),
        ("includes overseas placements ({})", "termasuk penempatan ke luar negeri ({1})"),
        ("whether overseas placements are included is not stated", "tidak dinyatakan apakah penempatan ke luar negeri termasuk di dalamnya"),
        // What the audit compared.
        ("{} of the same line ({}) printed as {} here and {} in {}", "{1~} baris yang sama ({2*}) tercetak {3} di sini dan {4} di {5}"),
        ("pagu {}, reworded", "pagu {1}, dengan nama lain"),
        ("the agency's total {} printed as {} here and {} in {}", "total {1~} dinas tercetak {2} di sini dan {3} di {4}"),
        ("value printed as {} here and {} in {}", "nilai tercetak {1} di sini dan {2} di {3}"),
        ("{} printed as {} here and {} in {}", "{1~} tercetak {2} di sini dan {3} di {4}"),
        ("capaian of {} against target {} (positive)", "capaian {1} terhadap target {2} (positif)"),
        ("capaian of {} against target {} (negative)", "capaian {1} terhadap target {2} (negatif)"),
        ("capaian of {} against target {} (polarity not stated)", "capaian {1} terhadap target {2} (polaritas tidak dinyatakan)"),
        ("{} of the year against the sum of its 1 period ({}) ({})", "{1~} setahun dibandingkan dengan satu-satunya periodenya ({2}) ({3})"),
        ("{} of the year against the sum of its 1 period ({})", "{1~} setahun dibandingkan dengan satu-satunya periodenya ({2})"),
        ("{} of the year against the sum of its {} periods ({}) ({})", "{1~} setahun dibandingkan dengan jumlah {2} periodenya ({3}) ({4})"),
        ("{} of the year against the sum of its {} periods ({})", "{1~} setahun dibandingkan dengan jumlah {2} periodenya ({3})"),
        ("{} against the sum of its 1 line ({})", "{1~} dibandingkan dengan satu-satunya baris rinciannya ({2})"),
        ("{} against the sum of its 1 lines ({})", "{1~} dibandingkan dengan satu-satunya baris rinciannya ({2})"),
        ("{} against the sum of its 1 line", "{1~} dibandingkan dengan satu-satunya baris rinciannya"),
        ("{} against the sum of its 1 lines", "{1~} dibandingkan dengan satu-satunya baris rinciannya"),
        ("{} against the sum of its {} lines ({})", "{1~} dibandingkan dengan jumlah {2} baris rinciannya ({3})"),
        ("{} against the sum of its {} lines", "{1~} dibandingkan dengan jumlah {2} baris rinciannya"),
        ("average of {}", "rata-rata dari {1}"),
        ("TPT against {} unemployed / {} labour force × 100", "TPT dibandingkan {1} penganggur / {2} angkatan kerja × 100"),
        ("{} {} outside its plausible range {} (indicators.csv)", "{1~} {2} di luar rentang wajarnya {3} (indicators.csv)"),
        ("{} outside its plausible range {} (indicators.csv)", "{1} di luar rentang wajarnya {2} (indicators.csv)"),
        ("ratio {} / {} × 100", "rasio {1} / {2} × 100"),
        ("{} {} printed as {}; the median of the series' other {} years is {}: an order of magnitude off",
         "{1~} {2} tercetak {3}; median {4} tahun lain deret itu {5}: selisih satu orde besaran"),
        ("target series {}: the middle value is an order of magnitude off both neighbours",
         "deret target {1}: nilai tengahnya berbeda satu orde besaran dari kedua nilai di sebelahnya"),
    ]

    /// Names of the audit's checks: a segment `check: detail` translates its detail.
    static let checks: Set<String> = ["capaian", "percentage", "ratio", "total", "average", "same_fact", "series_jump", "rate_range",
                                      "rate_from_counts", "against_bps"]

    /// The record fields and indicator ids the audit names in its details, in Indonesian.
    static let fieldNames: [String: String] = [
        "realisation": "realisasi", "realisasi": "realisasi", "target": "target", "pagu": "pagu", "value": "nilai",
        "reported_capaian": "capaian tercetak", "reported_percent": "persentase tercetak", "tpt": "TPT", "tpak": "TPAK",
    ]

    /// English patterns for the English reports: singulars the details write as plurals, and
    /// indicator ids as names (`{1@}`, as in ``rules``).
    static let englishRules: [Rule] = englishTable.map(Rule.init)

    static let englishTable: [(pattern: String, replacement: String)] = [
        ("no {} count for {}", "no count of {1@} for {2}"),
        ("{} of the year against the sum of its 1 period ({}) ({})", "{1} of the year against its only period ({2}) ({3})"),
        ("{} of the year against the sum of its 1 period ({})", "{1} of the year against its only period ({2})"),
        ("{} against the sum of its 1 line ({})", "{1} against its only line ({2})"),
        ("{} against the sum of its 1 lines ({})", "{1} against its only line ({2})"),
        ("{} against the sum of its 1 line", "{1} against its only line"),
        ("{} against the sum of its 1 lines", "{1} against its only line"),
    ]

    /// `note` in Indonesian, as far as the patterns know it.
    public static func indonesian(_ note: String) -> String { indonesian(note, names: [:]) }

    /// `note` in Indonesian, as far as the patterns know it; `names` are the indicators' names by id.
    public static func indonesian(_ note: String, names: [String: String]) -> String {
        translate(note, rules: rules, names: names, fields: fieldNames)
    }

    /// `note` in English as the reports show it: its singulars right, indicator ids as `names`.
    public static func english(_ note: String, names: [String: String] = [:]) -> String {
        translate(note, rules: englishRules, names: names, fields: [:])
    }

    static func translate(_ note: String, rules: [Rule], names: [String: String],
                          fields: [String: String]) -> String {
        // `check: detail`: the detail alone, whole-note patterns included.
        if let colon = note.range(of: ": "), checks.contains(String(note[..<colon.lowerBound])) {
            return String(note[..<colon.upperBound]) + translate(String(note[colon.upperBound...]), rules: rules, names: names, fields: fields)
        }
        // A pattern that itself spans segments is tried on the whole note first.
        for rule in rules where rule.spansSegments {
            if let translated = apply(rule, to: note, rules: rules, names: names, fields: fields) { return translated }
        }
        return note.components(separatedBy: "; ").map { segment($0, rules: rules, names: names, fields: fields) }.joined(separator: "; ")
    }

    static func apply(_ rule: Rule, to text: String, bytes: [UInt8]? = nil, rules: [Rule],
                      names: [String: String], fields: [String: String]) -> String? {
        guard let holes = match(bytes ?? Array(text.utf8), rule.pieces) else { return nil }
        var out = rule.replacement
        for (i, hole) in holes.enumerated().reversed() {
            out = out.replacingOccurrences(of: "{\(i + 1)*}", with: translate(hole, rules: rules, names: names, fields: fields))
            out = out.replacingOccurrences(of: "{\(i + 1)~}", with: fields[hole] ?? names[hole].map(lowercasedName) ?? hole)
            out = out.replacingOccurrences(of: "{\(i + 1)@}", with: names[hole].map(lowercasedName) ?? hole)
            out = out.replacingOccurrences(of: "{\(i + 1)}", with: hole)
        }
        return out
    }

    /// An indicator's name inside a sentence: `Jumlah peserta pelatihan` → `jumlah peserta
    /// pelatihan`; a name that starts with an abbreviation (`TPT …`, `IKM`) stays as it is.
    static func lowercasedName(_ name: String) -> String {
        let head = name.prefix(2)
        guard head.count == 2, head.allSatisfy(\.isLetter), head.last!.isLowercase else { return name }
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    static func segment(_ text: String, rules: [Rule], names: [String: String],
                        fields: [String: String]) -> String {
        if let colon = text.range(of: ": "), checks.contains(String(text[..<colon.lowerBound])) {
            return String(text[..<colon.upperBound]) + segment(String(text[colon.upperBound...]), rules: rules, names: names, fields: fields)
        }
        let bytes = Array(text.utf8)
        for rule in rules where !rule.spansSegments {
            if let translated = apply(rule, to: text, bytes: bytes, rules: rules, names: names, fields: fields) { return translated }
        }
        return text
    }

    /// The texts in the holes of `pattern` when `text` matches it: literal pieces in order, each
    /// hole the shortest text before the next piece (the last piece must end the text).
    static func match(_ text: String, _ pattern: String) -> [String]? {
        match(Array(text.utf8), Rule((pattern, "")).pieces)
    }

    /// ``match(_:_:)`` on UTF-8 bytes, with the pattern's pieces split.
    static func match(_ text: [UInt8], _ pieces: [[UInt8]]) -> [String]? {
        let first = pieces[0]
        guard text.count >= first.count, text[0..<first.count].elementsEqual(first) else { return nil }
        if pieces.count == 1 { return text.count == first.count ? [] : nil }
        let last = pieces[pieces.count - 1]
        guard text.count - first.count >= last.count, text[(text.count - last.count)...].elementsEqual(last) else { return nil }
        var at = first.count
        var holes: [String] = []
        for k in 1..<pieces.count {
            let piece = pieces[k]
            if k == pieces.count - 1 {
                let end = text.count - piece.count
                guard end >= at else { return nil }
                holes.append(String(decoding: text[at..<end], as: UTF8.self))
            } else {
                guard !piece.isEmpty, let found = find(piece, in: text, from: at) else { return nil }
                holes.append(String(decoding: text[at..<found], as: UTF8.self))
                at = found + piece.count
            }
        }
        return holes
    }

    /// Where `piece` first occurs in `text` at or after `start`.
    static func find(_ piece: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        let head = piece[0], limit = text.count - piece.count
        var i = start
        while i <= limit {
            if text[i] == head && text[i..<(i + piece.count)].elementsEqual(piece) { return i }
            i += 1
        }
        return nil
    }
}
