import Foundation
import Testing
import Tolok

/// The clean fixture (Fixtures/clean) with the shipped schemas, copied into a fresh folder.
func cleanFixture() throws -> URL {
    let folder = try temporaryFolder().appendingPathComponent("datasets")
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/clean")
    try FileManager.default.copyItem(at: fixture, to: folder)
    try FileManager.default.copyItem(atPath: shippedDatasets + "/schemas", toPath: folder.appendingPathComponent("schemas").path)
    return folder
}

/// One bad input: a change to one file of the clean fixture, and exactly what `tolok validate`
/// must say about it (every line of standard error, `{dir}` standing for the datasets folder)
/// and its exit status.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var change: @Sendable (inout [UInt8], URL) throws -> Void
    var expected: [String]
    var status: Int32 = 1
    var testDescription: String { name }

    /// A bad input made by replacing `old` (which must occur) with `new` in `file`.
    static func replacing(_ name: String, in file: String, _ old: String, with new: String, status: Int32 = 1,
                          _ expected: [String]) -> BadInput {
        BadInput(name: name, file: file, change: { bytes, _ in
            let text = String(decoding: bytes, as: UTF8.self)
            precondition(text.contains(old), "\(name): '\(old)' is not in \(file)")
            bytes = Array(text.replacingOccurrences(of: old, with: new).utf8)
        }, expected: expected, status: status)
    }

    /// A bad input made by appending `lines` to `file`.
    static func appending(_ name: String, to file: String, _ lines: String, status: Int32 = 1, _ expected: [String]) -> BadInput {
        BadInput(name: name, file: file, change: { bytes, _ in bytes += Array(lines.utf8) }, expected: expected, status: status)
    }
}

/// The 1-based column where field `index` (0-based) starts on `line` (no quotes before it).
func column(_ line: String, field index: Int) -> Int {
    line.split(separator: ",", omittingEmptySubsequences: false).prefix(index).reduce(1) { $0 + $1.count + 1 }
}

// The clean fixture's rows that the cases break (line numbers in their files).
let obs1 = "004-1,3509,2023,,,sasaran,Menurunnya pengangguran,Tingkat Pengangguran Terbuka,%,negative,4.50,,4.21,106.44,004,Tabel 3.1,12,,"  // observations.csv:2
let obs3 = "004-3,3509,2023,,,statistik,,Jumlah pencari kerja terdaftar,orang,,,,9900,,004,§3.1 (text),13,,"  // :4
let budget3 = "004-b3,004-b1,3509,2023,execution,program,2.07.04,Program Penempatan Tenaga Kerja,1000000000,900000000,90.00,004,Tabel 3.8,20,,"  // budget.csv:4
let ref3510 = "r-3510,3510,tpt,2023,8,5.01,,%,false,,bps,Tabel 2,,"  // references.csv:5
let map2 = "map-2,3509,,Pencari kerja yang ditempatkan,placements,as_is,,,,,1,,"  // indicator_mappings.csv:3
let area3510 = "3510,kab-banyuwangi,Kabupaten Banyuwangi,district,kabupaten,35,35.10,"  // areas.csv:5
let map3 = "map-3,3509,,Jumlah pencari kerja ditempatkan,placement_share,ratio,,Jumlah pencari kerja terdaftar,,,1,,"  // indicator_mappings.csv:4
let source004 = "004,004_lkip.txt,LKIP Dinas Tenaga Kerja Kabupaten Jember 2023,LKIP,2023,Dinas Tenaga Kerja Kabupaten Jember,3509,,"  // sources.csv:2
/// A mapping row for any district whose label no observation prints.
let anyDistrictRow = "map-4,*,,Label yang tidak dicetak,tpt,as_is,,,,,1,,"
/// Document 004's placements as a sum with a label it does not print.
let sumRow = "map-4,3509,004,Pencari kerja yang ditempatkan,placements,sum,,,Pencari kerja AKAD,,1,,"
/// The warning on a share in percent outside 0–100 (observations, `field` 10 target or 12 realisation).
func shareWarning(line: Int, _ row: String, field: Int, _ text: String, label: String) -> String {
    "{dir}/observations.csv:\(line):\(column(row, field: field)): warning: \(field == 10 ? "target" : "realisation"): \(text) % is outside 0–100, "
        + "but '\(label)' is a share in percent (a label starting with Persentase, Tingkat, TPT or TPAK): a transcription or printing error? "
        + "A correction in corrections/ settles it; the audit reports it as rate_range"
}
let sharePlacedRow = with(with(newRow, 7, "Persentase pencari kerja yang ditempatkan"), 10, "-5")
let changeRow = with(with(newRow, 7, "Persentase peningkatan penempatan"), 12, "130.5")
/// A new observation row; fields by the observations schema.
let newRow = "004-9,3509,2023,,,sasaran,Objective,Label,%,positive,10,,5,,004,Tabel X,,,"
let observationsHeader = "id,district_code,year,period,revision,level,objective,indicator_label,unit,polarity,target,target_year,realisation,reported_capaian,source_id,location,page,printed,note"

