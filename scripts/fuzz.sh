#!/usr/bin/env bash
# Coverage-guided fuzzing of Pathway's parsers with libFuzzer.
# Usage: scripts/fuzz.sh TARGET SECONDS      TARGET: pack | progress | pattern | gift | journal | aliases
# The seed corpus (and every input that once crashed) lives in
# Tests/PathwayCoreTests/Fixtures/fuzz/TARGET/; the tests replay all of it. New findings are
# written to fuzz-out/TARGET/; copy a crasher into the fixtures folder once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
seeds="Tests/PathwayCoreTests/Fixtures/fuzz/$target"
[ -d "$seeds" ] || { echo "no seed corpus at $seeds" >&2; exit 64; }

swift build --product pathway-fuzz --scratch-path .build-fuzz -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2

work="fuzz-out/$target"
mkdir -p "$work/corpus"
PATHWAY_FUZZ_TARGET="$target" .build-fuzz/release/pathway-fuzz \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$work/" -print_final_stats=1 \
    "$work/corpus" "$seeds"
