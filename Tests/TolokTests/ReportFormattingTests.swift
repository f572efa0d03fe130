import Testing
import Tolok
@testable import TolokOutput

@Suite("Report formatting: numbers, escaping, wrapping, notes")
struct ReportFormattingTests {
    let id = ReportNumberFormat(.id), en = ReportNumberFormat(.en)

    @Test func indonesianThousandsDotAndDecimalComma() {
        // Kabupaten Bekasi's 2024 pagu (LKIP Tabel 1.9) and its LKIP's TPAK realisation.
        #expect(id.rupiah(47_570_506_579) == "Rp47.570.506.579")
        #expect(en.rupiah(47_570_506_579) == "Rp47,570,506,579")
        #expect(id.percent(66.22) == "66,22%")
        #expect(en.percent(66.22) == "66.22%")
        #expect(id.number(3898, decimals: 0) == "3.898")
        #expect(id.number(999, decimals: 0) == "999")
        #expect(id.number(1000, decimals: 0) == "1.000")
        #expect(id.rupiahShort(47_570_506_579) == "Rp47,6 miliar")
        #expect(en.rupiahShort(1_414_708_339) == "Rp1.4 bn")
    }

    @Test func listsAsSentencesListThem() {
        #expect(ReportLanguage.id.list([]) == "")
        #expect(ReportLanguage.id.list(["TPT"]) == "TPT")
        #expect(ReportLanguage.id.list(["TPT", "TPAK"]) == "TPT dan TPAK")
        #expect(ReportLanguage.id.list(["TPT", "TPAK", "IKM"]) == "TPT, TPAK dan IKM")
        #expect(ReportLanguage.en.list(["TPT", "TPAK", "IKM"]) == "TPT, TPAK and IKM")
    }

    @Test func gapsInPointsWithATrueMinus() {
        // TPT 2024: Kabupaten Bekasi 8,82 against Jawa Barat 6,75; TPAK 65,11 against 67,71.
        #expect(id.points(8.82 - 6.75) == "+2,07 poin")
        #expect(id.points(65.11 - 67.71) == "\u{2212}2,60 poin")
        #expect(en.points(65.11 - 67.71) == "\u{2212}2.60 pp")
        #expect(id.points(0) == "0,00 poin")
        #expect(id.number(-0.001, decimals: 2) == "0,00")
    }

    @Test func markupCharactersBecomeReferences() {
        #expect(Markup.escape("Kota <Bekasi> & \"Jember\" 'x'") == "Kota &lt;Bekasi&gt; &amp; &quot;Jember&quot; &#39;x&#39;")
        #expect(MarkdownText.escape("a|b <i>*c*</i> [d](e) district_code _x_") == "a\\|b &lt;i&gt;\\*c\\*&lt;/i&gt; \\[d\\](e) district_code \\_x\\_")
        let table = Tabular(header: ["label"], rows: [[.text("<b>&</b> | x")]])
        #expect(table.render(.md) == "| label |\n|---|\n| &lt;b&gt;&amp;&lt;/b&gt; \\| x |\n")
    }

    @Test func wrappingKeepsWordsAndMarksWhatIsLeftOut() {
        let label = "Persentase Penyelesaian Kasus Perselisihan Hubungan Industrial"
        #expect(TextWrap.lines(label, width: 24) == ["Persentase Penyelesaian", "Kasus Perselisihan", "Hubungan Industrial"])
        #expect(TextWrap.lines(label, width: 24, maxLines: 2) == ["Persentase Penyelesaian", "Kasus Perselisihan Hubu…"])
        #expect(TextWrap.truncate("Kabupaten Pangandaran", width: 12) == "Kabupaten P…")
        #expect(TextWrap.lines("", width: 5) == [""])
    }

    @Test func terminalTableFitsAndRightAlignsNumbers() {
        // Jawa Barat's TPT 2023 (BPS): the best and Kabupaten Bekasi.
        let table = Tabular(header: ["district", "tpt", "note"], rows: [
            [.text("Kabupaten Pangandaran"), .number(1.52, decimals: 2), .text("the best value of the province")],
            [.text("Kabupaten Bekasi"), .number(8.87, decimals: 2), .missing],
        ])
        let wide = TerminalTable(table, width: 100).render().split(separator: "\n").map(String.init)
        #expect(wide[0] == "district" + String(repeating: " ", count: 16) + "tpt  note")
        #expect(wide[2] == "Kabupaten Pangandaran  1.52  the best value of the province")
        #expect(wide[3] == "Kabupaten Bekasi       8.87")
        let narrow = TerminalTable(table, width: 30).render().split(separator: "\n").map(String.init)
        #expect(narrow.allSatisfy { $0.count <= 30 })
        #expect(narrow.contains { $0.hasSuffix("1.52  the best") || $0.contains(" 1.52 ") })
        let dropped = TerminalTable(table, width: 22, dropOrder: ["note"]).render().split(separator: "\n").map(String.init)
        #expect(dropped.allSatisfy { $0.count <= 22 } && !dropped[0].contains("note"))
    }