/// Sets field `index` of `row` to `value`.
func with(_ row: String, _ index: Int, _ value: String) -> String {
    var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[index] = value
    return fields.joined(separator: ",")
}

/// A number in observation 004-1's target (field 10): the cell is refused with `message`,
/// pointing `offset` characters into the cell (one more when the cell is quoted).
func badTarget(_ name: String, _ text: String, offset: Int, _ message: String) -> BadInput {
    let quoted = text.contains(",")
    let cell = quoted ? "\"\(text)\"" : text
    return .replacing(name, in: "observations.csv", obs1, with: with(obs1, 10, cell), [
        "{dir}/observations.csv:2:\(column(obs1, field: 10) + offset + (quoted ? 1 : 0)): error: target: \(message)",
    ])
}

let perThousandRow = "map-4,3509,,Jumlah pencari kerja terdaftar,placements,per_1000,,,,penduduk,1,,"
let outside = "SECRET-LINE-OUTSIDE-THE-DATASETS"

/// Points the observations resource of datapackage.json at `path`.
func observationsPath(_ name: String, _ path: String, _ why: String, column: Int) -> BadInput {
    .replacing(name, in: "datapackage.json", "\"path\": \"observations.csv\"", with: "\"path\": \"\(path)\"", [
        "{dir}/datapackage.json:\(observationsResourceLine):\(column): error: resource \"observations\": the path \"\(path)\" \(why); it is not read",
        "{dir}/observations.csv: error: this CSV file is not listed in datapackage.json, so it would be ignored: add a resource for it",
        "{dir}/datapackage.json: error: no resource holds the observations table",
    ])
}

/// Line of the observations resource's path in the fixture's datapackage.json.
let observationsResourceLine = 46

enum BadInputs {
    static let structure: [BadInput] = [
        .appending("unterminated-quote", to: "observations.csv", newRow + "\"open note\n", [
            "{dir}/observations.csv:6:\(column(newRow, field: 18)): error: unterminated quoted field (the closing '\"' is missing)",
        ]),
        .appending("stray-quote", to: "observations.csv", with(newRow, 7, "Label 12\"3") + "\n", [
            "{dir}/observations.csv:6:\(column(newRow, field: 7) + 8): error: '\"' inside an unquoted field; quote the field and double the quote",
        ]),
        .appending("text-after-closing-quote", to: "observations.csv", with(newRow, 7, "\"Label\"x") + "\n", [
            "{dir}/observations.csv:6:\(column(newRow, field: 7) + 7): error: unexpected text after a closing quote; quote the whole field",
        ]),
        .appending("ragged-row-short", to: "observations.csv", String(newRow.dropLast()) + "\n", [
            "{dir}/observations.csv:6:\(column(newRow, field: 17)): error: the record has 18 fields, the header 19",
        ]),
        .appending("ragged-row-long", to: "observations.csv", newRow + ",extra\n", [
            "{dir}/observations.csv:6:\(column(newRow, field: 18) + 1): error: the record has 20 fields, the header 19",
        ]),
        .appending("blank-line", to: "observations.csv", "\n" + newRow + "\n", status: 0, [
            "{dir}/observations.csv:6:1: warning: blank line skipped",
        ]),
        .replacing("header-missing", in: "observations.csv", observationsHeader + "\n", with: "", [
            "{dir}/observations.csv:1:1: error: the first line is no header (none of its cells names a field of the observations schema); the file is skipped until it starts with: \(observationsHeader)",
        ]),
        .replacing("header-duplicated-column", in: "observations.csv", "id,district_code,year,", with: "id,district_code,district_code,", [
            "{dir}/observations.csv:1:18: error: header column 3 is 'district_code' (a second time: column 2 is 'district_code' too); expected 'year'",
            "{dir}/observations.csv:1:1: error: header lacks the field 'year'",
            "{dir}/observations.csv:1:1: error: the file is skipped until its header reads: \(observationsHeader)",
        ]),
        .replacing("header-unknown-column", in: "observations.csv", "id,district_code,year,", with: "id,district_code,tahun,", [
            "{dir}/observations.csv:1:18: error: header column 3 is 'tahun' (not a field of the observations schema); expected 'year'",
            "{dir}/observations.csv:1:1: error: header lacks the field 'year'",
            "{dir}/observations.csv:1:1: error: the file is skipped until its header reads: \(observationsHeader)",
        ]),
        BadInput(name: "empty-file", file: "observations.csv", change: { bytes, _ in bytes = [] }, expected: [
            "{dir}/observations.csv:1:1: error: empty file: a header line is required",
        ]),
        BadInput(name: "blank-first-line", file: "observations.csv", change: { bytes, _ in bytes = [10] + bytes }, expected: [
            "{dir}/observations.csv:1:1: error: the first line is blank: the file must start with its header",
        ]),
    ]

