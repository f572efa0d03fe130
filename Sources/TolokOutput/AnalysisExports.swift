import TolokModel
import TolokAlignment
import TolokStatistics

/// The comparison exports: `comparison.csv`, `rankings.csv`, `composite.csv`, `statistics.csv`,
/// `trends.csv`, `budget.csv`, `costs.csv`. Columns are documented in `notebooks-out/README.md`.
public enum AnalysisExports {
    static func value(_ v: Double?, _ indicator: Indicator) -> CSVCell {
        .optional(v, decimals: indicator.valueDecimals)
    }

    static func name(_ area: Area?) -> CSVCell { .optional(area?.name) }

    /// The columns that travel with a value to every output: `corrected` (the corrections applied
    /// to the figures it comes from, with the printed values), `caveat` (the mapping's or the
    /// budget's), `suspect` (why the audit suspects it).
    static let flagColumns = ["corrected", "caveat", "suspect"]

    /// The flag columns of `v`; `borrowed`: the reasons of other suspect values a row uses (a
    /// trend's previous value).
    static func flags(_ v: AlignedValue?, borrowed: [String] = []) -> [CSVCell] {
        guard let v else { return [.missing, .missing, .missing] }
        return [.list(v.corrections), .list(v.caveats), .list(v.suspicions + borrowed)]
    }

    /// The columns of `comparison.csv`.
    public static let comparisonHeader = [
        "district_code", "district_name", "province_code", "year", "indicator_id", "indicator_name", "unit", "polarity",
        "value", "province_value", "national_value", "gap_province", "gap_national", "relative_gap_province",
        "relative_gap_national", "vs_province", "vs_national", "rank_province", "n_province", "rank_nation", "n_nation",
        "value_source", "province_source", "national_source",
        "value_alternatives", "province_alternatives", "national_alternatives",
    ] + flagColumns + ["year_policy", "note"]

    public static func comparison(_ rows: [Comparison], policy: YearPolicy, english: Bool = false) -> Tabular {
        var t = Tabular(header: comparisonHeader)
        for c in rows {
            let ind = c.indicator
            let d = ind.valueDecimals
            t.rows.append([
                .text(c.district.code), .text(c.district.name), .optional(c.province?.code), .integer(c.year), .text(ind.id),
                .text(ind.name(english: english)), .text(ind.unit), .text(ind.polarity.rawValue),
                value(c.value.chosen.value, ind), value(c.provinceValue?.chosen.value, ind), value(c.nationalValue?.chosen.value, ind),
                value(c.gapProvince, ind), value(c.gapNational, ind),
                .optional(c.relativeGapProvince, decimals: 2), .optional(c.relativeGapNational, decimals: 2),
                .optional(c.vsProvince?.rawValue), .optional(c.vsNational?.rawValue),
                c.provinceRank?.rank.map(CSVCell.integer) ?? .missing, c.provinceRank.map { .integer($0.rankedCount) } ?? .missing,
                c.nationRank?.rank.map(CSVCell.integer) ?? .missing, c.nationRank.map { .integer($0.rankedCount) } ?? .missing,
                .text(c.value.chosen.sourceDescription), .optional(c.provinceValue?.chosen.sourceDescription),
                .optional(c.nationalValue?.chosen.sourceDescription),
                .text(c.value.alternativesText(decimals: d)), .optional(c.provinceValue?.alternativesText(decimals: d)),
                .optional(c.nationalValue?.alternativesText(decimals: d)),
            ] + flags(c.value.chosen) + [.text(policy.description), .optional(c.note)])
        }
        return t
    }

    /// The columns of `rankings.csv`.
    public static let rankingsHeader = ["indicator_id", "indicator_name", "year", "scope", "district_code", "district_name",
                                        "province_code", "value", "rank", "n_ranked", "percentile", "scope_q1", "scope_median",
                                        "scope_q3", "province_q1", "province_median", "province_q3", "province_best",
                                        "distance_to_province_best", "polarity", "value_source"] + flagColumns + ["note"]

