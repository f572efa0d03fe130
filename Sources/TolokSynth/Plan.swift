import Foundation
import TolokModel
import TolokOutput

/// The synthetic world a ``Synthesizer`` writes: who is where, and every value as a function of
/// the seed, the district, the indicator and the year (so a file can be written alone and the
/// provinces' figures agree with their districts').
struct Plan {
    struct District { var code: String; var province: String; var kota: Bool }

    let settings: Synthesizer
    let years: [Int]
    let provinceCodes: [String]
    let districts: [District]
    /// For each province code, the indices of its districts.
    let members: [String: [Int]]

    init(_ s: Synthesizer) {
        settings = s
        years = Array((s.lastYear - s.years + 1)...s.lastYear)
        provinceCodes = (0..<s.provinces).map { String(11 + $0) }
        var districts: [District] = []
        var members: [String: [Int]] = [:]
        for (p, province) in provinceCodes.enumerated() {
            let count = s.districts / s.provinces + (p < s.districts % s.provinces ? 1 : 0)
            let kota = count / 5
            for k in 0..<count {
                let isKota = k >= count - kota
                let index = isKota ? 71 + (k - (count - kota)) : 1 + k
                members[province, default: []].append(districts.count)
                districts.append(District(code: province + (index < 10 ? "0" : "") + String(index), province: province, kota: isKota))
            }
        }
        self.districts = districts
        self.members = members
    }

    // MARK: Randomness

    /// A generator for one (purpose, a, b, c): independent of the order things are written in.
    func rng(_ purpose: UInt64, _ a: Int, _ b: Int = 0, _ c: Int = 0) -> SplitMix64 {
        var g = SplitMix64(seed: settings.seed &* 0x9E37_79B9_7F4A_7C15 ^ purpose)
        for x in [a, b, c] { g = SplitMix64(seed: g.next() ^ UInt64(bitPattern: Int64(x))) }
        return g
    }

    static func uniform(_ g: inout SplitMix64) -> Double { Double(g.next() >> 11) / Double(1 << 53) }

