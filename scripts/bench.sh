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
.build/release/pathway-bench "$@"
