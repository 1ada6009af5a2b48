#!/usr/bin/env bash
# Fuzzes the TOML parser with libFuzzer (address sanitizer on) for SECONDS (default 30), starting from
# the repository's themes and a built-in scenario. A finding stops the run and leaves crash-* / timeout-*
# files in the work folder it names; replay one with: $work/toml-fuzz $work/crash-…
# Usage: Tests/fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
work=${FUZZ_WORK:-$(mktemp -d)}
mkdir -p "$work/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -O -package-name liqtop \
    Sources/LiqCore/Config/*.swift Sources/LiqCore/Money/*.swift Tests/fuzz/TOMLFuzz.swift -o "$work/toml-fuzz"
cp themes/*.toml "$work/corpus/"
sed -n '/static let defaultTOML = """/,/^    """/p' Sources/LiqCore/Scenario/BuiltInScenarios.swift | sed '1d;$d' > "$work/corpus/default.toml"
cd "$work"
./toml-fuzz -max_total_time="$seconds" -max_len=8192 -timeout=5 -print_final_stats=1 corpus 2>&1 | tail -12
echo "fuzz: no crash in $seconds s ($work)"
