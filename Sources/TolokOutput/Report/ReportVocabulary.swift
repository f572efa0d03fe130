/// The words the reports put on the data's machine values (checks, predicates, gap directions),
/// in the report's language.
struct ReportVocabulary {
    var language: ReportLanguage
    /// The indicators' names in the report's language, by id (``ReportData/indicatorNames``).
    var names: [String: String] = [:]

    /// A source's type for a reader: LKIP, Renstra, PK and BPS as they are; press and other in
    /// the report's language.
    func sourceType(_ type: String) -> String {
        switch type {
        case "press": language.pick("pers", "press")
        case "other": language.pick("lainnya", "other")
        default: type
        }
    }

    /// The audit check's name for a reader.
    func check(_ id: String) -> String {
        let l = language
        switch id {
        case "capaian": return l.pick("capaian dihitung ulang", "capaian recomputed")
        case "percentage": return l.pick("persentase anggaran", "budget percentage")
        case "ratio": return l.pick("rasio dari dua angka", "ratio of two counts")
        case "total": return l.pick("jumlah dan rinciannya", "total against its lines")
        case "average": return l.pick("rata-rata", "average")
        case "same_fact": return l.pick("angka sama dicetak berbeda", "one fact printed twice")
        case "series_jump": return l.pick("lonjakan deret", "series jump")
        case "rate_range": return l.pick("rasio di luar rentang wajar", "rate out of range")
        case "rate_from_counts": return l.pick("TPT dari jumlah penganggur", "TPT from counts")
        case "against_bps": return l.pick("dibandingkan dengan BPS", "against BPS")
        default: return id
        }
    }

    func severity(_ id: String) -> String {
        switch id {
        case "error": language.pick("galat", "error")
        case "rounding": language.pick("pembulatan", "rounding")
        default: id
        }
    }

    /// The SAKIP interpretation of a predicate.
    func predicate(_ p: String) -> String {
        let l = language
        switch p {
        case "AA": return l.pick("Sangat Memuaskan", "very satisfactory")
        case "A": return l.pick("Memuaskan", "satisfactory")
        case "BB": return l.pick("Sangat Baik", "very good")
        case "B": return l.pick("Baik", "good")
        case "CC": return l.pick("Cukup", "fair")
        case "C": return l.pick("Kurang", "poor")
        case "D": return l.pick("Sangat Kurang", "very poor")
        default: return p
        }
    }

    func direction(_ d: String?) -> String {
        switch d {
        case "closing": language.pick("menyempit", "closing")
        case "widening": language.pick("melebar", "widening")
        case "unchanged": language.pick("tetap", "unchanged")
        default: language.pick("tanpa tren (satu tahun)", "no trend (one year)")
        }
    }

    func movement(_ m: String?) -> String {
        switch m {
        case "improving": language.pick("membaik", "improving")
        case "worsening": language.pick("memburuk", "worsening")
        case "unchanged": language.pick("tetap", "unchanged")
        default: ""
        }
    }

    /// `lebih rendah lebih baik` / `higher is better`.
    func polarity(higherIsBetter: Bool) -> String {
        higherIsBetter ? language.pick("lebih tinggi lebih baik", "higher is better")
                       : language.pick("lebih rendah lebih baik", "lower is better")
    }

    func level(_ id: String) -> String {
        switch id {
        case "tujuan": language.pick("tujuan", "goal")
        case "sasaran": language.pick("sasaran", "objective")
        case "program": "program"
        case "kegiatan": language.pick("kegiatan", "activity")
        case "sub_kegiatan": language.pick("sub-kegiatan", "sub-activity")
        case "statistik": language.pick("statistik", "statistic")
        default: id
        }
    }

    /// The note the rankings write for a suspect value, before its reasons.
    static let leftOutAsSuspect = "left out as suspect (--include-suspect keeps it): "

    /// A note of the statistics in the report's language, its plain numbers written the report's
    /// way (``ReportNumberFormat/numbers(in:)``, before the translation, which adds no number).
    func note(_ text: String) -> String {
        if text.hasPrefix(Self.leftOutAsSuspect) {
            return language.pick("dikeluarkan karena diragukan (--include-suspect mempertahankannya): ", Self.leftOutAsSuspect)
                + suspicions(String(text.dropFirst(Self.leftOutAsSuspect.count)))
        }
        var text = ReportNumberFormat(language).numbers(in: text)
        text = language == .id ? NoteTranslation.indonesian(text, names: names) : NoteTranslation.english(text, names: names)
        // `same_fact: …` (a suspicion naming the audit's check): the check's name for a reader.
        if let colon = text.range(of: ": "), NoteTranslation.checks.contains(String(text[..<colon.lowerBound])) {
            text = check(String(text[..<colon.lowerBound])) + text[colon.lowerBound...]
        }
        return text
    }

    /// The audit's reasons to suspect a value, as the analyses join them (`check: detail
    /// (location); check: …`; a detail may itself hold `; `), each read by ``suspicion(_:)``.
    func suspicions(_ text: String) -> String {
        var reasons: [String] = []
        for part in text.components(separatedBy: "; ") {
            let startsReason = part.range(of: ": ").map { NoteTranslation.checks.contains(String(part[..<$0.lowerBound])) } ?? false
            if startsReason || reasons.isEmpty { reasons.append(part) } else { reasons[reasons.count - 1] += "; " + part }
        }
        return reasons.map(suspicion).joined(separator: "; ")
    }

    /// One reason the audit suspects a value (`check: detail (location)`, the location the
    /// suspect figure's) as a note that names both places: `realisasi printed as 43987586629 here
    /// and 44022386629 in 000 Tabel 1.9 (000 §3.1.6 (text))` beside a row whose source is 000
    /// Tabel 1.9 reads `realisasi tercetak 43.987.586.629 di 000 §3.1.6 (text) dan 44.022.386.629
    /// di 000 Tabel 1.9`, never "here".
    func suspicion(_ reason: String) -> String {
        guard let open = Self.finalGroup(reason) else { return note(reason) }
        let location = String(reason[reason.index(after: open)..<reason.index(before: reason.endIndex)])
        let body = note(String(reason[..<open]).trimmingSuffix(" "))
        let here = language.pick(" di sini dan ", " here and ")
        guard let r = body.range(of: here) else { return body + " (\(location))" }
        return body.replacingCharacters(in: r, with: language.pick(" di \(location) dan ", " in \(location) and "))
    }

    /// Where the parenthesis that closes `text` opens, when `text` ends with a group that follows
    /// a space: `… in 000 Tabel 1.9 (000 §3.1.6 (text))` → the index of `(000 §`.
    static func finalGroup(_ text: String) -> String.Index? {
        guard text.hasSuffix(")") else { return nil }
        var depth = 0
        var i = text.endIndex
        while i > text.startIndex {
            i = text.index(before: i)
            if text[i] == ")" { depth += 1 } else if text[i] == "(" { depth -= 1 }
            if depth == 0 {
                guard i > text.startIndex, text[text.index(before: i)] == " " else { return nil }
                return i
            }
        }
        return nil
    }
}

extension String {
    /// The text without the trailing repeats of `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        var s = Substring(self)
        while !suffix.isEmpty, s.hasSuffix(suffix) { s = s.dropLast(suffix.count) }
        return String(s)
    }
}
