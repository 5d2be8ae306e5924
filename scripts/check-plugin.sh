#!/usr/bin/env bash
# Builds and runs the command plugin `swift package validate-curricula` three ways and checks
# what it reports: the shipped curricula pass; a broken pack given as an argument fails with
# the problem at its file and line; --strict turns a warning into a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/PathwayCoreTests/Fixtures/bad-packs
failed=0
check() { # description, expected status, expected text, arguments...
    local what=$1 status=$2 text=$3; shift 3
    local out; out=$(swift package validate-curricula "$@" 2>&1); local got=$?
    if [ "$got" != "$status" ] || ! grep -qF -- "$text" <<<"$out"; then
        echo "FAIL: $what (status $got, wanted $status; wanted text: $text)"; echo "$out" | tail -5; failed=1
    else
        echo "ok: $what"
    fi
}
check "shipped curricula pass" 0 "0 errors" 
check "a path argument is validated, error at its line" 1 \
    "error: $fixtures/15-manifest-unknown-key/pack/pack.yaml:9:1: unknown key 'autors'; did you mean 'authors'?" \
    "$fixtures/15-manifest-unknown-key/pack"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
./.build/debug/pathway pack new warned --out "$dir/warned" >/dev/null
python3 - "$dir/warned" <<'PY'
import sys, glob, re
# Drop one explanation: a warning, not an error.
for path in glob.glob(sys.argv[1] + "/lessons/*.yaml"):
    text = open(path).read()
    text = re.sub(r'\n    explanation: [^\n]*', '', text, count=1)
    open(path, "w").write(text)
PY
check "a warning passes without --strict" 0 "warning: " "$dir/warned"
check "--strict makes a warning fail" 1 "error: " "$dir/warned" --strict
exit $failed
