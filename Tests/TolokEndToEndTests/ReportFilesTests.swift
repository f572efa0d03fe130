import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Tolok
@testable import TolokCLI

/// The report people read, from `tolok report` on the shipped datasets (``shippedReport``).
func reportText(_ name: String) throws -> String {
    try String(contentsOf: shippedReport.appendingPathComponent(name), encoding: .utf8)
}

/// The SVG pictures of an HTML page.
func svgs(_ html: String) -> [String] {
    var pictures: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
        pictures.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return pictures
}

/// True when `text` is well-formed XML.
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

/// What the reports show of the shipped datasets, gathered once (Indonesian).
let shippedReportData = ReportData(shippedAnalysis)

/// The districts the report shows: the first ``ReportData/maximumDistricts`` of those with reports, by code.
let shownDistricts = shippedReportData.districts.map(\.area)

/// Whether the report shows the seed district `code` (a test picks a seed's figures only then).
func shows(_ code: String) -> Bool { shownDistricts.contains { $0.code == code } }

/// A value as the Indonesian report writes it: `8.82` → `8,82`.
func indonesian(_ csvNumber: String) -> String {
    csvNumber.replacingOccurrences(of: ".", with: ",")
}

/// A console that records what is printed, `width` characters wide.
func tolok(width: Int, _ arguments: String...) -> Run {
    let out = Lines(), err = Lines()
    let console = Console(out: { out.append($0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) },
                          err: { err.append([$0]) }, isTerminal: true, width: width)
    let status = TolokCommandLine.run(arguments, console: console)
    return Run(status: status, out: out.lines, err: err.lines)
}

