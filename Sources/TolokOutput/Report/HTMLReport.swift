/// `report.html`: one self-contained page (inline CSS and SVG, no script, no external file) with
/// the overview, each district with reports (its place among its province's districts, its series
/// against province and nation, capaian, budgets, costs, audit findings), the composite index and
/// the audit. Every number in a chart carries its value and source in a `<title>`; every table row
/// names its source.
public struct HTMLReport {
    public var data: ReportData

    public init(_ data: ReportData) { self.data = data }

    var l: ReportLanguage { data.language }
    var f: ReportNumberFormat { ReportNumberFormat(data.language) }
    var words: ReportVocabulary { ReportVocabulary(language: data.language, names: data.indicatorNames) }

    static func e(_ text: String) -> String { Markup.escape(text) }

    /// The whole document.
    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(l.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.e(l.pick("Tolok — laporan tolok ukur dinas tenaga kerja", "Tolok — district labour agency benchmarks")))</title>
        <style>
        \(Self.css)
        </style>
        </head>
        <body>
        <main>

        """
        html += header()
        html += overview()
        for d in data.districts { html += district(d) }
        html += composite()
        html += audit()
        html += sources()
        html += method()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static let css = """
    body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #222; background: #fff; margin: 0; font-size: 15px; line-height: 1.45; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 64px; }
    h1 { font-size: 26px; margin: 0 0 6px; }
    h2 { font-size: 21px; margin: 48px 0 6px; padding-bottom: 4px; border-bottom: 2px solid #222; }
    h3 { font-size: 17px; margin: 30px 0 8px; }
    p { margin: 6px 0 10px; max-width: 900px; }
    a { color: #0062A0; }
    .lead { color: #444; }
    .sub { color: #444; margin-top: 0; }
    nav ol { columns: 2; margin: 6px 0 0; padding-left: 22px; }
    .cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin: 12px 0; }
    .card { border: 1px solid #d6d6d6; border-radius: 6px; padding: 8px 12px; }
    .card b { display: block; font-size: 21px; }
    .card span { font-size: 13px; color: #444; }
    figure { margin: 10px 0 22px; }
    figcaption { font-size: 14px; margin-bottom: 4px; }
    figcaption .rank { font-weight: bold; }
    svg { max-width: 100%; height: auto; }
    .pair { display: flex; flex-wrap: wrap; gap: 18px; }
    .pair figure { flex: 1 1 430px; margin: 4px 0 14px; }
    .legend { font-size: 13px; margin: 4px 0; }
    .legend span { margin-right: 18px; white-space: nowrap; }
    .legend svg { vertical-align: middle; margin-right: 4px; }
    table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0 12px; }
    th, td { border-bottom: 1px solid #dcdcdc; padding: 5px 6px; text-align: left; vertical-align: top; }
    th { background: #f0f0f0; font-weight: 600; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.src, .note { font-size: 12px; color: #555; }
    tr.total td { font-weight: 600; background: #fafafa; }
    tr.group td { font-weight: 600; background: #f7f7f7; border-bottom: 1px solid #bbb; padding-top: 8px; }
    td .note { display: inline; }
    td svg { vertical-align: middle; max-width: none; }
    details { margin: 4px 0 14px; }
    summary { cursor: pointer; }
    .badge { display: inline-block; min-width: 24px; text-align: center; padding: 0 4px; border: 1px solid #888; border-radius: 3px; font-weight: 600; font-size: 12px; }
    .warn { color: #A0361B; }
    .hl { color: #D55E00; font-weight: bold; }
    .empty { color: #555; font-style: italic; }
    ul.compact { margin: 4px 0 12px; padding-left: 20px; font-size: 13px; }
    .scroll { overflow-x: auto; }
    .scroll > svg { display: block; min-width: var(--min-width, 0); }
    .hint { display: none; font-size: 12px; color: #555; margin: 0 0 2px; }
    @media print { h2 { break-before: page; } figure, tr { break-inside: avoid; } .scroll { overflow: visible; } .scroll > svg { min-width: 0; } }
    @media (max-width: 800px) {
      main { padding: 12px; } nav ol { columns: 1; }
      .cards { grid-template-columns: repeat(2, 1fr); }
      table { display: block; overflow-x: auto; }
      .hint { display: block; }
      table, .scroll { background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left center / 40px 100% no-repeat local,
        linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right center / 40px 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) left center / 14px 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) right center / 14px 100% no-repeat scroll; }
    }
    """

    /// A chart in a box that scrolls sideways on a narrow screen: the picture shrinks with the
    /// page but never below the width at which its smallest text (`smallestFont` at the natural
    /// `width`) is 9 px tall; below that the box scrolls (with a shadow at the hidden edge) and,
    /// when the chart is wider than a phone, a line says so.
    func scrolling(_ svg: String, width: Double, smallestFont: Double) -> String {
        let minimum = Int((width * 9 / smallestFont).rounded(.up))
        var s = ""
        if minimum > 400 {
            s += "<p class=\"hint\">\(Self.e(l.pick("Geser grafik ke samping untuk melihat semuanya →", "Scroll the chart sideways to see all of it →")))</p>\n"
        }
        return s + "<div class=\"scroll\" style=\"--min-width: \(minimum)px\">\(svg)</div>"
    }

    // MARK: Header and overview

    func header() -> String {
        var s = "<header>\n<h1>\(Self.e(l.pick("Tolok: tolok ukur dinas tenaga kerja kabupaten/kota", "Tolok: benchmarks of district labour agencies")))</h1>\n"
        s += "<p class=\"lead\">" + Self.e(l.pick(
            "Dibuat oleh tolok report dari data di datasets/: laporan kinerja (LKIP) dan rencana strategis (Renstra) dinas, serta angka ketenagakerjaan BPS. Semua angka dapat ditelusuri: arahkan penunjuk ke titik atau batang pada grafik untuk melihat nilai dan sumbernya; setiap baris tabel menyebut sumbernya (kode dokumen dan tabel), dan daftar sumber ada di bagian akhir. Berkas CSV di folder yang sama memuat semua kolom.",
            "Written by tolok report from the data in datasets/: the agencies' performance reports (LKIP) and strategic plans (Renstra), and BPS's labour figures. Every number can be traced: point at a dot or bar in a chart to see its value and source; every table row names its source (document id and table), and the list of sources is at the end. The CSV files in the same folder hold every column.")) + "</p>\n"
        s += "<nav><b>\(Self.e(l.pick("Isi", "Contents")))</b><ol>\n"
        s += "<li><a href=\"#ringkasan\">\(Self.e(l.pick("Ringkasan", "Overview")))</a></li>\n"
        for d in data.districts {
            s += "<li><a href=\"#d-\(Self.e(d.area.code))\">\(Self.e(d.area.name))</a></li>\n"
        }
        s += "<li><a href=\"#komposit\">\(Self.e(l.pick("Indeks komposit", "Composite index")))</a></li>\n"
        s += "<li><a href=\"#audit\">\(Self.e(l.pick("Audit angka yang dipublikasikan", "Audit of the published figures")))</a></li>\n"
        s += "<li><a href=\"#sumber\">\(Self.e(l.pick("Sumber", "Sources")))</a></li>\n"
        s += "<li><a href=\"#metode\">\(Self.e(l.pick("Cara membaca dan metode", "How to read it, and the method")))</a></li>\n"
        s += "</ol></nav>\n</header>\n"
        return s
    }

    func overview() -> String {
        let o = data.overview
        func range(_ r: ClosedRange<Int>?) -> String {
            guard let r else { return "—" }
            return r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
        }
        func card(_ value: String, _ label: String) -> String {
            "<div class=\"card\"><b>\(Self.e(value))</b><span>\(Self.e(label))</span></div>\n"
        }
        var s = "<section id=\"ringkasan\">\n<h2>\(Self.e(l.pick("Ringkasan", "Overview")))</h2>\n<div class=\"cards\">\n"
        s += card(f.integer(o.districtCount), l.pick("kabupaten/kota", "districts"))
        s += card(f.integer(o.provinceCount), l.pick("provinsi", "provinces"))
        s += card(f.integer(data.districts.count), l.pick("kabupaten/kota dengan laporan", "districts with reports"))
        s += card(range(o.reportYears), l.pick("tahun dalam laporan", "years in the reports"))
        s += card(range(o.referenceYears), l.pick("tahun angka BPS dan rujukan", "years of BPS and reference figures"))
        s += card(f.integer(o.sourceCount), l.pick("sumber", "sources"))
        s += "</div>\n"
        if data.omittedDistricts > 0 {
            s += "<p>" + Self.e(l.pick(
                "Laporan ini menampilkan \(data.districts.count) kabupaten/kota pertama (menurut kode) dari \(f.integer(data.districts.count + data.omittedDistricts)) yang memiliki laporan; semuanya ada di berkas CSV.",
                "This report shows the first \(data.districts.count) (by code) of the \(f.integer(data.districts.count + data.omittedDistricts)) districts with reports; the CSV files hold them all.")) + "</p>\n"
        }
        s += "<p>" + Self.e(l.pick(
            "\(f.integer(o.observationCount)) angka indikator dari laporan, \(f.integer(o.budgetLineCount)) baris anggaran, \(f.integer(o.referenceCount)) angka rujukan (\(f.integer(o.excludedReferenceCount)) dikecualikan dari analisis, alasannya ada di data). Sumber menurut jenis: ",
            "\(f.integer(o.observationCount)) indicator figures from the reports, \(f.integer(o.budgetLineCount)) budget lines, \(f.integer(o.referenceCount)) reference figures (\(f.integer(o.excludedReferenceCount)) excluded from the analyses, the reason is in the data). Sources by type: "))
            + Self.e(o.sourcesByType.map { "\(words.sourceType($0.type)) \(f.integer($0.count))" }.joined(separator: ", ")) + ".</p>\n"
        let a = o.audit
        s += "<p><b>\(Self.e(l.pick("Audit", "Audit"))):</b> " + Self.e(l.pick(
            "\(f.integer(a.checks)) pemeriksaan, \(f.integer(a.errors)) galat (angka tercetak yang tidak cocok dengan hitungan ulang atau dengan cetakan lainnya) dan \(f.integer(a.rounding)) selisih pembulatan.",
            "\(f.count(a.checks, "check", "checks")), \(f.count(a.errors, "error", "errors")) (printed figures that differ from their recomputation or from another printing) and \(f.count(a.rounding, "rounding difference", "rounding differences"))."))
            + " <a href=\"#audit\">\(Self.e(l.pick("Rinciannya", "Details")))</a>.</p>\n"

        // One line per district with reports.
        s += "<table>\n<thead><tr><th>\(Self.e(l.pick("Kabupaten/kota", "District")))</th><th>\(Self.e(l.pick("Sumber tentangnya", "Sources about it")))</th>"
        for id in ReportData.benchmarkIndicators {
            let name = data.districts.lazy.flatMap(\.standings).first { $0.indicator.id == id }?.indicator.name ?? id
            s += "<th>\(Self.e(name))</th>"
        }
        s += "<th class=\"n\">\(Self.e(l.pick("Komposit", "Composite")))</th><th class=\"n\">\(Self.e(l.pick("Galat audit", "Audit errors")))</th></tr></thead>\n<tbody>\n"
        for d in data.districts {
            s += "<tr><td><a href=\"#d-\(Self.e(d.area.code))\">\(Self.e(d.area.name))</a> (\(Self.e(d.area.code)))"
                + (d.province.map { "<br><span class=\"note\">\(Self.e($0.name))</span>" } ?? "") + "</td>"
            s += "<td class=\"src\">" + d.documents.map { Self.e("\($0.id) \(words.sourceType($0.type))\($0.year.map { " \($0)" } ?? "")") }.joined(separator: "<br>") + "</td>"
            for id in ReportData.benchmarkIndicators {
                guard let st = d.standings.first(where: { $0.indicator.id == id }), let v = st.value else {
                    s += "<td class=\"empty\">—</td>"
                    continue
                }
                s += "<td>\(Self.e(f.value(v.value, unit: st.indicator.unit, decimals: st.indicator.decimals))) (\(st.year))"
                if let r = st.provinceRank {
                    s += "<br><span class=\"note\">" + Self.e(l.pick("peringkat \(r.rank) dari \(r.count) di \(st.province.name)",
                                                                   "rank \(r.rank) of \(r.count) in \(st.province.name)")) + "</span>"
                }
                s += "</td>"
            }
            if let row = compositeRow(d.area.code), let c = data.composite {
                s += "<td class=\"n\">\(f.integer(row.rank))<br><span class=\"note\">\(Self.e(l.pick("dari", "of"))) \(f.integer(c.rankedCount)), \(c.year)</span></td>"
            } else {
                s += "<td class=\"n empty\">—</td>"
            }
            s += "<td class=\"n\">\(f.integer(d.findings.count { $0.severity == "error" }))</td></tr>\n"
        }
        s += "</tbody>\n</table>\n</section>\n"
        return s
    }

    func compositeRow(_ code: String) -> ReportData.CompositeRow? {
        data.composite?.provinces.lazy.flatMap(\.rows).first { $0.area.code == code }
    }

    // MARK: A district

    func district(_ d: ReportData.District) -> String {
        var s = "<section id=\"d-\(Self.e(d.area.code))\">\n<h2>\(Self.e(d.area.name)) (\(Self.e(d.area.code)))</h2>\n"
        s += "<p class=\"sub\">" + Self.e(d.province?.name ?? "")
        if !d.documents.isEmpty {
            s += " · " + Self.e(l.pick("sumber tentangnya: ", "sources about it: ")) + d.documents.map { Self.e("\($0.id) \($0.title)") }.joined(separator: "; ")
        }
        s += "</p>\n"
        s += standings(d)
        s += series(d)
        s += achievements(d)
        s += budgets(d)
        s += costs(d)
        s += findings(d.findings, title: l.pick("Temuan audit pada dokumennya", "Audit findings in its documents"),
                      empty: l.pick("Audit tidak menemukan selisih pada angka kabupaten/kota ini.", "The audit found no difference in this district's figures."))
        s += "</section>\n"
        return s
    }

    func standings(_ d: ReportData.District) -> String {
        let provinceName = d.province?.name ?? l.pick("provinsinya", "its province")
        var s = "<h3>\(Self.e(l.pick("Posisi di antara kabupaten/kota \(provinceName)", "Among the districts of \(provinceName)")))</h3>\n"
        guard !d.standings.isEmpty else {
            return s + "<p class=\"empty\">\(Self.e(l.pick("Tidak ada angka TPT atau TPAK untuk kabupaten/kota ini.", "No TPT or TPAK figure for this district.")))</p>\n"
        }
        s += "<p>" + Self.e(l.pick(
            "Setiap titik abu-abu adalah satu kabupaten/kota di provinsi itu (arahkan penunjuk untuk nama dan nilainya); belah ketupat oranye adalah \(d.area.name); garis putus biru provinsi, garis titik hitam nasional.",
            "Each grey dot is one district of the province (point at it for its name and value); the orange diamond is \(d.area.name); the blue dashed line the province, the black dotted line the nation.")) + "</p>\n"
        for st in d.standings {
            let ind = st.indicator
            s += "<figure>\n<figcaption><b>\(Self.e(ind.name)) \(st.year)</b> (\(Self.e(words.polarity(higherIsBetter: ind.higherIsBetter))))"
            if let v = st.value { s += ": \(Self.e(d.area.name)) <b>\(Self.e(f.value(v.value, unit: ind.unit, decimals: ind.decimals)))</b>" }
            if let r = st.provinceRank {
                s += " — <span class=\"rank\">" + Self.e(l.pick("peringkat \(r.rank) dari \(r.count) di \(st.province.name)", "rank \(r.rank) of \(r.count) in \(st.province.name)"))
                    + "</span> (" + Self.e(l.pick("persentil \(f.percentile(r.percentile))", "percentile \(f.percentile(r.percentile))")) + ")"
            }
            if let r = st.nationRank {
                s += ", " + Self.e(l.pick("peringkat \(f.integer(r.rank)) dari \(f.integer(r.count)) nasional (persentil \(f.percentile(r.percentile)))",
                                          "rank \(f.integer(r.rank)) of \(f.integer(r.count)) nationally (percentile \(f.percentile(r.percentile)))"))
            }
            s += "."
            if let best = st.peers.min(by: { ind.higherIsBetter ? $0.value.value > $1.value.value : $0.value.value < $1.value.value }),
               let worst = st.peers.max(by: { ind.higherIsBetter ? $0.value.value > $1.value.value : $0.value.value < $1.value.value }) {
                s += " " + Self.e(l.pick("Terbaik di provinsi: \(best.area.name) \(f.value(best.value.value, unit: ind.unit, decimals: ind.decimals)); terburuk: \(worst.area.name) \(f.value(worst.value.value, unit: ind.unit, decimals: ind.decimals)).",
                                         "Best in the province: \(best.area.name) \(f.value(best.value.value, unit: ind.unit, decimals: ind.decimals)); worst: \(worst.area.name) \(f.value(worst.value.value, unit: ind.unit, decimals: ind.decimals))."))
            }
            if let note = st.note { s += " <span class=\"warn\">\(Self.e(words.note(note)))</span>" }
            if let v = st.value { s += " <span class=\"note\">\(Self.e(l.pick("Sumber", "Source"))): \(Self.e(v.source))</span>" }
            s += "</figcaption>\n"
            if st.peers.isEmpty {
                s += "<p class=\"empty\">\(Self.e(l.pick("Belum ada peringkat provinsi untuk tahun ini.", "No provincial ranking for this year.")))</p>\n"
            } else {
                s += scrolling(StripChart(standing: st, district: d.area, format: f).svg(), width: StripChart.width, smallestFont: StripChart.smallestFont) + "\n"
            }
            s += "</figure>\n"
        }
        return s
    }

    func series(_ d: ReportData.District) -> String {
        var s = "<h3>\(Self.e(l.pick("Sejak \(ReportData.firstChartYear): terhadap provinsi dan nasional", "Since \(ReportData.firstChartYear): against the province and the nation")))</h3>\n"
        guard !d.series.isEmpty else {
            return s + "<p class=\"empty\">\(Self.e(l.pick("Tidak ada deret TPT atau TPAK sejak \(ReportData.firstChartYear).", "No TPT or TPAK series since \(ReportData.firstChartYear).")))</p>\n"
        }
        let province = d.series.first?.provinceArea?.name ?? d.province?.name ?? l.pick("Provinsi", "Province")
        s += "<div class=\"legend\">"
        s += "<span>\(LineChart.swatch(LineChart.districtStyle))\(Self.e(d.area.name))</span>"
        s += "<span>\(LineChart.swatch(LineChart.provinceStyle))\(Self.e(province))</span>"
        s += "<span>\(LineChart.swatch(LineChart.nationStyle))\(Self.e(l.pick("Nasional", "Nation")))</span>"
        s += "</div>\n<div class=\"pair\">\n"
        for series in d.series {
            let ind = series.indicator
            s += "<figure>\n<figcaption><b>\(Self.e(ind.name))</b> (\(Self.e(words.polarity(higherIsBetter: ind.higherIsBetter))))</figcaption>\n"
            s += scrolling(LineChart(series: series, district: d.area, format: f).svg(), width: LineChart.width, smallestFont: LineChart.smallestFont) + "\n"
            s += "<p class=\"note\">" + [series.gapProvince, series.gapNation].compactMap { $0 }.map { gapSentence($0, ind) }.map(Self.e).joined(separator: "<br>") + "</p>\n"
            s += "</figure>\n"
        }
        s += "</div>\n"
        return s
    }

    /// `Selisih dengan Jawa Barat: +1,51 poin (2018) → +2,07 poin (2024): melebar, memburuk.`
    func gapSentence(_ g: ReportData.GapChange, _ ind: ReportData.IndicatorInfo) -> String {
        let name = g.yardstick.code == "00" ? l.pick("nasional", "the nation") : g.yardstick.name
        var text = l.pick("Selisih dengan \(name): ", "Gap to \(name): ")
        text += "\(f.gap(g.first, unit: ind.unit, decimals: ind.decimals)) (\(g.firstYear))"
        if g.lastYear != g.firstYear {
            text += " → \(f.gap(g.last, unit: ind.unit, decimals: ind.decimals)) (\(g.lastYear)): \(words.direction(g.direction))"
            let m = words.movement(g.movement)
            if !m.isEmpty { text += ", " + m }
        } else {
            text += ": " + words.direction(nil)
        }
        if let note = g.note, g.lastYear != g.firstYear { text += " (" + words.note(note) + ")" }
        return text + "."
    }

    func printed(_ value: Double, decimals: Int, unit: String?) -> String {
        switch unit?.lowercased() {
        case "%": return f.percent(value, decimals: decimals)
        case "rupiah", "rp": return f.rupiah(value)
        case nil, "": return f.number(value, decimals: decimals)
        default: return f.number(value, decimals: decimals) + " " + unit!
        }
    }

    func achievements(_ d: ReportData.District) -> String {
        var s = "<h3>\(Self.e(l.pick("Capaian kinerja menurut laporannya", "Achievement (capaian) by its reports")))</h3>\n"
        guard !d.achievements.isEmpty else {
            return s + "<p class=\"empty\">\(Self.e(l.pick("Tidak ada indikator dengan target dan realisasi.", "No indicator with a target and a realisation.")))</p>\n"
        }
        s += "<p>" + Self.e(l.pick(
            "Capaian dihitung ulang dari target dan realisasi yang tercetak (lebih tinggi lebih baik: realisasi / target × 100; lebih rendah lebih baik: (target − (realisasi − target)) / target × 100). Batang: capaian dibatasi 0–100, dasar predikat SAKIP (hijau = 100); angkanya capaian mentah. Angka yang tercetak sama di beberapa tabel ditulis sekali dengan semua lokasinya.",
            "Capaian is recomputed from the printed target and realisation (higher is better: realisation / target × 100; lower is better: (target − (realisation − target)) / target × 100). Bar: the capaian clamped to 0–100, on which the SAKIP predicate is given (green = 100); the number is the raw capaian. A figure printed alike in several tables is listed once with every location.")) + "</p>\n"
        s += "<table>\n<thead><tr><th>\(Self.e(l.pick("Indikator (seperti tercetak)", "Indicator (as printed)")))</th><th>\(Self.e(l.pick("Tahun", "Year")))</th>"
            + "<th class=\"n\">Target</th><th class=\"n\">\(Self.e(l.pick("Realisasi", "Realisation")))</th><th class=\"n\">\(Self.e(l.pick("Capaian", "Capaian")))</th>"
            + "<th>\(Self.e(l.pick("Predikat", "Predicate")))</th><th class=\"n\">\(Self.e(l.pick("Tercetak", "Printed")))</th><th>\(Self.e(l.pick("Sumber", "Source")))</th></tr></thead>\n<tbody>\n"
        // Consecutive rows of one indicator share its label cell.
        var i = 0
        let rows = d.achievements
        while i < rows.count {
            var j = i + 1
            while j < rows.count, rows[j].label == rows[i].label, rows[j].level == rows[i].level { j += 1 }
            for k in i..<j {
                let a = rows[k]
                let year = a.period.map { "\(a.year) \($0)" } ?? "\(a.year)"
                s += k == i ? "<tr class=\"first\">" : "<tr>"
                let shared = rows[i..<j].allSatisfy { $0.note == rows[i].note } ? rows[i].note : nil
                if k == i {
                    s += "<td rowspan=\"\(j - i)\">\(Self.e(a.label))<br><span class=\"note\">\(Self.e(words.level(a.level)))</span>"
                        + (shared.map { "<br><span class=\"warn\">\(Self.e(words.note($0)))</span>" } ?? "") + "</td>"
                }
                s += "<td>\(Self.e(year))</td>"
                s += "<td class=\"n\">\(Self.e(printed(a.target, decimals: a.targetDecimals, unit: a.unit)))</td>"
                s += "<td class=\"n\">\(Self.e(printed(a.realisation, decimals: a.realisationDecimals, unit: a.unit)))</td>"
                if let c = a.capaian, let clamped = a.clamped {
                    let title = "\(a.label) \(year): capaian \(f.percent(c)) (\(l.pick("dibatasi", "clamped")) \(f.percent(clamped)))"
                    s += "<td class=\"n\">\(Self.e(f.percent(c))) \(InlineBar.svg(percent: clamped, colour: clamped >= 100 ? ChartPalette.barMet : ChartPalette.bar, title: title, width: 60))</td>"
                } else {
                    s += "<td class=\"n empty\">—</td>"
                }
                if let p = a.predicate {
                    s += "<td><span class=\"badge\" title=\"\(Self.e(words.predicate(p)))\">\(Self.e(p))</span></td>"
                } else {
                    s += "<td class=\"empty\">—</td>"
                }
                if let printed = a.reportedCapaian, Self.printsTheClampedCapaian(a) {
                    s += "<td class=\"n\" title=\"\(Self.e(clampingRule))\">\(Self.e(f.percent(printed, decimals: a.reportedDecimals)))†</td>"
                } else {
                    s += "<td class=\"n\">" + (a.reportedCapaian.map { Self.e(f.percent($0, decimals: a.reportedDecimals)) } ?? "—") + "</td>"
                }
                s += "<td class=\"src\">" + a.locations.map(Self.e).joined(separator: "<br>")
                if let note = a.note, shared == nil { s += "<br><span class=\"warn\">\(Self.e(words.note(note)))</span>" }
                s += "</td></tr>\n"
            }
            i = j
        }
        s += "</tbody>\n</table>\n"
        let used = Set(rows.compactMap(\.predicate))
        let scale = ["AA", "A", "BB", "B", "CC", "C", "D"].filter(used.contains)
        s += "<p class=\"note\">\(Self.e(l.pick("Predikat", "Predicates"))): " + scale.map { "<span class=\"badge\">\(Self.e($0))</span> \(Self.e(words.predicate($0)))" }.joined(separator: " · ")
            + " (\(Self.e(l.pick("skala lengkap di bagian metode", "the full scale is in the method section"))))</p>\n"
        if rows.contains(where: Self.printsTheClampedCapaian) { s += "<p class=\"note\">† \(Self.e(clampingRule))</p>\n" }
        return s
    }

    var clampingRule: String {
        l.pick("Tercetak 100 untuk capaian di atas 100 mengikuti aturan pembatasan (capaian dibatasi 0–100, seperti dasar predikat); audit menganggapnya konsisten.",
               "A printed 100 for a capaian above 100 follows the clamping rule (capaian clamped to 0–100, as for the predicate); the audit takes it as consistent.")
    }

    /// Whether the document printed the clamped capaian (100) of a raw capaian above 100: the
    /// clamping rule, which the audit takes as consistent.
    static func printsTheClampedCapaian(_ a: ReportData.AchievementRow) -> Bool {
        guard let printed = a.reportedCapaian, let raw = a.capaian, let clamped = a.clamped, raw > 100 else { return false }
        var unit = 1.0
        for _ in 0..<max(0, a.reportedDecimals) { unit /= 10 }
        return abs(printed - clamped) <= unit / 2 + 1e-9
    }

    func budgets(_ d: ReportData.District) -> String {
        var s = "<h3>\(Self.e(l.pick("Serapan anggaran per program standar", "Budget absorption per standard programme")))</h3>\n"
        guard !d.budgets.isEmpty else {
            return s + "<p class=\"empty\">\(Self.e(l.pick("Tidak ada tabel realisasi anggaran.", "No budget execution table.")))</p>\n"
        }
        s += "<p>" + Self.e(l.pick(
            "Serapan = realisasi / pagu × 100, dari tabel realisasi anggaran (koreksi di datasets/corrections/ diterapkan); program lama dipetakan ke kode standar Permendagri 90/2019. Arahkan penunjuk ke batang untuk pagu, realisasi dan sumbernya; tabel kedua merinci tahun terakhir.",
            "Absorption = realisasi / pagu × 100, from the budget execution tables (the corrections in datasets/corrections/ applied); older programme names are mapped onto the standard codes of Permendagri 90/2019. Point at a bar for the pagu, realisasi and source; the second table details the latest year.")) + "</p>\n"
        let years = Array(Set(d.budgets.map(\.year))).sorted()
        var programmes: [(code: String?, name: String)] = [(nil, d.budgets.first { $0.code == nil }?.name ?? l.pick("Seluruh anggaran dinas", "Whole agency budget"))]
        for b in d.budgets.sorted(by: { ($0.code ?? "", $0.year) < ($1.code ?? "", $1.year) }) where b.code != nil && !programmes.contains(where: { $0.code == b.code }) {
            programmes.append((b.code, b.name))
        }
        func why(_ b: ReportData.BudgetRow) -> String {
            b.pagu == 0 ? l.pick("pagu 0", "pagu 0") : b.pagu == nil ? l.pick("tanpa pagu", "no pagu") : l.pick("tanpa realisasi", "no realisasi")
        }
        if years.count > 1 { s += matrix(d, years: years, programmes: programmes, why: why) }

        // The latest year in full.
        guard let latest = years.last else { return s }
        s += "<table>\n<thead><tr><th>\(latest): Program</th><th class=\"n\">Pagu</th><th class=\"n\">\(Self.e(l.pick("Realisasi", "Realisasi (spent)")))</th>"
            + "<th class=\"n\">\(Self.e(l.pick("Serapan", "Absorption")))</th><th>\(Self.e(l.pick("Sumber", "Source")))</th></tr></thead>\n<tbody>\n"
        for b in d.budgets where b.year == latest {
            s += "<tr\(b.code == nil ? " class=\"total\"" : "")><td>\(Self.e(b.code.map { "\($0) " } ?? ""))\(Self.e(b.name))</td>"
            s += "<td class=\"n\">" + (b.pagu.map { Self.e(f.rupiah($0)) } ?? "—") + "</td>"
            s += "<td class=\"n\">" + (b.realisasi.map { Self.e(f.rupiah($0)) } ?? "—") + "</td>"
            s += "<td class=\"n\">" + (b.absorption.map { Self.e(f.percent($0)) } ?? "— <span class=\"note\">\(Self.e(why(b)))</span>") + "</td>"
            s += "<td class=\"src\">\(Self.e(b.source))"
            for reason in b.suspect { s += "<br><span class=\"warn\">\(Self.e(l.pick("diragukan: ", "suspect: ") + words.suspicion(reason)))</span>" }
            if let note = b.note { s += "<br><span class=\"warn\">\(Self.e(words.note(note)))</span>" }
            s += "</td></tr>\n"
        }
        s += "</tbody>\n</table>\n"
        return s
    }

    /// Absorption per programme (rows) and year (columns), each cell a bar titled with its amounts.
    func matrix(_ d: ReportData.District, years: [Int], programmes: [(code: String?, name: String)],
                why: (ReportData.BudgetRow) -> String) -> String {
        var s = "<table>\n<thead><tr><th>Program</th>" + years.map { "<th class=\"n\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let nothing = l.pick("tidak ada anggaran tercetak untuk program ini tahun itu", "no budget printed for this programme that year")
        var blank = false
        for p in programmes {
            s += "<tr\(p.code == nil ? " class=\"total\"" : "")><td>\(Self.e(p.code.map { "\($0) " } ?? ""))\(Self.e(p.name))</td>"
            for year in years {
                guard let b = d.budgets.first(where: { $0.year == year && $0.code == p.code }) else {
                    s += "<td class=\"n empty\" title=\"\(Self.e(nothing))\">·</td>"
                    blank = true
                    continue
                }
                let mark = b.suspect.isEmpty ? "" : "<span class=\"warn\" title=\"\(Self.e(b.suspect.map { words.suspicion($0) }.joined(separator: "; ")))\">*</span>"
                if let a = b.absorption {
                    let title = "\(year) \(p.code.map { "\($0) " } ?? "")\(p.name): \(l.pick("serapan", "absorption")) \(f.percent(a)) = \(f.rupiah(b.realisasi ?? 0)) / \(f.rupiah(b.pagu ?? 0)) (\(l.pick("sumber", "source")): \(b.source))"
                    s += "<td class=\"n\">\(Self.e(f.percent(a, decimals: 1)))\(mark)<br>\(InlineBar.svg(percent: a, colour: ChartPalette.province, title: title, width: 64))</td>"
                } else {
                    s += "<td class=\"n empty\" title=\"\(Self.e(b.source))\">— <span class=\"note\">\(Self.e(why(b)))</span>\(mark)</td>"
                }
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n"
        if blank { s += "<p class=\"note\">· \(Self.e(nothing))</p>\n" }
        if d.budgets.contains(where: { !$0.suspect.isEmpty }) {
            s += "<p class=\"note\"><span class=\"warn\">*</span> \(Self.e(l.pick("diragukan oleh audit (lihat tabel berikut dan temuan audit)", "suspected by the audit (see the next table and the audit findings)")))</p>\n"
        }
        return s
    }

    func costs(_ d: ReportData.District) -> String {
        var s = "<h3>\(Self.e(l.pick("Biaya per hasil", "Cost per result")))</h3>\n"
        let computed = d.costs.filter { $0.cost != nil }
        let missing = d.costs.filter { $0.cost == nil }
        if computed.isEmpty {
            s += "<p class=\"empty\">\(Self.e(l.pick("Tidak ada biaya per hasil yang dapat dihitung.", "No cost per result can be computed.")))</p>\n"
        } else {
            s += "<table>\n<thead><tr><th>\(Self.e(l.pick("Tahun", "Year")))</th><th>\(Self.e(l.pick("Ukuran dan definisi", "Measure and definition")))</th>"
                + "<th class=\"n\">\(Self.e(l.pick("Realisasi belanja", "Realised spend")))</th><th class=\"n\">\(Self.e(l.pick("Hasil", "Result")))</th>"
                + "<th class=\"n\">\(Self.e(l.pick("Biaya per orang", "Cost per person")))</th><th>\(Self.e(l.pick("Sumber", "Source")))</th></tr></thead>\n<tbody>\n"
            for c in computed {
                s += "<tr><td>\(c.year)</td><td><b>\(Self.e(c.indicator.name))</b><br><span class=\"note\">\(Self.e(c.definition))</span>"
                if let caveat = c.caveat { s += "<br><span class=\"warn\">\(Self.e(words.note(caveat)))</span>" }
                s += "</td><td class=\"n\">" + (c.spend.map { Self.e(f.rupiah($0)) } ?? "—") + "</td>"
                s += "<td class=\"n\">" + (c.outcome.map { Self.e(f.number($0.value, decimals: 0)) } ?? "—") + "</td>"
                s += "<td class=\"n\"><b>" + (c.cost.map { Self.e(f.rupiah($0)) } ?? "—") + "</b></td>"
                s += "<td class=\"src\">" + [c.spendSource, c.outcome?.source].compactMap { $0 }.map(Self.e).joined(separator: "<br>")
                for reason in c.suspect { s += "<br><span class=\"warn\">\(Self.e(l.pick("diragukan: ", "suspect: ") + words.suspicion(reason)))</span>" }
                s += "</td></tr>\n"
            }
            s += "</tbody>\n</table>\n"
        }
        if !missing.isEmpty {
            s += "<details><summary class=\"note\">\(Self.e(l.pick("\(missing.count) biaya tidak dapat dihitung, dengan alasannya", "\(missing.count == 1 ? "1 cost cannot" : "\(missing.count) costs cannot") be computed, with the reasons")))</summary>\n<ul class=\"compact\">\n"
            for c in missing {
                s += "<li>\(c.year) \(Self.e(c.indicator.name)): \(Self.e(c.note.map { words.note($0) } ?? "—"))</li>\n"
            }
            s += "</ul></details>\n"
        }
        return s
    }

    func findings(_ findings: [ReportData.Finding], title: String, empty: String, withArea: Bool = false) -> String {
        var s = "<h3>\(Self.e(title))</h3>\n"
        guard !findings.isEmpty else { return s + "<p class=\"empty\">\(Self.e(empty))</p>\n" }
        let errors = findings.filter { $0.severity == "error" }, rounding = findings.filter { $0.severity != "error" }
        s += "<p>" + Self.e(l.pick("\(errors.count) galat, \(rounding.count) selisih pembulatan. ", "\(f.count(errors.count, "error", "errors")), \(f.count(rounding.count, "rounding difference", "rounding differences")). "))
            + Self.e(l.pick("“Tercetak” adalah angka di dokumen; “seharusnya” hasil hitung ulang atau angka yang sama di tempat lain (↔).",
                            "“Printed” is the figure in the document; “expected” the recomputation or the same figure printed elsewhere (↔).")) + "</p>\n"
        func table(_ list: [ReportData.Finding]) -> String {
            let columns = withArea ? 6 : 5
            var s = "<table>\n<thead><tr>" + (withArea ? "<th>\(Self.e(l.pick("Wilayah", "Area")))</th>" : "")
                + "<th>\(Self.e(l.pick("Tahun", "Year")))</th><th>\(Self.e(l.pick("Subjek dan yang dibandingkan", "Subject and what was compared")))</th>"
                + "<th class=\"n\">\(Self.e(l.pick("Tercetak", "Printed")))</th><th class=\"n\">\(Self.e(l.pick("Seharusnya", "Expected")))</th>"
                + "<th>\(Self.e(l.pick("Di mana ↔ pembanding", "Where ↔ compared with")))</th></tr></thead>\n<tbody>\n"
            var checks: [String] = []
            for x in list where !checks.contains(x.check) { checks.append(x.check) }
            for check in checks {
                let rows = list.filter { $0.check == check }
                s += "<tr class=\"group\"><td colspan=\"\(columns)\">\(Self.e(words.check(check))) <span class=\"note\">(\(Self.e(check)), \(rows.count))</span></td></tr>\n"
                for x in rows {
                    s += "<tr>" + (withArea ? "<td>\(Self.e(x.area.name)) (\(Self.e(x.area.code)))</td>" : "")
                    s += "<td>\(x.year.map(String.init) ?? "—")</td>"
                    s += "<td>\(Self.e(x.subject))<br><span class=\"note\">\(Self.e(words.note(x.detail)))</span></td>"
                    s += "<td class=\"n\">\(Self.e(f.number(x.published, decimals: x.publishedDecimals)))</td>"
                    s += "<td class=\"n\">\(Self.e(f.number(x.expected, decimals: x.expectedDecimals)))</td>"
                    s += "<td class=\"src\">\(Self.e(x.location.isEmpty ? "—" : x.location))"
                    if let other = x.otherLocation { s += "<br>↔ \(Self.e(other))" }
                    s += "</td></tr>\n"
                }
            }
            return s + "</tbody>\n</table>\n"
        }
        if !errors.isEmpty { s += table(errors) }
        if !rounding.isEmpty {
            s += "<details><summary class=\"note\">\(Self.e(l.pick("\(rounding.count) selisih pembulatan (dalam presisi cetak)", "\(f.count(rounding.count, "rounding difference", "rounding differences")) (within the printed precision)")))</summary>\n"
                + table(rounding) + "</details>\n"
        }
        return s
    }

    // MARK: Composite, audit, sources, method

    func composite() -> String {
        var s = "<section id=\"komposit\">\n<h2>\(Self.e(l.pick("Indeks komposit", "Composite index")))</h2>\n"
        guard let c = data.composite else {
            return s + "<p class=\"empty\">\(Self.e(l.pick("Tidak ada tahun dengan cukup kabupaten/kota (minimal 5) untuk indeks komposit.", "No year has enough districts (at least 5) for a composite index.")))</p>\n</section>\n"
        }
        let names = l.list(c.indicators.map(\.name))
        s += "<p>" + Self.e(l.pick(
            "Indeks \(c.year) atas \(names), bobot sama, normalisasi \(c.normalisation) (1 terbaik, 0 terburuk) di antara \(f.integer(c.rankedCount)) kabupaten/kota yang memiliki semua angkanya (composite.csv). Titik adalah peringkat nasional; garis adalah rentang 5–95 % peringkat itu di bawah \(f.integer(c.draws)) bobot acak (benih \(c.seed)): garis panjang berarti peringkat bergantung pada bobot. Yang ditampilkan: kabupaten/kota di provinsi kabupaten/kota yang memiliki laporan.",
            "The \(c.year) index over \(names), equal weights, \(c.normalisation) normalisation (1 best, 0 worst) among the \(f.integer(c.rankedCount)) districts that have every figure (composite.csv). The dot is the national rank; the whisker the 5–95 % range of that rank under \(f.integer(c.draws)) random weights (seed \(c.seed)): a long whisker means the rank depends on the weights. Shown: the districts of the provinces of the districts with reports.")) + "</p>\n"
        for (province, rows) in c.provinces {
            let title = l.pick("Indeks komposit \(c.year): kabupaten/kota \(province.name), peringkat nasional", "Composite index \(c.year): districts of \(province.name), national rank")
            s += "<figure>\n<figcaption><b>\(Self.e(province.name))</b> — " + Self.e(l.pick("\(rows.count) kabupaten/kota, dari yang terbaik", "\(f.count(rows.count, "district", "districts")), best first"))
            for r in rows where r.highlighted {
                s += "; <span class=\"hl\">\(Self.e(r.area.name)) \(Self.e(l.pick("peringkat", "rank"))) \(f.integer(r.rank))"
                if let p5 = r.rankP5, let p95 = r.rankP95 { s += " (\(f.number(p5, decimals: 0))–\(f.number(p95, decimals: 0)))" }
                s += "</span>"
            }
            s += "</figcaption>\n" + scrolling(DotWhiskerChart(rows: rows, rankedCount: c.rankedCount, title: title, format: f).svg(),
                                               width: DotWhiskerChart.width, smallestFont: DotWhiskerChart.smallestFont) + "\n</figure>\n"
        }
        return s + "</section>\n"
    }

    func audit() -> String {
        let a = data.overview.audit
        var s = "<section id=\"audit\">\n<h2>\(Self.e(l.pick("Audit angka yang dipublikasikan", "Audit of the published figures")))</h2>\n"
        s += "<p>" + Self.e(l.pick(
            "Tolok menghitung ulang setiap angka yang dapat dihitung (capaian, persentase, rasio, jumlah, rata-rata), membandingkan angka yang sama yang tercetak dua kali, dan memeriksa deret serta rentang wajar. Galat adalah ketidakcocokan nyata; pembulatan adalah selisih dalam presisi cetak. Temuan per kabupaten/kota ada di bagiannya masing-masing; audit.csv memuat semuanya.",
            "Tolok recomputes every figure it can (capaian, percentages, ratios, totals, averages), compares one fact printed twice, and checks series and plausible ranges. An error is a real disagreement; rounding a difference within the printed precision. Each district's findings are in its section; audit.csv holds them all.")) + "</p>\n"
        s += "<table>\n<thead><tr><th>\(Self.e(l.pick("Pemeriksaan", "Check")))</th><th class=\"n\">\(Self.e(l.pick("Diperiksa", "Checked")))</th><th class=\"n\">\(Self.e(l.pick("Galat", "Errors")))</th><th class=\"n\">\(Self.e(l.pick("Pembulatan", "Rounding")))</th></tr></thead>\n<tbody>\n"
        for c in a.byCheck {
            s += "<tr><td>\(Self.e(words.check(c.check))) <span class=\"note\">(\(Self.e(c.check)))</span></td><td class=\"n\">\(f.integer(c.checked))</td><td class=\"n\">\(f.integer(c.errors))</td><td class=\"n\">\(f.integer(c.rounding))</td></tr>\n"
        }
        s += "<tr class=\"total\"><td>\(Self.e(l.pick("Jumlah", "Total")))</td><td class=\"n\">\(f.integer(a.checks))</td><td class=\"n\">\(f.integer(a.errors))</td><td class=\"n\">\(f.integer(a.rounding))</td></tr>\n"
        s += "</tbody>\n</table>\n"
        s += findings(data.otherFindings, title: l.pick("Temuan pada angka BPS dan rujukan lainnya", "Findings in BPS and other reference figures"),
                      empty: l.pick("Tidak ada temuan pada angka rujukan.", "No finding in the reference figures."), withArea: true)
        if data.omittedFindings > 0 {
            s += "<p class=\"note\">" + Self.e(l.pick("… dan \(f.integer(data.omittedFindings)) temuan lainnya di audit.csv.",
                                                      "… and \(f.count(data.omittedFindings, "more finding", "more findings")) in audit.csv.")) + "</p>\n"
        }
        return s + "</section>\n"
    }

    func sources() -> String {
        var s = "<section id=\"sumber\">\n<h2>\(Self.e(l.pick("Sumber yang dikutip", "Sources cited")))</h2>\n"
        s += "<p>" + Self.e(l.pick("Kode sumber di tabel dan grafik merujuk ke datasets/sources.csv.", "The source ids in the tables and charts refer to datasets/sources.csv.")) + "</p>\n"
        s += "<table>\n<thead><tr><th>\(Self.e(l.pick("Kode", "Id")))</th><th>\(Self.e(l.pick("Judul", "Title")))</th><th>\(Self.e(l.pick("Jenis", "Type")))</th><th class=\"n\">\(Self.e(l.pick("Tahun", "Year")))</th></tr></thead>\n<tbody>\n"
        for item in data.sources {
            s += "<tr><td>\(Self.e(item.id))</td><td>\(Self.e(item.title))</td><td>\(Self.e(words.sourceType(item.type)))</td><td class=\"n\">\(item.year.map(String.init) ?? "—")</td></tr>\n"
        }
        return s + "</tbody>\n</table>\n</section>\n"
    }

    func method() -> String {
        var s = "<section id=\"metode\">\n<h2>\(Self.e(l.pick("Cara membaca dan metode", "How to read it, and the method")))</h2>\n<ul>\n"
        let items = [
            l.pick("Angka memakai pemisah ribuan titik dan koma desimal; selisih antara dua persentase dalam poin persentase (poin).",
                   "Numbers use a thousands comma and a decimal point; a difference between two percentages is in percentage points (pp)."),
            l.pick("Peringkat: 1 = terbaik menurut polaritas (TPT lebih rendah lebih baik, TPAK lebih tinggi lebih baik), nilai sama berbagi peringkat; diterbitkan hanya bila minimal 5 kabupaten/kota memiliki nilai. Persentil: 100 = terbaik.",
                   "Ranks: 1 = best by polarity (lower TPT is better, higher TPAK is better), equal values share a rank; published only where at least 5 districts have a value. Percentile: 100 = best."),
            l.pick("Provinsi dan nasional: angka Agustus (Sakernas) tahun yang sama; bila sumber berbeda, urutan prioritas sumber di datasets/README.md menentukan dan angka lainnya tercantum di comparison.csv.",
                   "Province and nation: the August (Sakernas) figure of the same year; where sources differ, the source priority of datasets/README.md decides and the other values are listed in comparison.csv."),
            l.pick("Selisih menyempit bila nilai mutlaknya pada tahun terakhir lebih kecil daripada tahun pertama; membaik/memburuk menurut polaritas.",
                   "A gap closes when its absolute value in the last year is smaller than in the first; improving/worsening by polarity."),
            l.pick("Predikat SAKIP pada capaian yang dibatasi 0–100, batas bawah inklusif: AA ≥ 90, A ≥ 80, BB ≥ 70, B ≥ 60, CC ≥ 50, C ≥ 30, D di bawah 30.",
                   "SAKIP predicate on the capaian clamped to 0–100, lower bounds inclusive: AA ≥ 90, A ≥ 80, BB ≥ 70, B ≥ 60, CC ≥ 50, C ≥ 30, D below 30."),
            l.pick("Angka yang diragukan audit (galat yang tetap ada setelah koreksi) ditandai dan tidak ikut diperingkat.",
                   "Values the audit suspects (an error that remains after the corrections) are marked and left out of the rankings."),
            l.pick("Temuan audit: angka “tercetak” dengan desimal seperti di dokumen; angka “seharusnya” dibulatkan ke desimal angka tercetak ditambah 2, lalu nol di belakangnya dibuang sampai desimal angka tercetak (\(f.number(68.1014, decimals: 4)) terhadap \(f.number(66.22, decimals: 2)) tercetak; 100 terhadap 97; \(f.number(100, decimals: 2)) terhadap \(f.number(99.23, decimals: 2))). audit.csv menulisnya dengan desimal angka tercetak ditambah 2.",
                   "Audit findings: the “printed” figure has the document's decimals; the “expected” figure is rounded to the printed figure's decimals + 2, then trailing zeros are dropped down to the printed figure's decimals (\(f.number(68.1014, decimals: 4)) against a printed \(f.number(66.22, decimals: 2)); 100 against 97; \(f.number(100, decimals: 2)) against \(f.number(99.23, decimals: 2))). audit.csv writes it with the printed decimals + 2."),
        ]
        for item in items { s += "<li>\(Self.e(item))</li>\n" }
        return s + "</ul>\n</section>\n"
    }
}
