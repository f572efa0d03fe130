#!/usr/bin/env python3
"""The benchmark pipeline (benchmarks/SPEC.md) in DuckDB.

    python duckdb_pipeline.py DATA_DIR OUT_DIR

Writes OUT_DIR/comparison.csv and OUT_DIR/rankings.csv. SQL over `read_csv` of the files (globs for
the observation and reference files, every cell read as text, the needed ones cast), joins for
every lookup, window functions (`lag`, `row_number`, a running sum, `min`) for the ranks, `COPY ... TO` for the outputs; DuckDB
runs it on all cores. Python only passes the paths in.

Ties (SPEC step 10): ranked in order, a value ties with the one before it when within
1e-9 x max(1, |a|, |b|) (ties chain), as Tolok ranks: the previous value in the group, a run
number that grows where the gap is larger, and the first position of each run as its rank.
"""
import csv
import glob
import os
import sys

import duckdb


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def main(data, out):
    def path(*parts):
        return sql_string(os.path.join(data, *parts))

    references = [path("references.csv")]
    if os.path.isdir(os.path.join(data, "references")):
        references.append(path("references", "*.csv"))
    history = os.path.join(data, "province_history.csv")
    os.makedirs(out, exist_ok=True)
    # The observation files share one header (datasets/README.md): read it once and give DuckDB the
    # columns, so it does not sniff each of the hundreds of files.
    first = sorted(glob.glob(os.path.join(data, "observations", "*.csv")))[0]
    with open(first, newline="", encoding="utf-8-sig") as f:
        header = next(csv.reader(f))
    numeric = {"year": "BIGINT", "target": "DOUBLE", "realisation": "DOUBLE"}
    observation_columns = "{" + ", ".join(f"{sql_string(c)}: '{numeric.get(c, 'VARCHAR')}'" for c in header) + "}"

    con = duckdb.connect()
    # Every cell as text; an empty cell is NULL (coalesced to '' where the SPEC says empty = "any").
    text = "header = true, all_varchar = true"
    con.execute(f"""
-- SPEC step 1 (a run of two or more blanks, or one tab or line feed, becomes one space: the same as
-- replacing every run, and faster since most labels have none).
CREATE MACRO label_key(s) AS trim(regexp_replace(lower(s), '[ \\t\\n]{{2,}}|[\\t\\n]', ' ', 'g'), ' ');

CREATE TABLE areas AS SELECT area_code, level, nullif(parent_code, '') AS parent_code
  FROM read_csv({path("areas.csv")}, {text});
CREATE TABLE indicators AS SELECT indicator_id, polarity, list_contains(string_split(comparisons, ' '), 'rank') AS ranked
  FROM read_csv({path("indicators.csv")}, {text});
CREATE TABLE history AS SELECT area_code, province_code, CAST(from_year AS BIGINT) AS from_year, CAST(to_year AS BIGINT) AS to_year
  FROM {f"read_csv({sql_string(history)}, {text})" if os.path.exists(history)
        else "(SELECT NULL::VARCHAR AS area_code, NULL::VARCHAR AS province_code, NULL AS from_year, NULL AS to_year LIMIT 0)"};
CREATE TABLE maps AS
  SELECT row_number() OVER () AS mid, coalesce(district_code, '') AS district_code, coalesce(source_id, '') AS source_id,
         label_key(label) AS key, indicator_id, transform, CAST(factor AS DOUBLE) AS factor,
         CASE WHEN transform = 'ratio' THEN label_key(denominator_label) END AS denom_key,
         CASE WHEN transform = 'sum' THEN list_transform(string_split(added_labels, '|'), lambda x: label_key(x)) END AS added_keys,
         reference_indicator
  FROM read_csv({path("indicator_mappings.csv")}, {text});
-- SPEC step 3: the operand labels.
CREATE TABLE operand_keys AS
  SELECT DISTINCT k AS key FROM (SELECT denom_key AS k FROM maps UNION ALL SELECT unnest(added_keys) FROM maps)
  WHERE k IS NOT NULL AND k <> '';

-- SPEC step 6: the yearly references (August, or no month stated) that are not excluded.
CREATE TABLE refs AS
  SELECT area_code, indicator, CAST(year AS BIGINT) AS year, CAST(value AS DOUBLE) AS value
  FROM read_csv([{", ".join(references)}], {text}, union_by_name = true)
  WHERE (month IS NULL OR CAST(month AS INTEGER) = 8) AND excluded IS NULL;

-- SPEC step 2: the yearly observations, with their label keys.
CREATE TABLE obs AS
  SELECT *, key IN (SELECT key FROM operand_keys) AS is_operand FROM (
    SELECT district_code, year, label_key(indicator_label) AS key, target, realisation, coalesce(source_id, '') AS source_id
    FROM read_csv({path("observations", "*.csv")}, header = true, auto_detect = false, columns = {observation_columns})
    WHERE period IS NULL);

-- Operand realisations: by document, and by any document (first printed wins).
CREATE TABLE operands_by_source AS
  SELECT district_code, year, key, source_id, first(realisation) AS realisation FROM obs
  WHERE is_operand AND realisation IS NOT NULL GROUP BY ALL;
CREATE TABLE operands_by_any AS
  SELECT district_code, year, key, first(realisation) AS realisation FROM operands_by_source GROUP BY ALL;

-- SPEC step 4: first match of (D, S, K), (D, any, K), (*, S, K), (*, any, K).
CREATE TABLE mapped AS
  WITH m1 AS (SELECT district_code, source_id, key, min(mid) AS mid FROM maps WHERE district_code <> '*' AND source_id <> '' GROUP BY ALL),
       m2 AS (SELECT district_code, key, min(mid) AS mid FROM maps WHERE district_code <> '*' AND source_id = '' GROUP BY ALL),
       m3 AS (SELECT source_id, key, min(mid) AS mid FROM maps WHERE district_code = '*' AND source_id <> '' GROUP BY ALL),
       m4 AS (SELECT key, min(mid) AS mid FROM maps WHERE district_code = '*' AND source_id = '' GROUP BY ALL)
  SELECT o.district_code, o.year, o.source_id, o.target, o.realisation, m.indicator_id, m.transform, m.factor, m.denom_key,
         m.added_keys, m.reference_indicator
  FROM obs o
  LEFT JOIN m1 ON m1.district_code = o.district_code AND m1.source_id = o.source_id AND m1.key = o.key
  LEFT JOIN m2 ON m2.district_code = o.district_code AND m2.key = o.key
  LEFT JOIN m3 ON m3.source_id = o.source_id AND m3.key = o.key
  LEFT JOIN m4 ON m4.key = o.key
  JOIN maps m ON m.mid = coalesce(m1.mid, m2.mid, m3.mid, m4.mid)
  WHERE NOT o.is_operand AND o.realisation IS NOT NULL;

-- SPEC steps 5–7: the values of every area.
CREATE TABLE vals AS
  -- as_is and scale: value and target times the factor.
  SELECT district_code AS area_code, indicator_id, year,
         realisation * (CASE WHEN transform = 'scale' THEN factor ELSE 1 END) AS value,
         target * (CASE WHEN transform = 'scale' THEN factor ELSE 1 END) AS target
  FROM mapped WHERE transform IN ('as_is', 'scale')
  UNION ALL
  -- ratio: / the denominator's realisation (same document if there is one) x 100; none if missing or 0.
  SELECT * FROM (
    SELECT r.district_code, r.indicator_id, r.year, r.realisation / coalesce(s.realisation, a.realisation) * 100 AS value, NULL
    FROM mapped r
    LEFT JOIN operands_by_source s ON s.district_code = r.district_code AND s.year = r.year AND s.key = r.denom_key AND s.source_id = r.source_id
    LEFT JOIN operands_by_any a ON a.district_code = r.district_code AND a.year = r.year AND a.key = r.denom_key
    WHERE r.transform = 'ratio' AND coalesce(s.realisation, a.realisation) <> 0)
  UNION ALL
  -- sum: + the realisations of the added labels; none if any is missing.
  SELECT district_code, indicator_id, year, any_value(realisation) + sum(part), NULL FROM (
    SELECT r.rid, r.district_code, r.indicator_id, r.year, r.realisation, coalesce(s.realisation, a.realisation) AS part
    FROM (SELECT *, unnest(added_keys) AS added_key
          FROM (SELECT *, row_number() OVER () AS rid FROM mapped WHERE transform = 'sum')) r
    LEFT JOIN operands_by_source s ON s.district_code = r.district_code AND s.year = r.year AND s.key = r.added_key AND s.source_id = r.source_id
    LEFT JOIN operands_by_any a ON a.district_code = r.district_code AND a.year = r.year AND a.key = r.added_key)
  GROUP BY rid, district_code, indicator_id, year HAVING count(part) = count(*)
  UNION ALL
  -- per_1000: / the district's reference figure that year x 1000; none if missing or 0.
  SELECT r.district_code, r.indicator_id, r.year, r.realisation / b.value * 1000, NULL
  FROM mapped r
  JOIN (SELECT area_code, indicator, year, first(value) AS value FROM refs GROUP BY ALL) b
    ON b.area_code = r.district_code AND b.year = r.year AND b.indicator = r.reference_indicator
  WHERE r.transform = 'per_1000' AND b.value <> 0
  UNION ALL
  -- References of catalogue indicators are values of those indicators (provinces, the nation: the yardsticks).
  SELECT area_code, indicator, year, value, NULL FROM refs WHERE indicator IN (SELECT indicator_id FROM indicators);

-- Steps 8–9: the districts' values, their province that year (province_history first), yardsticks, capaian.
CREATE TABLE comparison AS
  WITH yard AS (SELECT area_code, indicator_id, year, first(value) AS value FROM vals
                WHERE area_code IN (SELECT area_code FROM areas WHERE level <> 'district') GROUP BY ALL),
       nation AS (SELECT y.* FROM yard y JOIN areas a ON a.area_code = y.area_code AND a.level = 'nation'),
       d AS (SELECT v.area_code AS district_code, v.indicator_id, v.year, v.value, v.target,
                    coalesce((SELECT any_value(h.province_code) FROM history h
                              WHERE h.area_code = v.area_code AND (h.from_year IS NULL OR h.from_year <= v.year)
                                AND (h.to_year IS NULL OR v.year <= h.to_year)), a.parent_code) AS province
             FROM vals v JOIN areas a ON a.area_code = v.area_code AND a.level = 'district')
  SELECT d.district_code, d.indicator_id, d.year, d.value, p.value AS province_value, n.value AS national_value,
         d.value - p.value AS gap_province, d.value - n.value AS gap_national,
         CASE WHEN d.target = 0 THEN NULL
              WHEN i.polarity = 'negative' THEN (d.target - (d.value - d.target)) / d.target * 100
              ELSE d.value / d.target * 100 END AS capaian,
         d.province, coalesce(i.polarity = 'negative', false) AS negative, coalesce(i.ranked, false) AS ranked
  FROM d
  LEFT JOIN yard p ON p.area_code = d.province AND p.indicator_id = d.indicator_id AND p.year = d.year
  LEFT JOIN nation n ON n.indicator_id = d.indicator_id AND n.year = d.year
  LEFT JOIN indicators i ON i.indicator_id = d.indicator_id;

COPY (SELECT district_code, indicator_id, year, value, province_value, national_value, gap_province, gap_national, capaian
      FROM comparison ORDER BY district_code, indicator_id, year)
  TO {sql_string(os.path.join(out, "comparison.csv"))} (HEADER, DELIMITER ',');

-- Step 10: competition ranks per indicator and year, nation and province scopes; lower sort_key is better.
COPY (
  WITH rk AS (
    SELECT indicator_id, year, province, district_code, value,
           (CASE WHEN negative THEN 1 ELSE -1 END) * value AS sort_key
    FROM comparison WHERE ranked),
  -- Both scopes as groups: the nation (group '') and each province.
  grouped AS (
    SELECT indicator_id, year, '' AS grp, 'nation' AS scope, district_code, value, sort_key FROM rk
    UNION ALL
    SELECT indicator_id, year, province, 'province:' || province, district_code, value, sort_key FROM rk WHERE province IS NOT NULL),
  -- Ties chain (SPEC step 10): a value ties with the one before it when within 1e-9 x max(1, |a|, |b|).
  stepped AS (
    SELECT *,
           lag(sort_key) OVER w AS previous,
           row_number() OVER w AS position,
           count(*) OVER (PARTITION BY indicator_id, year, grp) AS n_ranked
    FROM grouped WINDOW w AS (PARTITION BY indicator_id, year, grp ORDER BY sort_key)),
  runs AS (
    SELECT *, sum(CASE WHEN previous IS NULL
                            OR sort_key - previous > 1e-9 * greatest(1, abs(sort_key), abs(previous)) THEN 1 ELSE 0 END)
                OVER (PARTITION BY indicator_id, year, grp ORDER BY position ROWS UNBOUNDED PRECEDING) AS run
    FROM stepped),
  scoped AS (
    SELECT indicator_id, year, scope, district_code, value,
           min(position) OVER (PARTITION BY indicator_id, year, grp, run) AS rank, n_ranked
    FROM runs)
  -- 'nation' sorts before 'province:NN', and the province codes have one length.
  SELECT * FROM scoped WHERE n_ranked >= 5 ORDER BY indicator_id, year, scope, rank, district_code)
  TO {sql_string(os.path.join(out, "rankings.csv"))} (HEADER, DELIMITER ',');
""")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: duckdb_pipeline.py DATA_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