    static let encoding: [BadInput] = [
        .replacing("nul-byte", in: "observations.csv", "Tingkat Pengangguran", with: "Tingkat\u{0} Pengangguran", [
            "{dir}/observations.csv:2:\(column(obs1, field: 7) + 7): error: NUL byte (0x00): a dataset file is text and holds none (a binary file, or a damaged copy?); the file is not read",
        ]),
        BadInput(name: "invalid-utf8", file: "observations.csv", change: { bytes, _ in
            // A new row whose objective is "Objéctive" in Latin-1 (é = 0xE9).
            let before = newRow.prefix(column(newRow, field: 6) - 1), after = newRow.dropFirst(column(newRow, field: 7) - 2)
            bytes += Array(before.utf8) + Array("Obj".utf8) + [0xE9] + Array("ctive".utf8) + Array(after.utf8) + [10]
        }, expected: [
            "{dir}/observations.csv:6:\(column(newRow, field: 6) + 3): error: not valid UTF-8 (bytes E9 63 74 69): save the file as UTF-8 (a Windows-1252 or Latin-1 export?); the file is not read",
        ]),
        BadInput(name: "utf16-with-bom", file: "observations.csv", change: { bytes, _ in
            bytes = [0xFF, 0xFE] + String(decoding: bytes, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }, expected: [
            "{dir}/observations.csv:1:1: error: the file is UTF-16 (it starts with the byte-order mark FF FE): save it as UTF-8; the file is not read",
        ]),
        BadInput(name: "utf16-without-bom", file: "observations.csv", change: { bytes, _ in
            bytes = String(decoding: bytes, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }, expected: [
            "{dir}/observations.csv:1:2: error: NUL byte: the file looks like UTF-16 without a byte-order mark (every other byte is NUL): save it as UTF-8; the file is not read",
        ]),
        .appending("bom-mid-file", to: "observations.csv", "\u{FEFF}" + newRow + "\n", [
            "{dir}/observations.csv:6:1: error: a byte-order mark (U+FEFF) in the middle of the file (two files joined together?): remove it; the file is not read",
        ]),
        .replacing("lone-carriage-return", in: "observations.csv", obs1 + "\n", with: obs1 + "\r", [
            "{dir}/observations.csv:2:\(obs1.count + 1): error: a carriage return without a line feed: end lines with LF or CRLF; the file is not read",
        ]),
    ]

    static let numbers: [BadInput] = [
        badTarget("number-1.234.567", "1.234.567", offset: 5, "more than one '.': thousands separators are not allowed (write 1234567, not 1.234.567)"),
        badTarget("number-decimal-comma-66,21", "66,21", offset: 2, "',' is not allowed: use '.' as the decimal separator and no thousands separator (write 66.21, not 66,21)"),
        badTarget("number-37,430.000", "37,430.000", offset: 2, "',' is not allowed: use '.' as the decimal separator and no thousands separator (write 66.21, not 66,21)"),
        badTarget("number-ocr-4496.393.500", "4496.393.500", offset: 8, "more than one '.': thousands separators are not allowed (write 1234567, not 1.234.567)"),
        badTarget("number-ocr-595.4888.000", "595.4888.000", offset: 8, "more than one '.': thousands separators are not allowed (write 1234567, not 1.234.567)"),
        badTarget("number-NaN", "NaN", offset: 0, "'NaN' is not a number: NaN is not allowed (leave the cell empty for a missing value)"),
        badTarget("number-inf", "inf", offset: 0, "'inf' is not a number: infinity is not allowed"),
        badTarget("number-1e400", "1e400", offset: 1, "exponent notation is not allowed: write the digits out"),
        badTarget("number-negative-zero", "-0", offset: 0, "'-0' is a negative zero: write 0"),
        badTarget("number-leading-plus", "+5", offset: 0, "a leading '+' is not allowed; write the number without it"),
        badTarget("number-inner-space", "1 234", offset: 1, "spaces are not allowed in a number"),
        badTarget("number-percent-sign", "85.71%", offset: 5, "'%' is not allowed: write the number only (the unit goes in the unit field)"),
        badTarget("number-400-digits", String(repeating: "9", count: 400), offset: 0, "the number has 400 digits before the '.': too large for a double"),
        .replacing("budget-1.234-in-rupiah", in: "budget.csv", budget3, with: with(budget3, 9, "1.234"), [
            "{dir}/budget.csv:4:\(column(budget3, field: 9)): error: realisasi: rupiah amounts are whole, but 1.234 has decimals: if the document printed 1.234 with '.' as the thousands separator, write 1234",
        ]),
        .replacing("count-with-decimals-9.900-orang", in: "observations.csv", obs3, with: with(obs3, 12, "9.900"), status: 0, [
            "{dir}/observations.csv:4:\(column(obs3, field: 12)): warning: realisation: 9.900 orang has decimals, but a count in orang is whole: if the document printed 9.900 with '.' as the thousands separator, write 9900",
        ]),
        .replacing("integer-with-decimals", in: "observations.csv", obs1, with: with(obs1, 2, "2023.0"), [
            "{dir}/observations.csv:2:\(column(obs1, field: 2)): error: year: '2023.0' is not an integer (digits only, optional leading '-')",
        ]),
    ]

    static let values: [BadInput] = [
        // Found by the loader fuzzer: a line that is its own parent sent the programme budgets'
        // corrections into an endless recursion.
        .replacing("budget-line-under-itself", in: "budget.csv", budget3, with: with(budget3, 1, "004-b3"), [
            "{dir}/budget.csv:4:\(column(budget3, field: 1)): error: budget line '004-b3' lies under itself (004-b3 → 004-b3): a parent_id names a line above, never the line itself or one below it",
        ]),
        .replacing("negative-budget", in: "budget.csv", budget3, with: with(budget3, 8, "-5"), [
            "{dir}/budget.csv:4:\(column(budget3, field: 8)): error: pagu: -5 is negative: a budget amount is never below 0",
        ]),
        .replacing("realisation-over-pagu", in: "budget.csv", budget3, with: with(budget3, 9, "1000000001"), status: 0, [
            "{dir}/budget.csv:4:\(column(budget3, field: 9)): warning: realisasi 1000000001 exceeds the pagu 1000000000 (100.00 %): a transcription or printing error? A correction in corrections/ settles it",
        ]),
        .replacing("rate-outside-0-100", in: "references.csv", ref3510, with: with(ref3510, 5, "130.5"), [
            "{dir}/references.csv:5:\(column(ref3510, field: 5)): error: value: 130.5 % is outside 0–100, but a reference figure in percent is a share (fill 'excluded' with the reason to keep it for the record)",
        ]),
        .replacing("share-over-100-in-observations", in: "observations.csv", obs1, with: with(obs1, 12, "130.5"), status: 0, [
            shareWarning(line: 2, obs1, field: 12, "130.5", label: "Tingkat Pengangguran Terbuka"),
        ]),
        .appending("share-target-below-0-in-observations", to: "observations.csv", sharePlacedRow + "\n", status: 0, [
            shareWarning(line: 6, sharePlacedRow, field: 10, "-5", label: "Persentase pencari kerja yang ditempatkan"),
        ]),
        // A change (peningkatan, penurunan, pertumbuhan) may pass 100: no warning, as in the audit.
        .appending("change-over-100-is-no-share", to: "observations.csv", changeRow + "\n", status: 0, []),
        .replacing("year-1899", in: "observations.csv", obs1, with: with(obs1, 2, "1899"), [
            "{dir}/observations.csv:2:\(column(obs1, field: 2)): error: year: 1899 is outside 1945–2100",
        ]),
        .replacing("target-year-2150", in: "observations.csv", obs1, with: with(obs1, 11, "2150"), [
            "{dir}/observations.csv:2:\(column(obs1, field: 11)): error: target_year: 2150 is outside 1945–2100",
        ]),
        .replacing("month-13", in: "references.csv", ref3510, with: with(ref3510, 4, "13"), [
            "{dir}/references.csv:5:\(column(ref3510, field: 4)): error: month: 13 is outside 1–12",
        ]),
        .replacing("required-field-empty", in: "observations.csv", obs1, with: with(obs1, 7, ""), [
            "{dir}/observations.csv:2:\(column(obs1, field: 7)): error: required field 'indicator_label' is empty",
        ]),
        .replacing("value-not-allowed", in: "observations.csv", obs1, with: with(obs1, 5, "sasaran_strategis"), [
            "{dir}/observations.csv:2:\(column(obs1, field: 5)): error: level: 'sasaran_strategis' is not one of: tujuan, sasaran, program, kegiatan, sub_kegiatan, statistik",
        ]),
        .replacing("boolean-ya", in: "references.csv", ref3510, with: with(ref3510, 8, "ya"), [
            "{dir}/references.csv:5:\(column(ref3510, field: 8)): error: derived: 'ya' is not a boolean (write true or false)",
        ]),
        .appending("field-of-2-MiB", to: "observations.csv", with(newRow, 18, String(repeating: "x", count: 2 << 20)) + "\n", [
            "{dir}/observations.csv:6:\(column(newRow, field: 18)): error: note: the cell is 2097152 bytes long; a cell holds at most 1048576 (a closing quote missing?)",
        ]),
    ]

    static let references: [BadInput] = [
        .replacing("unknown-district", in: "observations.csv", obs1, with: with(obs1, 1, "9999"), [
            "{dir}/observations.csv:2:7: error: unknown district_code '9999': no area_code in {dir}/areas.csv has it",
        ]),
        .replacing("district-code-of-a-province", in: "observations.csv", obs1, with: with(obs1, 1, "35"), [
            "{dir}/observations.csv:2:7: error: district_code '35' is not a district (level in areas.csv)",
        ]),
        .replacing("unknown-province", in: "areas.csv", area3510, with: with(area3510, 5, "36"), [
            "{dir}/areas.csv:5:\(column(area3510, field: 5)): error: unknown parent_code '36': no area_code in {dir}/areas.csv has it",
            "{dir}/areas.csv:5: error: district 3510 needs a kind (kabupaten/kota) and a province as parent_code",
        ]),
        .replacing("unknown-source", in: "observations.csv", obs1, with: with(obs1, 14, "999"), [
            "{dir}/observations.csv:2:\(column(obs1, field: 14)): error: unknown source_id '999': no source_id in {dir}/sources.csv has it",
        ]),
        .replacing("unknown-indicator-in-mapping", in: "indicator_mappings.csv", map2, with: with(map2, 4, "placement"), [
            "{dir}/indicator_mappings.csv:3:\(column(map2, field: 4)): error: unknown indicator_id 'placement': no indicator_id in {dir}/indicators.csv has it",
        ]),
        .replacing("unknown-indicator-in-references", in: "references.csv", ref3510, with: with(ref3510, 2, "tpk"), [
            "{dir}/references.csv:5:\(column(ref3510, field: 2)): error: unknown indicator 'tpk': no indicator_id in {dir}/indicators.csv has it (nor is it one of the series kept for the record: employed, working_age_pop)",
        ]),
        .replacing("mapping-unknown-district", in: "indicator_mappings.csv", map2, with: with(map2, 1, "9999"), [
            "{dir}/indicator_mappings.csv:3:7: error: mapping map-2: district_code '9999' is not a district in areas.csv (write a district code or *)",
        ]),
        .replacing("mapping-district-code-of-a-province", in: "indicator_mappings.csv", map2, with: with(map2, 1, "35"), [
            "{dir}/indicator_mappings.csv:3:7: error: mapping map-2: district_code '35' is not a district in areas.csv (write a district code or *)",
        ]),
        .appending("mapping-unknown-reference-indicator", to: "indicator_mappings.csv", perThousandRow + "\n", [
            "{dir}/indicator_mappings.csv:5:\(column(perThousandRow, field: 9)): error: mapping map-4: reference_indicator 'penduduk' is no indicator of indicators.csv",
        ]),
        .appending("mapping-label-printed-nowhere", to: "indicator_mappings.csv", "map-4,3509,,Label yang tidak dicetak,tpt,as_is,,,,,1,,\n",
                   status: 0, [
            "{dir}/indicator_mappings.csv:5:\(column(map2, field: 3)): warning: mapping map-4: no observation of district 3509 prints the label 'Label yang tidak dicetak'; the row does nothing",
        ]),
        .appending("mapping-any-district-label-printed-nowhere", to: "indicator_mappings.csv", anyDistrictRow + "\n", status: 0, [
            "{dir}/indicator_mappings.csv:5:\(column(anyDistrictRow, field: 3)): warning: mapping map-4: no observation of any district prints the label 'Label yang tidak dicetak'; the row does nothing",
        ]),
        .replacing("mapping-denominator-printed-nowhere", in: "indicator_mappings.csv", map3, with: with(map3, 7, "Jumlah pencari kerja terdaftr"), status: 0, [
            "{dir}/indicator_mappings.csv:4:\(column(map3, field: 7)): warning: mapping map-3: no observation of district 3509 prints the denominator 'Jumlah pencari kerja terdaftr'; the row gives no value",
        ]),
        .appending("mapping-added-label-printed-nowhere", to: "indicator_mappings.csv", sumRow + "\n", status: 0, [
            "{dir}/indicator_mappings.csv:5:\(column(sumRow, field: 8)): warning: mapping map-4: no observation of district 3509 prints the added label 'Pencari kerja AKAD'; the row gives no value",
        ]),
        .replacing("unknown-source-in-budget", in: "budget.csv", budget3, with: with(budget3, 11, "999"), [
            "{dir}/budget.csv:4:\(column(budget3, field: 11)): error: unknown source_id '999': no source_id in {dir}/sources.csv has it",
        ]),
        .replacing("unknown-source-in-mapping", in: "indicator_mappings.csv", map2, with: with(map2, 2, "999"), [
            "{dir}/indicator_mappings.csv:3:\(column(map2, field: 2)): error: unknown source_id '999': no source_id in {dir}/sources.csv has it",
        ]),
        .replacing("unknown-area-in-sources", in: "sources.csv", source004, with: with(source004, 6, "9999"), [
            "{dir}/sources.csv:2:\(column(source004, field: 6)): error: unknown area_code '9999': no area_code in {dir}/areas.csv has it",
        ]),
        .appending("province-history-unknown-district", to: "province_history.csv", "9999,35,,2023,\n", [
            "{dir}/province_history.csv:2:1: error: unknown area_code '9999': no area_code in {dir}/areas.csv has it",
            "{dir}/province_history.csv:2: error: 9999 is not a district in areas.csv",
        ]),
        .appending("province-history-unknown-province", to: "province_history.csv", "3510,36,,2023,\n", [
            "{dir}/province_history.csv:2:6: error: unknown province_code '36': no area_code in {dir}/areas.csv has it",
            "{dir}/province_history.csv:2: error: 36 is not a province in areas.csv",
        ]),
        .appending("crosswalk-unknown-district", to: "programme_crosswalk.csv", "pc-2,9999,Pelatihan Kerja,2.07.03,Program Pelatihan Kerja dan Produktivitas Tenaga Kerja,\n", [
            "{dir}/programme_crosswalk.csv:3:6: error: crosswalk row pc-2: district_code '9999' is not a district in areas.csv (write a district code or *)",
        ]),
        .appending("duplicate-id", to: "observations.csv", with(newRow, 0, "004-2") + "\n", [
            "{dir}/observations.csv:6:1: error: duplicate id '004-2' (first at {dir}/observations.csv:3)",
        ]),
        .appending("duplicate-area", to: "areas.csv", area3510 + "\n", [
            "{dir}/areas.csv:6:1: error: duplicate area_code '3510' (first at {dir}/areas.csv:5)",
            "{dir}/areas.csv:6:6: error: duplicate slug 'kab-banyuwangi' (first at {dir}/areas.csv:5)",
        ]),
        .replacing("ratio-denominator-zero", in: "observations.csv", obs3, with: with(obs3, 12, "0"), status: 0, [
            "{dir}/observations.csv:4:\(column(obs3, field: 12)): warning: mapping map-3: the denominator 'Jumlah pencari kerja terdaftar' is 0 for district 3509 in 2023: the ratio placement_share is undefined there, and no value is given",
        ]),
    ]

    static let packagePaths: [BadInput] = [
        observationsPath("package-path-dotdot", "../outside.csv", "leaves the datasets folder ('..'): name a file inside it", column: 15),
        observationsPath("package-path-absolute", "{outside}", "is absolute: name a file inside the datasets folder, relative to it", column: 15),
        observationsPath("package-path-url", "https://example.org/observations.csv", "is a URL: Tolok reads only files inside the datasets folder", column: 15),
        BadInput(name: "package-path-symlink-out", file: "observations.csv", change: { bytes, folder in
            // observations.csv becomes a link to a file outside the datasets folder.
            let link = folder.appendingPathComponent("observations.csv")
            try FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.deletingLastPathComponent().appendingPathComponent("outside.csv"))
            bytes = []
        }, expected: [
            "{dir}/datapackage.json:\(observationsResourceLine):15: error: resource \"observations\": the path \"observations.csv\" is a symbolic link (or lies under one) that leads out of the datasets folder; it is not read",
            "{dir}/datapackage.json: error: no resource holds the observations table",
        ]),
        BadInput(name: "package-path-under-a-folder-link-out", file: "datapackage.json", change: { bytes, folder in
            // A folder inside links to the folder around the datasets; the path goes through it.
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("linked"), withDestinationURL: folder.deletingLastPathComponent())
            bytes = Array(String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "\"path\": \"observations.csv\"", with: "\"path\": \"linked/outside.csv\"").utf8)
        }, expected: [
            "{dir}/datapackage.json:\(observationsResourceLine):15: error: resource \"observations\": the path \"linked/outside.csv\" is a symbolic link (or lies under one) that leads out of the datasets folder; it is not read",
            "{dir}/observations.csv: error: this CSV file is not listed in datapackage.json, so it would be ignored: add a resource for it",
            "{dir}/datapackage.json: error: no resource holds the observations table",
        ]),
        BadInput(name: "package-path-symlink-inside", file: "observations.csv", change: { bytes, folder in
            // observations.csv links to a file inside the folder (not a .csv, so not listed itself):
            // read as it is, without a diagnostic.
            let target = folder.appendingPathComponent("kept/observations.data")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target)
            let link = folder.appendingPathComponent("observations.csv")
            try FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "kept/observations.data")
            bytes = []
        }, expected: [], status: 0),
        .replacing("package-schema-dotdot", in: "datapackage.json", "\"schema\": \"schemas/observations.json\"", with: "\"schema\": \"../outside.csv\"", [
            "{dir}/datapackage.json:\(observationsResourceLine + 1):17: error: resource \"observations\": the schema \"../outside.csv\" leaves the datasets folder ('..'): name a file inside it; it is not read",
            "{dir}/datapackage.json: error: no resource holds the observations table",
        ]),
        // Found by the loader fuzzer (LeakSanitizer): reading an empty datapackage.json leaked a buffer.
        BadInput(name: "package-empty", file: "datapackage.json", change: { bytes, folder in
            try Data().write(to: folder.appendingPathComponent("datapackage.json"))
            bytes = []
        }, expected: [
            "{dir}/datapackage.json: error: {dir}/datapackage.json is empty: it must hold the data package's JSON object",
        ]),
        // Found by the loader fuzzer: a foreign key into a table the package no longer lists was
        // said without a file.
        .replacing("package-without-a-referenced-resource", in: "datapackage.json",
                   "    {\n      \"name\": \"indicators\",\n      \"path\": \"indicators.csv\",\n      \"schema\": \"schemas/indicators.json\"\n    },\n", with: "", [
            "{dir}/indicators.csv: error: this CSV file is not listed in datapackage.json, so it would be ignored: add a resource for it",
            "{dir}/datapackage.json: error: no resource holds the indicators table",
            "{dir}/datapackage.json: error: the indicator_mappings table's foreign key indicator_id → indicators.indicator_id names no text field of a resource listed here",
        ]),
    ]

    static let all = structure + encoding + numbers + values + references + packagePaths
}

