#!/usr/bin/env bash
# Kills pathway with SIGKILL at random moments N times, tears its journal and damages its
# snapshot between some kills, and checks that every answer, reflection, skip and review it
# confirmed is still there (see scripts/crash-test.py).
# Usage: scripts/crash-test.sh N [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pathway >/dev/null
exec python3 scripts/crash-test.py "$@" --binary .build/release/pathway
