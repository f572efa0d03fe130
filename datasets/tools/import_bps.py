#!/usr/bin/env python3
"""Turn the BPS labour figures in tools/raw/bps-labour/ into Tolok datasets.

    python3 datasets/tools/import_bps.py [--raw DIR] [--out DIR] [--report FILE]

Reads the five raw CSV files (verbatim copies of shared/data/bps-labour) and the explicit,
committed decision tables next to this script, and writes into the datasets folder:

    areas.csv                       nation, 38 provinces, 514 kabupaten/kota (replaced)
    province_history.csv            pre-2024 province of the districts of the new Papua provinces
    references/bps-provinces.csv    from province_tpt_tpak.csv
    references/bps-districts.csv    from kabkota_tpt_tpak_2018_2024.csv and district_tpt_tpak.csv
    references/bps-derived.csv      from derived_province_tpak_tpt_from_counts.csv
    sources.csv                     the hand-written rows kept, one row per new source URL appended

and the generated report section of tools/README.md. Every rule is in tools/README.md.
Anything the rules cannot decide (a name matching no code or two, a code without a mapping, two
copies of one source disagreeing, ...) stops the script with exit status 1 and a list of the
problems: it never guesses. Standard library only; the output is byte-identical on every run.
"""
import argparse
import csv
import hashlib
import json
import re
import unicodedata
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
DATASETS = TOOLS.parent

RAW_FILES = ["province_tpt_tpak.csv", "district_tpt_tpak.csv", "kabkota_tpt_tpak_2018_2024.csv",
             "derived_province_tpak_tpt_from_counts.csv", "kemendagri_kabkota_codes.csv"]

AREA_FIELDS = ["area_code", "slug", "name", "level", "kind", "parent_code", "kemendagri_code", "note"]
SOURCE_FIELDS = ["source_id", "document", "title", "type", "year", "publisher", "area_code", "note", "priority"]
REFERENCE_FIELDS = ["id", "area_code", "indicator", "year", "month", "value", "printed_decimals", "unit", "derived", "vintage",
                    "source_id", "location", "note", "excluded"]
HISTORY_FIELDS = ["area_code", "province_code", "from_year", "to_year", "note"]
INDICATORS = ["tpt", "tpak", "labour_force", "unemployed", "working_age_pop", "employed"]
UNITS = {"tpt": "%", "tpak": "%", "labour_force": "orang", "unemployed": "orang", "working_age_pop": "orang",
         "employed": "orang"}
MONTHS = {"Agustus": "8", "Februari": "2", "unclear": ""}
REVISED_YEARS = {"2018", "2019"}  # the years BPS re-weighted in 2020: their rows carry a vintage
MISSING = {"NA": "NA", "": "empty", "-": "'-'"}
OUTPUTS = {"provinces": "references/bps-provinces.csv", "districts": "references/bps-districts.csv",
           "derived": "references/bps-derived.csv"}
HISTORY_NOTE = ("BPS published 34 provinces until 2023; the 38-province series starts in August 2024, "
                "so before 2024 this district's figures belong to its pre-split province")
REPORT_BEGIN = "<!-- BEGIN GENERATED REPORT (import_bps.py rewrites this section) -->"
REPORT_END = "<!-- END GENERATED REPORT -->"


class Problems:
    """Collects errors so that one run lists them all, then stops."""

    def __init__(self):
        self.items = []

    def add(self, message):
        self.items.append(message)

    def stop_if_any(self, stage):
        if self.items:
            listing = "\n".join("  - " + m for m in self.items)
            raise SystemExit(f"import_bps.py: {len(self.items)} error(s) while {stage}:\n{listing}")


def fail(message):
    raise SystemExit("import_bps.py: " + message)


# ---------------------------------------------------------------- text and numbers

