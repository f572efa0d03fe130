#!/usr/bin/env bash
# Runs one libFuzzer harness for SECONDS seconds, from the committed seeds (fuzz/seeds/TARGET) and
# the corpus it has grown so far (.build-fuzz/corpus/TARGET, not committed). A crash is written to
# .build-fuzz/artifacts/TARGET/ (crash-…, leak-…, timeout-…, oom-…); copy it to fuzz/seeds/TARGET
# and to a test once fixed.
#
# Usage: fuzz/run.sh csv|number|loader SECONDS [extra libFuzzer flags]
#        (prints libFuzzer's statistics at the end: stat::number_of_executed_units, …)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh csv|number|loader SECONDS}
seconds=${2:?usage: fuzz/run.sh csv|number|loader SECONDS}
shift 2
# FUZZ_NO_BUILD=1 runs the harness as last built.
[[ ${FUZZ_NO_BUILD:-0} == 1 ]] || fuzz/build.sh "$target"
corpus=.build-fuzz/corpus/$target
artifacts=.build-fuzz/artifacts/$target/
mkdir -p "$corpus" "$artifacts"
case $target in
    number) max_len=64 ;;
    csv) max_len=4096 ;;
    *) max_len=8192 ;;
esac
# The loader harness builds its datasets folder from the clean fixture and the shipped schemas.
export TOLOK_FUZZ_FIXTURE=$PWD/Tests/TolokEndToEndTests/Fixtures/clean
export TOLOK_FUZZ_SCHEMAS=$PWD/datasets/schemas
# libFuzzer reports a crash itself; the Swift runtime's backtracer would hold it up for minutes.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
exec ".build-fuzz/fuzz-$target" "$corpus" "fuzz/seeds/$target" -max_total_time="$seconds" -max_len="$max_len" \
    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts" "$@"
