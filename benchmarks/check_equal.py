#!/usr/bin/env python3
"""Do two runs of the benchmark pipeline give the same answers? (benchmarks/SPEC.md, "Equality")

    python3 check_equal.py A_DIR B_DIR

Compares A_DIR/comparison.csv with B_DIR/comparison.csv and A_DIR/rankings.csv with
B_DIR/rankings.csv: the same columns, the same set of keys (comparison: district, indicator, year;
rankings: indicator, year, scope, district), equal ranks and n_ranked, and every other number equal
within 1e-9 x max(1, |a|, |b|) (both empty, or both present). Row order is not compared.

Prints a one-line verdict, then the first differences; exits 0 when equal, 1 otherwise.
Standard library only: it judges the tools, so it uses none of them.
"""
import csv
import sys

TABLES = {
    "comparison.csv": {"keys": ["district_code", "indicator_id", "year"], "integers": [],
                       "numbers": ["value", "province_value", "national_value", "gap_province", "gap_national", "capaian"]},
    "rankings.csv": {"keys": ["indicator_id", "year", "scope", "district_code"], "integers": ["rank", "n_ranked"],
                     "numbers": ["value"]},
}
INTEGER_KEYS = {"year"}
SHOWN = 10
INFINITY = float("inf")


class Differences:
    def __init__(self):
        self.count = 0
        self.first = []

    def add(self, text):
        self.count += 1
        if len(self.first) < SHOWN:
            self.first.append(text)


def integer(text):
    """'2022', '2022.0' -> 2022; '' -> None; anything else is kept as text (and so differs)."""
    if text == "":
        return None
    try:
        f = float(text)
    except ValueError:
        return text
    return int(f) if f.is_integer() else text


def same_number(a, b):
    """Equal within 1e-9 x max(1, |a|, |b|); both empty or both present ('nan' equals only 'nan')."""
    if a == b:
        return True
    if not a or not b:
        return False
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if x == y:
        return True
    d = x - y
    m = x if x > y else y
    m = m if m > -(x if x < y else y) else -(x if x < y else y)
    if m == INFINITY:
        return False
    return -1e-9 * (m if m > 1.0 else 1.0) <= d <= 1e-9 * (m if m > 1.0 else 1.0)


def cells(line):
    """A CSV line's cells (the outputs rarely quote: plain split unless there is a quote)."""
    return next(csv.reader([line])) if '"' in line else line.split(",")


class Table:
    """One output file: its header, and its data lines."""

    def __init__(self, path, spec, diffs, side):
        self.ok = False
        self.header = None
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                lines = f.read().splitlines()
        except OSError as e:
            diffs.add(f"{side}: cannot read {path}: {e.strerror}")
            return
        if not lines:
            diffs.add(f"{side}: {path} is empty")
            return
        self.header = cells(lines[0])
        missing = [c for c in spec["keys"] + spec["integers"] + spec["numbers"] if c not in self.header]
        if missing:
            diffs.add(f"{side}: {path} lacks columns {', '.join(missing)}")
            return
        self.lines = [line for line in lines[1:] if line != ""]
        self.key_index = [self.header.index(c) for c in spec["keys"]]
        self.year_positions = [i for i, c in enumerate(spec["keys"]) if c in INTEGER_KEYS]
        self.value_index = [self.header.index(c) for c in spec["integers"] + spec["numbers"]]
        self.ok = True

    def row(self, line, diffs, side):
        row = cells(line)
        if len(row) != len(self.header):
            diffs.add(f"{side}: a line has {len(row)} cells, the header {len(self.header)}: {line}")
            return None
        return row

    def key(self, row):
        key = [row[i] for i in self.key_index]
        for p in self.year_positions:
            key[p] = integer(key[p])
        return tuple(key)

    def values(self, row):
        return [row[i] for i in self.value_index]

    def by_key(self, diffs, name, side):
        rows = {}
        for line in self.lines:
            row = self.row(line, diffs, side)
            if row is None:
                continue
            key = self.key(row)
            if key in rows:
                diffs.add(f"{name}: key {key} repeated in {side}")
            rows[key] = self.values(row)
        return rows