def norm(text):
    """Matching key: case, accents, spaces, punctuation and hyphens ignored."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def slugify(text):
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def decimals(value):
    return len(value.split(".")[1]) if "." in value else 0


def scaled(value, places):
    """The canonical number `value` as an integer count of 10^-places (exact, no floats)."""
    negative = value.startswith("-")
    whole, _, frac = value.lstrip("-").partition(".")
    if len(frac) > places:
        raise ValueError(f"{value} has more than {places} decimals")
    n = int(whole + frac.ljust(places, "0"))
    return -n if negative else n


def same_number(a, b):
    places = max(decimals(a), decimals(b))
    return scaled(a, places) == scaled(b, places)


def difference(a, b):
    """|a - b| written with the larger number of decimals."""
    places = max(decimals(a), decimals(b))
    d = abs(scaled(a, places) - scaled(b, places))
    text = str(d).rjust(places + 1, "0")
    return text[:-places] + "." + text[-places:] if places else text


def rounds_to(fine, coarse):
    """True when `fine`, rounded half-up to the decimals of `coarse`, gives `coarse`."""
    places = decimals(coarse)
    if decimals(fine) <= places:
        return False
    extra = decimals(fine) - places
    f = scaled(fine, decimals(fine))
    half = 5 * 10 ** (extra - 1)
    r = (abs(f) + half) // 10 ** extra
    return (-r if f < 0 else r) == scaled(coarse, places)


# ---------------------------------------------------------------- CSV

def read_csv(path, expected_header=None):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header, body = rows[0], rows[1:]
    if expected_header is not None and header != expected_header:
        fail(f"{path}: header is {header}, expected {expected_header}")
    out = []
    for n, row in enumerate(body, start=2):
        if len(row) != len(header):
            fail(f"{path}:{n}: {len(row)} cells, the header has {len(header)}")
        out.append(dict(zip(header, row)))
    return header, out


def csv_text(header, rows):
    lines = []

    class Sink:
        def write(self, s):
            lines.append(s)

    w = csv.writer(Sink(), lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r[k] for k in header])
    return "".join(lines)


def write_text(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


# ---------------------------------------------------------------- decision tables

def load_tables():
    t = {}
    _, t["papua"] = read_csv(TOOLS / "papua_bps_codes.csv", ["kemendagri_code", "bps_code", "name", "note"])
    _, t["matches"] = read_csv(TOOLS / "name_matches.csv", ["prov", "kab_kota", "area_code", "note"])
    _, t["aliases"] = read_csv(TOOLS / "province_aliases.csv", ["alias", "province_code", "note"])
    _, t["provinces"] = read_csv(TOOLS / "province_codes.csv",
                                 ["bps_code", "kemendagri_code", "province_before_2024", "note"])
    _, t["skip"] = read_csv(TOOLS / "kemendagri_skip.csv", ["kabkota_code", "kabkota_name", "reason"])
    _, t["exclusions"] = read_csv(TOOLS / "exclusions.csv", ["raw_file", "note_contains", "excluded"])
    _, t["sources"] = read_csv(TOOLS / "bps_sources.csv",
                               ["url", "source_id", "type", "title", "year", "publisher", "area_code", "priority",
                                "vintage_2018_2019", "note"])
    _, t["precision"] = read_csv(TOOLS / "printed_precision.csv",
                                 ["raw_file", "area_code", "indicator", "year", "url", "printed_decimals", "note"])
    overrides = TOOLS / "slug_overrides.csv"
    t["slugs"] = read_csv(overrides, ["area_code", "slug", "note"])[1] if overrides.exists() else []
    return t


# ---------------------------------------------------------------- areas

def build_areas(raw, tables, problems):
    # Provinces: codes and names as province_tpt_tpak.csv gives them, one name per code in every raw file.
    names = {}
    for file in ["province_tpt_tpak.csv", "district_tpt_tpak.csv", "derived_province_tpak_tpt_from_counts.csv"]:
        for r in raw[file]:
            code = r["area_code"]
            if len(code) == 2 and code != "00":
                names.setdefault(code, {}).setdefault(r["area_name"], set()).add(file)
    provinces = {}
    for code in sorted(names):
        if len(names[code]) != 1:
            problems.add(f"province {code} has several names in the raw files: {sorted(names[code])}")
            continue
        (name, files), = names[code].items()
        if "province_tpt_tpak.csv" not in files:
            problems.add(f"province {code} ({name}) is not in province_tpt_tpak.csv")
        provinces[code] = name
    if len(provinces) != 38:
        problems.add(f"{len(provinces)} provinces in province_tpt_tpak.csv, expected 38")
    problems.stop_if_any("reading the provinces")

    # Any spelling of a province name -> BPS province code.
    by_name = {}
    for code, name in provinces.items():
        if norm(name) in by_name:
            problems.add(f"provinces {by_name[norm(name)]} and {code} have the same normalised name")
        by_name[norm(name)] = code
    for a in tables["aliases"]:
        if a["province_code"] not in provinces:
            problems.add(f"province_aliases.csv: {a['alias']!r} names unknown province {a['province_code']}")
        elif norm(a["alias"]) in by_name:
            problems.add(f"province_aliases.csv: {a['alias']!r} already matches a province name without an alias")
        else:
            by_name[norm(a["alias"])] = a["province_code"]

    overrides = {p["bps_code"]: p for p in tables["provinces"]}
    for code in overrides:
        if code not in provinces:
            problems.add(f"province_codes.csv: unknown BPS province {code}")
        before = overrides[code]["province_before_2024"]
        if before and before not in provinces:
            problems.add(f"province_codes.csv: province {code}: unknown province_before_2024 {before}")
    problems.stop_if_any("checking the province tables")

    def kemendagri_province(bps):
        """The Kemendagri province code under which the kemendagri file lists the province's districts."""
        o = overrides.get(bps)
        if o is None:
            return bps
        if o["kemendagri_code"]:
            return o["kemendagri_code"]
        return kemendagri_province(o["province_before_2024"])

    # Kemendagri districts.
    skip = {s["kabkota_code"]: s for s in tables["skip"]}
    skipped = set()
    kem_rows = []
    for n, r in enumerate(raw["kemendagri_kabkota_codes.csv"], start=2):
        code = r["kabkota_code"]
        if code in skip:
            if skip[code]["kabkota_name"] != r["kabkota_name"]:
                problems.add(f"kemendagri_skip.csv: {code} is named {r['kabkota_name']!r} in the file, "
                             f"not {skip[code]['kabkota_name']!r}")
            skipped.add(code)
            continue
        if not re.fullmatch(r"[0-9]{2}\.[0-9]{2}", code):
            problems.add(f"kemendagri_kabkota_codes.csv:{n}: malformed code {code!r} ({r['kabkota_name']})")
            continue
        prov = by_name.get(norm(r["province_name"]))
        if prov is None:
            problems.add(f"kemendagri_kabkota_codes.csv:{n}: province {r['province_name']!r} matches no BPS "
                         "province name or alias (add a row to province_aliases.csv)")
            continue
        if r["province_code"] != kemendagri_province(prov) or code[:2] != r["province_code"]:
            problems.add(f"kemendagri_kabkota_codes.csv:{n}: {code} {r['kabkota_name']} is listed under Kemendagri "
                         f"province {r['province_code']} ({r['province_name']}), expected {kemendagri_province(prov)}")
            continue
        kem_rows.append((code, r["kabkota_name"], prov))
    for code in skip:
        if code not in skipped:
            problems.add(f"kemendagri_skip.csv: {code} is not in kemendagri_kabkota_codes.csv")
    seen = {}
    for code, name, _ in kem_rows:
        if code in seen:
            problems.add(f"Kemendagri code {code} listed twice ({seen[code]}, {name})")
        seen[code] = name
    problems.stop_if_any("reading kemendagri_kabkota_codes.csv")

    # Papua and Papua Barat (Kemendagri 91.xx / 92.xx): BPS codes from the explicit mapping.
    papua_kem_provinces = {o["kemendagri_code"] for o in overrides.values() if o["kemendagri_code"]}
    papua = {}
    for p in tables["papua"]:
        if p["kemendagri_code"] in papua:
            problems.add(f"papua_bps_codes.csv: {p['kemendagri_code']} listed twice")
        papua[p["kemendagri_code"]] = p
        if p["kemendagri_code"] not in seen:
            problems.add(f"papua_bps_codes.csv: {p['kemendagri_code']} ({p['name']}) names no district "
                         "of kemendagri_kabkota_codes.csv")
        elif norm(seen[p["kemendagri_code"]]) != norm(p["name"]):
            problems.add(f"papua_bps_codes.csv: {p['kemendagri_code']} is {seen[p['kemendagri_code']]!r} in the "
                         f"Kemendagri file, not {p['name']!r}")
        if not re.fullmatch(r"[0-9]{4}", p["bps_code"]):
            problems.add(f"papua_bps_codes.csv: malformed BPS code {p['bps_code']!r}")
    for code, name, _ in kem_rows:
        if code[:2] in papua_kem_provinces and code not in papua:
            problems.add(f"Papua/Papua Barat district {code} {name} has no row in papua_bps_codes.csv")
        if code in papua and code[:2] not in papua_kem_provinces:
            problems.add(f"papua_bps_codes.csv: {code} is not a Papua/Papua Barat (Kemendagri "
                         f"{'/'.join(sorted(papua_kem_provinces))}) district")
    problems.stop_if_any("mapping the Papua district codes")

    districts = []
    info_prefixed = []
    for code, kname, prov in kem_rows:
        if code in papua:
            area = papua[code]["bps_code"]
            note = (f"BPS code differs from Kemendagri {code} (BPS's pre-2023 numbering, not in the shared data; "
                    "from the team's knowledge of BPS master codes, unverified offline)")
        else:
            area, note = code.replace(".", ""), ""
        if int(area[2:]) >= 71:
            # Kemendagri names of kota start with "Kota" except where the file omits it (Sibolga): add it.
            bare = kname[len("Kota "):] if kname.startswith("Kota ") else kname
            if not kname.startswith("Kota "):
                info_prefixed.append(f"{code} {kname}")
            kind, name, slug = "kota", "Kota " + bare, "kota-" + slugify(bare)
        else:
            if kname.startswith("Kota ") or kname.startswith("Kabupaten "):
                problems.add(f"{code} {kname!r}: a kabupaten code but the name starts with 'Kota'/'Kabupaten'")
            kind, name, slug = "kabupaten", "Kabupaten " + kname, "kab-" + slugify(kname)
        districts.append({"area_code": area, "slug": slug, "name": name, "level": "district", "kind": kind,
                          "parent_code": prov, "kemendagri_code": code, "note": note})
    problems.stop_if_any("building the districts")

    # Slug collisions: an error unless slug_overrides.csv settles them.
    for o in tables["slugs"]:
        hits = [d for d in districts if d["area_code"] == o["area_code"]]
        if not hits:
            problems.add(f"slug_overrides.csv: unknown district {o['area_code']}")
        for d in hits:
            d["slug"] = o["slug"]
    province_rows = []
    for code, name in sorted(provinces.items()):
        o = overrides.get(code)
        kem = o["kemendagri_code"] if o else code
        province_rows.append({"area_code": code, "slug": slugify(name), "name": name, "level": "province", "kind": "",
                              "parent_code": "00", "kemendagri_code": kem, "note": o["note"] if o else ""})
    # A province's Kemendagri code must be one the kemendagri file uses for it.
    kem_names = {}
    for r in raw["kemendagri_kabkota_codes.csv"]:
        kem_names.setdefault(r["province_code"], set()).add(by_name.get(norm(r["province_name"])))
    for p in province_rows:
        if p["kemendagri_code"] and p["area_code"] not in kem_names.get(p["kemendagri_code"], set()):
            problems.add(f"province {p['area_code']}: Kemendagri code {p['kemendagri_code']} is not used for it "
                         "in kemendagri_kabkota_codes.csv")
    nation = {"area_code": "00", "slug": "indonesia", "name": "Indonesia", "level": "nation", "kind": "",
              "parent_code": "", "kemendagri_code": "", "note": ""}
    districts.sort(key=lambda d: d["area_code"])
    areas = [nation] + province_rows + districts
    for field in ["area_code", "slug"]:
        first = {}
        for a in areas:
            if a[field] in first:
                problems.add(f"duplicate {field} {a[field]!r}: {first[a[field]]} and {a['name']} "
                             "(add a row to slug_overrides.csv)" if field == "slug" else
                             f"duplicate area_code {a[field]}: {first[a[field]]} and {a['name']}")
            first[a[field]] = a["name"]
    if len(districts) != 514:
        problems.add(f"{len(districts)} districts, expected 514")
    for code, slug, name in [("32", "jawa-barat", "Jawa Barat"), ("35", "jawa-timur", "Jawa Timur"),
                             ("3216", "kab-bekasi", "Kabupaten Bekasi"), ("3275", "kota-bekasi", "Kota Bekasi"),
                             ("3509", "kab-jember", "Kabupaten Jember")]:
        got = [(a["slug"], a["name"]) for a in areas if a["area_code"] == code]
        if got != [(slug, name)]:
            problems.add(f"area {code} must keep slug {slug!r} and name {name!r}; got {got}")
    problems.stop_if_any("building areas.csv")

    history = []
    for d in districts:
        o = overrides.get(d["parent_code"])
        if o and o["province_before_2024"]:
            history.append({"area_code": d["area_code"], "province_code": o["province_before_2024"], "from_year": "",
                            "to_year": "2023", "note": HISTORY_NOTE})
    info = {"by_name": by_name, "kem_rows": kem_rows, "provinces": provinces, "skipped": sorted(skipped),
            "prefixed": info_prefixed}
    return areas, history, info


