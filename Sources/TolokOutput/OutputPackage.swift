import TolokModel

/// `datapackage.json` of an output folder: a Frictionless Data Package with a Table Schema for
/// every CSV file written, so pandas, polars, DuckDB or a Frictionless validator read codes as
/// text (`00`, `004`, `2.07.04` keep their digits; no reader guesses a number or a date) and
/// numbers as numbers. The dialect is described too: the excel-id files' semicolon, decimal comma,
/// BOM and CRLF. Not describable: the `'` written before a text cell a spreadsheet would run as a
/// formula (``CSVWriter``), said in the package's description.
public enum OutputPackage {
    /// Columns of integers: years, ranks, counts of things.
    static let integerColumns: Set<String> = [
        "year", "target_year", "rank", "rank_province", "n_province", "rank_nation", "n_nation", "rank_min_variants",
        "rank_max_variants", "draws", "first_year", "last_year", "n_years", "n_ranked", "n", "previous_year", "end_target_year",
    ]
    /// Columns of numbers: values, amounts, gaps, statistics.
    static let numberColumns: Set<String> = [
        "target", "realisation", "capaian", "capaian_clamped", "reported_capaian", "published", "expected", "difference", "pagu",
        "realisasi", "absorption", "value", "province_value", "national_value", "gap_province", "gap_national",
        "relative_gap_province", "relative_gap_national", "score", "coverage", "median_rank", "rank_p5", "rank_p95",
        "minimum_coverage", "realised_spend", "outcome", "cost", "gap_first", "gap_last", "change_since_first", "slope_per_year",
        "percentile", "scope_q1", "scope_median", "scope_q3", "province_q1", "province_median", "province_q3", "province_best",
        "distance_to_province_best", "mean", "median", "q1", "q3", "sd", "cv", "z_score", "actual", "change", "change_percent",
        "cagr_percent", "end_target", "distance_to_target", "pace_per_year",
    ]
    /// Columns of codes: text, however much they look like numbers or dates.
    public static let codeColumns: Set<String> = [
        "district_code", "province_code", "source_id", "other_source_id", "programme_code", "programme_codes", "yardstick_codes",
        "indicator_id", "observation_id", "record_ids", "line_ids", "budget_line_ids", "outcome_record_ids", "seed",
    ]
    /// Columns of other text.
    static let textColumns: Set<String> = [
        "district_name", "period", "level", "objective", "indicator_label", "unit", "polarity", "predicate", "source_location",
        "corrected", "note", "check", "severity", "subject", "location", "other_location", "detail", "corrections",
        "programme_name", "labels_printed", "caveat", "suspect", "indicator_name", "vs_province", "vs_national", "value_source",
        "province_source", "national_source", "value_alternatives", "province_alternatives", "national_alternatives",
        "year_policy", "stable", "inputs", "indicators", "weights", "normalisation", "definition", "programme_labels",
        "outcome_indicator", "outcome_source", "yardstick", "direction", "movement", "gaps", "scope", "met", "actual_source",
        "target_source", "target_revision", "target_met",
    ]

    /// The type of output column `name`; `nil` for a column no list above names (a test keeps
    /// every export's columns listed).
    public static func type(of name: String) -> FieldType? {
        if integerColumns.contains(name) { return .integer }
        if numberColumns.contains(name) { return .number }
        if codeColumns.contains(name) || textColumns.contains(name) { return .string }
        return nil
    }

    /// The descriptor of the CSV files `files` (name and header, in the order written) in `dialect`.
    public static func descriptor(_ files: [(name: String, header: [String])], dialect: CSVDialect) -> [UInt8] {
        let excel = dialect == .excelID
        var out = "{\n"
        out += "  \"name\": \"tolok-outputs\",\n"
        out += "  \"title\": \"Tolok outputs (tolok report, --csv-dialect \(dialect.rawValue))\",\n"
        out += "  \"description\": \(json(description(excel)))" + ",\n"
        out += "  \"profile\": \"tabular-data-package\",\n"
        out += "  \"resources\": [\n"
        out += files.map { file in
            var r = "    {\n"
            r += "      \"name\": \(json(String(file.name.dropLast(file.name.hasSuffix(".csv") ? 4 : 0)).replacingOccurrences(of: "_", with: "-"))),\n"
            r += "      \"path\": \(json(file.name)),\n"
            r += "      \"profile\": \"tabular-data-resource\",\n"
            r += "      \"format\": \"csv\",\n"
            r += "      \"mediatype\": \"text/csv\",\n"
            r += "      \"encoding\": \(excel ? "\"utf-8-sig\"" : "\"utf-8\""),\n"
            r += "      \"dialect\": {\"delimiter\": \(excel ? "\";\"" : "\",\""), \"lineTerminator\": \(excel ? "\"\\r\\n\"" : "\"\\n\""), "
                + "\"quoteChar\": \"\\\"\", \"doubleQuote\": true, \"header\": true},\n"
            r += "      \"schema\": {\n"
            r += "        \"fields\": [\n"
            r += file.header.map { name in
                let type = type(of: name) ?? .string
                var field = "          {\"name\": \(json(name)), \"type\": \"\(type.rawValue)\""
                if type == .number && excel { field += ", \"decimalChar\": \",\"" }
                return field + "}"
            }.joined(separator: ",\n") + "\n"
            r += "        ],\n"
            r += "        \"missingValues\": [\"\"]\n"
            r += "      }\n"
            return r + "    }"
        }.joined(separator: ",\n") + "\n"
        out += "  ]\n}\n"
        return Array(out.utf8)
    }

    private static func description(_ excel: Bool) -> String {
        "Columns documented in notebooks-out/README.md. An empty cell is missing. Codes (district_code, province_code, "
            + "source_id, programme_code, …) are text: read them as strings. A list of codes (programme_codes, yardstick_codes) is "
            + "written in brackets, space separated ([2.07.03 2.07.04], [00]), so no reader's default makes a date or a number of it. A text cell that starts with = + - @, a tab or a "
            + "carriage return (and is not a plain number) is written with a leading ' so a spreadsheet does not run it as a formula."
            + (excel ? " Semicolon separated, decimal comma, UTF-8 with a byte-order mark, CRLF line ends (Excel with Indonesian regional settings)." : "")
    }

    private static func json(_ text: String) -> String { Tabular.jsonQuoted(text) }
}
