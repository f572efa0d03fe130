#!/usr/bin/env python3
"""The benchmark pipeline (benchmarks/SPEC.md) in pandas.

    python pandas_pipeline.py DATA_DIR OUT_DIR

Writes OUT_DIR/comparison.csv and OUT_DIR/rankings.csv. Vectorised DataFrame operations only:
merges for every lookup, groupby (`shift`, `cumcount`, a cumulative sum) for the ranks; the only Python loops run over files and over the
(few) mapping rows, never over observations.

Ties (SPEC step 10): ranked in order, a value ties with the one before it when within
1e-9 x max(1, |a|, |b|) (ties chain), as Tolok ranks: the previous value in the group, a run
number that grows where the gap is larger, and the first position of each run as its rank.
"""
import glob
import os
import sys

import numpy as np
import pandas as pd

OBS_COLUMNS = ["district_code", "year", "period", "indicator_label", "target", "realisation", "source_id"]
REF_COLUMNS = ["area_code", "indicator", "year", "month", "value", "excluded"]


def label_key(labels: pd.Series) -> pd.Series:
    """SPEC step 1: lower-case, runs of whitespace to one space, trimmed. (Replacing runs of two or
    more blanks and single tabs or line feeds is the same, and faster: most labels have none.)"""
    return labels.str.lower().str.replace(r"[ \t\n]{2,}|[\t\n]", " ", regex=True).str.strip(" ")


def read_text(path, columns):
    """A small table with every cell as text ('' = empty)."""
    return pd.read_csv(path, usecols=columns, dtype=str, keep_default_na=False)


def read_observations(data):
    files = sorted(glob.glob(os.path.join(data, "observations", "*.csv")))
    dtypes = {"district_code": str, "year": "int64", "period": str, "indicator_label": str,
              "target": "float64", "realisation": "float64", "source_id": str}
    frames = [pd.read_csv(f, usecols=OBS_COLUMNS, dtype=dtypes, keep_default_na=False, na_values=[""])
              for f in files]
    obs = pd.concat(frames, ignore_index=True)
    obs = obs.loc[obs["period"].isna(), ["district_code", "year", "indicator_label", "target", "realisation", "source_id"]]
    obs["source_id"] = obs["source_id"].fillna("")
    # Label keys computed once per distinct label, then spread back by the factorised codes.
    codes, labels = pd.factorize(obs["indicator_label"])
    keys = label_key(pd.Series(labels)).to_numpy(dtype=object)
    obs["key"] = keys[codes]
    return obs.drop(columns="indicator_label")


def read_references(data):
    files = [os.path.join(data, "references.csv")] + sorted(glob.glob(os.path.join(data, "references", "*.csv")))
    dtypes = {"area_code": str, "indicator": str, "year": "int64", "month": "float64", "value": "float64",
              "excluded": str}
    refs = pd.concat([pd.read_csv(f, usecols=REF_COLUMNS, dtype=dtypes, keep_default_na=False, na_values=[""])
                      for f in files if os.path.exists(f)], ignore_index=True)
    # SPEC step 6: the yearly figures (August, or no month stated) that are not excluded.
    refs = refs[(refs["month"].isna() | (refs["month"] == 8)) & refs["excluded"].isna()]
    return refs[["area_code", "indicator", "year", "value"]]


def lookup_mappings(rows, maps):
    """SPEC step 4: the mapping row of each observation (index into maps, -1 for none).

    First match wins: (D, S, K), (D, any, K), (*, S, K), (*, any, K). Each level is one merge; a
    level no mapping row uses is skipped."""
    mid = pd.Series(-1, index=rows.index, dtype="int64")
    levels = [
        (maps["district_code"] != "*") & (maps["source_id"] != ""), ["district_code", "source_id", "key"],
        (maps["district_code"] != "*") & (maps["source_id"] == ""), ["district_code", "key"],
        (maps["district_code"] == "*") & (maps["source_id"] != ""), ["source_id", "key"],
        (maps["district_code"] == "*") & (maps["source_id"] == ""), ["key"],
    ]
    for mask, on in zip(levels[0::2], levels[1::2]):
        table = maps.loc[mask, on].assign(mid=maps.index[mask]).drop_duplicates(on)
        if table.empty:
            continue
        open_rows = mid < 0
        found = rows.loc[open_rows, on].merge(table, on=on, how="left")["mid"].to_numpy()
        mid[open_rows] = np.where(np.isnan(found), -1, found).astype("int64")
    return mid