# ---------------------------------------------------------------- name matching

def match_kabkota(raw, areas, info, tables, problems):
    """kabkota_tpt_tpak_2018_2024.csv row -> area_code, exactly one each way."""
    by_key = {}
    code_of_kem = {d["kemendagri_code"]: d["area_code"] for d in areas if d["level"] == "district"}
    for kem, kname, prov in info["kem_rows"]:
        by_key.setdefault((prov, norm(kname)), []).append(code_of_kem[kem])
    explicit = {}
    for m in tables["matches"]:
        explicit[(m["prov"], m["kab_kota"])] = m
    districts = {a["area_code"]: a for a in areas if a["level"] == "district"}
    used_explicit = set()
    result = []
    for n, r in enumerate(raw["kabkota_tpt_tpak_2018_2024.csv"], start=2):
        prov = info["by_name"].get(norm(r["prov"]))
        if prov is None:
            problems.add(f"kabkota_tpt_tpak_2018_2024.csv:{n}: province {r['prov']!r} matches no BPS province "
                         "name or alias (add a row to province_aliases.csv)")
            continue
        found = by_key.get((prov, norm(r["kab_kota"])), [])
        key = (r["prov"], r["kab_kota"])
        if key in explicit:
            used_explicit.add(key)
            code = explicit[key]["area_code"]
            if code not in districts:
                problems.add(f"name_matches.csv: {key} -> {code}, which is not a district")
                continue
            if districts[code]["parent_code"] != prov:
                problems.add(f"name_matches.csv: {key} -> {code}, a district of province "
                             f"{districts[code]['parent_code']}, not {prov}")
            if found and found != [code]:
                problems.add(f"name_matches.csv: {key} -> {code}, but the name itself matches {found}")
            result.append((n, r, code))
        elif len(found) == 1:
            result.append((n, r, found[0]))
        else:
            problems.add(f"kabkota_tpt_tpak_2018_2024.csv:{n}: ({r['prov']}, {r['kab_kota']}) matches "
                         f"{'no district code' if not found else 'several codes ' + ', '.join(found)} "
                         "(resolve it with a row in name_matches.csv)")
    for key in explicit:
        if key not in used_explicit:
            problems.add(f"name_matches.csv: {key} is not a row of kabkota_tpt_tpak_2018_2024.csv")
    count = {}
    for _, _, code in result:
        count[code] = count.get(code, 0) + 1
    for code in sorted(districts):
        if count.get(code, 0) != 1:
            problems.add(f"district {code} {districts[code]['name']} is matched by {count.get(code, 0)} rows of "
                         "kabkota_tpt_tpak_2018_2024.csv (must be exactly 1)")
    problems.stop_if_any("matching kabkota_tpt_tpak_2018_2024.csv names to codes")
    return result