def compare_values(name, key, a, b, spec, diffs):
    columns = spec["integers"] + spec["numbers"]
    n_integers = len(spec["integers"])
    for i, column in enumerate(columns):
        if a[i] == b[i]:
            continue
        equal = integer(a[i]) == integer(b[i]) if i < n_integers else same_number(a[i], b[i])
        if not equal:
            diffs.add(f"{name}: key {key} {column}: A {a[i] or '(empty)'} / B {b[i] or '(empty)'}")


def in_step(name, a, b, spec):
    """The differences when both files list the same keys in the same order (as the SPEC sorts
    them), compared line by line; None when they do not. Identical lines need no parsing; a
    repeated key is caught where it is repeated on adjacent lines (as in sorted output). The loop
    is written out flat: it runs over millions of lines."""
    n = len(spec["keys"])
    if a.header != b.header or len(a.lines) != len(b.lines) or a.key_index != list(range(n)):
        return None
    diffs = Differences()
    width = len(a.header)
    integers = [a.header.index(c) for c in spec["integers"]]
    numbers = [a.header.index(c) for c in spec["numbers"]]
    previous = None
    for la, lb in zip(a.lines, b.lines):
        if la == lb:
            key = la.split(",", n)[:n] if '"' not in la else cells(la)[:n]
        else:
            ra = la.split(",") if '"' not in la else cells(la)
            rb = lb.split(",") if '"' not in lb else cells(lb)
            if len(ra) != width or len(rb) != width:
                diffs.add(f"{name}: a line has not {width} cells: A {la} / B {lb}")
                continue
            key = ra[:n]
            if key != rb[:n] and a.key(ra) != b.key(rb):
                return None
            for i in integers:
                if ra[i] != rb[i] and integer(ra[i]) != integer(rb[i]):
                    diffs.add(f"{name}: key {a.key(ra)} {a.header[i]}: A {ra[i] or '(empty)'} / B {rb[i] or '(empty)'}")
            for i in numbers:
                x, y = ra[i], rb[i]
                if x != y and not same_number(x, y):
                    diffs.add(f"{name}: key {a.key(ra)} {a.header[i]}: A {x or '(empty)'} / B {y or '(empty)'}")
        if key == previous:
            diffs.add(f"{name}: key {a.key(key + [None] * (width - n))} repeated")
        previous = key
    return diffs


def compare(name, a_dir, b_dir, diffs):
    spec = TABLES[name]
    a = Table(f"{a_dir}/{name}", spec, diffs, "A")
    b = Table(f"{b_dir}/{name}", spec, diffs, "B")
    if a.header is not None and b.header is not None and a.header != b.header:
        diffs.add(f"{name}: columns differ: A {','.join(a.header)} / B {','.join(b.header)}")
    if not (a.ok and b.ok):
        return 0
    found = in_step(name, a, b, spec)
    if found is None:
        # Any order: by key.
        found = Differences()
        a_rows, b_rows = a.by_key(found, name, "A"), b.by_key(found, name, "B")
        for key, va in a_rows.items():
            vb = b_rows.get(key)
            if vb is None:
                found.add(f"{name}: key {key} only in A")
            else:
                compare_values(name, key, va, vb, spec, found)
        for key in sorted(b_rows.keys() - a_rows.keys(), key=str):
            found.add(f"{name}: key {key} only in B")
    diffs.count += found.count
    diffs.first += found.first[:max(0, SHOWN - len(diffs.first))]
    return len(a.lines)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_equal.py A_DIR B_DIR")
    a_dir, b_dir = sys.argv[1], sys.argv[2]
    diffs = Differences()
    counts = {name: compare(name, a_dir, b_dir, diffs) for name in TABLES}
    if diffs.count == 0:
        print(f"equal: {a_dir} and {b_dir} ({counts['comparison.csv']} comparison rows, {counts['rankings.csv']} ranking rows)")
        return 0
    print(f"DIFFERENT: {a_dir} and {b_dir}: {diffs.count} difference{'s' if diffs.count != 1 else ''}")
    for text in diffs.first:
        print("  " + text)
    if diffs.count > len(diffs.first):
        print(f"  … and {diffs.count - len(diffs.first)} more")
    return 1


if __name__ == "__main__":
    sys.exit(main())