@Suite("Bad inputs: exact diagnostics, never a crash, never a leak")
struct BadInputTests {
    @Test func theCorpusHasAtLeastFortyNamedInputs() {
        #expect(BadInputs.all.count >= 40)
        #expect(Set(BadInputs.all.map(\.name)).count == BadInputs.all.count)
    }

    @Test func aBudgetLineUnderItselfNeverHangsTheAnalysis() throws {
        // The library computes on a dataset with errors too: the line under itself is reported,
        // and the programme budgets still come out (its realisasi counted once).
        let data = try cleanFixture()
        let url = data.appendingPathComponent("budget.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: budget3, with: with(budget3, 1, "004-b3")).write(to: url, atomically: true, encoding: .utf8)
        let loaded = DatasetLoader.load(directory: data.path)
        #expect(loaded.diagnostics.contains { $0.message.hasPrefix("budget line '004-b3' lies under itself") })
        let analysis = Analysis(try #require(loaded.dataset))
        #expect(analysis.budgets.contains { $0.programme?.code == "2.07.04" && $0.realisasi == 900_000_000 })
    }

    @Test func theCleanFixtureIsClean() throws {
        let data = try cleanFixture()
        let run = tolok("validate", "--data", data.path)
        #expect(run.err == [])
        #expect(run.status == 0)
    }

    @Test(arguments: BadInputs.all)
    func badInputIsReportedExactly(_ input: BadInput) throws {
        let data = try cleanFixture()
        // A file just outside the datasets folder, which no diagnostic may ever show.
        let outsideFile = data.deletingLastPathComponent().appendingPathComponent("outside.csv")
        try Data((outside + "\n").utf8).write(to: outsideFile)
        let url = data.appendingPathComponent(input.file)
        var bytes = [UInt8](try Data(contentsOf: url))
        try input.change(&bytes, data)
        if !bytes.isEmpty || input.name == "empty-file" {
            var text = Data(bytes)
            if input.file == "datapackage.json" {
                text = Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "{outside}", with: outsideFile.path).utf8)
            }
            try text.write(to: url)
        }
        let run = tolok("validate", "--data", data.path)
        let expected = input.expected.map {
            $0.replacingOccurrences(of: "{dir}", with: data.path).replacingOccurrences(of: "{outside}", with: outsideFile.path)
        }
        #expect(run.err == expected)
        #expect(run.status == input.status)
        #expect(!run.err.contains { $0.contains(outside) })
    }

