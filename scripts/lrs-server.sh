#!/usr/bin/env bash
# A real Learning Record Store for Pathway's tests and benchmarks: Ralph (ralph-malph 5.1.0
# from PyPI) with its file-system backend, on 127.0.0.1. See scripts/ralph-lrs.py and docs/lrs.md.
#
#   scripts/lrs-server.sh install        # a virtual environment in $PATHWAY_RALPH_VENV (default .build/ralph-venv)
#   scripts/lrs-server.sh start DIR      # starts it (user teacher, password s3cret) on a free port;
#                                        # prints "PID PORT" once it answers its heartbeat
#   scripts/lrs-server.sh stop PID
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${PATHWAY_RALPH_VENV:-$PWD/.build/ralph-venv}

case "${1:-}" in
install)
    if [ -x "$venv/bin/ralph" ] && RALPH_RUNSERVER_BACKEND=fs "$venv/bin/python" -c 'import ralph.api, uvicorn, requests' 2>/dev/null; then
        exit 0
    fi
    command -v python3 >/dev/null || { echo "python3 is needed for the test LRS" >&2; exit 1; }
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
        sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq && $sudo apt-get install -y -qq python3-venv
    fi
    echo "installing ralph-malph 5.1.0 into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    # requests: imported by ralph's auth command but not declared.
    "$venv/bin/pip" install -q 'ralph-malph[cli,lrs]==5.1.0' requests
    ;;
start)
    dir=${2:?usage: lrs-server.sh start DIR}
    mkdir -p "$dir"
    rm -f "$dir/port"
    "$venv/bin/python" scripts/ralph-lrs.py 127.0.0.1 0 "$dir" teacher s3cret >"$dir/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 300); do
        if [ -s "$dir/port" ] && "$venv/bin/python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$(cat "$dir/port")/__heartbeat__" >/dev/null 2>&1; then
            echo "$pid $(cat "$dir/port")"
            exit 0
        fi
        kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "the LRS did not answer within 30 s" >&2; kill "$pid"; exit 1
    ;;
stop)
    kill "${2:?usage: lrs-server.sh stop PID}" 2>/dev/null || true
    ;;
*)
    sed -n 2,9p "$0"; exit 64
    ;;
esac