    static func normal(_ g: inout SplitMix64) -> Double {
        let u = max(uniform(&g), 1e-12), v = uniform(&g)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    // MARK: Indicators

    func id(_ i: Int) -> String { "ind_" + String(repeating: "0", count: max(0, 3 - String(i).count)) + String(i) }
    func number(_ i: Int) -> String { String(repeating: "0", count: max(0, 3 - String(i).count)) + String(i) }
    func positive(_ i: Int) -> Bool { i % 2 == 0 }

    /// The true rate (percent) of indicator `i` in district `d` and year index `y`.
    func rate(_ i: Int, _ d: Int, _ y: Int) -> Double {
        var gi = rng(1, i), gd = rng(2, i, d), gy = rng(3, i, d, y)
        let level = 20 + 60 * Self.uniform(&gi)
        let trend = 2 * Self.uniform(&gi) - 1
        let v = level + 8 * Self.normal(&gd) + trend * Double(y) + Self.normal(&gy)
        return min(99.5, max(0.5, v))
    }

    /// A district's labour force in year index `y` (for per-1,000 rates).
    func labourForce(_ d: Int, _ y: Int) -> Double {
        var g = rng(4, d)
        return ((100_000 + 1_900_000 * Self.uniform(&g)) * (1 + 0.01 * Double(y))).rounded()
    }

    /// The canonical value of indicator `i` (per 1,000 for per-1,000 indicators, persons for sums).
    func canonical(_ i: Int, _ d: Int, _ y: Int) -> Double {
        let r = (rate(i, d, y) * 100).rounded() / 100
        switch settings.shape(i) {
        case .perThousand: return (r * 10).rounded() / 100  // 0.05–9.95 per 1,000
        default: return r
        }
    }

    func indicatorCatalogue() -> CSVWriter {
        var csv = CSVWriter(header: ["indicator_id", "name_id", "name_en", "unit", "polarity", "kind", "comparisons", "numerator",
                                     "denominator", "scope", "comparable_with", "valid_min", "valid_max", "note"])
        for i in 1...settings.indicators {
            let n = number(i), polarity: CSVCell = .text(positive(i) ? "positive" : "negative")
            switch settings.shape(i) {
            case .sum:
                csv.append([.text(id(i)), .text("Jumlah sintetis \(n)"), .text("Synthetic count \(n)"), .text("persons"), polarity,
                            .text("count"), .text("trend"), .text("people of group \(n), two parts added"), .missing,
                            .text("the district, one year"), .missing, .missing, .missing, .text("synthetic")])
            case .perThousand:
                csv.append([.text(id(i)), .text("Indikator sintetis \(n) per 1.000 angkatan kerja"), .text("Synthetic indicator \(n) per 1000 labour force"),
                            .text("per_1000"), polarity, .text("rate"), .text("reference rank trend"), .text("people served"),
                            .text("1,000 of the labour force"), .text("the district, one year"), .missing, .missing, .missing, .text("synthetic")])
            default:
                csv.append([.text(id(i)), .text("Indikator sintetis \(n)"), .text("Synthetic indicator \(n)"), .text("percent"), polarity,
                            .text("rate"), .text("reference rank trend"), .text("cases of kind \(n)"), .text("all cases"),
                            .text("the district, one year"), .missing, .number(0, decimals: 0), .number(100, decimals: 0), .text("synthetic")])
            }
        }
        // The base series of the per-1,000 rates (references of every district), as in the shipped catalogue.
        csv.append([.text("labour_force"), .text("Angkatan kerja"), .text("Labour force"), .text("persons"), .text("positive"),
                    .text("count"), .missing, .text("labour force (angkatan kerja, 15+)"), .missing, .text("the district, one year"),
                    .missing, .number(0, decimals: 0), .missing, .text("reference series for per-1000 rates")])
        return csv
    }

    // MARK: Labels

    func label(_ i: Int) -> String {
        positive(i) ? "Persentase capaian indikator \(number(i))" : "Tingkat masalah indikator \(number(i))"
    }

    /// Whether district `d` prints its own spelling of indicator `i` (a mapping row of its own).
    func variant(_ i: Int, _ d: Int) -> Bool {
        var g = rng(5, i, d)
        return Self.uniform(&g) < 0.2
    }

    func variantLabel(_ i: Int) -> String {
        positive(i) ? "Presentase capaian indikator \(number(i))" : "Tingkat  masalah  indikator \(number(i)) (TM)"
    }

    /// Whether district `d` prints indicator `i`'s label in capitals (matched without a row).
    func shouted(_ i: Int, _ d: Int) -> Bool {
        var g = rng(6, i, d)
        return Self.uniform(&g) < 0.1
    }

    func mappings() -> (csv: CSVWriter, rows: Int) {
        var csv = CSVWriter(header: ["id", "district_code", "source_id", "label", "indicator_id", "transform", "factor",
                                     "denominator_label", "added_labels", "reference_indicator", "priority", "caveat", "note"])
        var rows = 0
        func row(_ id: String, _ district: String, _ label: String, _ indicator: String, _ transform: String,
                 factor: CSVCell = .missing, denominator: String? = nil, added: String? = nil, reference: String? = nil) {
            csv.append([.text(id), .text(district), .missing, .text(label), .text(indicator), .text(transform), factor,
                        .optional(denominator), .optional(added), .optional(reference), .integer(1), .missing, .missing])
            rows += 1
        }
        for i in 1...settings.indicators {
            let n = number(i)
            switch settings.shape(i) {
            case .asIs:
                row("m-\(n)", "*", label(i), id(i), "as_is")
                for (d, district) in districts.enumerated() where variant(i, d) {
                    row("m-\(n)-\(district.code)", district.code, variantLabel(i), id(i), "as_is")
                }
            case .scale:
                row("m-\(n)", "*", "Rasio capaian indikator \(n)", id(i), "scale", factor: .integer(100))
            case .ratio:
                row("m-\(n)", "*", "Jumlah selesai indikator \(n)", id(i), "ratio", denominator: "Jumlah kasus indikator \(n)")
                for (d, district) in districts.enumerated() where variant(i, d) {
                    row("m-\(n)-\(district.code)", district.code, "Jumlah selesai indikator \(n)", id(i), "ratio",
                        denominator: "Jml kasus indikator \(n)")
                }
            case .perThousand:
                row("m-\(n)", "*", "Jumlah penerima indikator \(n)", id(i), "per_1000", reference: "labour_force")
            case .sum:
                row("m-\(n)", "*", "Jumlah laki-laki indikator \(n)", id(i), "sum", added: "Jumlah perempuan indikator \(n)")
            }
        }
        return (csv, rows)
    }

    // MARK: Areas, sources, references

    func areas() -> CSVWriter {
        var csv = CSVWriter(header: ["area_code", "slug", "name", "level", "kind", "parent_code", "kemendagri_code", "note"])
        csv.append([.text("00"), .text("indonesia"), .text("Indonesia"), .text("nation"), .missing, .missing, .missing, .missing])
        for p in provinceCodes {
            csv.append([.text(p), .text("provinsi-sintetis-\(p)"), .text("Provinsi Sintetis \(p)"), .text("province"), .missing,
                        .text("00"), .missing, .text("synthetic")])
        }
        for d in districts {
            let kind = d.kota ? "kota" : "kabupaten"
            csv.append([.text(d.code), .text("\(d.kota ? "kota" : "kab")-sintetis-\(d.code)"),
                        .text("\(d.kota ? "Kota" : "Kabupaten") Sintetis \(d.code)"), .text("district"), .text(kind),
                        .text(d.province), .missing, .text("synthetic")])
        }
        return csv
    }

    func sources() -> CSVWriter {
        var csv = CSVWriter(header: ["source_id", "document", "title", "type", "year", "publisher", "area_code", "note", "priority"])
        csv.append([.text("syn-bps"), .text("synthetic"), .text("Synthetic BPS figures"), .text("BPS"), .integer(settings.lastYear),
                    .text("BPS (synthetic)"), .text("00"), .text("synthetic"), .missing])
        for d in districts {
            csv.append([.text("syn-\(d.code)"), .text("synthetic"), .text("LKIP sintetis \(d.code)"), .text("LKIP"),
                        .integer(settings.lastYear), .text("Dinas sintetis \(d.code)"), .text(d.code), .text("synthetic"), .missing])
        }
        return csv
    }

    /// Provinces' and the nation's figures of every compared indicator (the mean of their
    /// districts, rounded), and every district's labour force.
    func references() -> (csv: CSVWriter, rows: Int) {
        var csv = CSVWriter(header: ["id", "area_code", "indicator", "year", "month", "value", "printed_decimals", "unit", "derived",
                                     "vintage", "source_id", "location", "note", "excluded"])
        var rows = 0
        func row(_ id: String, _ area: String, _ indicator: String, _ year: Int, _ value: Double, decimals: Int, unit: String) {
            csv.append([.text(id), .text(area), .text(indicator), .integer(year), .integer(8), .number(value, decimals: decimals),
                        .missing, .text(unit), .text("false"), .missing, .text("syn-bps"), .text("Tabel sintetis"), .missing, .missing])
            rows += 1
        }
        for i in 1...settings.indicators where settings.shape(i) != .sum {
            let unit = settings.shape(i) == .perThousand ? "per 1000" : "%"
            for (y, year) in years.enumerated() {
                var all = 0.0
                for p in provinceCodes {
                    let m = members[p]!
                    let mean = m.reduce(0.0) { $0 + canonical(i, $1, y) } / Double(m.count)
                    all += mean * Double(m.count)
                    row("r-\(p)-\(number(i))-\(year)", p, id(i), year, mean, decimals: 2, unit: unit)
                }
                row("r-00-\(number(i))-\(year)", "00", id(i), year, all / Double(districts.count), decimals: 2, unit: unit)
            }
        }
        for (d, district) in districts.enumerated() {
            for (y, year) in years.enumerated() {
                row("r-\(district.code)-lf-\(year)", district.code, "labour_force", year, labourForce(d, y), decimals: 0, unit: "orang")
            }
        }
        return (csv, rows)
    }

    // MARK: A district's report

    static let observationHeader = ["id", "district_code", "year", "period", "revision", "level", "objective", "indicator_label",
                                    "unit", "polarity", "target", "target_year", "realisation", "reported_capaian", "source_id",
                                    "location", "page", "printed", "note"]

    func observations(_ d: Int) -> (csv: CSVWriter, rows: Int) {
        var csv = CSVWriter(header: Self.observationHeader)
        let district = districts[d]
        var n = 0
        func row(_ year: Int, _ label: String, _ unit: String, _ polarity: String, target: CSVCell, realisation: CSVCell,
                 capaian: CSVCell = .missing) {
            n += 1
            csv.append([.text("o\(district.code)-\(n)"), .text(district.code), .integer(year), .missing, .missing, .text("sasaran"),
                        .text("Sasaran sintetis"), .text(label), .text(unit), .text(polarity), target, .missing, realisation, capaian,
                        .text("syn-\(district.code)"), .text("Tabel 3.1"), .missing, .missing, .missing])
        }
        for i in 1...settings.indicators {
            let polarity = positive(i) ? "positive" : "negative"
            let n3 = number(i)
            for (y, year) in years.enumerated() {
                var g = rng(7, i, d, y)
                guard Self.uniform(&g) >= 0.03 else { continue }  // about 3 % missing
                var value = canonical(i, d, y)
                let typo = Self.uniform(&g) < 0.001  // a value printed ten times too large
                let zeroTarget = Self.uniform(&g) < 0.005
                let wrongCapaian = Self.uniform(&g) < 0.01
                let target = zeroTarget ? 0 : (value * (0.9 + 0.2 * Self.uniform(&g)) * 100).rounded() / 100
                switch settings.shape(i) {
                case .asIs:
                    if typo { value *= 10 }
                    var printedLabel = variant(i, d) ? variantLabel(i) : label(i)
                    if shouted(i, d) { printedLabel = printedLabel.uppercased() }
                    var capaian: CSVCell = .missing
                    if target != 0 {
                        let c = positive(i) ? value / target * 100 : (target - (value - target)) / target * 100
                        capaian = .number(c + (wrongCapaian ? 7.5 : 0), decimals: 2)
                    }
                    row(year, printedLabel, "%", polarity, target: .number(target, decimals: 2), realisation: .number(value, decimals: 2),
                        capaian: capaian)
                case .scale:
                    row(year, "Rasio capaian indikator \(n3)", "rasio", polarity, target: .number(target / 100, decimals: 4),
                        realisation: .number(value / 100, decimals: 4))
                case .ratio:
                    let denominator = Double(50 + Int(Self.uniform(&g) * 4950))
                    let numerator = (value / 100 * denominator).rounded()
                    row(year, "Jumlah selesai indikator \(n3)", "kasus", polarity, target: .missing, realisation: .number(numerator, decimals: 0))
                    row(year, variant(i, d) ? "Jml kasus indikator \(n3)" : "Jumlah kasus indikator \(n3)", "kasus", polarity,
                        target: .missing, realisation: .number(denominator, decimals: 0))
                case .perThousand:
                    let count = (value / 1000 * labourForce(d, y)).rounded()
                    row(year, "Jumlah penerima indikator \(n3)", "orang", polarity, target: .missing,
                        realisation: .number(count, decimals: 0))
                case .sum:
                    let men = Double(100 + Int(Self.uniform(&g) * 9900)), women = Double(100 + Int(Self.uniform(&g) * 9900))
                    row(year, "Jumlah laki-laki indikator \(n3)", "orang", polarity, target: .missing, realisation: .number(men, decimals: 0))
                    row(year, "Jumlah perempuan indikator \(n3)", "orang", polarity, target: .missing, realisation: .number(women, decimals: 0))
                }
            }
        }
        return (csv, n)
    }

    static let budgetHeader = ["id", "parent_id", "district_code", "year", "stage", "level", "code", "label", "pagu", "realisasi",
                               "reported_percent", "source_id", "location", "page", "printed", "note"]

    /// A district's execution budgets: per year a total, five programmes and their activities,
    /// `budgetLines` lines in all; printed percentages, about 1 % of them wrong.
    func budget(_ d: Int) -> (csv: CSVWriter, rows: Int) {
        var csv = CSVWriter(header: Self.budgetHeader)
        let district = districts[d]
        let perYear = max(7, settings.budgetLines / settings.years)
        var n = 0
        for (y, year) in years.enumerated() {
            var g = rng(8, d, y)
            let activities = perYear - 6
            var pagu = [Double](repeating: 0, count: activities), real = pagu
            for a in 0..<activities {
                pagu[a] = (50_000 + 1_950_000 * Self.uniform(&g)).rounded() * 1000
                real[a] = (pagu[a] * (0.6 + 0.4 * Self.uniform(&g))).rounded()
            }
            func percent(_ r: Double, _ p: Double) -> CSVCell {
                .number(r / p * 100 + (Self.uniform(&g) < 0.01 ? 3 : 0), decimals: 2)
            }
            func line(_ id: String, _ parent: String?, _ level: String, _ code: String, _ label: String, _ p: Double, _ r: Double) {
                n += 1
                csv.append([.text(id), .optional(parent), .text(district.code), .integer(year), .text("execution"), .text(level),
                            .text(code), .text(label), .number(p, decimals: 0), .number(r, decimals: 0), percent(r, p),
                            .text("syn-\(district.code)"), .text("Tabel 3.8"), .missing, .missing, .missing])
            }
            let totalID = "b\(district.code)-\(year)-t"
            line(totalID, nil, "total", "", "Jumlah", pagu.reduce(0, +), real.reduce(0, +))
            for p in 0..<5 {
                let mine = stride(from: p, to: activities, by: 5)
                let programmeID = "b\(district.code)-\(year)-p\(p + 1)"
                line(programmeID, totalID, "program", "2.07.0\(p + 1)", "Program sintetis 2.07.0\(p + 1)",
                     mine.reduce(0) { $0 + pagu[$1] }, mine.reduce(0) { $0 + real[$1] })
                for a in mine {
                    line("b\(district.code)-\(year)-k\(a + 1)", programmeID, "kegiatan", "2.07.0\(p + 1).2.\(a + 1)",
                         "Kegiatan sintetis \(a + 1)", pagu[a], real[a])
                }
            }
        }
        return (csv, n)
    }
}