# ---------------------------------------------------------------- references

def split_source(text):
    """'URL (where)' -> (URL, where); a bare URL -> (URL, '')."""
    m = re.fullmatch(r"(\S+) \((.*)\)", text)
    return (m.group(1), m.group(2)) if m else (text, "")


def location_from_note(note, month_word):
    m = re.search(r"sheet '([^']+)', col (\w+)", note)
    if m:
        return f"sheet {m.group(1)}, col {m.group(2)}"
    if "(Februari & Agustus columns)" in note and month_word in ("Agustus", "Februari"):
        return f"col {month_word}"
    if note.startswith("databoks data table"):
        return "data table"
    if note.startswith("databoks article text"):
        return "article text"
    return ""


class Builder:
    def __init__(self, tables, area_codes, problems):
        self.problems = problems
        self.area_codes = area_codes
        self.sources = {s["url"]: s for s in tables["sources"]}
        self.used_urls = set()
        self.exclusions = tables["exclusions"]
        self.precision = tables["precision"]
        self.used_precision = set()
        self.used_exclusions = set()
        self.rows = {k: [] for k in OUTPUTS}
        self.missing = []        # (file, area, column/indicator, year, kind)
        self.merged = []         # notes on copies merged into one row

    def source(self, url, where):
        s = self.sources.get(url)
        if s is None:
            self.problems.add(f"{where}: source URL not in bps_sources.csv: {url}")
            return None
        self.used_urls.add(url)
        return s

    def vintage(self, s, year, where):
        if year not in REVISED_YEARS:
            return ""
        if not s["vintage_2018_2019"]:
            self.problems.add(f"{where}: {s['source_id']} has {year} figures but no vintage_2018_2019 in bps_sources.csv")
        return s["vintage_2018_2019"]

    def excluded(self, file, note):
        hits = [(i, e) for i, e in enumerate(self.exclusions) if e["raw_file"] == file and e["note_contains"] in note]
        if len(hits) > 1:
            self.problems.add(f"{file}: note matches several exclusions.csv rules: {note[:80]}")
        for i, _ in hits:
            self.used_exclusions.add(i)
        return hits[0][1]["excluded"] if hits else ""

    def printed_decimals(self, where, area, indicator, year, s, value, note):
        """The precision the source printed when the value's own decimals do not say it: a count
        quoted as 'x,yy juta orang' is rounded to 10^4 (-4); or an explicit row of printed_precision.csv."""
        file = where.split(":")[0]
        for i, p in enumerate(self.precision):
            if (p["raw_file"], p["area_code"], p["indicator"], p["year"], p["url"]) == (file, area, indicator, year, s["url"]):
                self.used_precision.add(i)
                return p["printed_decimals"]
        unit = quoted_unit({"note": note, "value": value})
        return str(-len(str(unit)) + 1) if unit else ""

    def add(self, out, where, area, indicator, year, month, value, derived, s, location, note, excluded):
        if area not in self.area_codes:
            self.problems.add(f"{where}: unknown area_code {area}")
        if indicator not in INDICATORS:
            self.problems.add(f"{where}: unknown indicator {indicator}")
        if not NUMBER.fullmatch(value):
            self.problems.add(f"{where}: value {value!r} is not a canonical number")
        if not re.fullmatch(r"[0-9]{4}", year):
            self.problems.add(f"{where}: year {year!r}")
        if s is None:
            return
        self.rows[out].append({
            "id": "", "area_code": area, "indicator": indicator, "year": year, "month": month, "value": value,
            "printed_decimals": self.printed_decimals(where, area, indicator, year, s, value, note),
            "unit": UNITS.get(indicator, ""), "derived": "true" if derived else "false",
            "vintage": self.vintage(s, year, where), "source_id": s["source_id"], "location": location,
            "note": note, "excluded": excluded, "_where": where, "_file": where.split(":")[0]})