    @Test func aRatioRelationWithDenominatorZeroIsUndefinedAndSaysSo() throws {
        let data = try cleanFixture()
        let file = data.appendingPathComponent("observations.csv")
        let row = "004-2,3509,2023,,,sasaran,Meningkatnya penempatan,Pencari kerja yang ditempatkan,orang,positive,1000,,3898,389.80,004,Tabel 3.1,12,,"
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: row, with: with(row, 10, "0")).write(to: file, atomically: true, encoding: .utf8)
        let out = try temporaryFolder()
        let run = tolok("audit", "--data", data.path, "--out", out.path, "--quiet")
        #expect(run.status == 0)
        #expect(run.err == ["\(data.path)/relations.csv:2: warning: relation rel-1: the denominator 004-2.target is 0: the ratio is undefined, so 004-2.reported_capaian is not checked"])
        // The capaian of a target of 0 is undefined too, with the reason.
        #expect(tolok("report", "--data", data.path, "--out", out.path).status == 0)
        let achievement = try readCSV(out.appendingPathComponent("achievement.csv"))
        let placed = try #require(achievement.first { $0["observation_id"] == "004-2" })
        #expect(placed["capaian"] == "" && placed["predicate"] == "" && placed["note"] == "target is 0: capaian is undefined")
    }

    @Test func validationAndAuditAgreeOnWhichLabelsAreShares() throws {
        // Every row 130.5 in its unit: the validation warns on exactly the rows the audit's
        // rate_range check flags (the rule is written twice today; see PercentShare).
        let rows: [(label: String, unit: String, share: Bool)] = [
            ("Tingkat Pengangguran Terbuka Kabupaten", "%", true), ("  TPT", "%", true), ("TPAK", "%", true),
            (". Persentase penduduk bekerja", "%", true), ("Presentase pencari kerja", "%", true), ("Prosentase pekerja", "%", true),
            ("tingkat kepuasan masyarakat", "%", true), ("Persentase peningkatan penempatan", "%", false),
            ("Tingkat pertumbuhan ekonomi", "%", false), ("Persentase penurunan pengangguran", "%", false),
            ("Penurunan TPT", "%", false), ("Angka tingkat pengangguran terbuka", "%", false), ("Rasio pencari kerja", "%", false),
            ("Tingkat Pengangguran Terbuka", "persen", false), ("Tingkat kehadiran peserta pelatihan", "orang", false),
        ]
        let data = try cleanFixture()
        let file = data.appendingPathComponent("observations.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (i, r) in rows.enumerated() {
            text += with(with(with(with(newRow, 0, "004-s\(i)"), 7, r.label), 8, r.unit), 12, "130.5") + "\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let expected = Set(rows.indices.filter { rows[$0].share }.map { "004-s\($0)" })
        let run = tolok("validate", "--data", data.path)
        #expect(run.status == 0)
        let warned = Set(run.err.filter { $0.contains("is a share in percent") }.compactMap { line -> String? in
            guard let n = Int(line.dropFirst(file.path.count + 1).prefix { $0 != ":" }) else { return nil }
            return "004-s\(n - 6)"  // the fixture's 4 rows and header, then the rows above from line 6
        })
        #expect(warned == expected)
        let out = try temporaryFolder()
        #expect(tolok("audit", "--data", data.path, "--out", out.path).status == 0)
        // The label rule's findings (a mapped value outside its catalogue range is a rate_range finding too:
        // 'Tingkat Pengangguran Terbuka' in 'persen' maps onto tpt, valid 0–100).
        let findings = try readCSV(out.appendingPathComponent("audit.csv")).filter { $0["check"] == "rate_range" }
        #expect(findings.compactMap { $0["record_ids"] }.sorted() == (expected.sorted() + ["004-s13"]).sorted())
        let flagged = Set(findings.filter { $0["detail"]?.hasSuffix("% for a share that lies within 0–100") == true }.compactMap { $0["record_ids"] })
        #expect(flagged == expected)
        #expect(rows.allSatisfy { PercentShare.isShare(unit: $0.unit, label: $0.label) == $0.share })
    }

    /// Appends `bytes` to the clean fixture's observations and validates. (How fast is the
    /// benchmarks' business, not a test's: these check the answer and that nothing is kept per line.)
    func validate(appending bytes: [UInt8]) throws -> (run: Run, folder: URL) {
        let data = try cleanFixture()
        let url = data.appendingPathComponent("observations.csv")
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        try handle.close()
        return (tolok("validate", "--data", data.path), data)
    }

    @Test func aHundredMegabyteFieldIsRefused() throws {
        let row = with(newRow, 18, "")
        let (run, data) = try validate(appending: Array(row.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20) + [10])
        #expect(run.err == ["\(data.path)/observations.csv:6:\(column(newRow, field: 18)): error: note: the cell is 104857600 bytes long; a cell holds at most 1048576 (a closing quote missing?)"])
        #expect(run.status == 1)
    }

    /// Commands other than `tolok validate` print the first 20 warnings and how many more there
    /// are; `tolok validate` prints every one. (A national dataset can have thousands.)
    @Test func commandsPrintTheFirstWarningsAndCountTheRest() throws {
        // 25 shares in percent printed above 100: a warning each.
        let rows = (1...25).map { with(with(with(newRow, 0, "004-w\($0)"), 7, "Persentase uji \($0)"), 12, "150") + "\n" }
        let (validated, data) = try validate(appending: Array(rows.joined().utf8))
        let warnings = validated.err.filter { $0.contains(": warning: ") }
        #expect(warnings.count == 25 && validated.err.count == 25 && validated.status == 0, "\(validated.err.prefix(3))")
        #expect(warnings.allSatisfy { $0.contains("realisation: 150 % is outside 0–100") })
        let out = try temporaryFolder()
        let reported = tolok("report", "--data", data.path, "--out", out.path, "--quiet")
        #expect(reported.status == 0)
        #expect(reported.err == Array(warnings.prefix(20)) + ["… and 5 more warnings (tolok validate --data \(data.path) lists every one)"])
        #expect(reported.out.contains { $0.hasSuffix("0 errors, 25 warnings") })
        #expect(tolok("rank", "--indicator", "tpt", "--data", data.path, "--quiet").err.count == 21)
    }

    @Test func tenMillionEmptyLinesAreOneWarning() throws {
        let (run, data) = try validate(appending: [UInt8](repeating: 10, count: 10_000_000) + Array((newRow + "\n").utf8))
        #expect(run.err == ["\(data.path)/observations.csv:6:1: warning: 10000000 blank lines skipped (lines 6–10000005)"])
        #expect(run.status == 0)
        #expect(run.out.first?.hasPrefix("\(data.path): 5 observations,") == true)
    }
}
