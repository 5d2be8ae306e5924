#!/usr/bin/env bash
# Checks Pathway's xAPI export against a real xAPI implementation, ralph-malph 5.1.0 (PyPI):
#  1. every statement must build ralph's generic xAPI 1.0.3 model (BaseXapiStatement), and
#     a few broken copies must be rejected (so the check is known to bite);
#     The default export covers every kind of statement: answers with same-second repeats,
#     lessons, a module, scenario decisions and runs (a loop met twice within a second), a
#     revised portfolio piece with rubric self-scores, and placement passed and failed.
#  2. the statements are POSTed to a Ralph LRS on 127.0.0.1 (file system backend): the first
#     POST must store them all, the second must store nothing new (same statement ids), and
#     one statement is read back.
# `ralph validate -f xapi` is not used: it matches statements against ralph's profile models
# (an `answered` statement is tried as a virtual-classroom poll answer), not plain xAPI.
#
# usage: scripts/validate-xapi.sh [STATEMENTS.json]
#   Without a file, a scripted session on the test fixtures is exported with the debug build.
#   RALPH_VENV=DIR reuses a virtual environment that already has ralph-malph 5.1.0.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill -- "-$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

venv=${RALPH_VENV:-$work/venv}
if [ ! -x "$venv/bin/ralph" ]; then
    echo "installing ralph-malph 5.1.0 into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'ralph-malph[cli,lrs]==5.1.0' requests  # requests: imported by ralph's auth, not declared
fi

if [ $# -ge 1 ]; then
    statements=$1
else
    swift build --product pathway >/dev/null
    statements=$work/statements.json
    export PATHWAY_CURRICULA=Tests/PathwayCoreTests/Fixtures/good
    printf 'start intro\n\nb\na\nhint\na,b\na,b,d\nrecall\nprecision\n0.25\nMy bike, "fast" & <b>cheap</b>\n.\n1\nnext\n\nfalse\nquit\n' \
        | .build/debug/pathway --data-dir "$work/data" --no-shuffle >/dev/null
    .build/debug/pathway report --data-dir "$work/data" --format xapi --out "$work/sample.json" 2>/dev/null
    # Scenarios (replayed, a loop met within one second), a revised portfolio piece with rubric
    # self-scores, and placement passed and failed, on the judgment fixture with a path.
    mkdir -p "$work/curricula/paths"
    cp -r Tests/PathwayCoreTests/Fixtures/judgment "$work/curricula/judgment"
    printf 'format: 1\nid: judgment-path\ntitle: Judgment path\ntracks:\n  - id: cases\n    title: Cases\n    pack: judgment\n' \
        >"$work/curricula/paths/judgment-path.yaml"
    export PATHWAY_CURRICULA=$work/curricula
    printf 'placement\n7.5\na,b,c\na\nstart refunds\n\nb\na\nagain\nc\na\na\na\n\n7.5\nb,a,c\na,b,c\nb\na\nfalse\nA memo naming users.\n.\n2\n1\ny\nA memo naming users, owners and dates.\n.\n\nquit\n' \
        | .build/debug/pathway --data-dir "$work/data" --profile ana --no-shuffle >/dev/null
    printf 'placement\n8\nc,b,a\nb\nquit\n' | .build/debug/pathway --data-dir "$work/data" --profile ben --no-shuffle >/dev/null
    for profile in ana ben; do
        .build/debug/pathway report --data-dir "$work/data" --profile "$profile" --format xapi --out "$work/$profile.json" 2>/dev/null
    done
    python3 -c 'import json, sys; json.dump([s for f in sys.argv[2:] for s in json.load(open(f))], open(sys.argv[1], "w"))' \
        "$statements" "$work/sample.json" "$work/ana.json" "$work/ben.json"
fi

port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export RALPH_APP_DIR=$work/app RALPH_AUTH_FILE=$work/app/auth.json RALPH_RUNSERVER_BACKEND=fs
mkdir -p "$work/app" "$work/lrs"
"$venv/bin/ralph" auth -u teacher -p s3cret -s all -w -M mailto:teacher@example.org >/dev/null 2>&1
setsid "$venv/bin/ralph" runserver -b fs --fs-default-directory-path "$work/lrs" -h 127.0.0.1 -p "$port" \
    >"$work/server.log" 2>&1 &
server=$!

"$venv/bin/python" - "$statements" "$port" <<'PY'
import copy, json, sys, time
import requests
from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement

path, port = sys.argv[1], sys.argv[2]
statements = json.load(open(path, encoding="utf-8"))
verbs = {}
for statement in statements:
    BaseXapiStatement(**statement)
    verb = statement["verb"]["id"].rsplit("/", 1)[-1]
    verbs[verb] = verbs.get(verb, 0) + 1
print(f"BaseXapiStatement (xAPI 1.0.3) accepted {len(statements)} of {len(statements)} statements: "
      + ", ".join(f"{v} {k}" for k, v in sorted(verbs.items())))

answered = next(s for s in statements if s["verb"]["id"].endswith("/answered"))
breakages = {
    "score.scaled 1.5": lambda s: s["result"]["score"].__setitem__("scaled", 1.5),
    "duration '12 seconds'": lambda s: s["result"].__setitem__("duration", "12 seconds"),
    "a second IFI (mbox)": lambda s: s["actor"].__setitem__("mbox", "mailto:a@example.org"),
    "no verb": lambda s: s.pop("verb"),
}
for name, breakage in breakages.items():
    broken = copy.deepcopy(answered)
    breakage(broken)
    try:
        BaseXapiStatement(**broken)
        sys.exit(f"FAIL: a statement with {name} was accepted")
    except ValidationError:
        print(f"rejected as expected: {name}")

base = f"http://127.0.0.1:{port}/xAPI/statements"
auth = ("teacher", "s3cret")
headers = {"X-Experience-API-Version": "1.0.3"}
for _ in range(100):
    try:
        requests.get(f"http://127.0.0.1:{port}/whoami", auth=auth, timeout=1)
        break
    except requests.ConnectionError:
        time.sleep(0.2)
first = requests.post(base, json=statements, auth=auth, headers=headers, timeout=30)
print(f"POST {len(statements)} statements: HTTP {first.status_code}, {len(first.json()) if first.status_code == 200 else 0} ids stored")
if first.status_code != 200 or sorted(first.json()) != sorted(s["id"] for s in statements):
    sys.exit(f"FAIL: {first.status_code} {first.text[:500]}")
second = requests.post(base, json=statements, auth=auth, headers=headers, timeout=30)
print(f"POST the same statements again: HTTP {second.status_code} (nothing new: the ids are the same)")
if second.status_code != 204:
    sys.exit(f"FAIL: {second.status_code} {second.text[:500]}")
got = requests.get(base, params={"statementId": answered["id"]}, auth=auth, headers=headers, timeout=30)
back = got.json()
back = back["statements"][0] if "statements" in back else back
print(f"GET statementId={answered['id']}: HTTP {got.status_code}, verb {back['verb']['id']}, response {back['result']['response']!r}")
if got.status_code != 200 or back["id"] != answered["id"]:
    sys.exit("FAIL: the statement did not come back")
print("OK")
PY
