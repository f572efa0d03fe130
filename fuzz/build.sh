#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/Targets/*.swift) with swiftc, straight from the module
# sources, instrumented with -sanitize=fuzzer,address. Not part of `swift build` or `swift test`.
#
# Usage: fuzz/build.sh [TARGET...]      (default: csv number loader)
# Output: .build-fuzz/fuzz-TARGET
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out/modules"
flags=(-sanitize=fuzzer,address -O -g -parse-as-library -package-name tolok -I "$out/modules" -swift-version 6)

# The stages, in dependency order, each compiled once into a static library with its module.
modules=(TolokModel TolokInput TolokAlignment TolokStatistics TolokOutput Tolok TolokSynth TolokCLI)
# The sources are compiled from a snapshot (.build-fuzz/src), so editing them during a build is
# harmless. A module is rebuilt when its sources differ from the last build's, and so is every
# module after it.
rebuild=0
for m in "${modules[@]}"; do
    lib="$out/modules/lib$m.a"
    if [[ $rebuild == 0 && -f "$lib" && "$lib" -nt fuzz/build.sh ]] && diff -rq "Sources/$m" "$out/src/$m" > /dev/null 2>&1; then
        continue
    fi
    rebuild=1
    echo "== $m"
    rm -rf "$out/src/$m" "$lib"
    mkdir -p "$out/src"
    cp -R "Sources/$m" "$out/src/$m"
    swiftc "${flags[@]}" -module-name "$m" -emit-module -emit-module-path "$out/modules/$m.swiftmodule" \
        -emit-library -static -o "$lib" $(find "$out/src/$m" -name '*.swift' | sort)
done

# Static archives: each before the ones it uses.
libs=()
for ((i = ${#modules[@]} - 1; i >= 0; i--)); do libs+=(-l"${modules[i]}"); done
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(csv number loader)
for t in "${targets[@]}"; do
    echo "== fuzz-$t"
    swiftc "${flags[@]}" -module-name "Fuzz_$t" -L "$out/modules" "${libs[@]}" \
        fuzz/Targets/Support.swift "fuzz/Targets/$t.swift" -o "$out/fuzz-$t" 2>&1 | { grep -v "Cannot export local symbol" || true; }
    [[ -x "$out/fuzz-$t" ]] || { echo "fuzz/build.sh: linking fuzz-$t failed" >&2; exit 1; }
done
