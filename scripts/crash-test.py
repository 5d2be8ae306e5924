#!/usr/bin/env python3
"""Kill pathway with SIGKILL at random moments and check that no recorded answer is lost.

Usage: scripts/crash-test.py N [--binary PATH] [--seed S]

Each round starts the real binary on the shipped curricula with scripted answers on stdin,
kills it with SIGKILL after a random delay, then checks that:
  * the profile still loads (a clean start and quit exits 0, with no "damaged" notice), and
  * every answer the tutor reported ("Correct." / "Not quite.") is in the saved progress:
    recorded >= reported, and recorded <= reported + kills (at most the answer in flight
    was recorded but not yet reported).
Recorded answers are counted by replaying the snapshot and journal, as Pathway does.
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def recorded_attempts(profile_dir):
    """Attempts in progress.json (or its backup) plus the journal entries after it."""
    items = {}
    watermark = 0
    for name in ("progress.json", "progress.json.bak"):
        path = os.path.join(profile_dir, name)
        if os.path.exists(path):
            with open(path) as handle:
                snapshot = json.load(handle)
            items = snapshot.get("items", {})
            watermark = snapshot.get("journalSequence", 0)
            break
    entries = []
    for name in ("journal.jsonl.1", "journal.jsonl"):
        path = os.path.join(profile_dir, name)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as handle:
            for line in handle.read().split(b"\n"):
                if not line.strip():
                    continue
                try:
                    entries.append(json.loads(line))
                except ValueError:
                    pass  # a torn last line, ignored as Pathway does
    for entry in sorted(entries, key=lambda e: e["seq"]):
        if entry["seq"] <= watermark:
            continue
        for key in entry.get("removed", []) or []:
            items.pop(key, None)
        for key, record in (entry.get("items") or {}).items():
            items[key] = record
    return sum(len(record.get("attempts", [])) for record in items.values())


def feed(process, rng, stop):
    answers = ["", "a", "b", "a,c", "true", "false", "1", "precision", "0.5", "c,a,b", "1a 2b 3c", "a", "", ".", "all",
               "skip", "next"]
    try:
        # next: due reviews first, then the next lesson, so there is always something to answer.
        process.stdin.write(b"next\n")
        while not stop.is_set():
            process.stdin.write((rng.choice(answers) + "\n").encode())
            process.stdin.flush()
            time.sleep(rng.uniform(0.0, 0.02))
    except (BrokenPipeError, OSError):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rounds", type=int)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "pathway"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    home = tempfile.mkdtemp(prefix="pathway-crash-")
    env = dict(os.environ, PATHWAY_HOME=home, PATHWAY_CURRICULA=os.path.join(ROOT, "curricula"), NO_COLOR="1")
    profile = os.path.join(home, "profiles", "default")
    reported = 0
    failures = 0
    print(f"crash test: {args.rounds} rounds, seed {args.seed}, data in {home}")
    for round_number in range(1, args.rounds + 1):
        log_path = os.path.join(home, f"round-{round_number}.log")
        with open(log_path, "wb") as log:
            process = subprocess.Popen([args.binary, "--seed", str(round_number)], stdin=subprocess.PIPE,
                                       stdout=log, stderr=subprocess.STDOUT, env=env)
            stop = threading.Event()
            writer = threading.Thread(target=feed, args=(process, rng, stop))
            writer.start()
            time.sleep(rng.uniform(0.05, 0.6))
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            stop.set()
            writer.join()
        with open(log_path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
        reported += text.count("✓ Correct.") + text.count("✗ Not quite.")
        recorded = recorded_attempts(profile)
        check = subprocess.run([args.binary], input=b"quit\n", capture_output=True, env=env, timeout=60)
        notes = check.stderr.decode("utf-8", "replace")
        ok = check.returncode == 0 and "damaged" not in notes and reported <= recorded <= reported + round_number
        if not ok:
            failures += 1
            print(f"round {round_number}: FAILED (reported {reported}, recorded {recorded}, exit {check.returncode})\n{notes}")
        elif round_number % 10 == 0 or round_number == args.rounds:
            print(f"round {round_number}: reported {reported} answers, recorded {recorded}, files load")
        reported = recorded_attempts(profile)  # the next round starts from what is saved
    passed = args.rounds - failures
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
