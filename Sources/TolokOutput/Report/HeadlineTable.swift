import TolokModel
import TolokStatistics

/// The report's headline as a table (what `tolok report` prints): one row per district with
/// reports and benchmark indicator, in the latest year it is ranked in its province: value,
/// province, nation, gaps and their direction, ranks, the composite rank and the audit's errors.
public enum HeadlineTable {
    public static let header = [
        "district_code", "district_name", "province_code", "province_name", "indicator_id", "indicator_name", "year", "value",
        "province_value", "national_value", "gap_province", "gap_national", "vs_province", "vs_national", "rank_province",
        "n_province", "percentile_province", "rank_nation", "n_nation", "percentile_nation", "gap_province_direction",
        "gap_national_direction", "composite_rank", "composite_n", "audit_errors", "value_source", "note",
    ]

    /// The table of `data` (numbers in the CSV notation: dot decimal, no grouping).
    public static func tabular(_ data: ReportData) -> Tabular {
        var t = Tabular(header: header)
        for d in data.districts {
            let composite = data.composite?.provinces.lazy.flatMap(\.rows).first { $0.area.code == d.area.code }
            let errors = d.findings.count { $0.severity == "error" }
            for st in d.standings {
                let ind = st.indicator
                let series = d.series.first { $0.indicator.id == ind.id }
                func gap(_ reference: ReportData.Traced?) -> Double? { st.value.flatMap { v in reference.map { Comparisons.gap(v.value, $0.value) } } }
                func verdict(_ reference: ReportData.Traced?) -> CSVCell {
                    guard let v = st.value, let reference else { return .missing }
                    let polarity: Polarity = ind.higherIsBetter ? .positive : .negative
                    return .text(Verdict(value: v.value, reference: reference.value, polarity: polarity).rawValue)
                }
                t.rows.append([
                    .text(d.area.code), .text(d.area.name), .text(st.province.code), .text(st.province.name), .text(ind.id), .text(ind.name),
                    .integer(st.year), .optional(st.value?.value, decimals: ind.decimals),
                    .optional(st.provinceValue?.value, decimals: ind.decimals), .optional(st.nationValue?.value, decimals: ind.decimals),
                    .optional(gap(st.provinceValue), decimals: ind.decimals), .optional(gap(st.nationValue), decimals: ind.decimals),
                    verdict(st.provinceValue), verdict(st.nationValue),
                    st.provinceRank.map { .integer($0.rank) } ?? .missing, st.provinceRank.map { .integer($0.count) } ?? .missing,
                    .optional(st.provinceRank?.percentile, decimals: 2),
                    st.nationRank.map { .integer($0.rank) } ?? .missing, st.nationRank.map { .integer($0.count) } ?? .missing,
                    .optional(st.nationRank?.percentile, decimals: 2),
                    .optional(series?.gapProvince?.direction), .optional(series?.gapNation?.direction),
                    composite.map { .integer($0.rank) } ?? .missing, data.composite.map { .integer($0.rankedCount) } ?? .missing,
                    .integer(errors), .optional(st.value?.source), .optional(st.note),
                ])
            }
        }
        return t
    }
}