def transform(obs, maps, refs):
    """SPEC steps 3 and 5: canonical values (and targets) of the mapped observations."""
    denominators = maps["denominator_label"].where(maps["transform"] == "ratio", "")
    added = maps["added_labels"].where(maps["transform"] == "sum", "").str.split("|").explode().str.strip()
    operand_keys = set(label_key(pd.concat([denominators, added])).unique()) - {""}

    is_operand = obs["key"].isin(operand_keys)
    operands = obs.loc[is_operand & obs["realisation"].notna(), ["district_code", "year", "key", "source_id", "realisation"]]
    # "Same source if there is one": the document's own operand first, else any (first printed wins).
    by_source = operands.drop_duplicates(["district_code", "year", "key", "source_id"]).rename(columns={"realisation": "operand"})
    by_any = operands.drop_duplicates(["district_code", "year", "key"]).drop(columns="source_id").rename(columns={"realisation": "operand_any"})

    def operand(frame, key_column):
        """The operand realisation for each row of `frame`, whose operand label key is in `key_column`."""
        left = frame[["district_code", "year", key_column, "source_id"]].rename(columns={key_column: "key"})
        merged = left.merge(by_source, on=["district_code", "year", "key", "source_id"], how="left")
        merged = merged.merge(by_any, on=["district_code", "year", "key"], how="left")
        return merged["operand"].fillna(merged["operand_any"]).to_numpy()

    rows = obs[~is_operand]
    mid = lookup_mappings(rows, maps)
    rows = rows[mid.to_numpy() >= 0]
    rows = rows.join(maps.loc[mid[mid >= 0].to_numpy(), ["indicator_id", "transform", "factor", "denom_key", "reference_indicator", "added_labels"]]
                     .set_index(rows.index))
    rows = rows[rows["realisation"].notna()]
    kind = rows["transform"]
    parts = []

    # as_is and scale: value and target times the factor (1 for as_is).
    direct = rows[kind.isin(["as_is", "scale"])]
    factor = np.where(direct["transform"] == "scale", direct["factor"], 1.0)
    parts.append(pd.DataFrame({"area_code": direct["district_code"], "indicator_id": direct["indicator_id"], "year": direct["year"],
                               "value": direct["realisation"] * factor, "target": direct["target"] * factor}))

    # ratio: / the denominator's realisation x 100; none when it is missing or 0.
    ratio = rows[kind == "ratio"]
    if len(ratio):
        d = operand(ratio, "denom_key")
        ok = ~np.isnan(d) & (d != 0)
        ratio = ratio[ok]
        parts.append(pd.DataFrame({"area_code": ratio["district_code"], "indicator_id": ratio["indicator_id"], "year": ratio["year"],
                                   "value": ratio["realisation"] / d[ok] * 100}))

    # sum: + the realisations of the added labels; none if any is missing.
    summed = rows[kind == "sum"]
    if len(summed):
        long = summed.assign(row=np.arange(len(summed)), added_key=summed["added_labels"].str.split("|")).explode("added_key")
        long["added_key"] = label_key(long["added_key"].str.strip())
        long["part"] = operand(long, "added_key")
        per_row = long.groupby("row", sort=True)["part"].agg(["sum", "count", "size"])
        ok = (per_row["count"] == per_row["size"]).to_numpy()
        summed = summed[ok]
        parts.append(pd.DataFrame({"area_code": summed["district_code"], "indicator_id": summed["indicator_id"], "year": summed["year"],
                                   "value": summed["realisation"] + per_row["sum"].to_numpy()[ok]}))

    # per_1000: / the district's reference figure that year x 1000; none if missing or 0.
    per1000 = rows[kind == "per_1000"]
    if len(per1000):
        base = per1000[["district_code", "year", "reference_indicator"]].merge(
            refs.drop_duplicates(["area_code", "indicator", "year"]),
            left_on=["district_code", "year", "reference_indicator"], right_on=["area_code", "year", "indicator"], how="left")["value"].to_numpy()
        ok = ~np.isnan(base) & (base != 0)
        per1000 = per1000[ok]
        parts.append(pd.DataFrame({"area_code": per1000["district_code"], "indicator_id": per1000["indicator_id"], "year": per1000["year"],
                                   "value": per1000["realisation"] / base[ok] * 1000}))
    return pd.concat(parts, ignore_index=True)


def chained_ranks(frame: pd.DataFrame, by: list) -> pd.Series:
    """Competition ranks ("min") of `sort_key` within the groups `by`, lower first, ties chained as
    SPEC step 10 says: a value ties with the one before it in order when within 1e-9 x max(1, |a|, |b|)."""
    frame = frame.sort_values(by + ["sort_key"])
    key = frame["sort_key"].to_numpy()
    previous = frame.groupby(by, sort=False)["sort_key"].shift(1).to_numpy()
    tolerance = 1e-9 * np.maximum(1.0, np.maximum(np.abs(key), np.abs(previous)))
    new_run = np.isnan(previous) | (key - previous > tolerance)
    run = np.cumsum(new_run)
    position = frame.groupby(by, sort=False).cumcount().to_numpy() + 1
    ranks = pd.Series(position, index=frame.index).groupby(run).transform("min")
    return ranks.reindex(frame.index)


