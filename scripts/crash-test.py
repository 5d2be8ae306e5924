#!/usr/bin/env python3
"""Kill pathway with SIGKILL at random moments, damage its files between kills, and check
that every change it confirmed is still there, answer by answer.

Usage: scripts/crash-test.py N [--binary PATH] [--seed S]

Each round runs the real binary on the shipped curricula in a pseudo-terminal and answers
whatever it asks (lessons, reviews, reflections, scenario decisions), one line at a time. When
the tutor confirms a change -- a verdict ("Correct." / "Not quite."), a reflection "Saved to
your portfolio", a "Skipped." -- the profile is read with the program's own loader
(`pathway progress export`, which writes what loading finds) and the change is identified: the
one new attempt (its item, position, answer text, correctness and time), the reflection's text,
the skipped item, the review card rescheduled. At a random moment the tutor is killed.

Between kills some rounds tear the journal's last line (as a kill mid-write does) or damage
the snapshot or its backup; most rounds go straight on to the next session with no clean start
in between, so appends after a torn tail are exercised. After every round the loader must
find every confirmed answer at its place with the same content and correctness, every
confirmed reflection text (or a newer one sent later), every skip (or a later right answer),
every rescheduled card (or a later review).
"""
import argparse
import json
import os
import pty
import random
import re
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = re.compile(r"(\[y/N\] |> )$")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")
ANSWERS = ["a", "b", "c", "a,c", "b,d", "true", "false", "1", "2", "precision", "recall", "0.5", "12", "c,a,b", "b,a,c",
           "1a 2b 3c", "hint", "skip", "back", "next"]


class Failure(Exception):
    pass


class Facts:
    """What the tutor confirmed, to be found after every kill."""

    def __init__(self):
        self.attempts = {}      # item key -> {position in its list: (answer, correct, at)}, as confirmed
        self.reflections = {}   # key -> (the last confirmed text, when it was sent)
        self.sent = {}          # every reflection text sent -> when (a later one may be in flight)
        self.skipped = set()
        self.cards = {}         # key -> lastReview of the last confirmed review
        self.counts = {"answers": 0, "reviews": 0, "reflections": 0, "skips": 0}

    def check(self, progress, where):
        items = progress.get("items", {})
        for key, confirmed in self.attempts.items():
            # Attempts are only ever appended: each confirmed one stays at its position.
            found = [(a["answer"], a["correct"], a["at"]) for a in items.get(key, {}).get("attempts", [])]
            for position, attempt in confirmed.items():
                if position >= len(found) or found[position] != attempt:
                    raise Failure(f"{where}: answer {position + 1} to {key} lost or changed: confirmed {attempt}, found {found}")
        for key, (text, sent) in self.reflections.items():
            found = progress.get("reflections", {}).get(key, {}).get("text")
            if found != text and self.sent.get(found, -1) <= sent:
                raise Failure(f"{where}: reflection {key} lost: confirmed {text!r}, found {found!r}")
        for key in self.skipped:
            record = items.get(key, {})
            if not record.get("skipped") and not any(a["correct"] for a in record.get("attempts", [])):
                raise Failure(f"{where}: the skip of {key} was lost")
        for key, last in self.cards.items():
            found = progress.get("cards", {}).get(key, {}).get("lastReview")
            if found is None or found < last:
                raise Failure(f"{where}: the review of {key} at {last} was lost (card: {found})")


def export(binary, env, home):
    """The profile as the program's own loader reads it (read-only: nothing is repaired)."""
    out = os.path.join(home, "export.json")
    result = subprocess.run([binary, "progress", "export", out, "--force"], env=env, capture_output=True, timeout=60)
    if result.returncode != 0:
        if b"has no progress yet" in result.stderr:
            return {}
        raise Failure(f"export failed: {result.stderr.decode('utf-8', 'replace')}")
    notes = result.stderr.decode("utf-8", "replace")
    if "damaged journal entr" in notes:
        # Kills only ever tear the last line; a damaged line inside the journal means an entry
        # was appended to a torn one, and both were lost.
        raise Failure(f"the loader found damaged journal entries: {notes.strip()}")
    with open(out) as handle:
        return json.load(handle)


