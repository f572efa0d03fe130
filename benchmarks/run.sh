#!/usr/bin/env bash
# Times the benchmark pipeline (benchmarks/SPEC.md) written four ways — Tolok, polars, DuckDB,
# pandas — on synthetic data, and checks that they give the same answers.
#
#   benchmarks/run.sh [--scale K] [--runs N] [--tools "tolok polars duckdb pandas"]
#
# --scale K   514×K districts in 38 provinces, 10 years, 200 indicators (default 1; at most 7)
# --runs N    runs of each tool, in alternation (default 3)
# --tools     which tools to run (default all four)
#
# Everything it makes lives under .build/ (git-ignored): the Python venv (.build/bench-venv), the
# data (.build/bench-data/scale-K, generated once: reused while its marker file is there) and the
# outputs (.build/bench-out/scale-K/<tool>, the last run's). The last line is
#   RESULT scale=K tolok_s=… polars_s=… duckdb_s=… pandas_s=… tolok_rss_mb=… equal=yes|no
# with median wall-clock seconds (`failed` when a run failed, `n/a` when not run) and Tolok's
# median peak RSS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

SCALE=1
RUNS=3
TOOLS="tolok polars duckdb pandas"
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="${2:?--scale needs a number}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --tools) TOOLS="${2:?--tools needs a list}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$SCALE" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --scale needs a positive integer" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs needs a positive integer" >&2; exit 2; }
for tool in $TOOLS; do
  case "$tool" in tolok|polars|duckdb|pandas) ;; *) echo "run.sh: unknown tool $tool" >&2; exit 2 ;; esac
done
has_tool() { [[ " $TOOLS " == *" $1 "* ]]; }

mkdir -p .build
LOGS=.build/bench-logs
mkdir -p "$LOGS"

# --- Python venv --------------------------------------------------------------------------------
VENV=.build/bench-venv
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  echo "== making the Python venv $VENV"
  python3 -m venv "$VENV"
fi
if ! "$PY" -c "import pandas, polars, duckdb" 2>/dev/null; then
  echo "== pip install pandas polars duckdb"
  "$PY" -m pip install --quiet pandas polars duckdb
fi
"$PY" -c "import sys, pandas, polars, duckdb; print('== python', sys.version.split()[0], '· pandas', pandas.__version__, '· polars', polars.__version__, '· duckdb', duckdb.__version__)"

# --- Tolok --------------------------------------------------------------------------------------
TOLOK=.build/release/tolok
echo "== swift build -c release"
if ! swift build -c release >"$LOGS/build.log" 2>&1; then
  tail -20 "$LOGS/build.log" >&2
  if [ -x "$TOLOK" ]; then
    echo "run.sh: the build failed; using the existing $TOLOK" >&2
  else
    echo "run.sh: the build failed and there is no $TOLOK" >&2
    exit 1
  fi
fi

# --- Data ---------------------------------------------------------------------------------------
# shellcheck source=benchmarks/bench-data.sh
. benchmarks/bench-data.sh
bench_data "$SCALE" "$TOLOK"

# --- Runs ---------------------------------------------------------------------------------------
OUT=.build/bench-out/scale-$SCALE
TIMES="$LOGS/times-scale-$SCALE.tsv"
: >"$TIMES"
TIME_BIN=/usr/bin/time
[ -x "$TIME_BIN" ] || TIME_BIN=""

command_of() {
  case "$1" in
    tolok) echo "$TOLOK pipeline --data $DATA --out $2 --quiet" ;;
    *) echo "$PY benchmarks/$1_pipeline.py $DATA $2" ;;
  esac
}

declare -A FAILED=()
for run in $(seq 1 "$RUNS"); do
  for tool in $TOOLS; do
    dir="$OUT/$tool"
    rm -rf "$dir"
    mkdir -p "$dir"
    # The previous tool's output (up to 300 MB) written back to disk before this one starts, so
    # that no tool's timing includes the kernel flushing another's files.
    sync
    log="$LOGS/$tool-scale-$SCALE-run-$run.log"
    rss_file="$LOGS/$tool.rss"
    : >"$rss_file"
    # shellcheck disable=SC2046
    set -- $(command_of "$tool" "$dir")
    start=$(date +%s.%N)
    status=0
    if [ -n "$TIME_BIN" ]; then
      "$TIME_BIN" -f %M -o "$rss_file" "$@" >"$log" 2>&1 || status=$?
    else
      "$@" >"$log" 2>&1 || status=$?
    fi
    end=$(date +%s.%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    # /usr/bin/time writes "Command exited with non-zero status" before the number when it fails.
    rss_kb=$(tail -1 "$rss_file" 2>/dev/null | grep -E '^[0-9]+$' || true)
    rss_mb=$([ -n "$rss_kb" ] && echo $(((rss_kb + 512) / 1024)) || echo "?")
    if [ "$status" -eq 0 ] && [ -f "$dir/comparison.csv" ] && [ -f "$dir/rankings.csv" ]; then
      printf 'run %d/%d  %-7s %9s s  peak RSS %6s MB\n' "$run" "$RUNS" "$tool" "$seconds" "$rss_mb"
      printf '%s\t%s\t%s\n' "$tool" "$seconds" "${rss_kb:-}" >>"$TIMES"
    else
      FAILED[$tool]=1
      printf 'run %d/%d  %-7s FAILED (exit %d after %s s; log %s):\n' "$run" "$RUNS" "$tool" "$status" "$seconds" "$log"
      tail -5 "$log" | sed 's/^/    /'
    fi
  done
done

# --- Equality -----------------------------------------------------------------------------------
# Every tool against Tolok; while Tolok has no output, the others against each other.
ok_tools=()
for tool in $TOOLS; do
  if [ -z "${FAILED[$tool]:-}" ]; then ok_tools+=("$tool"); fi
done
pairs=()
if [ -z "${FAILED[tolok]:-}" ] && has_tool tolok; then
  for tool in "${ok_tools[@]}"; do
    if [ "$tool" != tolok ]; then pairs+=("tolok $tool"); fi
  done
else
  for ((i = 0; i < ${#ok_tools[@]}; i++)); do
    for ((j = i + 1; j < ${#ok_tools[@]}; j++)); do pairs+=("${ok_tools[i]} ${ok_tools[j]}"); done
  done
fi
equal=yes
if [ ${#pairs[@]} -eq 0 ]; then equal=no; fi
for pair in "${pairs[@]}"; do
  set -- $pair
  printf '== check_equal %s %s: ' "$1" "$2"
  "$PY" benchmarks/check_equal.py "$OUT/$1" "$OUT/$2" || equal=no
done

# --- Result -------------------------------------------------------------------------------------
median() {  # median of column $2 of the runs of tool $1 in $TIMES, or nothing
  awk -F'\t' -v tool="$1" -v col="$2" '$1 == tool && $col != "" { print $col }' "$TIMES" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
result_time() {
  if ! has_tool "$1"; then echo n/a
  elif [ -n "${FAILED[$1]:-}" ]; then echo failed
  else printf '%.3f' "$(median "$1" 2)"
  fi
}
rss=n/a
if has_tool tolok; then
  if [ -n "${FAILED[tolok]:-}" ]; then rss=failed
  else
    kb=$(median tolok 3)
    rss=$([ -n "$kb" ] && awk -v k="$kb" 'BEGIN { printf "%d", k / 1024 + 0.5 }' || echo "?")
  fi
fi
echo "RESULT scale=$SCALE tolok_s=$(result_time tolok) polars_s=$(result_time polars) duckdb_s=$(result_time duckdb) pandas_s=$(result_time pandas) tolok_rss_mb=$rss equal=$equal"
