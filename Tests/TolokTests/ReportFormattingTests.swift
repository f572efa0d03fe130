import Testing
import Tolok

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

    @Test func notesReadInIndonesian() {
        // Notes as the statistics write them.
        #expect(NoteTranslation.indonesian("not ranked: 3 districts with a value in province:35 (at least 5 needed)")
                == "tidak diperingkat: 3 kabupaten/kota bernilai di province:35 (minimal 5)")
        #expect(NoteTranslation.indonesian("no Jawa Barat value for 2017; no national value for 2017")
                == "tidak ada nilai Jawa Barat untuk 2017; tidak ada nilai nasional untuk 2017")
        #expect(NoteTranslation.indonesian("no placements count for 2018") == "tidak ada jumlah placements untuk 2018")
        #expect(NoteTranslation.indonesian("tpt 2019 printed as 1.09; the median of the series' other 6 years is 6.86: an order of magnitude off")
                == "tpt 2019 tercetak 1.09; median 6 tahun lain deret itu 6.86: selisih satu orde besaran")
        #expect(NoteTranslation.indonesian("something new") == "something new")
    }
}
