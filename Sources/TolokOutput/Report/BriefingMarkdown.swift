/// `summary.md`: the report's findings as a briefing in Markdown tables that GitHub renders
/// (at most eight columns each; every cell escaped, so a label never becomes markup).
public struct BriefingMarkdown {
    public var data: ReportData

    public init(_ data: ReportData) { self.data = data }

    var l: ReportLanguage { data.language }
    var f: ReportNumberFormat { ReportNumberFormat(data.language) }
    var words: ReportVocabulary { ReportVocabulary(language: data.language, names: data.indicatorNames) }

    static func e(_ text: String) -> String { MarkdownText.escape(text) }

    /// A table: `numeric` columns are right-aligned.
    static func table(_ header: [String], numeric: Set<Int> = [], _ rows: [[String]]) -> String {
        precondition(header.count <= 8, "a briefing table has at most 8 columns")
        var s = "| " + header.map(e).joined(separator: " | ") + " |\n"
        s += "|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { s += "| " + row.map(e).joined(separator: " | ") + " |\n" }
        return s + "\n"
    }

    public func render() -> String {
        let o = data.overview, a = o.audit
        var s = "# " + Self.e(l.pick("Tolok: ringkasan tolok ukur dinas tenaga kerja", "Tolok: briefing on district labour agency benchmarks")) + "\n\n"
        s += Self.e(l.pick(
            "Dari \(f.integer(o.districtCount)) kabupaten/kota di \(f.integer(o.provinceCount)) provinsi, \(data.districts.count + data.omittedDistricts) memiliki laporan di data (LKIP, Renstra)\(data.omittedDistricts > 0 ? "; \(data.districts.count) pertama menurut kode ditampilkan" : ""). Audit: \(f.integer(a.checks)) pemeriksaan, \(f.integer(a.errors)) galat, \(f.integer(a.rounding)) selisih pembulatan. Grafik dan rincian ada di report.html; semua kolom di berkas CSV.",
            "Of \(f.integer(o.districtCount)) districts in \(f.integer(o.provinceCount)) provinces, \(data.districts.count + data.omittedDistricts) \(data.districts.count + data.omittedDistricts == 1 ? "has" : "have") reports in the data (LKIP, Renstra)\(data.omittedDistricts > 0 ? "; the first \(data.districts.count) by code are shown" : ""). Audit: \(f.count(a.checks, "check", "checks")), \(f.count(a.errors, "error", "errors")), \(f.count(a.rounding, "rounding difference", "rounding differences")). Charts and details are in report.html; every column in the CSV files.")) + "\n\n"

        let names = ReportData.benchmarkIndicators.map { id in data.districts.lazy.flatMap(\.standings).first { $0.indicator.id == id }?.indicator.name ?? id }
        s += "## " + Self.e(l.pick("Kabupaten/kota dengan laporan", "Districts with reports")) + "\n\n"
        var header = [l.pick("Kabupaten/kota", "District"), l.pick("Provinsi", "Province")]
        for name in names { header += [name, l.pick("Peringkat prov.", "Province rank")] }
        header += [l.pick("Komposit", "Composite"), l.pick("Galat audit", "Audit errors")]
        var numeric = Set(2..<header.count)
        s += Self.table(header, numeric: numeric, data.districts.map { d in
            var row = ["\(d.area.name) (\(d.area.code))", d.province?.name ?? "—"]
            for id in ReportData.benchmarkIndicators {
                if let st = d.standings.first(where: { $0.indicator.id == id }), let v = st.value {
                    row += ["\(f.value(v.value, unit: st.indicator.unit, decimals: st.indicator.decimals)) (\(st.year))",
                            st.provinceRank.map { "\($0.rank)/\($0.count)" } ?? "—"]
                } else {
                    row += ["—", "—"]
                }
            }
            let composite = data.composite?.provinces.lazy.flatMap(\.rows).first { $0.area.code == d.area.code }
            row.append(composite.map { "\(f.integer($0.rank))/\(f.integer(data.composite!.rankedCount))" } ?? "—")
            row.append(f.integer(d.findings.count { $0.severity == "error" }))
            return row
        })

        for d in data.districts {
            s += "## \(Self.e(d.area.name)) (\(Self.e(d.area.code)))\n\n"
            if !d.documents.isEmpty {
                s += Self.e(l.pick("Sumber tentangnya: ", "Sources about it: ") + d.documents.map { "\($0.id) \($0.title)" }.joined(separator: "; ")) + "\n\n"
            }
            if !d.standings.isEmpty {
                s += "### " + Self.e(l.pick("Posisi terhadap provinsi dan nasional", "Against the province and the nation")) + "\n\n"
                header = [l.pick("Indikator", "Indicator"), l.pick("Tahun", "Year"), l.pick("Nilai", "Value"), l.pick("Provinsi", "Province"),
                          l.pick("Nasional", "Nation"), l.pick("Peringkat prov.", "Province rank"), l.pick("Peringkat nas.", "National rank"),
                          l.pick("Persentil prov.", "Province percentile")]
                numeric = Set(1..<header.count)
                s += Self.table(header, numeric: numeric, d.standings.map { st in
                    let ind = st.indicator
                    func v(_ t: ReportData.Traced?) -> String { t.map { f.value($0.value, unit: ind.unit, decimals: ind.decimals) } ?? "—" }
                    return [ind.name, "\(st.year)", v(st.value), v(st.provinceValue), v(st.nationValue),
                            st.provinceRank.map { "\($0.rank)/\($0.count)" } ?? "—",
                            st.nationRank.map { "\(f.integer($0.rank))/\(f.integer($0.count))" } ?? "—",
                            st.provinceRank.map { f.percentile($0.percentile) } ?? "—"]
                })
            }
            let gaps = d.series.flatMap { series in [series.gapProvince, series.gapNation].compactMap { $0 }.map { (series.indicator, $0) } }
            if !gaps.isEmpty {
                s += "### " + Self.e(l.pick("Selisih: menyempit atau melebar", "Gaps: closing or widening")) + "\n\n"
                header = [l.pick("Indikator", "Indicator"), l.pick("Selisih dengan", "Gap to"), l.pick("Awal", "First"), l.pick("Akhir", "Last"),
                          l.pick("Arah", "Direction"), l.pick("Gerak", "Movement")]
                s += Self.table(header, numeric: [2, 3], gaps.map { ind, g in
                    [ind.name, g.yardstick.code == "00" ? l.pick("nasional", "nation") : g.yardstick.name,
                     "\(f.gap(g.first, unit: ind.unit, decimals: ind.decimals)) (\(g.firstYear))",
                     "\(f.gap(g.last, unit: ind.unit, decimals: ind.decimals)) (\(g.lastYear))",
                     g.lastYear == g.firstYear ? words.direction(nil) : words.direction(g.direction), words.movement(g.movement)]
                })
            }
            if !d.achievements.isEmpty {
                s += "### " + Self.e(l.pick("Capaian kinerja", "Achievement (capaian)")) + "\n\n"
                header = [l.pick("Tahun", "Year"), l.pick("Indikator (seperti tercetak)", "Indicator (as printed)"), "Target",
                          l.pick("Realisasi", "Realisation"), l.pick("Capaian", "Capaian"), l.pick("Predikat", "Predicate"), l.pick("Sumber", "Source")]
                s += Self.table(header, numeric: [2, 3, 4], d.achievements.map { a in
                    [a.period.map { "\(a.year) \($0)" } ?? "\(a.year)", a.label,
                     printed(a.target, decimals: a.targetDecimals, unit: a.unit), printed(a.realisation, decimals: a.realisationDecimals, unit: a.unit),
                     a.capaian.map { f.percent($0) } ?? "—", a.predicate.map { "\($0) (\(words.predicate($0)))" } ?? "—",
                     a.locations.joined(separator: "; ")]
                })
            }
            if !d.budgets.isEmpty {
                s += "### " + Self.e(l.pick("Serapan anggaran per program standar", "Budget absorption per standard programme")) + "\n\n"
                header = [l.pick("Tahun", "Year"), "Program", "Pagu", l.pick("Realisasi", "Realisasi"), l.pick("Serapan", "Absorption"), l.pick("Sumber", "Source")]
                s += Self.table(header, numeric: [2, 3, 4], d.budgets.map { b in
                    ["\(b.year)", (b.code.map { "\($0) " } ?? "") + b.name, b.pagu.map(f.rupiah) ?? "—", b.realisasi.map(f.rupiah) ?? "—",
                     b.absorption.map { f.percent($0) } ?? "—", b.source + (b.suspect.isEmpty ? "" : l.pick(" (diragukan)", " (suspect)"))]
                })
            }
            let costs = d.costs.filter { $0.cost != nil }
            if !costs.isEmpty {
                s += "### " + Self.e(l.pick("Biaya per hasil", "Cost per result")) + "\n\n"
                header = [l.pick("Tahun", "Year"), l.pick("Ukuran", "Measure"), l.pick("Realisasi belanja", "Realised spend"), l.pick("Hasil", "Result"),
                          l.pick("Biaya per orang", "Cost per person"), l.pick("Definisi", "Definition")]
                s += Self.table(header, numeric: [2, 3, 4], costs.map { c in
                    ["\(c.year)", c.indicator.name, c.spend.map(f.rupiah) ?? "—", c.outcome.map { f.number($0.value, decimals: 0) } ?? "—",
                     c.cost.map(f.rupiah) ?? "—", c.definition + (c.caveat.map { " (\(words.note($0)))" } ?? "")]
                })
            }
            s += "### " + Self.e(l.pick("Temuan audit", "Audit findings")) + "\n\n"
            s += findings(d.findings)
        }

        s += "## " + Self.e(l.pick("Indeks komposit", "Composite index")) + "\n\n"
        if let c = data.composite {
            s += Self.e(l.pick(
                "\(c.year), atas \(l.list(c.indicators.map(\.name))), bobot sama, \(f.integer(c.rankedCount)) kabupaten/kota diperingkat; rentang 5–95 % dari \(f.integer(c.draws)) bobot acak (benih \(c.seed)).",
                "\(c.year), over \(l.list(c.indicators.map(\.name))), equal weights, \(f.integer(c.rankedCount)) districts ranked; 5–95 % range under \(f.integer(c.draws)) random weights (seed \(c.seed)).")) + "\n\n"
            let rows = c.provinces.flatMap(\.rows).filter(\.highlighted)
            header = [l.pick("Kabupaten/kota", "District"), l.pick("Peringkat nasional", "National rank"), "5–95 %", l.pick("Skor", "Score"), l.pick("Stabil", "Stable")]
            s += Self.table(header, numeric: [1, 2, 3], rows.map { r in
                [r.area.name, f.integer(r.rank),
                 r.rankP5.flatMap { p5 in r.rankP95.map { "\(f.number(p5, decimals: 0))–\(f.number($0, decimals: 0))" } } ?? "—",
                 f.number(r.score, decimals: 4), r.stable.map { $0 ? l.pick("ya", "yes") : l.pick("tidak", "no") } ?? "—"]
            })
        } else {
            s += Self.e(l.pick("Tidak ada tahun dengan cukup kabupaten/kota untuk indeks komposit.", "No year has enough districts for a composite index.")) + "\n\n"
        }

        s += "## " + Self.e(l.pick("Audit per pemeriksaan", "Audit by check")) + "\n\n"
        s += Self.table([l.pick("Pemeriksaan", "Check"), l.pick("Diperiksa", "Checked"), l.pick("Galat", "Errors"), l.pick("Pembulatan", "Rounding")],
                        numeric: [1, 2, 3], a.byCheck.map { [words.check($0.check), f.integer($0.checked), f.integer($0.errors), f.integer($0.rounding)] })
        if !data.otherFindings.isEmpty {
            s += "### " + Self.e(l.pick("Temuan pada angka BPS dan rujukan lainnya", "Findings in BPS and other reference figures")) + "\n\n"
            s += findings(data.otherFindings, withArea: true)
            if data.omittedFindings > 0 {
                s += Self.e(l.pick("… dan \(f.integer(data.omittedFindings)) temuan lainnya di audit.csv.",
                                   "… and \(f.count(data.omittedFindings, "more finding", "more findings")) in audit.csv.")) + "\n\n"
            }
        }

        s += "## " + Self.e(l.pick("Sumber yang dikutip", "Sources cited")) + "\n\n"
        s += Self.table([l.pick("Kode", "Id"), l.pick("Judul", "Title"), l.pick("Jenis", "Type"), l.pick("Tahun", "Year")], numeric: [3],
                        data.sources.map { [$0.id, $0.title, words.sourceType($0.type), $0.year.map(String.init) ?? "—"] })
        return s
    }