def build_references(raw, kab_matches, tables, area_codes, problems):
    b = Builder(tables, area_codes, problems)
    new_provinces = {p["bps_code"] for p in tables["provinces"] if p["province_before_2024"]}

    # province_tpt_tpak.csv
    file = "province_tpt_tpak.csv"
    for n, r in enumerate(raw[file], start=2):
        where = f"{file}:{n}"
        month = MONTHS.get(r["month"])
        if month is None:
            problems.add(f"{where}: unknown month {r['month']!r}")
            continue
        note = r["note"] + ("; raw month 'unclear': month left empty" if r["month"] == "unclear" else "")
        b.add("provinces", where, r["area_code"], r["indicator"], r["year"], month, r["value"], False,
              b.source(r["source_url"], where), location_from_note(r["note"], r["month"]), note,
              b.excluded(file, r["note"]))

    # kabkota_tpt_tpak_2018_2024.csv: one row per non-missing cell
    file = "kabkota_tpt_tpak_2018_2024.csv"
    header = list(raw[file][0].keys())
    columns = [c for c in header if re.fullmatch(r"(TPT|TPAK)_[0-9]{4}", c)]
    for n, r, code in kab_matches:
        url, sheet = split_source(r["source"])
        for col in columns:
            indicator, year = col.split("_")
            indicator = indicator.lower()
            value = r[col]
            if value in MISSING:
                b.missing.append((file, code, col, year, MISSING[value]))
                continue
            where = f"{file}:{n}:{col}"
            b.add("districts", where, code, indicator, year, "8", value, False, b.source(url, where),
                  f"{sheet}, col {col}" if sheet else f"col {col}",
                  "all-Indonesia kab/kota TPT & TPAK 2018-2024 compiled from BPS (skripsi dataset, sheet Populasi); "
                  "annual = Sakernas Agustus; month not stated in file", "")

    # district_tpt_tpak.csv
    file = "district_tpt_tpak.csv"
    for n, r in enumerate(raw[file], start=2):
        where = f"{file}:{n}"
        month = MONTHS.get(r["month"])
        if month is None:
            problems.add(f"{where}: unknown month {r['month']!r}")
            continue
        if r["value"] in MISSING:
            b.missing.append((file, r["area_code"], r["indicator"], r["year"], MISSING[r["value"]]))
            continue
        note = r["note"] + ("; raw month 'unclear': month left empty" if r["month"] == "unclear" else "")
        b.add("districts", where, r["area_code"], r["indicator"], r["year"], month, r["value"], False,
              b.source(r["source_url"], where), location_from_note(r["note"], r["month"]), note,
              b.excluded(file, r["note"]))

    # derived_province_tpak_tpt_from_counts.csv: a TPAK and a TPT row per raw row
    file = "derived_province_tpak_tpt_from_counts.csv"
    for n, r in enumerate(raw[file], start=2):
        where = f"{file}:{n}"
        url, files = split_source(r["source_url"])
        s = b.source(url, where)
        month = MONTHS.get(r["month"])
        if month is None:
            problems.add(f"{where}: unknown month {r['month']!r}")
            continue
        if r["counts_consistent_with_bps"] not in ("True", "False"):
            problems.add(f"{where}: counts_consistent_with_bps is {r['counts_consistent_with_bps']!r}")
            continue
        consistent = r["counts_consistent_with_bps"] == "True"
        if consistent == ("Do not use" in r["note"]):
            problems.add(f"{where}: counts_consistent_with_bps={r['counts_consistent_with_bps']} but the note "
                         f"{'says' if not consistent else 'does not say'} 'Do not use'")
        for indicator, formula in [("tpak", "TPAK = AK/PUK x 100"), ("tpt", "TPT = PT/AK x 100")]:
            value, reported = r[f"{indicator}_derived"], r[f"{indicator}_reported_bps"]
            if reported == "":
                check = "the raw row carries no reported BPS value"
            elif not NUMBER.fullmatch(reported):
                problems.add(f"{where}: reported value {reported!r}")
                check = ""
            elif same_number(value, reported):
                check = f"matches the reported BPS value {reported}"
            else:
                check = f"does NOT match the reported BPS value {reported} (difference {difference(value, reported)})"
            note = (f"derived from counts, not a published figure: {formula} from the Kemnaker-dashboard counts "
                    f"(AK labour force, PUK working-age population, PT unemployed); {check}; raw note: {r['note']}")
            reason = ""
            if not consistent:
                comparisons = []
                for ind in ("tpak", "tpt"):
                    rep = r[f"{ind}_reported_bps"]
                    comparisons.append(f"{ind.upper()} derived {r[ind + '_derived']} vs BPS {rep}" if rep else
                                       f"{ind.upper()}: no reported BPS value")
                if r["area_code"] in new_provinces and r["year"] < "2024":
                    comparisons.append("BPS published no separate figure for this new province before 2024")
                reason = ("counts do not reproduce BPS's published rates (counts_consistent_with_bps = False for "
                          f"{r['area_name']} {r['year']}: " + "; ".join(comparisons) + ")")
            b.add("derived", f"{where}:{indicator}", r["area_code"], indicator, r["year"], month, value, True, s,
                  files, note, reason)

    for i, e in enumerate(tables["exclusions"]):
        if i not in b.used_exclusions:
            problems.add(f"exclusions.csv: rule {e['note_contains']!r} ({e['raw_file']}) matches no row")
    for i, p in enumerate(tables["precision"]):
        if i not in b.used_precision:
            problems.add(f"printed_precision.csv: row {p['area_code']} {p['indicator']} {p['year']} matches no figure")
    problems.stop_if_any("reading the figures")
    return b


def merge_copies(b, existing, problems):
    """One row per figure, source and location: identical copies merged, disagreeing copies an error."""
    def key(r):
        return (r["area_code"], r["indicator"], r["year"], r["month"], r["source_id"], r["location"], r["derived"])

    existing_by_key = {}
    for r in existing:
        existing_by_key.setdefault(key(r), []).append(r)
    seen = {}
    skipped = []
    for out in OUTPUTS:
        kept = []
        for r in b.rows[out]:
            k = key(r)
            if k in existing_by_key:
                same = [e for e in existing_by_key[k] if same_number(e["value"], r["value"])]
                if not same:
                    problems.add(f"{r['_where']}: {r['source_id']} gives {r['value']} for {k[:4]}, references.csv "
                                 f"row(s) {[e['id'] for e in existing_by_key[k]]} of the same source give "
                                 f"{[e['value'] for e in existing_by_key[k]]}")
                else:
                    skipped.append((r, same[0]))
                continue
            if k in seen:
                first = seen[k]
                if not same_number(first["value"], r["value"]):
                    problems.add(f"two copies of {r['source_id']} disagree on {k[:4]} at {r['location'] or 'no location'}: "
                                 f"{first['value']} ({first['_where']}) vs {r['value']} ({r['_where']})")
                    continue
                if first["excluded"] != r["excluded"] or first["vintage"] != r["vintage"]:
                    problems.add(f"two copies of {r['source_id']} for {k[:4]} differ in excluded/vintage: "
                                 f"{first['_where']}, {r['_where']}")
                    continue
                if first["value"] != r["value"]:
                    # Same number, different notation: keep the copy with more decimals (printed precision).
                    fine, coarse = (r, first) if decimals(r["value"]) > decimals(first["value"]) else (first, r)
                    first["note"] += (f"; also in {r['_file'] if fine is r else first['_file']}, where the value "
                                      f"is written {fine['value']} (kept) instead of {coarse['value']}")
                    b.merged.append((first["area_code"], first["indicator"], first["year"], coarse["value"],
                                     fine["value"]))
                    first["value"] = fine["value"]
                first.setdefault("_copies", []).append(r["_where"])
                continue
            seen[k] = r
            kept.append(r)
        b.rows[out] = kept
    problems.stop_if_any("merging copies of one source")
    return skipped


def assign_ids(b, existing_ids, problems):
    groups = {}
    for out in OUTPUTS:
        for r in b.rows[out]:
            mm = r["month"].zfill(2) if r["month"] else "xx"
            base = f"bps-{r['area_code']}-{r['indicator']}-{r['year']}-{mm}-{r['source_id']}"
            groups.setdefault(base, []).append(r)
    for base, rows in groups.items():
        if len(rows) == 1:
            rows[0]["id"] = base
        else:
            for i, r in enumerate(rows, start=1):
                r["id"] = f"{base}-{i}"
    ids = set(existing_ids)
    for out in OUTPUTS:
        for r in b.rows[out]:
            if r["id"] in ids:
                problems.add(f"duplicate reference id {r['id']}")
            ids.add(r["id"])
    problems.stop_if_any("assigning ids")


