#!/usr/bin/env bash
# Builds release and prints each speed figure against its target. Run on a quiet machine:
# figures vary by half when something else is compiling.
set -euo pipefail
cd "$(dirname "$0")/.."
# Start-up is measured on the binary scripts/install.sh installs (Swift runtime linked in), and
# on the plain release build for comparison.
swift build -c release --product pathway --static-swift-stdlib --scratch-path .build-static >/dev/null
swift build -c release --product pathway >/dev/null
swift build -c release --product pathway-bench >/dev/null
echo "installed build (static Swift runtime):"
python3 scripts/startup.py --runs 30 --binary .build-static/release/pathway
echo "plain release build (dynamic Swift runtime):"
python3 scripts/startup.py --runs 30 --binary .build/release/pathway
# The sync and lrs-cohort figures need a Learning Record Store: Ralph on loopback (see docs/lrs.md),
# with pages of up to 10,000 statements (its file-system backend reads its whole file per page).
bash scripts/lrs-server.sh install
lrs_dir=$(mktemp -d)
read -r lrs_pid lrs_port < <(RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT=10000 bash scripts/lrs-server.sh start "$lrs_dir")
trap 'kill "$lrs_pid" 2>/dev/null; rm -rf "$lrs_dir"' EXIT
PATHWAY_BENCH_LRS="http://127.0.0.1:$lrs_port/xAPI/" .build/release/pathway-bench "$@"
