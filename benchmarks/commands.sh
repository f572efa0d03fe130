#!/usr/bin/env bash
# Times every Tolok command an analyst runs on the synthetic national dataset: the report, and the
# analysis commands on one indicator or one district. Each runs N times; the last line per command
# gives its median wall clock and peak RSS.
#
#   benchmarks/commands.sh [--scale K] [--runs N]
#
# --scale K   the data of benchmarks/run.sh --scale K (generated the same way when missing; default 1)
# --runs N    runs of each command (default 3)
#
# It builds Tolok in release mode. Outputs go to .build/bench-out/commands (git-ignored); a
# command's standard output and error go to .build/bench-logs/commands-*.log.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCALE=1
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="${2:?--scale needs a number}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "commands.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$SCALE" =~ ^[1-9][0-9]*$ ]] || { echo "commands.sh: --scale needs a positive integer" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "commands.sh: --runs needs a positive integer" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "commands.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

TOLOK=.build/release/tolok
LOGS=.build/bench-logs
OUT=.build/bench-out/commands
mkdir -p "$LOGS" "$OUT"
echo "== swift build -c release"
swift build -c release --product tolok >"$LOGS/commands-build.log" 2>&1 || { tail -20 "$LOGS/commands-build.log" >&2; exit 1; }

# shellcheck source=benchmarks/bench-data.sh
. benchmarks/bench-data.sh
bench_data "$SCALE" "$TOLOK"

# A district and an indicator the synthetic data always has: the first district file's code.
FILES=("$DATA"/observations/*.csv)
DISTRICT=$(basename "${FILES[0]}")
DISTRICT=${DISTRICT%%-*}
COMMANDS=(
  "report --out $OUT/report --quiet"
  "validate"
  "audit --out $OUT/audit"
  "compare --district $DISTRICT --year 2024"
  "compare --district $DISTRICT"
  "compare --format csv"
  "rank --indicator ind_014 --year 2024"
  "rank --indicator ind_014"
  "composite --indicators ind_001,ind_002,ind_009 --year 2024"
  "indicators --unmapped"
)

for command in "${COMMANDS[@]}"; do
  walls=() rss=()
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$OUT/report" "$OUT/audit"
    sync
    status=0
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$LOGS/commands.time" "$TOLOK" $command --data "$DATA" \
      >"$LOGS/commands-${command%% *}.log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
      echo "commands.sh: tolok $command failed ($status); see $LOGS/commands-${command%% *}.log" >&2
      exit 1
    fi
    read -r wall kb <"$LOGS/commands.time"
    walls+=("$wall") rss+=("$kb")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
  printf '%-70s %6.2f s  %5d MB  (runs: %s)\n' "tolok $command" "$(median "${walls[@]}")" $(( $(median "${rss[@]}") / 1024 )) "${walls[*]}"
done