def new_attempts(before, after):
    found = []
    for key, record in after.get("items", {}).items():
        old = len(before.get("items", {}).get(key, {}).get("attempts", []))
        for position, attempt in list(enumerate(record.get("attempts", [])))[old:]:
            found.append((key, position, attempt))
    return found


class Session:
    """The tutor in a pseudo-terminal, driven one line at a time."""

    def __init__(self, binary, env, seed):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary, "--seed", str(seed)], env)
        self.buffer = ""
        self.dead = False

    def read_until_prompt(self, timeout=20):
        """The output up to the next prompt (or to the end, once the process is gone)."""
        start = len(self.buffer)
        deadline = time.time() + timeout
        while not PROMPT.search(self.buffer[start:]):
            if time.time() > deadline:
                raise Failure(f"no prompt within {timeout} s; output: {self.buffer[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b""
            if not data:
                self.dead = True
                break
            self.buffer += ANSI.sub("", data.decode("utf-8", "replace"))
        return self.buffer[start:]

    def send(self, line):
        try:
            os.write(self.fd, (line + "\r").encode())
        except OSError:
            self.dead = True

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def close(self):
        self.kill()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def choose(prompt, rng, round_number, counter):
    if prompt.endswith("pathway> "):
        # next offers due reviews first; continue goes back to the lesson under way.
        return rng.choice(["next", "next", "continue", "continue", "review"])
    if prompt.endswith("write> "):
        return f"crash test reflection {round_number}-{counter} about metrics and users"
    if prompt.endswith("...> "):
        return "."
    if prompt.endswith("checked> "):
        return rng.choice(["1", "all", "none"])
    if prompt.endswith("level> "):
        return "1"
    if prompt.endswith("decide> "):
        return rng.choice(["1", "2", "a", "b"])
    if prompt.endswith("[y/N] "):
        return "y"
    if prompt.endswith("answer> "):
        return rng.choice(ANSWERS)
    return rng.choice(["", "", "next"])


def play(session, facts, binary, env, home, rng, round_number, state):
    """Answers until the process dies; checks each confirmation as it comes."""
    output = session.read_until_prompt()
    counter = 0
    pending_text = None
    while not session.dead:
        line = choose(output.rstrip("\n").split("\n")[-1], rng, round_number, counter)
        counter += 1
        if line.startswith("crash test reflection"):
            pending_text = line
            facts.sent[line] = len(facts.sent)
        session.send(line)
        output = session.read_until_prompt()
        confirmed = ("✓ Correct." in output or "✗ Not quite." in output or "Saved to your portfolio" in output
                     or "Skipped. It stays" in output)
        if not confirmed:
            continue
        after = export(binary, env, home)
        before = state["progress"]
        if "✓ Correct." in output or "✗ Not quite." in output:
            added = new_attempts(before, after)
            if len(added) != 1:
                raise Failure(f"round {round_number}: a verdict was shown but {len(added)} new answers were found")
            key, position, attempt = added[0]
            if attempt["correct"] != ("✓ Correct." in output):
                raise Failure(f"round {round_number}: {key} recorded correct={attempt['correct']} against the verdict shown")
            facts.attempts.setdefault(key, {})[position] = (attempt["answer"], attempt["correct"], attempt["at"])
            if attempt.get("review"):
                card = after.get("cards", {}).get(key, {})
                if card.get("lastReview") != attempt["at"]:
                    raise Failure(f"round {round_number}: review of {key} answered but its card was not rescheduled")
                facts.cards[key] = attempt["at"]
                facts.counts["reviews"] += 1
            facts.counts["answers"] += 1
        if "Saved to your portfolio" in output:
            texts = {key: r.get("text") for key, r in after.get("reflections", {}).items()}
            key = next((k for k, t in texts.items() if t == pending_text), None)
            if key is None:
                raise Failure(f"round {round_number}: reflection {pending_text!r} confirmed but not found")
            facts.reflections[key] = (pending_text, facts.sent[pending_text])
            facts.counts["reflections"] += 1
            pending_text = None
        if "Skipped. It stays" in output:
            for key, record in after.get("items", {}).items():
                if record.get("skipped") and not before.get("items", {}).get(key, {}).get("skipped"):
                    facts.skipped.add(key)
                    facts.counts["skips"] += 1
        state["progress"] = after
        facts.check(after, f"round {round_number} (during the session)")


def damage(profile, rng, round_number):
    """Tears the journal's tail or damages the snapshot or its backup; what it did."""
    journal = os.path.join(profile, "journal.jsonl")
    snapshot = os.path.join(profile, "progress.json")
    backup = os.path.join(profile, "progress.json.bak")
    choice = rng.random()
    if choice < 0.5 and os.path.exists(journal):
        with open(journal, "rb") as handle:
            lines = [line for line in handle.read().split(b"\n") if line]
        fragment = lines[-1][: rng.randint(1, max(1, len(lines[-1]) - 1))] if lines else b'{"seq": 1, "at": "20'
        with open(journal, "ab") as handle:
            handle.write(fragment)
        return "torn journal tail"
    if choice < 0.75 and os.path.exists(snapshot):
        with open(snapshot, "r+b") as handle:
            handle.seek(rng.randint(0, 40))
            handle.write(b"\x00garbage{{")
        return "damaged snapshot"
    if os.path.exists(backup) and os.path.exists(snapshot):
        with open(backup, "wb") as handle:
            handle.write(b'{"schemaVersion": 2, "items": {"torn')
        return "damaged backup"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rounds", type=int)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "pathway"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    home = tempfile.mkdtemp(prefix="pathway-crash-")
    env = dict(os.environ, PATHWAY_HOME=home, PATHWAY_CURRICULA=os.path.join(ROOT, "curricula"), NO_COLOR="1", TERM="dumb",
               COLUMNS="200")
    profile = os.path.join(home, "profiles", "default")
    facts = Facts()
    state = {"progress": {}}
    injected = {}
    clean_restarts = 0
    failures = 0
    print(f"crash test: {args.rounds} rounds, seed {args.seed}, data in {home}")
    for round_number in range(1, args.rounds + 1):
        try:
            session = Session(args.binary, env, round_number)
            timer = threading.Timer(rng.uniform(0.1, 1.5), session.kill)
            timer.start()
            try:
                play(session, facts, args.binary, env, home, rng, round_number, state)
            finally:
                timer.cancel()
                session.close()
            state["progress"] = export(args.binary, env, home)
            facts.check(state["progress"], f"round {round_number} (after the kill)")
            what = damage(profile, rng, round_number) if rng.random() < 0.3 else None
            if what:
                injected[what] = injected.get(what, 0) + 1
            # A damaged snapshot or backup is rebuilt from the other copy and the journals; two
            # clean runs make both copies whole again (the learner would do the same), and the
            # copies kept aside are removed as the learner would once they have looked.
            heal = 2 if what in ("damaged snapshot", "damaged backup") else 0
            if not heal and rng.random() < 0.2:
                heal = 1
            for _ in range(heal):
                # Sometimes a clean start and quit; usually the next session follows the kill.
                check = subprocess.run([args.binary], input=b"quit\n", capture_output=True, env=env, timeout=60)
                if check.returncode != 0:
                    raise Failure(f"round {round_number}: a clean start failed: {check.stderr.decode('utf-8', 'replace')}")
                clean_restarts += 1
            if what in ("damaged snapshot", "damaged backup"):
                for name in os.listdir(profile):
                    if ".damaged-" in name:
                        os.remove(os.path.join(profile, name))
            state["progress"] = export(args.binary, env, home)
            facts.check(state["progress"], f"round {round_number} (after damage and restart)")
        except Failure as failure:
            failures += 1
            print(f"round {round_number}: FAILED: {failure}")
            try:
                state["progress"] = export(args.binary, env, home)
            except Failure:
                pass
        if round_number % 25 == 0 or round_number == args.rounds:
            print(f"round {round_number}: confirmed {facts.counts['answers']} answers ({facts.counts['reviews']} in review), "
                  f"{facts.counts['reflections']} reflections, {facts.counts['skips']} skips; all found")
    lost = failures
    print(f"{args.rounds} rounds: {facts.counts['answers']} confirmed answers, {facts.counts['reviews']} review reschedules, "
          f"{facts.counts['reflections']} reflections, {facts.counts['skips']} skips checked by item and content; "
          f"injected {injected or 'nothing'}; {clean_restarts} clean restarts; {lost} rounds with something lost")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
