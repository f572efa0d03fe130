"""Reads every tolok export with pandas, polars and DuckDB (tools nobody here wrote), once with
their default settings and once with the types of the output descriptor (datapackage.json that
`tolok report` writes), and checks:

- every output CSV is described by datapackage.json, with the columns in the file's order;
- numeric columns parse as numbers, with default settings and with the descriptor;
- code columns (names ending in _code, _codes, _id, _ids, and seed): no reader with default settings
  types one as a date, a datetime or a time (`2.07.04` read as 2004-07-02 is a failure, whatever the
  descriptor says: nobody is told before the code is gone); a reader may turn `004` into 4, and each
  column where one does is typed string in the descriptor; any column whose cells hold a number
  with a leading zero (`00`, `004`) is typed string in the descriptor; and with the descriptor's
  types every reader keeps the codes exactly as written (checked against Python's own csv module);
- a pandas join of achievement.csv with datasets/sources.csv on source_id finds every source with
  the descriptors' types;
- the excel-id files hold the same tables, read with the dialect their descriptor states.

Usage: python check_exports.py STANDARD_DIR EXCEL_ID_DIR DATASETS_DIR
"""
import csv
import datetime
import json
import re
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl

standard, excel, datasets = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
failures = []


def fail(message):
    failures.append(message)


def descriptor(folder):
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {r["path"]: r for r in package["resources"]}


def types_of(resource):
    return {f["name"]: f["type"] for f in resource["schema"]["fields"]}


def raw_columns(path, delimiter=",", encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    header, body = rows[0], rows[1:]
    return header, {name: [row[i] for row in body] for i, name in enumerate(header)}, len(body)


PANDAS_TYPES = {"string": str, "integer": "Int64", "number": "float64"}
POLARS_TYPES = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64}
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE"}
DUCKDB_NUMERIC = ("BIGINT", "DOUBLE", "INTEGER", "HUGEINT", "SMALLINT", "TINYINT", "UBIGINT", "FLOAT")
LEADING_ZERO = re.compile(r"[+-]?0[0-9]+([.,][0-9]+)?")  # a number written with a leading zero: 00, 004, 01.5


def is_code(column):
    return column.endswith(("_code", "_codes", "_id", "_ids")) or column == "seed"


def pandas_temporal(series):
    if pd.api.types.is_datetime64_any_dtype(series) or pd.api.types.is_timedelta64_dtype(series) \
            or isinstance(series.dtype, pd.PeriodDtype):
        return True
    # An object column of date, time or datetime objects (a reader's converter may give one).
    return series.dtype == object and any(isinstance(v, (datetime.date, datetime.time, datetime.timedelta))
                                          for v in series.dropna())


def polars_temporal(dtype):
    return dtype.is_temporal()


def duckdb_temporal(type_):
    return type_.startswith(("DATE", "TIME", "INTERVAL"))

std = descriptor(standard)
exl = descriptor(excel)
csv_files = sorted(p.name for p in standard.glob("*.csv"))
if sorted(std) != csv_files:
    fail(f"datapackage.json describes {sorted(std)}, the folder holds {csv_files}")

