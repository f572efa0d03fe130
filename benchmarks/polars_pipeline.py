#!/usr/bin/env python3
"""The benchmark pipeline (benchmarks/SPEC.md) in polars.

    python polars_pipeline.py DATA_DIR OUT_DIR

Writes OUT_DIR/comparison.csv and OUT_DIR/rankings.csv. Lazy queries: `scan_csv` over the glob of
observation files (only the needed columns are parsed), joins for every lookup, window expressions
(`shift`, `cum_sum`, `min().over(...)`) for the ranks; polars runs them on all cores. Frames that several branches
read (the observations, the mapped rows, the values, the comparison) are collected once: polars
would otherwise run the shared part of the plan again in each branch.

Ties (SPEC step 10): ranked in order, a value ties with the one before it when within
1e-9 x max(1, |a|, |b|) (ties chain), as Tolok ranks: the previous value in the group, a run
number that grows where the gap is larger, and the first position of each run as its rank.
"""
import os
import sys

import polars as pl

KEYS = ["district_code", "year"]


def label_key(column: pl.Expr) -> pl.Expr:
    """SPEC step 1: lower-case, runs of whitespace to one space, trimmed. (Replacing runs of two or
    more blanks and single tabs or line feeds is the same, and faster: most labels have none.)"""
    return column.str.to_lowercase().str.replace_all(r"[ \t\n]{2,}|[\t\n]", " ").str.strip_chars(" ")


def read_text(path, columns):
    """A small table with every cell as text ('' = empty)."""
    return pl.read_csv(path, columns=columns, infer_schema=False, empty_string_is_null=False)


def chained_ranks(frame: pl.LazyFrame, by: list) -> pl.LazyFrame:
    """Competition ranks ("min") of `sort_key` within the groups `by`, lower first, ties chained as
    SPEC step 10 says: a value ties with the one before it in order when within 1e-9 x max(1, |a|, |b|)."""
    previous = pl.col("sort_key").shift(1).over(by)
    tolerance = 1e-9 * pl.max_horizontal(pl.lit(1.0), pl.col("sort_key").abs(), previous.abs())
    return (frame.sort(by + ["sort_key"])
            .with_columns(new_run=(previous.is_null() | (pl.col("sort_key") - previous > tolerance)).cast(pl.Int64),
                          position=pl.int_range(1, pl.len() + 1).over(by))
            .with_columns(run=pl.col("new_run").cum_sum())
            .with_columns(rank=pl.col("position").min().over("run"), n_ranked=pl.len().over(by))
            .drop("new_run", "position", "run"))