    public static func rankings(_ entries: [RankingEntry], english: Bool = false) -> Tabular {
        var t = Tabular(header: rankingsHeader)
        for e in entries {
            let ind = e.indicator
            let scope = e.scopeSummary.distribution, province = e.provinceSummary?.distribution
            t.rows.append([
                .text(ind.id), .text(ind.name(english: english)), .integer(e.year), .text(e.scope.id), .text(e.district.code),
                .text(e.district.name), .optional(e.provinceCode), value(e.value?.chosen.value, ind),
                e.rank.map(CSVCell.integer) ?? .missing, .integer(e.rankedCount), .optional(e.percentile, decimals: 2),
                value(scope?.q1, ind), value(scope?.median, ind), value(scope?.q3, ind),
                value(province?.q1, ind), value(province?.median, ind), value(province?.q3, ind),
                value(e.provinceSummary?.best, ind), value(e.distanceToProvinceBest, ind), .text(ind.polarity.rawValue),
                .optional(e.value?.chosen.sourceDescription),
            ] + flags(e.value?.chosen) + [.optional(e.note)])
        }
        return t
    }

    public static func composite(_ entries: [CompositeEntry], spec: CompositeSpec) -> Tabular {
        var t = Tabular(header: ["rank", "district_code", "district_name", "score", "coverage", "median_rank", "rank_p5",
                                 "rank_p95", "rank_min_variants", "rank_max_variants", "stable", "inputs", "indicators", "weights",
                                 "normalisation", "year", "minimum_coverage", "draws", "seed", "note"])
        let weightText = zip(spec.indicators, spec.weights).map { "\($0.id)=\(NumberText.fixed($1, decimals: 4))" }.joined(separator: " ")
        for e in entries {
            t.rows.append([
                e.rank.map(CSVCell.integer) ?? .missing, .text(e.district.code), .text(e.district.name),
                .optional(e.score, decimals: 4), .number(e.coverage, decimals: 4), .optional(e.medianRank, decimals: 1),
                .optional(e.rankP5, decimals: 1), .optional(e.rankP95, decimals: 1),
                e.rankMinVariants.map(CSVCell.integer) ?? .missing, e.rankMaxVariants.map(CSVCell.integer) ?? .missing,
                .optional(e.stable.map { $0 ? "yes" : "no" }), .text(e.inputs),
                .text(spec.indicators.map(\.id).joined(separator: " ")), .text(weightText), .text(spec.normalisation.rawValue),
                .integer(spec.year), .number(spec.minimumCoverage, decimals: 2), .integer(spec.draws), .text(String(spec.seed)),
                .optional(e.note),
            ])
        }
        return t
    }

    /// One row per district in each published ranking (at least ``Rankings/minimumGroupSize``
    /// values): the scope's distribution and the district's z-score and percentile.
    /// The columns of `statistics.csv`.
    public static let statisticsHeader = ["indicator_id", "year", "scope", "district_code", "district_name", "value", "n", "mean",
                                          "median", "q1", "q3", "sd", "cv", "z_score", "percentile"]

    public static func statistics(_ entries: [RankingEntry]) -> Tabular {
        var t = Tabular(header: statisticsHeader)
        for e in entries where e.rank != nil {
            guard let v = e.value?.chosen.value, let d = e.scopeSummary.distribution else { continue }
            let dec = max(e.indicator.valueDecimals, 2)
            t.rows.append([
                .text(e.indicator.id), .integer(e.year), .text(e.scope.id), .text(e.district.code), .text(e.district.name),
                value(v, e.indicator), .integer(d.n), .number(d.mean, decimals: dec), .number(d.median, decimals: dec),
                .number(d.q1, decimals: dec), .number(d.q3, decimals: dec), .optional(d.standardDeviation, decimals: dec),
                .optional(d.coefficientOfVariation, decimals: 4), .optional(d.zScore(v), decimals: 4),
                .optional(e.percentile, decimals: 2),
            ])
        }
        return t
    }

    /// The columns of `targets.csv`.
    public static let targetsHeader = ["district_code", "district_name", "indicator_id", "indicator_name", "year", "actual", "target",
                                       "capaian", "capaian_clamped", "predicate", "met", "actual_source", "target_source", "target_revision"]
        + flagColumns + ["note"]