mistyped_by_default = []
def check(name):
    path = standard / name
    resource = std.get(name)
    if resource is None:
        return
    types = types_of(resource)
    header, raw, rows = raw_columns(path)
    if list(types) != header:
        fail(f"{name}: the descriptor lists {list(types)}, the file {header}")
        return
    for column, type_ in types.items():
        if is_code(column) and type_ != "string":
            fail(f"{name}: the code column {column} is typed {type_} in the descriptor, not string")
        zeros = [v for v in raw[column] if LEADING_ZERO.fullmatch(v)]
        if zeros and type_ != "string":
            fail(f"{name}: {column} holds {zeros[0]!r} (a leading zero) and is typed {type_} in the descriptor, not string")
    numeric = [c for c, t in types.items() if t in ("integer", "number")]
    strings = [c for c, t in types.items() if t == "string"]

    # Default settings.
    frame = pd.read_csv(path)
    polars_frame = pl.read_csv(path, infer_schema_length=None)
    relation = duckdb.read_csv(str(path))
    duck_types = dict(zip(relation.columns, [str(t) for t in relation.types]))
    duck_rows = duckdb.sql(f"select count(*) from read_csv('{path}')").fetchall()[0][0]
    if not (len(frame) == polars_frame.height == duck_rows == rows):
        fail(f"{name}: {rows} rows; pandas reads {len(frame)}, polars {polars_frame.height}, DuckDB {duck_rows}")
    for column in (c for c in types if is_code(c)):
        dated = []
        if pandas_temporal(frame[column]):
            dated.append(f"pandas {frame[column].dtype}")
        if polars_temporal(polars_frame.schema[column]):
            dated.append(f"polars {polars_frame.schema[column]}")
        if duckdb_temporal(duck_types[column]):
            dated.append(f"DuckDB {duck_types[column]}")
        if dated:
            example = next((v for v in raw[column] if v != ""), "")
            fail(f"{name}: the code column {column} becomes a date or time with default settings "
                 f"({', '.join(dated)}; {example!r} in the file)")
    for column in numeric:
        if not any(raw[column]):
            continue  # an all-empty column: every reader guesses text
        if not pd.api.types.is_numeric_dtype(frame[column]):
            fail(f"{name}: {column} is not numeric in pandas by default ({frame[column].dtype})")
        if not polars_frame.schema[column].is_numeric():
            fail(f"{name}: {column} is not numeric in polars by default ({polars_frame.schema[column]})")
        if duck_types[column] not in DUCKDB_NUMERIC and not duck_types[column].startswith("DECIMAL"):
            fail(f"{name}: {column} is {duck_types[column]} in DuckDB by default")
    for column in strings:
        values = [v for v in raw[column] if v != ""]
        if not values:
            continue
        readers = []
        if not (pd.api.types.is_string_dtype(frame[column]) or frame[column].dtype == object):
            readers.append(f"pandas {frame[column].dtype}")
        if polars_frame.schema[column] != pl.String:
            readers.append(f"polars {polars_frame.schema[column]}")
        if duck_types[column] != "VARCHAR":
            readers.append(f"DuckDB {duck_types[column]}")
        if readers:
            # The descriptor must tell the reader: it types the column as text (checked above:
            # it is in `strings`), and the column is one a reader can be told about.
            mistyped_by_default.append(f"{name}:{column} ({', '.join(readers)})")

    # The descriptor's types.
    frame = pd.read_csv(path, dtype={c: PANDAS_TYPES[t] for c, t in types.items()}, keep_default_na=False,
                        na_values={c: [""] for c in types})
    polars_frame = pl.read_csv(path, schema_overrides={c: POLARS_TYPES[t] for c, t in types.items()})
    duck = duckdb.sql(f"select * from read_csv('{path}', types={{{', '.join(repr(c) + ': ' + repr(DUCKDB_TYPES[t]) for c, t in types.items())}}})")
    duck_frame = duck.df()
    for column in strings:
        want = [v if v != "" else None for v in raw[column]]
        got_pandas = [None if pd.isna(v) else v for v in frame[column]]
        got_polars = polars_frame[column].to_list()
        got_duck = [None if v is None or (isinstance(v, float) and pd.isna(v)) else v for v in duck_frame[column]]
        for reader, got in (("pandas", got_pandas), ("polars", got_polars), ("DuckDB", got_duck)):
            if got != want:
                first = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b) if len(got) == len(want) else 0
                fail(f"{name}: {column} read by {reader} with the descriptor differs from the file "
                     f"(row {first + 2}: {got[first]!r} for {want[first]!r})")
    for column in numeric:
        if not pd.api.types.is_numeric_dtype(frame[column]) or not polars_frame.schema[column].is_numeric() \
                or not pd.api.types.is_numeric_dtype(duck_frame[column]):
            fail(f"{name}: {column} is not numeric with the descriptor")

    # The excel-id file: the same table, read with its own descriptor's dialect.
    alt_resource = exl.get(name)
    if alt_resource is None:
        fail(f"{name}: the excel-id datapackage.json does not describe it")
        return
    dialect = alt_resource["dialect"]
    if dialect["delimiter"] != ";" or alt_resource["encoding"] != "utf-8-sig" or dialect["lineTerminator"] != "\r\n":
        fail(f"{name}: the excel-id descriptor states {dialect}, {alt_resource['encoding']}")
    decimal = {f.get("decimalChar", ".") for f in alt_resource["schema"]["fields"] if f["type"] == "number"}
    alt = pd.read_csv(excel / name, sep=dialect["delimiter"], decimal=",", encoding="utf-8-sig",
                      dtype={c: PANDAS_TYPES[t] for c, t in types_of(alt_resource).items() if t != "number"},
                      keep_default_na=False, na_values={c: [""] for c in types})
    if decimal - {","}:
        fail(f"{name}: the excel-id descriptor's decimalChar is {decimal}")
    if list(alt.columns) != list(frame.columns) or len(alt) != len(frame):
        fail(f"{name}: the excel-id file differs in shape")
    else:
        for column in numeric:
            if not ((alt[column] - frame[column]).abs().fillna(0) < 1e-9).all():
                fail(f"{name}: the excel-id file differs in {column}")
        for column in strings:
            if not (alt[column].fillna("") == frame[column].fillna("")).all():
                fail(f"{name}: the excel-id file differs in {column}")
    print(f"{name}: {rows} rows, {len(header)} columns: read by pandas, polars and DuckDB, with and without the descriptor")


for name in csv_files:
    try:
        check(name)
    except Exception as error:  # a reader refusing the file is a failure, reported as one
        fail(f"{name}: {error!r}")


# A join on a code: achievement.csv with the datasets' sources.csv, each read with its descriptor's types.
sources_schema = json.loads((datasets / "schemas" / "sources.json").read_text(encoding="utf-8"))
sources = pd.read_csv(datasets / "sources.csv", dtype={f["name"]: PANDAS_TYPES.get(f["type"], str) for f in sources_schema["fields"]},
                      keep_default_na=False, na_values={f["name"]: [""] for f in sources_schema["fields"]})
achievement_types = types_of(std["achievement.csv"])
achievement = pd.read_csv(standard / "achievement.csv", dtype={c: PANDAS_TYPES[t] for c, t in achievement_types.items()},
                          keep_default_na=False, na_values={c: [""] for c in achievement_types})
try:
    joined = achievement.merge(sources, on="source_id", how="left", validate="many_to_one", suffixes=("", "_source"))
except Exception as error:
    joined = None
    fail(f"achievement.csv ⋈ sources.csv on source_id: {error!r}")
if joined is None:
    pass
elif len(joined) != len(achievement) or joined["document"].isna().any():
    fail(f"achievement.csv ⋈ sources.csv on source_id: {int(joined['document'].isna().sum())} of {len(achievement)} rows find no source")
else:
    print(f"achievement.csv ⋈ datasets/sources.csv on source_id: all {len(joined)} rows find their source")

print("code columns a default reader mistypes (typed string in datapackage.json):")
for line in mistyped_by_default:
    print("  " + line)
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{len(csv_files)} files passed, 0 failed")