def main(data, out):
    areas = read_text(os.path.join(data, "areas.csv"), ["area_code", "level", "parent_code"])
    indicators = read_text(os.path.join(data, "indicators.csv"), ["indicator_id", "polarity", "comparisons"])
    maps = (read_text(os.path.join(data, "indicator_mappings.csv"),
                      ["district_code", "source_id", "label", "indicator_id", "transform", "factor", "denominator_label",
                       "added_labels", "reference_indicator"])
            .with_row_index("mid")
            .with_columns(key=label_key(pl.col("label")),
                          denom_key=pl.when(pl.col("transform") == "ratio").then(label_key(pl.col("denominator_label"))),
                          added_keys=pl.when(pl.col("transform") == "sum").then(
                              pl.col("added_labels").str.split("|").list.eval(label_key(pl.element()))),
                          factor=pl.col("factor").replace("", None).cast(pl.Float64)))
    operand_keys = pl.concat([maps["denom_key"].drop_nulls(), maps["added_keys"].explode().drop_nulls()]).unique()
    operand_keys = operand_keys.filter(operand_keys != "")
    history_path = os.path.join(data, "province_history.csv")
    history = pl.read_csv(history_path, columns=["area_code", "province_code", "from_year", "to_year"],
                          schema_overrides={"area_code": pl.String, "province_code": pl.String,
                                            "from_year": pl.Int64, "to_year": pl.Int64}) if os.path.exists(history_path) else None

    obs = (pl.scan_csv(os.path.join(data, "observations", "*.csv"), infer_schema=False,
                       schema_overrides={"year": pl.Int64, "target": pl.Float64, "realisation": pl.Float64})
           .filter(pl.col("period").is_null())
           .select("district_code", "year", key=label_key(pl.col("indicator_label")), target="target",
                   realisation="realisation", source_id=pl.col("source_id").fill_null(""))
           .with_columns(is_operand=pl.col("key").is_in(operand_keys.implode()))
           # Collected once: every transform below reads it.
           .collect().lazy())

    ref_sources = [os.path.join(data, "references.csv")]
    if os.path.isdir(os.path.join(data, "references")):
        ref_sources.append(os.path.join(data, "references", "*.csv"))
    refs = (pl.concat([pl.scan_csv(p, infer_schema=False, schema_overrides={"year": pl.Int64, "month": pl.Int64, "value": pl.Float64})
                       .select("area_code", "indicator", "year", "month", "value", "excluded") for p in ref_sources])
            # SPEC step 6: the yearly figures (August, or no month stated) that are not excluded.
            .filter((pl.col("month").is_null() | (pl.col("month") == 8)) & pl.col("excluded").is_null())
            .select("area_code", "indicator", "year", "value"))

    # SPEC steps 3–4: operands aside; each other row's mapping, first match of
    # (D, S, K), (D, any, K), (*, S, K), (*, any, K). A level no mapping row uses is skipped.
    operands = obs.filter(pl.col("is_operand") & pl.col("realisation").is_not_null())
    by_source = operands.unique(["district_code", "year", "key", "source_id"], keep="first").select(
        "district_code", "year", "key", "source_id", operand="realisation")
    by_any = operands.unique(["district_code", "year", "key"], keep="first").select(
        "district_code", "year", "key", operand_any="realisation")
    rows = obs.filter(~pl.col("is_operand") & pl.col("realisation").is_not_null())
    levels = [((pl.col("district_code") != "*") & (pl.col("source_id") != ""), ["district_code", "source_id", "key"]),
              ((pl.col("district_code") != "*") & (pl.col("source_id") == ""), ["district_code", "key"]),
              ((pl.col("district_code") == "*") & (pl.col("source_id") != ""), ["source_id", "key"]),
              ((pl.col("district_code") == "*") & (pl.col("source_id") == ""), ["key"])]
    found = []
    for i, (condition, on) in enumerate(levels):
        table = maps.filter(condition).unique(on, keep="first").select(*on, pl.col("mid").alias(f"mid{i}"))
        if table.height:
            rows = rows.join(table.lazy(), on=on, how="left")
            found.append(f"mid{i}")
    rows = (rows.with_columns(mid=pl.coalesce(found)).drop(found).drop_nulls("mid")
            .join(maps.lazy().select("mid", "indicator_id", "transform", "factor", "denom_key", "added_keys", "reference_indicator"),
                  on="mid")
            .collect().lazy())

    def with_operand(frame, key_column, name):
        """`frame` with the realisation of its operand (label key in `key_column`) as `name`: the
        same document's if there is one, else any (SPEC step 5)."""
        return (frame.join(by_source, left_on=["district_code", "year", key_column, "source_id"],
                           right_on=["district_code", "year", "key", "source_id"], how="left")
                .join(by_any, left_on=["district_code", "year", key_column], right_on=["district_code", "year", "key"], how="left")
                .with_columns(pl.coalesce("operand", "operand_any").alias(name)).drop("operand", "operand_any"))

    out_columns = ["area_code", "indicator_id", "year", "value", "target"]
    kind = pl.col("transform")
    # as_is and scale: value and target times the factor (1 for as_is).
    factor = pl.when(kind == "scale").then(pl.col("factor")).otherwise(1.0)
    direct = rows.filter(kind.is_in(["as_is", "scale"])).select(
        area_code="district_code", indicator_id="indicator_id", year="year",
        value=pl.col("realisation") * factor, target=pl.col("target") * factor)
    # ratio: / the denominator's realisation x 100; none when it is missing or 0.
    ratio = (with_operand(rows.filter(kind == "ratio"), "denom_key", "denominator")
             .filter(pl.col("denominator").is_not_null() & (pl.col("denominator") != 0))
             .select(area_code="district_code", indicator_id="indicator_id", year="year",
                     value=pl.col("realisation") / pl.col("denominator") * 100, target=pl.lit(None, pl.Float64)))
    # sum: + the realisations of the added labels; none if any is missing.
    summed = (with_operand(rows.filter(kind == "sum").with_row_index("row").explode("added_keys"), "added_keys", "part")
              .group_by("row")
              .agg(pl.col("district_code", "indicator_id", "year", "realisation").first(),
                   parts=pl.col("part").sum(), missing=pl.col("part").null_count())
              .filter(pl.col("missing") == 0)
              .select(area_code="district_code", indicator_id="indicator_id", year="year",
                      value=pl.col("realisation") + pl.col("parts"), target=pl.lit(None, pl.Float64)))
    # per_1000: / the district's reference figure that year x 1000; none if missing or 0.
    per1000 = (rows.filter(kind == "per_1000")
               .join(refs.unique(["area_code", "indicator", "year"], keep="first"),
                     left_on=["district_code", "year", "reference_indicator"], right_on=["area_code", "year", "indicator"])
               .filter(pl.col("value") != 0)
               .select(area_code="district_code", indicator_id="indicator_id", year="year",
                       value=pl.col("realisation") / pl.col("value") * 1000, target=pl.lit(None, pl.Float64)))
    # Steps 5–7: the values of every area: mapped observations, and references of catalogue indicators.
    reference_values = (refs.join(indicators.lazy().select(indicator="indicator_id"), on="indicator", how="semi")
                        .select(area_code="area_code", indicator_id="indicator", year="year", value="value",
                                target=pl.lit(None, pl.Float64)))
    values = pl.concat([direct, ratio, summed, per1000, reference_values]).collect().lazy()

    # The districts' values, with each district's province that year (province_history first).
    districts = areas.lazy().filter(pl.col("level") == "district").select(
        area_code="area_code", province=pl.col("parent_code").replace("", None))
    comp = values.join(districts, on="area_code").rename({"area_code": "district_code"})
    if history is not None and history.height:
        moved = (comp.select(KEYS).unique()
                 .join(history.lazy(), left_on="district_code", right_on="area_code")
                 .filter((pl.col("from_year").is_null() | (pl.col("from_year") <= pl.col("year")))
                         & (pl.col("to_year").is_null() | (pl.col("year") <= pl.col("to_year"))))
                 .unique(KEYS, keep="first").select(*KEYS, "province_code"))
        comp = (comp.join(moved, on=KEYS, how="left")
                .with_columns(province=pl.coalesce("province_code", "province")).drop("province_code"))

    # Step 9: the yardsticks (province and nation values).
    nation = areas.filter(pl.col("level") == "nation")["area_code"][0]
    yard = (values.join(areas.lazy().filter(pl.col("level") != "district").select("area_code"), on="area_code", how="semi")
            .unique(["area_code", "indicator_id", "year"], keep="first"))
    comp = (comp.join(yard.select(province="area_code", indicator_id="indicator_id", year="year", province_value="value"),
                      on=["province", "indicator_id", "year"], how="left")
            .join(yard.filter(pl.col("area_code") == nation).select("indicator_id", "year", national_value="value"),
                  on=["indicator_id", "year"], how="left")
            .join(indicators.lazy().select("indicator_id", "polarity"), on="indicator_id", how="left")
            .with_columns(gap_province=pl.col("value") - pl.col("province_value"),
                          gap_national=pl.col("value") - pl.col("national_value"),
                          # Step 8: capaian by polarity, where there is a target other than 0.
                          capaian=pl.when(pl.col("target") == 0).then(None)
                          .when(pl.col("polarity") == "negative")
                          .then((pl.col("target") - (pl.col("value") - pl.col("target"))) / pl.col("target") * 100)
                          .otherwise(pl.col("value") / pl.col("target") * 100))
            .collect().lazy())

    # Step 10: competition ranks per indicator and year, nation and province scopes.
    ranked = indicators.filter(pl.col("comparisons").str.split(" ").list.contains("rank")).select("indicator_id")
    rk = (comp.join(ranked.lazy(), on="indicator_id", how="semi")
          # Lower is better after the sign flip for positive indicators.
          .with_columns(sort_key=pl.col("value") * pl.when(pl.col("polarity") == "negative").then(1.0).otherwise(-1.0)))
    nation_scope = chained_ranks(rk, ["indicator_id", "year"]).with_columns(scope=pl.lit("nation"))
    province_scope = (chained_ranks(rk.filter(pl.col("province").is_not_null()), ["indicator_id", "year", "province"])
                      .with_columns(scope=pl.lit("province:") + pl.col("province")))
    rankings = (pl.concat([nation_scope, province_scope])
                .filter(pl.col("n_ranked") >= 5)
                # "nation" sorts before "province:NN", and the province codes have one length.
                .sort("indicator_id", "year", "scope", "rank", "district_code")
                .select("indicator_id", "year", "scope", "district_code", "value", "rank", "n_ranked"))
    comparison = comp.sort("district_code", "indicator_id", "year").select(
        "district_code", "indicator_id", "year", "value", "province_value", "national_value", "gap_province",
        "gap_national", "capaian")

    os.makedirs(out, exist_ok=True)
    comparison_df, rankings_df = pl.collect_all([comparison, rankings])
    comparison_df.write_csv(os.path.join(out, "comparison.csv"))
    rankings_df.write_csv(os.path.join(out, "rankings.csv"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: polars_pipeline.py DATA_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
