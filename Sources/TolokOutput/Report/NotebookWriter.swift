/// `tolok.ipynb`: a Jupyter notebook (nbformat 4) that loads the exported CSV files beside it with
/// pandas (codes as text), shows the main tables and redraws the main charts with matplotlib,
/// with a Markdown cell before each step. It runs offline, from its own folder.
public struct NotebookWriter {
    public var data: ReportData
    /// The dialect the CSV files beside the notebook were written in.
    public var dialect: CSVDialect

    public init(_ data: ReportData, dialect: CSVDialect = .standard) {
        self.data = data
        self.dialect = dialect
    }

    var l: ReportLanguage { data.language }

    enum Cell {
        case markdown(String)
        case code(String)
    }

    /// A Python string literal (double quotes, escaped).
    static func python(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += "\\x" + String(c.value, radix: 16).leftPadded(2) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += "\\u" + String(c.value, radix: 16).leftPadded(4) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    /// The cells, in order.
    func cells() -> [Cell] {
        let seeds = data.districts.map { "\(Self.python($0.area.code)): \(Self.python($0.area.name))" }.joined(separator: ", ")
        var provinceNames: [String: String] = [:]
        for d in data.districts { if let p = d.province { provinceNames[p.code] = p.name } }
        for s in data.districts.flatMap(\.standings) { provinceNames[s.province.code] = s.province.name }
        let provinces = provinceNames.keys.sorted().map { "\(Self.python($0)): \(Self.python(provinceNames[$0]!))" }.joined(separator: ", ")
        let read = dialect == .excelID
            ? #"dict(dtype=CODES, keep_default_na=False, na_values=[""], sep=";", decimal=",", encoding="utf-8-sig")"#
            : #"dict(dtype=CODES, keep_default_na=False, na_values=[""])"#
        let p = { (id: String, en: String) in Self.python(self.l.pick(id, en)) }
        var cells: [Cell] = []

        cells.append(.markdown(l.pick(
            """
            # Tolok: tabel dan grafik utama dengan pandas

            Buku catatan ini ditulis oleh `tolok report` di samping berkas CSV yang diekspornya. Buku ini memuat ekspor itu dengan pandas (kode wilayah dan sumber sebagai teks), menampilkan tabel utama dan menggambar ulang grafik utama `report.html` dengan matplotlib. Jalankan dari folder ini: `jupyter lab tolok.ipynb`, atau `jupyter nbconvert --to notebook --execute tolok.ipynb`. Tidak perlu jaringan.

            Kolom setiap berkas dijelaskan di `notebooks-out/README.md`.
            """,
            """
            # Tolok: the main tables and charts with pandas

            This notebook was written by `tolok report` beside the CSV files it exported. It loads those exports with pandas (area and source codes as text), shows the main tables and redraws the main charts of `report.html` with matplotlib. Run it from this folder: `jupyter lab tolok.ipynb`, or `jupyter nbconvert --to notebook --execute tolok.ipynb`. No network is needed.

            The columns of every file are documented in `notebooks-out/README.md`.
            """)))
        cells.append(.markdown(l.pick(
            "## Persiapan\n\nKode BPS seperti `3216` atau `00` (nasional) adalah teks, bukan angka: dibaca dengan `dtype=str` agar nol di depan tidak hilang. Sel kosong berarti tidak ada nilai (`NaN`), bukan nol.",
            "## Setup\n\nBPS codes such as `3216` or `00` (the nation) are text, not numbers: read with `dtype=str` so no leading zero is lost. An empty cell is a missing value (`NaN`), never zero.")))
        cells.append(.code("""
            from pathlib import Path

            import matplotlib.pyplot as plt
            import pandas as pd

            CODES = {column: str for column in [
                "district_code", "province_code", "area_code", "source_id", "other_source_id", "programme_code",
                "programme_codes", "yardstick_codes", "observation_id", "record_ids", "seed",
            ]}
            READ = \(read)


            def load(name):
                \(Self.python(l.pick("Satu ekspor Tolok dari folder buku catatan ini.", "One of Tolok's exports, from this notebook's folder.")))
                return pd.read_csv(Path(name), **READ)


            # The districts with reports, and the indicators placed among their provinces.
            SEEDS = {\(seeds)}
            PROVINCES = {\(provinces)}
            INDICATORS = [\(ReportData.benchmarkIndicators.map(Self.python).joined(separator: ", "))]
            FIRST_YEAR = \(ReportData.firstChartYear)
            # Okabe and Ito's colours, readable by the colour-blind.
            DISTRICT, PROVINCE, NATION, PEER = "#D55E00", "#0072B2", "#000000", "#8A8A8A"
            pd.set_option("display.max_colwidth", 60)
            pd.set_option("display.width", 160)
            pd.set_option("display.float_format", "{:.2f}".format)
            """))

        cells.append(.markdown(l.pick(
            "## Memuat ekspor\n\nSatu baris per kabupaten/kota × tahun × indikator (format panjang). `comparison.csv` memuat nilai, nilai provinsi dan nasional, selisih dan peringkat; `rankings.csv` setiap peringkat; `gaps.csv` apakah selisih menyempit.",
            "## Loading the exports\n\nOne row per district × year × indicator (long format). `comparison.csv` holds the value, the province's and the nation's, the gaps and ranks; `rankings.csv` every ranking; `gaps.csv` whether the gaps close.")))
        cells.append(.code("""
            comparison = load("comparison.csv")
            rankings = load("rankings.csv")
            gaps = load("gaps.csv")
            achievement = load("achievement.csv")
            budget = load("budget.csv")
            costs = load("costs.csv")
            composite = load("composite.csv")
            audit = load("audit.csv")
            for name, frame in [("comparison", comparison), ("rankings", rankings), ("gaps", gaps), ("achievement", achievement),
                                ("budget", budget), ("costs", costs), ("composite", composite), ("audit", audit)]:
                print(f"{name}.csv: {len(frame)} rows, {len(frame.columns)} columns")
            assert comparison["district_code"].map(type).eq(str).all(), "codes are text"
            """))

        cells.append(.markdown(l.pick(
            "## Posisi terakhir terhadap provinsi dan nasional\n\nUntuk setiap kabupaten/kota dengan laporan: tahun terakhir dengan peringkat provinsi, nilainya, nilai provinsi dan nasional, selisih (poin persentase), penilaian menurut polaritas (TPT lebih rendah lebih baik) dan peringkat.",
            "## Latest standing against the province and the nation\n\nFor each district with reports: the latest year with a provincial rank, its value, the province's and the nation's, the gaps (percentage points), the verdict by polarity (lower TPT is better) and the ranks.")))
        cells.append(.code("""
            seed_rows = comparison[comparison["district_code"].isin(SEEDS) & comparison["indicator_id"].isin(INDICATORS)]
            latest = (seed_rows.dropna(subset=["rank_province"]).sort_values("year")
                      .groupby(["district_code", "indicator_id"]).tail(1).sort_values(["district_code", "indicator_id"]))
            latest[["district_name", "indicator_id", "year", "value", "province_value", "national_value", "gap_province",
                    "gap_national", "vs_province", "vs_national", "rank_province", "n_province", "rank_nation", "n_nation"]]
            """))

        cells.append(.markdown(l.pick(
            "## Di antara kabupaten/kota provinsinya\n\nSetiap titik abu-abu satu kabupaten/kota dari provinsi yang sama pada tahun itu (dari `rankings.csv`, lingkup `province:KODE`); belah ketupat oranye kabupaten/kota dengan laporan; garis putus provinsi, garis titik nasional.",
            "## Among the districts of its province\n\nEach grey dot is one district of the same province that year (from `rankings.csv`, scope `province:CODE`); the orange diamond the district with reports; the dashed line the province, the dotted line the nation.")))
        cells.append(.code("""
            fig, axes = plt.subplots(len(SEEDS), len(INDICATORS), figsize=(12, 2.4 * len(SEEDS)), squeeze=False)
            first_drawn = None  # the legend goes on the first chart drawn
            for i, code in enumerate(SEEDS):
                for j, indicator in enumerate(INDICATORS):
                    ax = axes[i][j]
                    row = latest[(latest["district_code"] == code) & (latest["indicator_id"] == indicator)]
                    if row.empty:
                        ax.set_axis_off()
                        continue
                    row = row.iloc[0]
                    year = int(row["year"])
                    peers = rankings[(rankings["indicator_id"] == indicator) & (rankings["year"] == year)
                                     & (rankings["scope"] == f"province:{row['province_code']}") & rankings["rank"].notna()]
                    lanes = peers["rank"].rank(method="first") % 5 - 2  # spread the dots, deterministically
                    ax.scatter(peers["value"], lanes, color=PEER, alpha=0.8, s=28, label=\(p("kabupaten/kota di provinsi", "districts of the province")))
                    ax.scatter([row["value"]], [0], color=DISTRICT, marker="D", s=80, edgecolor="black", zorder=3, label=SEEDS[code])
                    ax.axvline(row["province_value"], color=PROVINCE, linestyle="--", label=\(p("provinsi", "province")))
                    ax.axvline(row["national_value"], color=NATION, linestyle=":", label=\(p("nasional", "nation")))
                    ax.set_yticks([])
                    ax.set_ylim(-3, 3)
                    ax.set_title(f"{SEEDS[code]}: {indicator.upper()} {year}, " + \(p("peringkat", "rank")) + f" {int(row['rank_province'])}/{int(row['n_province'])}",
                                 fontsize=10)
                    if first_drawn is None:
                        first_drawn = ax
            if first_drawn is not None:
                first_drawn.legend(loc="upper left", fontsize=7)
            fig.tight_layout()
            plt.show()
            """))

        cells.append(.markdown(l.pick(
            "## Deret sejak \(ReportData.firstChartYear)\n\nNilai kabupaten/kota, provinsi dan nasional setiap tahun, lalu apakah selisihnya menyempit atau melebar (`gaps.csv`).",
            "## Series since \(ReportData.firstChartYear)\n\nThe district's, the province's and the nation's value each year, then whether the gap closes or widens (`gaps.csv`).")))
        cells.append(.code("""
            fig, axes = plt.subplots(len(SEEDS), len(INDICATORS), figsize=(12, 3.0 * len(SEEDS)), squeeze=False)
            for i, code in enumerate(SEEDS):
                for j, indicator in enumerate(INDICATORS):
                    ax = axes[i][j]
                    s = seed_rows[(seed_rows["district_code"] == code) & (seed_rows["indicator_id"] == indicator)
                                  & (seed_rows["year"] >= FIRST_YEAR)].sort_values("year")
                    if s.empty:
                        ax.set_axis_off()
                        continue
                    ax.plot(s["year"], s["value"], color=DISTRICT, marker="o", label=SEEDS[code])
                    ax.plot(s["year"], s["province_value"], color=PROVINCE, marker="s", linestyle="--", label=\(p("provinsi", "province")))
                    ax.plot(s["year"], s["national_value"], color=NATION, marker="^", linestyle=":", label=\(p("nasional", "nation")))
                    ax.set_title(f"{SEEDS[code]}: {indicator.upper()} (%)", fontsize=10)
                    ax.legend(fontsize=7)
            fig.tight_layout()
            plt.show()
            gaps[gaps["district_code"].isin(SEEDS) & gaps["indicator_id"].isin(INDICATORS)][
                ["district_name", "indicator_id", "yardstick", "first_year", "last_year", "gap_first", "gap_last", "direction", "movement"]]
            """))

        cells.append(.markdown(l.pick(
            "## Capaian kinerja dan predikat\n\nCapaian dihitung ulang dari target dan realisasi yang tercetak; predikat SAKIP pada capaian yang dibatasi 0–100 (`achievement.csv`).",
            "## Achievement and predicates\n\nCapaian recomputed from the printed target and realisation; the SAKIP predicate on the capaian clamped to 0–100 (`achievement.csv`).")))
        cells.append(.code("""
            seed_achievement = achievement[achievement["district_code"].isin(SEEDS)]
            display(pd.crosstab(seed_achievement["district_name"], seed_achievement["predicate"]))
            seed_achievement[["district_name", "year", "indicator_label", "unit", "target", "realisation", "capaian", "capaian_clamped",
                              "predicate", "source_id", "source_location"]]
            """))

        cells.append(.markdown(l.pick(
            "## Serapan anggaran per program standar\n\nRealisasi / pagu × 100 per tahun dan program standar (`budget.csv`; `all` = seluruh anggaran dinas), lalu program tahun terakhir setiap kabupaten/kota.",
            "## Budget absorption per standard programme\n\nRealisasi / pagu × 100 per year and standard programme (`budget.csv`; `all` = the whole agency), then each district's programmes in its latest year.")))
        cells.append(.code("""
            seed_budget = budget[budget["district_code"].isin(SEEDS)]
            display(seed_budget.pivot_table(index=["district_name", "programme_code"], columns="year", values="absorption"))
            shown = seed_budget[(seed_budget["programme_code"] != "all") & seed_budget["absorption"].notna()]
            shown = shown[shown["year"] == shown.groupby("district_code")["year"].transform("max")]
            fig, ax = plt.subplots(figsize=(10, 0.35 * len(shown) + 1.2))
            ax.barh(shown["district_name"] + " " + shown["year"].astype(str) + " · " + shown["programme_code"], shown["absorption"], color=PROVINCE)
            ax.axvline(100, color="black", linewidth=0.8)
            ax.invert_yaxis()
            ax.set_xlabel(\(p("serapan (%)", "absorption (%)")))
            fig.tight_layout()
            plt.show()
            """))

        cells.append(.markdown(l.pick(
            "## Biaya per hasil\n\nRealisasi belanja program / jumlah hasilnya, dengan definisinya dan catatannya (`costs.csv`).",
            "## Cost per result\n\nRealised spend of a programme / its count of results, with the definition and caveat (`costs.csv`).")))
        cells.append(.code("""
            costs[costs["district_code"].isin(SEEDS) & costs["cost"].notna()][
                ["district_name", "year", "indicator_id", "definition", "realised_spend", "outcome", "cost", "caveat"]]
            """))

        cells.append(.markdown(l.pick(
            "## Indeks komposit dan rentang peringkatnya\n\nPeringkat nasional kabupaten/kota di provinsi kabupaten/kota dengan laporan, dengan rentang 5–95 % di bawah bobot acak (`composite.csv`).",
            "## The composite index and its rank intervals\n\nThe national rank of the districts in the provinces of the districts with reports, with the 5–95 % range under random weights (`composite.csv`).")))
        cells.append(.code("""
            ranked = composite[composite["rank"].notna()].copy()
            if ranked.empty:
                print(\(p("Tidak ada indeks komposit: terlalu sedikit kabupaten/kota.", "No composite index: too few districts.")))
            else:
                year = int(ranked["year"].iloc[0])
                province_of = (comparison[comparison["year"] == year].drop_duplicates("district_code")
                               .set_index("district_code")["province_code"])
                ranked["province_code"] = ranked["district_code"].map(province_of)
                provinces = list(dict.fromkeys(province_of[c] for c in SEEDS if c in province_of.index))
                tallest = max(len(ranked[ranked["province_code"] == p]) for p in provinces)
                fig, axes = plt.subplots(1, len(provinces), figsize=(6 * len(provinces), 0.24 * tallest + 1.5), squeeze=False)
                for ax, province in zip(axes[0], provinces):
                    group = ranked[ranked["province_code"] == province].sort_values("rank")
                    y = list(range(len(group)))
                    colours = [DISTRICT if code in SEEDS else PROVINCE for code in group["district_code"]]
                    ax.hlines(y, group["rank_p5"], group["rank_p95"], colors=colours)
                    ax.scatter(group["rank"], y, c=colours, zorder=3, s=18)
                    ax.set_yticks(y)
                    ax.set_yticklabels(group["district_name"], fontsize=7)
                    ax.invert_yaxis()
                    ax.set_xlabel(\(p("peringkat nasional (1 = terbaik)", "national rank (1 = best)")))
                    ax.set_title(f"{PROVINCES.get(province, province)} {year}", fontsize=10)
                fig.tight_layout()
                plt.show()
                display(ranked[ranked["district_code"].isin(SEEDS)][["rank", "district_name", "score", "rank_p5", "rank_p95", "stable", "inputs"]])
            """))

        cells.append(.markdown(l.pick(
            "## Audit\n\nTemuan per kabupaten/kota dan pemeriksaan; galat pada dokumen kabupaten/kota dengan laporan, dengan kedua lokasinya (`audit.csv`).",
            "## Audit\n\nFindings per district and check; the errors in the documents of the districts with reports, with both locations (`audit.csv`).")))
        cells.append(.code("""
            display(audit.pivot_table(index="district_name", columns="severity", values="check", aggfunc="count", fill_value=0))
            audit[audit["district_code"].isin(SEEDS) & (audit["severity"] == "error")][
                ["district_name", "year", "check", "subject", "published", "expected", "source_id", "location",
                 "other_source_id", "other_location"]]
            """))
        return cells
    }

    /// The notebook's JSON (nbformat 4.5), deterministic: cell ids are numbered.
    public func render() -> String {
        let cells = cells().enumerated().map { i, cell -> String in
            let (type, text) = switch cell {
            case .markdown(let t): ("markdown", t)
            case .code(let t): ("code", t)
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let source = lines.enumerated().map { k, line in Self.json(k < lines.count - 1 ? line + "\n" : line) }
            var json = "  {\n   \"cell_type\": \"\(type)\",\n"
            if type == "code" { json += "   \"execution_count\": null,\n" }
            json += "   \"id\": \"tolok-\(String(i + 1).leftPadded(2))\",\n   \"metadata\": {},\n"
            if type == "code" { json += "   \"outputs\": [],\n" }
            json += "   \"source\": [\n" + source.map { "    " + $0 }.joined(separator: ",\n") + "\n   ]\n  }"
            return json
        }
        return """
        {
         "cells": [
        \(cells.joined(separator: ",\n"))
         ],
         "metadata": {
          "kernelspec": {
           "display_name": "Python 3",
           "language": "python",
           "name": "python3"
          },
          "language_info": {
           "name": "python"
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
