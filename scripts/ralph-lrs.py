"""Serves Ralph's Learning Record Store (ralph-malph 5.1.0, file-system backend) on loopback,
for Pathway's tests and benchmarks.

usage: python ralph-lrs.py HOST PORT DIR USER PASSWORD
  PORT 0 picks a free port; the port is written to DIR/port once the server is about to listen.

It does what `ralph runserver -b fs` does (the `ralph.api:app` application under uvicorn),
with two differences:
  * no development reloader (`runserver` restarts the server whenever a file under the
    working directory changes, and takes about 5 s to come up);
  * the file-system data backend appends: in 5.1.0 its default write mode is `create`, so
    after the first stored batch every later POST fails with HTTP 500 ("fs_lrs.jsonl already
    exists and overwrite is not allowed"). The production backends (ClickHouse,
    Elasticsearch, MongoDB) do not have this limit.
The user is created with `ralph auth` in DIR/auth.json; statements go to DIR/lrs/fs_lrs.jsonl.
"""
import os
import subprocess
import sys
from pathlib import Path

host, port, directory, user, password = sys.argv[1:6]
root = Path(directory).resolve()
(root / "lrs").mkdir(parents=True, exist_ok=True)
os.environ.update({
    "RALPH_APP_DIR": str(root),
    "RALPH_AUTH_FILE": str(root / "auth.json"),
    "RALPH_RUNSERVER_BACKEND": "fs",
    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(root / "lrs"),
})
os.environ.setdefault("RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT", "1000")
if not (root / "auth.json").exists():
    ralph = Path(sys.executable).with_name("ralph")
    subprocess.run([str(ralph), "auth", "-u", user, "-p", password, "-s", "all", "-w",
                    "-M", f"mailto:{user}@example.org"], check=True, capture_output=True)

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.data.fs import FSDataBackend  # noqa: E402

FSDataBackend.default_operation_type = BaseOperationType.APPEND

import socket  # noqa: E402

import uvicorn  # noqa: E402
from ralph.api import app  # noqa: E402

port = int(port)
if port == 0:
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
(root / "port.tmp").write_text(f"{port}\n")
(root / "port.tmp").replace(root / "port")
uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=1)