    func printed(_ value: Double, decimals: Int, unit: String?) -> String {
        switch unit?.lowercased() {
        case "%": f.percent(value, decimals: decimals)
        case "rupiah", "rp": f.rupiah(value)
        case nil, "": f.number(value, decimals: decimals)
        default: f.number(value, decimals: decimals) + " " + unit!
        }
    }

    /// The errors as a table, and how many rounding differences besides.
    func findings(_ list: [ReportData.Finding], withArea: Bool = false) -> String {
        let errors = list.filter { $0.severity == "error" }
        var s = Self.e(l.pick("\(errors.count) galat, \(list.count - errors.count) selisih pembulatan (rinciannya di report.html dan audit.csv).",
                              "\(f.count(errors.count, "error", "errors")), \(f.count(list.count - errors.count, "rounding difference", "rounding differences")) (details in report.html and audit.csv).")) + "\n\n"
        guard !errors.isEmpty else { return s }
        var header = [l.pick("Tahun", "Year"), l.pick("Pemeriksaan", "Check"), l.pick("Subjek", "Subject"), l.pick("Tercetak", "Printed"),
                      l.pick("Seharusnya", "Expected"), l.pick("Di mana", "Where"), l.pick("Pembanding", "Compared with")]
        if withArea { header.insert(l.pick("Wilayah", "Area"), at: 0) }
        let shift = withArea ? 1 : 0
        s += Self.table(header, numeric: [3 + shift, 4 + shift], errors.map { x in
            var row = [x.year.map(String.init) ?? "—", words.check(x.check), x.subject, f.number(x.published, decimals: x.publishedDecimals),
                       f.number(x.expected, decimals: x.expectedDecimals), x.location.isEmpty ? "—" : x.location, x.otherLocation ?? "—"]
            if withArea { row.insert("\(x.area.name) (\(x.area.code))", at: 0) }
            return row
        })
        return s
    }
}
