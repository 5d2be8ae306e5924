#!/usr/bin/env bash
# Kills pathway with SIGKILL at random moments N times and checks that nothing recorded is lost.
# Usage: scripts/crash-test.sh N [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pathway >/dev/null
exec python3 scripts/crash-test.py "$@" --binary .build/release/pathway