def sort_key(r):
    month = int(r["month"]) if r["month"] else 0
    return (len(r["area_code"]), r["area_code"], INDICATORS.index(r["indicator"]), r["year"], month, r["source_id"],
            r["id"])


# ---------------------------------------------------------------- sources

def build_sources(tables, used_urls, existing_header, existing_rows, area_codes, vintages, problems):
    generated = {}
    existing_by_id = {r["source_id"]: r for r in existing_rows}
    for s in tables["sources"]:
        if s["url"] not in used_urls:
            problems.add(f"bps_sources.csv: {s['url']} is not a source of any raw row")
        if s["vintage_2018_2019"] and s["vintage_2018_2019"] not in vintages:
            problems.add(f"bps_sources.csv: {s['source_id']}: unknown vintage {s['vintage_2018_2019']!r}")
        if not s["type"]:
            # A source already in sources.csv: that row stays as it is; it must be this URL.
            e = existing_by_id.get(s["source_id"])
            if e is None or e["document"] != s["url"]:
                problems.add(f"bps_sources.csv: {s['source_id']} has no type, so it must be an existing row of "
                             "sources.csv with this URL as document")
            continue
        if s["type"] not in ("BPS", "press", "other"):
            problems.add(f"bps_sources.csv: {s['source_id']}: type {s['type']!r}")
        if s["area_code"] and s["area_code"] not in area_codes:
            problems.add(f"bps_sources.csv: {s['source_id']}: unknown area_code {s['area_code']}")
        for field in ["year", "priority"]:
            if s[field] and not re.fullmatch(r"[0-9]+", s[field]):
                problems.add(f"bps_sources.csv: {s['source_id']}: {field} {s[field]!r}")
        if s["source_id"] in generated:
            problems.add(f"bps_sources.csv: source_id {s['source_id']} twice")
        generated[s["source_id"]] = {"source_id": s["source_id"], "document": s["url"], "title": s["title"],
                                     "type": s["type"], "year": s["year"], "publisher": s["publisher"],
                                     "area_code": s["area_code"], "note": s["note"], "priority": s["priority"]}
    for r in existing_rows:
        if r["document"] in {s["url"] for s in tables["sources"] if s["type"]}:
            if r["source_id"] not in generated:
                problems.add(f"sources.csv row {r['source_id']} has the URL of a new bps_sources.csv row: "
                             "give bps_sources.csv that source_id and an empty type")
    problems.stop_if_any("building sources.csv")
    kept = [r for r in existing_rows if r["source_id"] not in generated]
    return kept + list(generated.values())


# ---------------------------------------------------------------- checks and report

def self_checks(areas, b, existing, problems):
    usable = [r for out in OUTPUTS for r in b.rows[out]] + existing
    usable = [r for r in usable if not r["excluded"] and r["derived"] == "false"]

    def values(area, indicator, year, source=None):
        return [r["value"] for r in usable if r["area_code"] == area and r["indicator"] == indicator
                and r["year"] == year and r["month"] == "8" and (source is None or r["source_id"] == source)]

    for prov, expected in [("32", 27), ("35", 38)]:
        codes = [a["area_code"] for a in areas if a["level"] == "district" and a["parent_code"] == prov]
        if len(codes) != expected:
            problems.add(f"self-check: province {prov} has {len(codes)} districts, expected {expected}")
        for c in codes:
            if not values(c, "tpt", "2023"):
                problems.add(f"self-check: district {c} has no usable August 2023 TPT")
    if values("3216", "tpt", "2023", "gh-jessch22") != ["8.87"]:
        problems.add(f"self-check: Kabupaten Bekasi TPT 2023 (gh-jessch22) is {values('3216', 'tpt', '2023', 'gh-jessch22')}, expected 8.87")
    jember = values("3509", "tpt", "2023")
    if not jember or any(not same_number(v, "4.01") for v in jember):
        problems.add(f"self-check: Kabupaten Jember TPT 2023 values are {jember}, expected 4.01")
    bekasi_tpak = values("3216", "tpak", "2024")
    if bekasi_tpak != ["65.11"]:
        problems.add(f"self-check: Kabupaten Bekasi TPAK 2024 is {bekasi_tpak} in the raw data, expected 65.11")
    problems.stop_if_any("running the self-checks")
    return {"jember_2023": jember, "bekasi_tpak_2024": bekasi_tpak}


def disagreements(all_rows):
    groups = {}
    for r in all_rows:
        if r["excluded"] or r["derived"] != "false":
            continue
        groups.setdefault((r["area_code"], r["indicator"], r["year"], r["month"], r["vintage"]), []).append(r)
    found = []
    for k in sorted(groups, key=lambda k: (len(k[0]), k[0], INDICATORS.index(k[1]), k[2], k[3], k[4])):
        rows = groups[k]
        distinct = []
        for r in rows:
            if not any(same_number(r["value"], d) for d in distinct):
                distinct.append(r["value"])
        if len(distinct) > 1:
            found.append((k, rows, distinct))
    return found


QUOTED = re.compile(r"'([0-9]+)(?:,([0-9]+))? (ribu|juta) orang'")


def quoted_unit(row):
    """For a count quoted as 'x,yy ribu/juta orang' in the note: the rounding unit of that quote."""
    m = QUOTED.search(row["note"])
    if not m or decimals(row["value"]) != 0:
        return None
    power = 3 if m.group(3) == "ribu" else 6
    frac = m.group(2) or ""
    if int(m.group(1) + frac) * 10 ** (power - len(frac)) != int(row["value"]):
        return None
    return 10 ** (power - len(frac))


def classify(rows, distinct):
    """'rounding' when every value is the finest one rounded to the precision it was printed with."""
    finest = max(distinct, key=decimals)
    units = {}
    for r in rows:
        u = quoted_unit(r)
        if u:
            units[r["value"]] = u

    def explained(v):
        if same_number(v, finest) or rounds_to(finest, v):
            return True
        u = units.get(v)
        if u and decimals(finest) == 0:
            return 2 * abs(int(finest) - int(v)) <= u
        return False

    if all(explained(v) for v in distinct):
        return "rounding"
    if any("rounded" in r["note"] for r in rows):
        return "disagreement (a value is marked rounded in its note)"
    return "disagreement"


