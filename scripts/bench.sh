#!/usr/bin/env bash
# Builds release and prints each speed figure against its target. Run on a quiet machine:
# figures vary by half when something else is compiling.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pathway >/dev/null
swift build -c release --product pathway-bench >/dev/null
python3 scripts/startup.py --runs 30
.build/release/pathway-bench "$@"
