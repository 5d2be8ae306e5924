#!/usr/bin/env bash
# Builds release and prints every speed figure against its target: start-up as ratios measured in
# the same run (scripts/startup.py), then the pathway-bench figures. Run on a quiet machine:
# figures vary by half when something else is compiling; the ratios vary much less.
#
# Usage: scripts/bench.sh [--quick] [--baseline PATH] [--baseline-bench PATH] [--runs N] [NAME...]
#   --quick          fewer rounds and repetitions: a few minutes in all once built
#   --baseline PATH  a second pathway binary (e.g. the previous release, built from an older commit
#                    with scripts/install.sh's build command) measured in the same rounds: every
#                    start-up figure and the per-answer figure as this build / baseline
#   --baseline-bench PATH  that commit's pathway-bench: the load, record, cohort and gift figures
#                    of both, run in alternating order, as this build / baseline
#   --runs N         alternating runs of each build for --baseline-bench (default 3; more for
#                    figures near their line, such as the sub-millisecond durable save)
#   NAME...          only these figures: startup, load, record, cohort, gift, sync, lrs-cohort
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
baseline=()
baseline_bench=""
runs=3
names=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=(--quick); shift ;;
        --baseline)
            [ $# -ge 2 ] || { echo "--baseline needs the path of a pathway binary" >&2; exit 2; }
            [ -x "$2" ] || { echo "--baseline $2: not an executable" >&2; exit 2; }
            baseline=(--baseline "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
        --baseline-bench)
            [ $# -ge 2 ] || { echo "--baseline-bench needs the path of a pathway-bench binary" >&2; exit 2; }
            [ -x "$2" ] || { echo "--baseline-bench $2: not an executable" >&2; exit 2; }
            baseline_bench="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
        --runs)
            [ $# -ge 2 ] && [ "$2" -ge 1 ] 2>/dev/null || { echo "--runs needs a whole number of at least 1" >&2; exit 2; }
            runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done
wants() {
    [ ${#names[@]} -eq 0 ] && return 0
    local name
    for name in "${names[@]}"; do [ "$name" = "$1" ] && return 0; done
    return 1
}

echo "machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores;" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg) before building"
# Start-up is measured on the binary scripts/install.sh installs (Swift runtime linked in).
swift build -c release --product pathway --static-swift-stdlib --scratch-path .build-static >/dev/null
if wants startup; then
    echo
    echo "== start-up (scripts/startup.py; installed build: release, --static-swift-stdlib)"
    python3 scripts/startup.py --binary .build-static/release/pathway ${quick[@]+"${quick[@]}"} ${baseline[@]+"${baseline[@]}"}
fi

local_bench=()
lrs_bench=()
for name in load record cohort gift; do
    if wants "$name"; then local_bench+=("$name"); fi
done
for name in sync lrs-cohort; do
    if wants "$name"; then lrs_bench+=("$name"); fi
done
[ $((${#local_bench[@]} + ${#lrs_bench[@]})) -gt 0 ] || exit 0
swift build -c release --product pathway-bench >/dev/null
echo
echo "== pathway-bench (release build) on the same machine; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#local_bench[@]} -gt 0 ] && [ -n "$baseline_bench" ]; then
    # Alternating runs of both builds (three unless --runs), each with its full repetitions even
    # with --quick (a figure timed once differs by a fifth from run to run on a 2-core machine,
    # more than the 10% looked for); the first run of this build is shown in full, then every
    # figure as this build / baseline.
    outputs=$(mktemp -d)
    for run in $(seq "$runs"); do
        if [ $((run % 2)) -eq 1 ]; then
            .build/release/pathway-bench "${local_bench[@]}" >"$outputs/candidate-$run"
            "$baseline_bench" "${local_bench[@]}" >"$outputs/baseline-$run"
        else
            "$baseline_bench" "${local_bench[@]}" >"$outputs/baseline-$run"
            .build/release/pathway-bench "${local_bench[@]}" >"$outputs/candidate-$run"
        fi
    done
    cat "$outputs/candidate-1"
    echo
    python3 scripts/bench_compare.py --candidate "$outputs"/candidate-* --baseline "$outputs"/baseline-*
    echo "(baseline: $baseline_bench)"
    rm -rf "$outputs"
elif [ ${#local_bench[@]} -gt 0 ]; then
    .build/release/pathway-bench ${quick[@]+"${quick[@]}"} "${local_bench[@]}"
fi
[ ${#lrs_bench[@]} -gt 0 ] || exit 0
# The sync and lrs-cohort figures need a Learning Record Store: Ralph on loopback (see docs/lrs.md),
# with pages of up to 10,000 statements (its file-system backend reads its whole file per page).
bash scripts/lrs-server.sh install >/dev/null
lrs_dir=$(mktemp -d)
read -r lrs_pid lrs_port < <(RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT=10000 bash scripts/lrs-server.sh start "$lrs_dir")
trap 'kill "$lrs_pid" 2>/dev/null; rm -rf "$lrs_dir"' EXIT
PATHWAY_BENCH_LRS="http://127.0.0.1:$lrs_port/xAPI/" .build/release/pathway-bench ${quick[@]+"${quick[@]}"} "${lrs_bench[@]}"