def main(data, out):
    areas = read_text(os.path.join(data, "areas.csv"), ["area_code", "level", "parent_code"])
    indicators = read_text(os.path.join(data, "indicators.csv"), ["indicator_id", "polarity", "comparisons"])
    maps = read_text(os.path.join(data, "indicator_mappings.csv"),
                     ["district_code", "source_id", "label", "indicator_id", "transform", "factor", "denominator_label",
                      "added_labels", "reference_indicator"])
    maps["key"] = label_key(maps["label"])
    maps["denom_key"] = label_key(maps["denominator_label"])
    maps["factor"] = pd.to_numeric(maps["factor"].replace("", np.nan))
    history_path = os.path.join(data, "province_history.csv")
    history = (pd.read_csv(history_path, usecols=["area_code", "province_code", "from_year", "to_year"],
                           dtype={"area_code": str, "province_code": str, "from_year": "float64", "to_year": "float64"},
                           keep_default_na=False, na_values=[""])
               if os.path.exists(history_path) else pd.DataFrame(columns=["area_code", "province_code", "from_year", "to_year"]))

    obs = read_observations(data)
    refs = read_references(data)

    # Steps 5–7: the values of every area: mapped observations, and references of catalogue indicators.
    values = pd.concat([transform(obs, maps, refs),
                        refs[refs["indicator"].isin(indicators["indicator_id"])]
                        .rename(columns={"indicator": "indicator_id"})], ignore_index=True)

    # The districts' values, with each district's province that year (province_history first).
    districts = areas.loc[areas["level"] == "district", ["area_code", "parent_code"]].replace({"parent_code": {"": np.nan}})
    comp = values.merge(districts, on="area_code", how="inner").rename(columns={"area_code": "district_code", "parent_code": "province"})
    if len(history):
        pairs = comp[["district_code", "year"]].drop_duplicates().merge(history, left_on="district_code", right_on="area_code")
        pairs = pairs[(pairs["from_year"].isna() | (pairs["from_year"] <= pairs["year"]))
                      & (pairs["to_year"].isna() | (pairs["year"] <= pairs["to_year"]))].drop_duplicates(["district_code", "year"])
        comp = comp.merge(pairs[["district_code", "year", "province_code"]], on=["district_code", "year"], how="left")
        comp["province"] = comp["province_code"].fillna(comp["province"])
        comp = comp.drop(columns="province_code")
    comp = comp.merge(indicators[["indicator_id", "polarity"]], on="indicator_id", how="left")

    # Step 9: the yardsticks (province and nation values), one merge each.
    yard = values[values["area_code"].isin(areas.loc[areas["level"] != "district", "area_code"])].drop_duplicates(["area_code", "indicator_id", "year"])
    nation = areas.loc[areas["level"] == "nation", "area_code"].iloc[0]
    comp = comp.merge(yard[["area_code", "indicator_id", "year", "value"]].rename(columns={"area_code": "province", "value": "province_value"}),
                      on=["province", "indicator_id", "year"], how="left")
    comp = comp.merge(yard.loc[yard["area_code"] == nation, ["indicator_id", "year", "value"]].rename(columns={"value": "national_value"}),
                      on=["indicator_id", "year"], how="left")
    comp["gap_province"] = comp["value"] - comp["province_value"]
    comp["gap_national"] = comp["value"] - comp["national_value"]

    # Step 8: capaian by polarity, where there is a target other than 0.
    target = comp["target"].where(comp["target"] != 0)
    comp["capaian"] = np.where(comp["polarity"] == "negative",
                               (target - (comp["value"] - target)) / target * 100,
                               comp["value"] / target * 100)

    os.makedirs(out, exist_ok=True)
    comp.sort_values(["district_code", "indicator_id", "year"]).to_csv(
        os.path.join(out, "comparison.csv"), index=False, lineterminator="\n",
        columns=["district_code", "indicator_id", "year", "value", "province_value", "national_value", "gap_province",
                 "gap_national", "capaian"])

    # Step 10: competition ranks per indicator and year, nation and province scopes.
    ranked = indicators.loc[indicators["comparisons"].str.split().apply(lambda words: "rank" in words), "indicator_id"]
    rk = comp.loc[comp["indicator_id"].isin(ranked), ["indicator_id", "year", "province", "district_code", "value", "polarity"]]
    # Lower is better after the sign flip for positive indicators.
    rk["sort_key"] = np.where(rk["polarity"] == "negative", 1, -1) * rk["value"].to_numpy()
    scopes = []
    for scope, by in (("nation", ["indicator_id", "year"]), ("province", ["indicator_id", "year", "province"])):
        frame = rk.dropna(subset=by)
        frame = frame.assign(rank=chained_ranks(frame, by).astype("int64"),
                             n_ranked=frame.groupby(by, sort=False)["sort_key"].transform("size"))
        frame = frame[frame["n_ranked"] >= 5]
        frame["scope"] = "nation" if scope == "nation" else "province:" + frame["province"]
        scopes.append(frame)
    rankings = pd.concat(scopes, ignore_index=True)
    # "nation" sorts before "province:NN", and the province codes have one length.
    rankings.sort_values(["indicator_id", "year", "scope", "rank", "district_code"]).to_csv(
        os.path.join(out, "rankings.csv"), index=False, lineterminator="\n",
        columns=["indicator_id", "year", "scope", "district_code", "value", "rank", "n_ranked"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pandas_pipeline.py DATA_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