def report(areas, history, b, skipped, raw_figures, tables, info, raw_hashes, all_rows, checks, sources_added):
    L = []
    add = L.append
    levels = {}
    for a in areas:
        levels[a["level"]] = levels.get(a["level"], 0) + 1
    add("### Counts")
    add("")
    add(f"- areas.csv: {len(areas)} rows: " + ", ".join(f"{levels[k]} {k}" for k in ["nation", "province", "district"])
        + f" ({sum(1 for a in areas if a['kind'] == 'kabupaten')} kabupaten, "
        f"{sum(1 for a in areas if a['kind'] == 'kota')} kota); {sum(1 for a in areas if a['note'].startswith('BPS code differs'))} "
        "districts with a BPS code taken from papua_bps_codes.csv")
    add(f"- province_history.csv: {len(history)} rows")
    for out, path in OUTPUTS.items():
        rows = b.rows[out]
        ex = sum(1 for r in rows if r["excluded"])
        vint = {}
        for r in rows:
            if r["vintage"]:
                vint[r["vintage"]] = vint.get(r["vintage"], 0) + 1
        add(f"- {path}: {len(rows)} rows ({ex} excluded; "
            + (", ".join(f"{n} {v}" for v, n in sorted(vint.items())) or "no vintage set") + " rows)")
    add(f"- reference rows in all files: {len(all_rows)} (references.csv {len(all_rows) - sum(len(b.rows[o]) for o in OUTPUTS)})")
    add(f"- sources.csv: {sources_added} rows generated from bps_sources.csv (one per new source URL), after the "
        "hand-written rows; 6 more URLs of the raw files were already rows of sources.csv and are reused")
    add("")
    add("Raw rows and what became of them:")
    add("")
    written, merged_from, skipped_from = {}, {}, {}
    for out in OUTPUTS:
        for r in b.rows[out]:
            written[r["_file"]] = written.get(r["_file"], 0) + 1
            for w in r.get("_copies", []):
                f = w.split(":")[0]
                merged_from[f] = merged_from.get(f, 0) + 1
    for r, _ in skipped:
        skipped_from[r["_file"]] = skipped_from.get(r["_file"], 0) + 1
    add("| raw file | figures in the file | missing (no row) | merged into an identical copy of the same source "
        "| already in references.csv | rows written |")
    add("|---|---|---|---|---|---|")
    for f in RAW_FILES[:4]:
        missing = sum(1 for m in b.missing if m[0] == f)
        add(f"| {f} | {raw_figures[f]} | {missing} | {merged_from.get(f, 0)} | {skipped_from.get(f, 0)} "
            f"| {written.get(f, 0)} |")
    add("")
    add("(kabkota_tpt_tpak_2018_2024.csv: 514 rows x 14 TPT/TPAK cells; derived_province_tpak_tpt_from_counts.csv: "
        "273 rows x 2 figures, TPAK and TPT.)")
    add("")
    kinds = {}
    for m in b.missing:
        kinds[(m[0], m[4])] = kinds.get((m[0], m[4]), 0) + 1
    add("Missing cells (no row written): " + "; ".join(f"{f}: {n} {k}" for (f, k), n in sorted(kinds.items()))
        + f"; total {len(b.missing)}.")
    add("")
    by_col = {}
    for m in b.missing:
        by_col[m[2]] = by_col.get(m[2], 0) + 1
    add("By column: " + ", ".join(f"{c} {n}" for c, n in sorted(by_col.items())) + ".")
    add("")
    if b.merged:
        add(f"{len(b.merged)} gh-jessch22 figures are written with fewer decimals in kabkota_tpt_tpak_2018_2024.csv "
            "than in district_tpt_tpak.csv (same number, e.g. "
            + ", ".join(f"{a} {i} {y}: {c} / {f}" for a, i, y, c, f in b.merged[:3])
            + "); the row keeps the form with more decimals and its note says so.")
        add("")
    add("Raw rows not written because references.csv already holds the same figure from the same source:")
    add("")
    for r, e in skipped:
        add(f"- {r['_where']}: {r['area_code']} {r['indicator']} {r['year']} = {r['value']} ({r['source_id']}) "
            f"= references.csv {e['id']} ({e['value']})")
    add("")
    add("### Name matches that needed explicit rows")
    add("")
    add("Province names (province_aliases.csv): " + "; ".join(f"'{a['alias']}' -> {a['province_code']}"
                                                               for a in tables["aliases"]) + ".")
    add("")
    add("District names (name_matches.csv): every other row of kabkota_tpt_tpak_2018_2024.csv matched exactly one "
        "Kemendagri district by normalised (province, name):")
    add("")
    for m in tables["matches"]:
        add(f"- {m['prov']} / {m['kab_kota']} -> {m['area_code']}: {m['note']}")
    add("")
    add("Kota whose Kemendagri name lacks the 'Kota' prefix (added to the area name): "
        + ("; ".join(info["prefixed"]) or "none") + ".")
    add("")
    add("Kemendagri rows skipped (kemendagri_skip.csv): " + "; ".join(
        f"{s['kabkota_code']} {s['kabkota_name']}: {s['reason']}" for s in tables["skip"]) + ".")
    add("")
    add("### Disagreements")
    add("")
    add("Every (area, indicator, year, month, vintage) where two non-excluded, non-derived rows (in references.csv "
        "and the three new files) give different numbers. 'rounding' = the values agree at the precision the "
        "coarser one was printed with (its decimals, or a count quoted as 'x,yy ribu/juta orang' in its note); "
        "the finest value is not necessarily right. Month 8 = August, empty = not stated.")
    add("")
    found = disagreements(all_rows)
    real = [f for f in found if classify(f[1], f[2]) != "rounding"]
    add(f"{len(found)} cases: {len(real)} disagreements, {len(found) - len(real)} rounding only.")
    add("")
    add("| area | indicator | year | month | vintage | kind | values (source) |")
    add("|---|---|---|---|---|---|---|")
    names = {a["area_code"]: a["name"] for a in areas}
    for (area, ind, year, month, vint), rows, distinct in found:
        vals = "; ".join(f"{r['value']} ({r['source_id']})" for r in sorted(rows, key=lambda r: (r["value"], r["source_id"], r["id"])))
        add(f"| {area} {names.get(area, '')} | {ind} | {year} | {month} | {vint} | {classify(rows, distinct)} | {vals} |")
    add("")
    untagged = [r for r in all_rows if r["year"] in REVISED_YEARS and not r["vintage"] and r["derived"] == "false"
                and not r["excluded"]]
    add("Rows for 2018-2019 without a vintage (only hand-written references.csv rows can be in this state; they are "
        "compared only with each other, not with the first-release or reweighted-2020 rows): "
        + ("; ".join(f"{r['id']} ({r['area_code']} {r['indicator']} {r['year']} = {r['value']}, {r['source_id']})"
                     for r in untagged) or "none") + ".")
    add("")
    add("### Self-checks (asserted by the script)")
    add("")
    add("- every district of Jawa Barat (27) and Jawa Timur (38) has a usable August 2023 TPT;")
    add("- Kabupaten Bekasi (3216) TPT 2023 from gh-jessch22 = 8.87;")
    add(f"- Kabupaten Jember (3509) TPT 2023 = 4.01 in every usable row ({len(checks['jember_2023'])} rows);")
    add(f"- Kabupaten Bekasi (3216) TPAK 2024 = {', '.join(checks['bekasi_tpak_2024'])} in the raw data "
        "(kabkota_tpt_tpak_2018_2024.csv and district_tpt_tpak.csv, both gh-jessch22).")
    add("")
    add("### Inputs (SHA-256)")
    add("")
    for name, digest in raw_hashes:
        add(f"- `{name}` {digest}")
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, default=TOOLS / "raw" / "bps-labour",
                        help="folder with the raw CSV files (default: tools/raw/bps-labour)")
    parser.add_argument("--out", type=Path, default=DATASETS,
                        help="datasets folder to write into (default: this repository's datasets/)")
    parser.add_argument("--report", type=Path, default=None,
                        help="file whose generated section receives the report (default: tools/README.md "
                             "when --out is the default, else OUT/import_report.md)")
    args = parser.parse_args()
    out = args.out.resolve()
    report_path = args.report or (TOOLS / "README.md" if out == DATASETS else out / "import_report.md")
    problems = Problems()

    tables = load_tables()
    raw, raw_hashes = {}, []
    for name in RAW_FILES + ["README.md", "SOURCES-NOTES.md"]:
        path = args.raw / name
        if not path.exists():
            fail(f"missing raw file {path}")
        raw_hashes.append((name, hashlib.sha256(path.read_bytes()).hexdigest()))
        if name.endswith(".csv"):
            raw[name] = read_csv(path)[1]

    areas, history, info = build_areas(raw, tables, problems)
    area_codes = {a["area_code"] for a in areas}
    kab_matches = match_kabkota(raw, areas, info, tables, problems)

    # The hand-written tables this script reads but does not generate.
    ref_header, existing = read_csv(out / "references.csv")
    if ref_header != REFERENCE_FIELDS:
        fail(f"{out / 'references.csv'}: header {ref_header}, expected {REFERENCE_FIELDS}")
    src_header, existing_sources = read_csv(out / "sources.csv")
    if src_header != SOURCE_FIELDS:
        fail(f"{out / 'sources.csv'}: header {src_header}, expected {SOURCE_FIELDS}")
    _, vintage_rows = read_csv(out / "vintages.csv", ["vintage", "rank", "name", "note"])
    vintages = {v["vintage"] for v in vintage_rows}
    for r in existing:
        if r["area_code"] not in area_codes:
            problems.add(f"references.csv: {r['id']}: area_code {r['area_code']} is not in the new areas.csv")
        if r["vintage"] and r["vintage"] not in vintages:
            problems.add(f"references.csv: {r['id']}: unknown vintage {r['vintage']!r}")
    for r in existing_sources:
        if r["area_code"] and r["area_code"] not in area_codes:
            problems.add(f"sources.csv: {r['source_id']}: area_code {r['area_code']} is not in the new areas.csv")
    problems.stop_if_any("checking references.csv and sources.csv against the new areas")

    b = build_references(raw, kab_matches, tables, area_codes, problems)
    skipped = merge_copies(b, existing, problems)
    assign_ids(b, [r["id"] for r in existing], problems)
    for o in OUTPUTS:
        b.rows[o].sort(key=sort_key)
    sources = build_sources(tables, b.used_urls, src_header, existing_sources, area_codes, vintages, problems)
    checks = self_checks(areas, b, existing, problems)

    # Every written file must be a resource of the data package.
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r.get("path") for r in package.get("resources", [])}
    for path in ["areas.csv", "province_history.csv", "sources.csv"] + list(OUTPUTS.values()):
        if path not in listed:
            problems.add(f"datapackage.json lists no resource with path {path}")
    problems.stop_if_any("checking datapackage.json")

    all_rows = existing + [r for o in OUTPUTS for r in b.rows[o]]
    sources_added = sum(1 for s in tables["sources"] if s["type"])
    raw_figures = {"province_tpt_tpak.csv": len(raw["province_tpt_tpak.csv"]),
                   "district_tpt_tpak.csv": len(raw["district_tpt_tpak.csv"]),
                   "kabkota_tpt_tpak_2018_2024.csv": 14 * len(raw["kabkota_tpt_tpak_2018_2024.csv"]),
                   "derived_province_tpak_tpt_from_counts.csv": 2 * len(raw["derived_province_tpak_tpt_from_counts.csv"])}
    text = report(areas, history, b, skipped, raw_figures, tables, info, raw_hashes, all_rows, checks, sources_added)

    write_text(out / "areas.csv", csv_text(AREA_FIELDS, areas))
    write_text(out / "province_history.csv", csv_text(HISTORY_FIELDS, history))
    for o, path in OUTPUTS.items():
        write_text(out / path, csv_text(REFERENCE_FIELDS, b.rows[o]))
    write_text(out / "sources.csv", csv_text(SOURCE_FIELDS, sources))
    if report_path.exists() and report_path.name == "README.md":
        readme = report_path.read_text(encoding="utf-8")
        if REPORT_BEGIN not in readme or REPORT_END not in readme:
            fail(f"{report_path} has no generated-report markers")
        head, rest = readme.split(REPORT_BEGIN, 1)
        _, tail = rest.split(REPORT_END, 1)
        write_text(report_path, head + REPORT_BEGIN + "\n" + text + REPORT_END + tail)
    else:
        write_text(report_path, text)
    print(f"areas {len(areas)}, province_history {len(history)}, "
          + ", ".join(f"{p} {len(b.rows[o])}" for o, p in OUTPUTS.items())
          + f", sources +{sources_added}; report -> {report_path}")


if __name__ == "__main__":
    main()
