"""Reads every tolok export with pandas and DuckDB (tools nobody here wrote) and checks the
column names, the row counts, and that the numeric columns parse as numbers.

Usage: python check_exports.py STANDARD_DIR EXCEL_ID_DIR
"""
import sys
from pathlib import Path

import duckdb
import pandas as pd

NUMERIC = {
    "achievement.csv": ["year", "target", "target_year", "realisation", "capaian", "capaian_clamped", "reported_capaian"],
    "audit.csv": ["year", "published", "expected", "difference"],
    "comparison.csv": ["year", "value", "province_value", "national_value", "gap_province", "gap_national",
                       "relative_gap_province", "relative_gap_national", "rank_province", "n_province", "rank_nation", "n_nation"],
    "rankings.csv": ["year", "rank", "value", "n_ranked", "percentile", "scope_q1", "scope_median", "scope_q3",
                     "province_q1", "province_median", "province_q3", "province_best", "distance_to_province_best"],
    "gaps.csv": ["first_year", "last_year", "n_years", "gap_first", "gap_last", "change_since_first", "slope_per_year"],
    "composite.csv": ["rank", "score", "coverage", "median_rank", "rank_p5", "rank_p95", "draws"],
    "statistics.csv": ["year", "value", "n", "mean", "median", "q1", "q3", "sd", "cv", "z_score", "percentile"],
    "trends.csv": ["year", "value", "previous_year", "change", "change_percent", "first_year", "cagr_percent",
                   "end_target", "end_target_year", "distance_to_target", "pace_per_year"],
    "budget.csv": ["year", "pagu", "realisasi", "absorption"],
    "costs.csv": ["year", "realised_spend", "outcome", "cost"],
}
REQUIRED = {
    "comparison.csv": ["district_code", "district_name", "province_code", "year", "indicator_id", "unit", "polarity", "value",
                       "province_value", "national_value", "gap_province", "gap_national", "vs_province", "vs_national",
                       "value_source", "province_source", "national_source"],
    "rankings.csv": ["indicator_id", "year", "scope", "rank", "district_code", "district_name", "value", "n_ranked", "note"],
    "achievement.csv": ["district_code", "district_name", "year", "level", "indicator_label", "unit", "polarity", "target",
                        "realisation", "capaian", "capaian_clamped", "predicate", "reported_capaian", "source_id",
                        "source_location"],
}

standard, excel = Path(sys.argv[1]), Path(sys.argv[2])
failures = []
checked = 0
for name, numeric in NUMERIC.items():
    path = standard / name
    if not path.exists():
        failures.append(f"{name}: missing")
        continue
    text_cols = {c: str for c in ["district_code", "province_code", "area_code", "source_id", "other_source_id", "programme_code", "seed"]}
    frame = pd.read_csv(path, dtype=text_cols, keep_default_na=False, na_values=[""])
    for column in REQUIRED.get(name, []) + numeric:
        if column not in frame.columns:
            failures.append(f"{name}: no column {column}")
    for column in numeric:
        if column in frame.columns and len(frame) and not pd.api.types.is_numeric_dtype(frame[column]):
            failures.append(f"{name}: column {column} does not parse as numbers in pandas ({frame[column].dtype})")
    relation = duckdb.read_csv(str(path), header=True)
    duck_rows = duckdb.sql(f"select count(*) from read_csv('{path}', header=true)").fetchall()[0][0]
    if duck_rows != len(frame):
        failures.append(f"{name}: pandas reads {len(frame)} rows, DuckDB {duck_rows}")
    types = dict(zip(relation.columns, [str(t) for t in relation.types]))
    for column in numeric:
        if column in types and duck_rows and types[column] not in ("BIGINT", "DOUBLE", "INTEGER", "HUGEINT", "DECIMAL", "SMALLINT", "TINYINT") \
                and not types[column].startswith("DECIMAL"):
            # An all-empty column is typed VARCHAR by DuckDB; accept that only when pandas saw no value either.
            if frame[column].notna().any():
                failures.append(f"{name}: column {column} is {types[column]} in DuckDB")
    if list(relation.columns) != list(frame.columns):
        failures.append(f"{name}: DuckDB and pandas see different columns")
    # The excel-id dialect holds the same table.
    alt = pd.read_csv(excel / name, sep=";", decimal=",", encoding="utf-8-sig", dtype=text_cols, keep_default_na=False, na_values=[""])
    if list(alt.columns) != list(frame.columns) or len(alt) != len(frame):
        failures.append(f"{name}: the excel-id file differs in shape")
    else:
        for column in numeric:
            if column in frame.columns and not ((alt[column] - frame[column]).abs().fillna(0) < 1e-9).all():
                failures.append(f"{name}: the excel-id file differs in {column}")
    checked += 1
    print(f"{name}: {len(frame)} rows, {len(frame.columns)} columns: read by pandas and DuckDB")

if failures:
    print("\n".join(failures))
    print(f"{checked - len(set(f.split(':')[0] for f in failures))} passed, {len(set(f.split(':')[0] for f in failures))} failed")
    sys.exit(1)
print(f"{checked} passed, 0 failed")