@Suite("Reports people read: report.html, summary.md, tolok.ipynb")
struct ReportFilesTests {
    /// The overview's reference years and excluded count, read from the columns, are those of
    /// the reference records (rows without a value are no record).
    @Test func theReferenceSpanIsThatOfTheRecords() throws {
        let records = shipped.references(), span = shipped.referenceSpan()
        #expect(span.excluded == records.count { $0.excluded != nil } && span.excluded > 0)
        #expect(span.years == records.map(\.year).min().map { $0...records.map(\.year).max()! })
        #expect(shippedReportData.overview.excludedReferenceCount == span.excluded)
        // A row without a value is no record, even excluded and of another year.
        let folder = try cleanFixture(), file = folder.appendingPathComponent("references.csv")
        try (String(contentsOf: file, encoding: .utf8) + "r-none,00,tpt,1990,8,,,%,false,,bps,Tabel 1,,not printed\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let fixture = try #require(DatasetLoader.load(directory: folder.path).dataset)
        #expect(fixture.referenceSpan().excluded == fixture.references().count { $0.excluded != nil })
        #expect(fixture.referenceSpan().years?.lowerBound == fixture.references().map(\.year).min())
    }

    @Test func reportWritesTheThreeFilesBesideTheCSV() throws {
        for name in ReportFiles.names {
            #expect(FileManager.default.fileExists(atPath: shippedReport.appendingPathComponent(name).path), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: shippedReport.appendingPathComponent("comparison.csv").path))
    }

    @Test func htmlIsSelfContainedAndIndonesian() throws {
        let html = try reportText("report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
        for external in ["<script", "<link", "src=", "@import", "url(", "href=\"http"] {
            #expect(!html.contains(external), "report.html refers to \(external)")
        }
        // The only address is the SVG namespace.
        let addresses = html.components(separatedBy: "http").count - 1
        #expect(addresses == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }

    @Test func everyChartIsWellFormedSVG() throws {
        let pictures = svgs(try reportText("report.html"))
        #expect(pictures.count > 10)
        for svg in pictures { #expect(isWellFormedXML(svg), "\(svg.prefix(200))") }
    }

    @Test func chartsKeepTheirTextLegibleOnAPhone() throws {
        // Every chart sits in a box that scrolls sideways; its picture never shrinks below the
        // width at which its smallest text is 9 px tall (a 420 px phone showed 3 px labels).
        let html = try reportText("report.html")
        let boxes = html.components(separatedBy: "<div class=\"scroll\" style=\"--min-width: ").dropFirst()
        #expect(boxes.count == svgs(html).filter { !$0.contains("aria-hidden") && !$0.contains("height=\"12.0\"") }.count)
        for box in boxes {
            let minimum = try #require(Double(box.prefix { $0.isNumber }))
            let svg = try #require(svgs(box).first)
            let width = try #require(Double(svg.components(separatedBy: " width=\"")[1].prefix { $0 != "\"" }))
            let fonts = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
            let smallest = try #require(fonts.min())
            #expect(smallest * min(1, minimum / width) >= 9, "\(svg.prefix(160))")
        }
    }

    @Test func overviewCardsFillEvenRowsAndTextsHaveNoDoubleSpaces() throws {
        let html = try reportText("report.html")
        // Six cards: three a row (two on a phone), never one alone.
        #expect(html.components(separatedBy: "<div class=\"card\">").count - 1 == 6)
        #expect(html.contains(".cards { display: grid; grid-template-columns: repeat(3, 1fr);"))
        // Tooltips and texts: no double space (a budget tooltip had "2018  Seluruh anggaran dinas").
        let body = try #require(html.components(separatedBy: "</style>").last)
        #expect(!body.contains("  "), "\(body.components(separatedBy: "  ").first!.suffix(80))")
    }

    @Test func eachDistrictWithReportsHasItsSectionAndStanding() throws {
        let html = try reportText("report.html")
        let rankings = try reportRows("rankings.csv")
        #expect(shownDistricts.map(\.code) == shipped.districtsWithData().prefix(ReportData.maximumDistricts).map(\.code))
        for district in shownDistricts {
            #expect(html.contains("<section id=\"d-\(district.code)\">"), "\(district.name)")
            // Its TPT: the value, its rank among its province that year, as rankings.csv has them.
            let rows = rankings.filter { $0["district_code"] == district.code && $0["indicator_id"] == "tpt" && $0["scope"]?.hasPrefix("province:") == true && $0["rank"] != "" }
            let latest = try #require(rows.max { Int($0["year"]!)! < Int($1["year"]!)! })
            let title = "\(district.name) \(latest["year"]!): \(indonesian(latest["value"]!))% (sumber: "
            #expect(html.contains(title), "\(title)")
            let province = try #require(shipped.areas.byCode[String(latest["scope"]!.dropFirst("province:".count))])
            #expect(html.contains("peringkat \(latest["rank"]!) dari \(latest["n_ranked"]!) di \(province.name)"))
            // One dot per ranked district of the province that year.
            let peers = rankings.filter { $0["indicator_id"] == "tpt" && $0["year"] == latest["year"] && $0["scope"] == latest["scope"] && $0["rank"] != "" }
            let section = try #require(html.components(separatedBy: "<section id=\"d-\(district.code)\">").last?.components(separatedBy: "</section>").first)
            let strip = try #require(svgs(section).first)
            #expect(strip.components(separatedBy: "<circle ").count - 1 == peers.count - 1, "the others as dots, the district as a diamond")
        }
    }

    @Test func seedFiguresReadRightInIndonesian() throws {
        let html = try reportText("report.html")
        if shows("3509") {
            // Jember's placements: 3.898 against a target of 1.000 is a capaian of 389,80 %, predicate AA.
            #expect(html.contains("<td class=\"n\">1.000 orang</td><td class=\"n\">3.898 orang</td><td class=\"n\">389,80%"))
            // Its LKIP prints 100 % there: the clamping rule, marked and explained under the table.
            #expect(html.contains("<td class=\"n\" title=\"Tercetak 100 untuk capaian di atas 100 mengikuti aturan pembatasan"))
            #expect(html.contains("<p class=\"note\">† Tercetak 100 untuk capaian di atas 100 mengikuti aturan pembatasan"))
            // Jember 2023: 1.414.708.339 spent by programme 2.07.04 / 3.898 placed = Rp362.932 per placement.
            #expect(html.contains("<td class=\"n\">Rp1.414.708.339</td><td class=\"n\">3.898</td><td class=\"n\"><b>Rp362.932</b>"))
        }
        if shows("3216") {
            // Kabupaten Bekasi 2024: pagu 47.570.506.579, realised 44.022.386.629 (Tabel 1.9): 92,54 %.
            #expect(html.contains("Rp47.570.506.579</td><td class=\"n\">Rp44.022.386.629</td><td class=\"n\">92,54%"))
            // The audit's both locations: 43.987.586.629 printed in §3.1.6, 44.022.386.629 in Tabel 1.9.
            #expect(html.contains("43.987.586.629</td><td class=\"n\">44.022.386.629</td><td class=\"src\">000 §3.1.6 (text)<br>↔ 000 Tabel 1.9"))
            // Kabupaten Bekasi's LKIP 2024 is the first to print programme 2.07.01: the earlier years' cells
            // are a dot, explained below the table and in the cell's tooltip.
            #expect(html.contains("<td class=\"n empty\" title=\"tidak ada anggaran tercetak untuk program ini tahun itu\">·</td>"))
            #expect(html.contains("<p class=\"note\">· tidak ada anggaran tercetak untuk program ini tahun itu</p>"))
            // Beside the budget row from Tabel 1.9, the suspicion names both places (no "di sini").
            #expect(html.contains("000 Tabel 1.9<br><span class=\"warn\">diragukan: angka sama dicetak berbeda: realisasi tercetak 43.987.586.629 di 000 §3.1.6 (text) dan 44.022.386.629 di 000 Tabel 1.9</span>"))
            #expect(!html.contains("di sini dan 44.022.386.629 di 000 Tabel 1.9 (000"))
        }
    }

    @Test func compositeShowsRankIntervalsOfTheProvincesDistricts() throws {
        let html = try reportText("report.html")
        let composite = try reportRows("composite.csv")
        for district in shownDistricts {
            guard let row = composite.first(where: { $0["district_code"] == district.code }), let rank = row["rank"], !rank.isEmpty else { continue }
            let p5 = try #require(Double(row["rank_p5"]!)), p95 = try #require(Double(row["rank_p95"]!))
            let interval = "\(NumberText.fixed(p5, decimals: 0))–\(NumberText.fixed(p95, decimals: 0))"
            #expect(html.contains("\(district.name): peringkat \(rank) (\(interval))"), "\(district.name)")
        }
    }

    @Test func briefingTablesAreNarrowAndWellFormed() throws {
        let md = try reportText("summary.md")
        #expect(md.hasPrefix("# "))
        var columns: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            // Cells split at unescaped pipes.
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count - 2
            #expect(cells <= 8, "\(line)")
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
        if shows("3509") {
            #expect(md.contains("| 2023 | Pencari kerja yang ditempatkan | 1.000 orang | 3.898 orang | 389,80% | AA (Sangat Memuaskan) |"))
        }
    }

    @Test func notebookLoadsTheExportsWithCodesAsText() throws {
        let data = Data(try reportText("tolok.ipynb").utf8)
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(notebook["nbformat"] as? Int == 4)
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let code = cells.filter { $0["cell_type"] as? String == "code" }.map { ($0["source"] as? [String] ?? []).joined() }
        #expect(cells.count > code.count && code.count >= 8, "markdown cells explain the code cells")
        let setup = code.joined(separator: "\n")
        #expect(setup.contains("\"district_code\", \"province_code\", \"area_code\", \"source_id\""))
        #expect(setup.contains("READ = dict(dtype=CODES, keep_default_na=False, na_values=[\"\"])"))
        for district in shownDistricts { #expect(setup.contains("\"\(district.code)\": \"\(district.name)\"")) }
        for name in ["comparison.csv", "rankings.csv", "achievement.csv", "budget.csv", "costs.csv", "composite.csv", "audit.csv"] {
            #expect(setup.contains("load(\"\(name)\")"), "\(name)")
        }
    }

    @Test func englishAndDeterministic() throws {
        let english = ReportData(shippedAnalysis, english: true)
        let html = HTMLReport(english).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        if shows("3509") { #expect(html.contains("<td class=\"n\">1,000 orang</td><td class=\"n\">3,898 orang</td><td class=\"n\">389.80%")) }
        #expect(html.contains("Open unemployment rate"))
        // Rendered again: the same bytes; gathered in-process, the command's bytes (.ci/run compares two runs of the command).
        #expect(ReportFiles.render(english).map(\.text) == ReportFiles.render(english).map(\.text))
        #expect(try ReportFiles.render(shippedReportData).map(\.text) == ReportFiles.names.map(reportText))
    }

    /// A label holding `<`, `&` or quotes renders as text in HTML, SVG, Markdown and JSON.
    @Test func labelsWithMarkupCharactersStayText() throws {
        var data = shippedReportData
        let evil = "Kab. <b>\"Contoh\"</b> & 'Co' | *x* [y](z)"
        let d = try #require(data.districts.firstIndex { !$0.achievements.isEmpty })
        data.districts[d].area.name = evil
        data.districts[d].achievements[0].label = evil
        data.sources[0].title = evil
        let html = HTMLReport(data).render()
        #expect(!html.contains("<b>\"Contoh\"</b>"))
        #expect(html.contains("Kab. &lt;b&gt;&quot;Contoh&quot;&lt;/b&gt; &amp; &#39;Co&#39;"))
        for svg in svgs(html) { #expect(isWellFormedXML(svg)) }
        let md = BriefingMarkdown(data).render()
        #expect(md.contains("Kab. &lt;b&gt;\"Contoh\"&lt;/b&gt; &amp; 'Co' \\| \\*x\\* \\[y\\](z)"))
        #expect(!md.contains("<b>"))
        let notebook = NotebookWriter(data).render()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(notebook.utf8)) as? [String: Any])
        let source = ((parsed["cells"] as? [[String: Any]])?.compactMap { $0["source"] as? [String] }.joined().joined()) ?? ""
        #expect(source.contains("\"\(data.districts[d].area.code)\": \"Kab. <b>\\\"Contoh\\\"</b> & 'Co' | *x* [y](z)\""))
        let json = HeadlineTable.tabular(data).render(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["district_name"] as? String == evil })
    }

    /// The headline's directions are comparison.csv's verdicts (one tolerance for "equal").
    @Test func theHeadlinesDirectionsAreTheComparisonsVerdicts() throws {
        let json = HeadlineTable.tabular(shippedReportData).render(.json)
        let headline = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        var comparison: [String: [String: String]] = [:]
        for row in try reportRows("comparison.csv") {
            comparison[row["district_code"]! + " " + row["indicator_id"]! + " " + row["year"]!] = row
        }
        var compared = 0
        for row in headline {
            let key = "\(row["district_code"]!) \(row["indicator_id"]!) \(row["year"]!)"
            let c = try #require(comparison[key], "\(key) not in comparison.csv")
            for column in ["vs_province", "vs_national"] {
                #expect(row[column] as? String == c[column].flatMap { $0.isEmpty ? nil : $0 }, "\(key) \(column)")
                if row[column] is String { compared += 1 }
            }
        }
        #expect(compared >= 4)
    }

    @Test func terminalTablesFitTheWidth() throws {
        let bekasi = try #require(shipped.areas.find("kab-bekasi"))
        let rows = Comparisons.compute(shippedAnalysis.alignment, areas: shipped.areas, districts: [bekasi],
                                       ranks: shippedAnalysis.cellRanks())
        let full = AnalysisExports.comparison(rows, policy: .all)
        for width in [60, 80, 100, 132] {
            let lines = CompactViews.comparison(full, Wording(english: false)).render(width: width).split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= width }, "\(lines.filter { $0.count > width })")
        }
        let comparison = try reportRows("comparison.csv")
        let tpt = try #require(comparison.first { $0["district_code"] == "3216" && $0["indicator_id"] == "tpt" && $0["year"] == "2023" })
        let run = tolok(width: 100, "compare", "--district", "kab-bekasi", "--data", shippedDatasets)
        #expect(run.status == 0)
        #expect(run.out.allSatisfy { $0.count <= 100 })
        // The 2023 row: value, province, nation right-aligned, the ranks as rank/count.
        let line = try #require(run.out.first {
            $0.split(separator: " ").prefix(4).map(String.init) == ["2023", tpt["value"]!, tpt["province_value"]!, tpt["national_value"]!]
        })
        #expect(line.contains("\(tpt["rank_province"]!)/\(tpt["n_province"]!)") && line.contains("\(tpt["rank_nation"]!)/\(tpt["n_nation"]!)"))
        #expect(line.contains("buruk/buruk"))
        #expect(run.out.contains { $0.hasPrefix("Kabupaten Bekasi (3216) · Tingkat Pengangguran Terbuka (TPT) — lebih rendah lebih baik") })
        let english = CompactViews.comparison(AnalysisExports.comparison(rows, policy: .all, english: true), Wording(english: true)).render(width: 100)
        #expect(english.contains("Open unemployment rate — lower is better"))
        #expect(english.contains("worse/worse"))
        let rank = tolok(width: 60, "rank", "--indicator", "tpt", "--year", "2023", "--province", "32", "--data", shippedDatasets)
        #expect(rank.out.allSatisfy { $0.count <= 60 }, "\(rank.out.filter { $0.count > 60 })")
        #expect(rank.out.contains { $0.hasPrefix("       23  Kabupaten Bekasi") || $0.contains(" 23  3216  Kabupaten Bekasi") })
    }

    @Test func terminalNotesNameIndicatorsInTheChosenLanguage() {
        // The notes name an indicator by id (as the CSV exports keep them); a terminal table names it
        // as the table does, in either language, and a composite's missing input is said in it too.
        let names = shippedAnalysis.alignment.catalogue
        let note = CSVCell.text("no placements count for 2018")
        let id = CompactViews.note(note, Wording(english: false, names: names.names(english: false)))
        let en = CompactViews.note(note, Wording(english: true, names: names.names(english: true)))
        let placementsID = names.byID["placements"]?.nameID ?? "?", placementsEN = names.byID["placements"]?.nameEN ?? "?"
        // Mid-sentence, the name starts in lower case.
        func lowered(_ name: String) -> String { name.prefix(1).lowercased() + name.dropFirst() }
        #expect(id == .text("tidak ada angka \(lowered(placementsID)) untuk 2018"))
        #expect(en == .text("no count of \(lowered(placementsEN)) for 2018"))
        #expect(placementsID != "placements" && placementsEN != "placements")
        let inputs = CSVCell.text("tpt 2024=3.67; tpak=missing")
        #expect(CompactViews.inputs(inputs, Wording(english: false)) == .text("tpt 2024=3.67; tpak=tidak ada"))
        #expect(CompactViews.inputs(inputs, Wording(english: true)) == inputs)
    }

    @Test func everyPrintingCommandAcceptsFormat() throws {
        let validate = tolok("validate", "--format", "json", "--data", shippedDatasets)
        // The shipped datasets have no error; what they have (warnings) comes as JSON objects.
        #expect(validate.status == 0)
        let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(validate.out.joined(separator: "\n").utf8)) as? [[String: Any]])
        #expect(diagnostics.allSatisfy { $0["severity"] as? String == "warning" && $0["line"] is Int })
        let out = try temporaryFolder()
        let audit = tolok("audit", "--format", "csv", "--data", shippedDatasets, "--out", out.path)
        #expect(audit.status == 0)
        #expect(audit.out.first == AuditExport.header.joined(separator: ","))
        #expect(audit.out.count - 1 == shippedAnalysis.audit.findings.count)
        #expect(audit.err.contains { $0.hasPrefix("Audit: ") })
        #expect(tolok("report", "--format", "xml").status == 2)
        let pipeline = tolok("pipeline", "--format", "csv", "--quiet", "--data", shippedDatasets, "--out", out.appendingPathComponent("pipeline").path)
        #expect(pipeline.status == 0 && pipeline.out.first == "file,rows" && pipeline.out.count == 3)
        if shows("3216") {
            let headline = HeadlineTable.tabular(shippedReportData).render(.md)
            let comparison = try reportRows("comparison.csv")
            let tpak = try #require(comparison.first { $0["district_code"] == "3216" && $0["indicator_id"] == "tpak" && $0["year"] == "2024" })
            #expect(headline.contains("| 3216 | Kabupaten Bekasi | 32 | Jawa Barat | tpak | Tingkat Partisipasi Angkatan Kerja (TPAK) | 2024 | \(tpak["value"]!) |"))
        }
    }
}