    /// `targets.csv`: each actual value against its plan's target for that year.
    public static func targets(_ scores: [TargetScore], english: Bool = false) -> Tabular {
        var t = Tabular(header: targetsHeader)
        for s in scores {
            let ind = s.indicator
            t.rows.append([
                .text(s.district.code), .text(s.district.name), .text(ind.id), .text(ind.name(english: english)), .integer(s.year),
                value(s.actual.value, ind), value(s.target.value, ind), .optional(s.achievement.capaian, decimals: 2),
                .optional(s.achievement.clamped, decimals: 2), .optional(s.achievement.predicate?.rawValue),
                .optional(s.met.map { $0 ? "yes" : "no" }), .text(s.actual.sourceDescription), .text(s.target.sourceDescription),
                .optional(s.target.revision),
            ] + flags(s.actual) + [.optional([s.note, s.achievement.note].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)])
        }
        return t
    }

    /// The columns of `gaps.csv`.
    public static let gapsHeader = ["district_code", "district_name", "indicator_id", "indicator_name", "yardstick",
                                    "yardstick_codes", "first_year", "last_year", "n_years", "gap_first", "gap_last",
                                    "change_since_first", "slope_per_year", "direction", "movement", "gaps", "suspect", "note"]

    /// `gaps.csv`: per district, indicator and yardstick, whether the gap closes or widens (the
    /// first and last year, the change and the slope over the gaps used: suspect ones left out
    /// unless kept).
    public static func gaps(_ trends: [GapTrend], english: Bool = false) -> Tabular {
        var t = Tabular(header: gapsHeader)
        for g in trends {
            let ind = g.indicator
            let d = ind.valueDecimals
            let first = g.used.first, last = g.used.last
            let suspect = GapTrends.suspicions(g.points)
            t.rows.append([
                .text(g.district.code), .text(g.district.name), .text(ind.id), .text(ind.name(english: english)),
                .text(g.yardstick.rawValue), .optional(codeList(distinctInOrder(g.points.map(\.yardstickCode)))),
                first.map { .integer($0.year) } ?? .missing, last.map { .integer($0.year) } ?? .missing, .integer(g.used.count),
                value(first?.gap, ind), value(last?.gap, ind), value(g.change, ind),
                .optional(g.slopePerYear, decimals: d + 2), .optional(g.direction?.rawValue), .optional(g.movement?.rawValue),
                .text(g.points.map { "\($0.year): \(CSVWriter.format($0.gap, decimals: d))" }.joined(separator: "; ")),
                .list(suspect), .optional(g.note),
            ])
        }
        return t
    }

    /// A list of codes as one cell: space-separated in brackets, `[2.07.04]`, `[2.07.03 2.07.04]`, `[00]`;
    /// `nil` (a missing cell) for no code. A bare `2.07.04` is read as the date 2004-07-02 by DuckDB's
    /// default reader and a bare `00` as the number 0 by pandas' and polars'; quoting does not help
    /// (they sniff quoted cells too). In brackets pandas, polars, DuckDB and Excel keep the cell as text.
    public static func codeList(_ codes: [String]) -> String? {
        codes.isEmpty ? nil : "[" + codes.joined(separator: " ") + "]"
    }