    @Test func numbersInsideNotesReadTheReportsWay() {
        // The audit's details as it writes them: plain numbers, dot decimals.
        #expect(id.numbers(in: "tpak printed as 61.46 here and 61.43 in gh-jessch22 sheet Populasi, col TPAK_2018")
                == "tpak printed as 61,46 here and 61,43 in gh-jessch22 sheet Populasi, col TPAK_2018")
        #expect(id.numbers(in: "realisasi 137875000 / pagu 137875000 × 100") == "realisasi 137.875.000 / pagu 137.875.000 × 100")
        #expect(en.numbers(in: "realisasi 137875000 / pagu 137875000 × 100") == "realisasi 137,875,000 / pagu 137,875,000 × 100")
        #expect(id.numbers(in: "target series 15000 / 155000 / 16000 (2023–2025): the middle value is an order of magnitude off both neighbours")
                == "target series 15.000 / 155.000 / 16.000 (2023–2025): the middle value is an order of magnitude off both neighbours")
        // A caveat the data writes with English grouping.
        #expect(id.numbers(in: "includes overseas placements (AKAN): 2,042 of 3,898 in 2023") == "includes overseas placements (AKAN): 2.042 of 3.898 in 2023")
        #expect(en.numbers(in: "includes overseas placements (AKAN): 2,042 of 3,898 in 2023") == "includes overseas placements (AKAN): 2,042 of 3,898 in 2023")
        // Ids, codes, years, tables and pages stay as written.
        #expect(id.numbers(in: "average of 004-t3.6-1.reported_percent = 88.84, 004-t3.6-2.reported_percent = 98.75")
                == "average of 004-t3.6-1.reported_percent = 88,84, 004-t3.6-2.reported_percent = 98,75")
        #expect(id.numbers(in: "realisasi printed as 2865678 here and 212435 in 001 Tabel 3.10 (002 Table 15, p. 1088)")
                == "realisasi printed as 2.865.678 here and 212.435 in 001 Tabel 3.10 (002 Table 15, p. 1088)")
        #expect(id.numbers(in: "covers the programmes of 000 Tabel 1.9: 2.07.01, 2.07.03, 3.32.03") == "covers the programmes of 000 Tabel 1.9: 2.07.01, 2.07.03, 3.32.03")
        #expect(id.numbers(in: "realisation of the year against the sum of its 12 periods (M01–M12) (000 §3.1.6 (text))")
                == "realisation of the year against the sum of its 12 periods (M01–M12) (000 §3.1.6 (text))")
        #expect(id.numbers(in: "no Jawa Barat value for 2017; not ranked in province:35; tpak 95.37 outside its plausible range 30–95; |7.53 − 10.09|")
                == "no Jawa Barat value for 2017; not ranked in province:35; tpak 95,37 outside its plausible range 30–95; |7,53 − 10,09|")
        #expect(id.numbers(in: "001-cor-7: pagu printed 2275367080, corrected to 2753367080.") == "001-cor-7: pagu printed 2.275.367.080, corrected to 2.753.367.080.")
    }

    @Test func expectedFiguresAtThePrintedPrecisionPlusTwoAtMost() {
        // Kabupaten Bekasi's TPAK ratio 24065 / 35337 × 100 against a printed 66,22.
        #expect(ReportData.expectedDecimals(68.101419, published: 2) == 4)
        // Binary noise and trailing zeros dropped, never below the printed decimals.
        #expect(ReportData.expectedDecimals(9.130000000001, published: 2) == 2)
        #expect(ReportData.expectedDecimals(84.168, published: 2) == 3)
        #expect(ReportData.expectedDecimals(91.3, published: 2) == 2)
        #expect(ReportData.expectedDecimals(100, published: 0) == 0)
        #expect(ReportData.expectedDecimals(100, published: 2) == 2)
        #expect(ReportData.expectedDecimals(0.5, published: 0) == 1)
        #expect(ReportData.expectedDecimals(6.8649, published: 2) == 4)
    }

    @Test func suspicionsNameBothPlaces() {
        // As budget.csv and the rankings write them: the suspect figure's own location last.
        let id = ReportVocabulary(language: .id), en = ReportVocabulary(language: .en)
        let reason = "same_fact: realisasi printed as 43987586629 here and 44022386629 in 000 Tabel 1.9 (000 §3.1.6 (text))"
        #expect(id.suspicion(reason) == "angka sama dicetak berbeda: realisasi tercetak 43.987.586.629 di 000 §3.1.6 (text) dan 44.022.386.629 di 000 Tabel 1.9")
        #expect(en.suspicion(reason) == "one fact printed twice: realisasi printed as 43,987,586,629 in 000 §3.1.6 (text) and 44,022,386,629 in 000 Tabel 1.9")
        // Without a second place the location stays in brackets; a detail holding "; " stays whole.
        #expect(id.suspicion("total: realisasi against the sum of its 11 lines (001 Tabel 3.10)")
                == "jumlah dan rinciannya: realisasi dibandingkan dengan jumlah 11 baris rinciannya (001 Tabel 3.10)")
        let ranked = "left out as suspect (--include-suspect keeps it): series_jump: tpt 2019 printed as 1.09; the median of the series' other 6 years is 6.86: an order of magnitude off (gh-jessch22 sheet Populasi, col TPT_2019); same_fact: value printed as 9 here and 8.94 in 002 Gambar 3 (002 Table 9)"
        #expect(id.note(ranked) == "dikeluarkan karena diragukan (--include-suspect mempertahankannya): lonjakan deret: TPT 2019 tercetak 1,09; median 6 tahun lain deret itu 6,86: selisih satu orde besaran (gh-jessch22 sheet Populasi, col TPT_2019); angka sama dicetak berbeda: nilai tercetak 9 di 002 Table 9 dan 8,94 di 002 Gambar 3")
    }

    @Test func notesReadInIndonesian() {
        // Notes as the statistics write them.
        #expect(NoteTranslation.indonesian("not ranked: 3 districts with a value in province:35 (at least 5 needed)")
                == "tidak diperingkat: 3 kabupaten/kota bernilai di province:35 (minimal 5)")
        #expect(NoteTranslation.indonesian("no Jawa Barat value for 2017; no national value for 2017")
                == "tidak ada nilai Jawa Barat untuk 2017; tidak ada nilai nasional untuk 2017")
        #expect(NoteTranslation.indonesian("no placements count for 2018") == "tidak ada angka placements untuk 2018")
        #expect(NoteTranslation.indonesian("no trainees count for 2018; realised spend not printed", names: ["trainees": "Jumlah peserta pelatihan"])
                == "tidak ada angka jumlah peserta pelatihan untuk 2018; realisasi belanja tidak tercetak")
        #expect(NoteTranslation.english("no placements_domestic count for 2024", names: ["placements_domestic": "Job seekers placed at home"])
                == "no count of job seekers placed at home for 2024")
        // The mappings' caveats.
        #expect(NoteTranslation.indonesian("includes overseas placements (AKAN): 2.042 of 3.898 in 2023")
                == "termasuk penempatan ke luar negeri (AKAN): 2.042 dari 3.898 pada 2023")
        #expect(NoteTranslation.indonesian("whether overseas placements are included is not stated")
                == "tidak dinyatakan apakah penempatan ke luar negeri termasuk di dalamnya")
        // The audit's field names, and a single line.
        #expect(NoteTranslation.indonesian("tpak printed as 61,46 here and 61,43 in gh-jessch22 sheet Populasi, col TPAK_2018")
                == "TPAK tercetak 61,46 di sini dan 61,43 di gh-jessch22 sheet Populasi, col TPAK_2018")
        #expect(NoteTranslation.indonesian("realisation printed as 31.396 here and 35.337 in 000 Tabel 1.6, p. 17")
                == "realisasi tercetak 31.396 di sini dan 35.337 di 000 Tabel 1.6, p. 17")
        #expect(NoteTranslation.indonesian("realisasi of the same line (pagu 137.875.000, reworded) printed as 137.875.000 here and 136.815.000 in 001 Tabel 3.10")
                == "realisasi baris yang sama (pagu 137.875.000, dengan nama lain) tercetak 137.875.000 di sini dan 136.815.000 di 001 Tabel 3.10")
        #expect(NoteTranslation.indonesian("pagu against the sum of its 1 line") == "pagu dibandingkan dengan satu-satunya baris rinciannya")
        #expect(NoteTranslation.indonesian("pagu against the sum of its 5 lines") == "pagu dibandingkan dengan jumlah 5 baris rinciannya")
        #expect(NoteTranslation.english("pagu against the sum of its 1 line") == "pagu against its only line")
        #expect(NoteTranslation.english("pagu against the sum of its 5 lines") == "pagu against the sum of its 5 lines")
        #expect(NoteTranslation.indonesian("tpt 2019 printed as 1.09; the median of the series' other 6 years is 6.86: an order of magnitude off")
                == "TPT 2019 tercetak 1.09; median 6 tahun lain deret itu 6.86: selisih satu orde besaran")
        #expect(NoteTranslation.indonesian("something new") == "something new")
    }
}
