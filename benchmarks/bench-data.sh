# Sourced by run.sh and commands.sh: the one home of the benchmarks' synthetic data.
#
#   bench_data SCALE TOLOK   sets DATA to .build/bench-data/scale-SCALE, generated with TOLOK's
#                            synth unless its marker file (.bench-complete, written after a
#                            successful generation) is there, and reads it once untimed so that
#                            the first timed run does not pay for a cold page cache.

bench_data() {
  local scale=$1 tolok=$2
  DATA=.build/bench-data/scale-$scale
  local marker="$DATA/.bench-complete"
  if [ ! -f "$marker" ]; then
    echo "== generating $DATA ($((514 * scale)) districts)"
    rm -rf "$DATA"
    mkdir -p "$(dirname "$DATA")"
    "$tolok" synth --districts $((514 * scale)) --provinces 38 --years 10 --indicators 200 --budget-lines 300 \
      --seed 1 --out "$DATA"
    date -u +%Y-%m-%dT%H:%M:%SZ >"$marker"
  else
    echo "== reusing $DATA (generated $(cat "$marker"))"
  fi
  local files=("$DATA"/observations/*.csv)
  echo "== $DATA: ${#files[@]} observation files, $(du -sh "$DATA" | cut -f1)"
  cat "$DATA"/*.csv "$DATA"/observations/*.csv >/dev/null
}