    /// The distinct elements of `items`, in first-seen order.
    static func distinctInOrder(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// The columns of `trends.csv`.
    public static let trendsHeader = ["district_code", "district_name", "indicator_id", "year", "value", "previous_year", "change",
                                      "change_percent", "first_year", "cagr_percent", "end_target", "end_target_year",
                                      "distance_to_target", "pace_per_year", "target_met", "value_source", "target_source"] + flagColumns + ["note"]

    /// `trends.csv` of `points` (``Trends/compute(_:areas:includeSuspect:)``).
    public static func trends(_ points: [TrendPoint]) -> Tabular {
        var t = Tabular(header: trendsHeader)
        for p in points {
            let ind = p.indicator
            t.rows.append([
                .text(p.district.code), .text(p.district.name), .text(ind.id), .integer(p.year), value(p.value.chosen.value, ind),
                p.previousYear.map(CSVCell.integer) ?? .missing, value(p.change, ind), .optional(p.changePercent, decimals: 2),
                p.firstYear.map(CSVCell.integer) ?? .missing, .optional(p.compoundAnnualChange, decimals: 2),
                value(p.endTarget?.value, ind), p.endTarget.map { CSVCell.integer($0.year) } ?? .missing,
                value(p.distanceToTarget, ind), .optional(p.pacePerYear, decimals: 2), .optional(p.targetMet.map { $0 ? "yes" : "no" }),
                .text(p.value.chosen.sourceDescription), .optional(p.endTarget?.sourceDescription),
            ] + flags(p.value.chosen, borrowed: p.borrowedSuspicions) + [.optional(p.note)])
        }
        return t
    }

    public static func budget(_ budgets: [ProgrammeBudget], areas: Areas) -> Tabular {
        var t = Tabular(header: ["district_code", "district_name", "year", "programme_code", "programme_name", "labels_printed",
                                 "pagu", "realisasi", "absorption", "source_id", "source_location", "line_ids"] + flagColumns + ["note"])
        for b in budgets {
            t.rows.append([
                .text(b.districtCode), name(areas.byCode[b.districtCode]), .integer(b.year), .text(b.programme?.code ?? "all"),
                .text(b.programme?.standardName ?? "Seluruh anggaran dinas"), .text(b.labels.joined(separator: "; ")),
                .optional(b.pagu, decimals: 0), .optional(b.realisasi, decimals: 0), .optional(b.absorption, decimals: 2),
                .text(b.source.sourceID), .text(b.source.description), .text(b.lineIDs.joined(separator: " ")),
                .list(b.corrections), .optional(b.caveat), .list(b.suspicions), .optional(b.note),
            ])
        }
        return t
    }

    /// `costs.csv`: each cost names the budget lines it divides and the count it divides by.
    public static func costs(_ costs: [CostEntry], areas: Areas) -> Tabular {
        var t = Tabular(header: ["district_code", "district_name", "year", "indicator_id", "definition", "programme_codes",
                                 "programme_labels", "budget_line_ids", "realised_spend", "outcome_indicator", "outcome",
                                 "outcome_source", "outcome_record_ids", "cost"] + flagColumns + ["note"])
        for c in costs {
            let definition = Costs.definitions.first { $0.indicator == c.indicatorID }
            let outcome = c.outcome?.chosen
            t.rows.append([
                .text(c.districtCode), name(areas.byCode[c.districtCode]), .integer(c.year), .text(c.indicatorID),
                .text(definition.map { "realised spend of programme \($0.programmeCode) / \($0.outcome)" } ?? ""),
                .optional(codeList(c.programmes.compactMap { $0.programme?.code })),
                .text(c.programmes.flatMap(\.labels).joined(separator: "; ")), .text(c.programmes.flatMap(\.lineIDs).joined(separator: " ")),
                .optional(c.spend, decimals: 0), .text(definition?.outcome ?? ""), .optional(outcome?.value, decimals: 0),
                .optional(outcome?.sourceDescription), .optional(outcome?.recordIDs.joined(separator: " ")),
                .optional(c.cost, decimals: 0),
                .list(c.programmes.flatMap(\.corrections) + (outcome?.corrections ?? [])),
                .list(outcome?.caveats ?? []),
                .list(c.programmes.flatMap(\.suspicions) + (outcome?.suspicions ?? [])), .optional(c.note),
            ])
        }
        return t
    }

    public static func indicators(_ alignment: Alignment, english: Bool = false) -> Tabular {
        var t = Tabular(header: ["indicator_id", "name", "unit", "polarity", "kind", "comparisons", "definition", "districts", "values"])
        for ind in alignment.catalogue.all {
            let keys = alignment.keys(indicator: ind.id)
            t.rows.append([.text(ind.id), .text(ind.name(english: english)), .text(ind.unit), .text(ind.polarity.rawValue),
                           .text(ind.kind.rawValue), .text(ind.comparisons.sorted().joined(separator: " ")), .text(ind.definition),
                           .integer(Set(keys.map(\.areaCode)).count), .integer(keys.count)])
        }
        return t
    }

    public static func unmapped(_ labels: [UnmappedLabel]) -> Tabular {
        var t = Tabular(header: ["district_code", "label", "level", "observations", "first_printed"])
        for u in labels {
            t.rows.append([.text(u.districtCode), .text(u.label), .text(u.level), .integer(u.count), .text(u.firstLocation)])
        }
        return t
    }
}

extension String {
    /// `nil` for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
