#!/usr/bin/env python3
"""Time from launching pathway on a pseudo-terminal to its first question, and its peak memory.

Usage: scripts/startup.py [--binary PATH] [--runs N]

A profile is first placed at the first question of a lesson; each run then starts the binary on a
pseudo-terminal, types `continue` as soon as it starts, and stops the clock when the question's
`answer>` prompt appears. Peak memory is the child's maximum resident set size (wait4).
"""
import argparse
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(binary, env):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--seed", "1"], env)
    os.write(fd, b"continue\r")
    output = b""
    first_question = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        output += chunk
        if first_question is None and b"answer> " in output:
            first_question = time.perf_counter() - start
            os.write(fd, b"quit\r")
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if first_question is None:
        sys.exit("no question prompt seen; output was:\n" + output.decode("utf-8", "replace")[-2000:])
    return first_question * 1000, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "pathway"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="pathway-startup-")
    env = dict(os.environ, PATHWAY_HOME=home, PATHWAY_CURRICULA=os.path.join(ROOT, "curricula"), TERM="xterm-256color",
               PATHWAY_SKIP_IDENTITY="1")
    subprocess.run([args.binary, "--seed", "1"], input=b"start fund-role-intro\n\nquit\n", env=env, check=True, capture_output=True)
    times, memory = [], []
    for _ in range(args.runs):
        ms, mib = run_once(args.binary, env)
        times.append(ms)
        memory.append(mib)
    print(f"launch to first question (pty, median of {args.runs}): {statistics.median(times):.1f} ms (target < 25 ms)"
          f" {'ok' if statistics.median(times) < 25 else 'OVER'}")
    print(f"peak memory at first question (median): {statistics.median(memory):.1f} MiB (target < 25 MiB)"
          f" {'ok' if statistics.median(memory) < 25 else 'OVER'}")


if __name__ == "__main__":
    main()
