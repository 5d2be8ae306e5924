#!/usr/bin/env python3
"""Start-up of pathway as ratios measured in one run, each against its target.

Usage: scripts/startup.py [--binary PATH] [--baseline PATH] [--rounds N] [--quick] [--save FILE]
       scripts/startup.py --report FILE     (print the verdicts for samples saved with --save)

Every figure is measured in alternating rounds (one sample of each figure, for each binary, per
round, in an order that reverses every other round), so a machine that slows down part-way
slows every figure alike. Each figure is the median of its rounds:

- `pathway --version` on a pseudo-terminal, launch to exit (five samples per round): the bare
  process, the unit of the start-up ratios;
- launch to the first question on a pseudo-terminal: a profile is placed at the first question
  of a lesson, `continue` is typed at once, and the clock stops at the `answer>` prompt (used
  data folder); and the same from an empty data folder (no profile, no pack cache), typing
  `continue` and Enter (fresh data folder). The shipped packs are copied and, where the build has
  `pathway pack index`, indexed as scripts/install.sh does;
- peak memory (the child's maximum resident set size, from wait4) of each;
- with 8 times the shipped library on --pack-path (copies of the shipped packs under other ids)
  against the shipped library alone: the first question, and `path`, `list`, `progress` (typed
  into the REPL, piped) and `pack list`, launch to exit;
- one answer in the REPL on a pseudo-terminal, from typing it to the next `answer>` prompt
  (grading, the durable save, the feedback), median of a lesson of true/false questions;
- with --baseline, every figure again for a second binary, as candidate / baseline.
"""
import argparse
import json
import os
import platform
import pty
import re
import select
import shutil
import signal
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Targets (issue "start-up that does not grow with the library"): launch to the first question
# within 2x `pathway --version` with a used data folder, 4x on a fresh one, 25 MiB; 8x the
# library costs at most 15% more time and 10% more memory; against the baseline, nothing more
# than 10% slower or larger.
USED_TARGET = 2.0
FRESH_TARGET = 4.0
MEMORY_TARGET_MIB = 25.0
LIBRARY_TIME_TARGET = 1.15
LIBRARY_MEMORY_TARGET = 1.10
BASELINE_TARGET = 1.10
LIBRARY_SCALE = 8

# The library figures: (name in the samples, label).
LIBRARY_PROBES = [
    ("first", "launch to the first question"),
    ("path", "`path`"),
    ("list", "`list`"),
    ("progress", "`progress`"),
    ("pack-list", "`pack list`"),
]


def key(name, scale):
    """The sample name of a library figure: the first question at 1x is the used-folder figure."""
    return "used" if (name, scale) == ("first", 1) else f"{name}@{scale}"


# Every figure compared against the baseline: (sample name, label).
BASELINE_PROBES = [
    ("version", "`pathway --version`"),
    ("used", "first question, used data folder"),
    ("fresh", "first question, fresh data folder"),
    ("answer", "one answer (grade, durable save, feedback)"),
] + [(key(name, scale), f"{label}, {scale}x library") for scale in (1, LIBRARY_SCALE) for name, label in LIBRARY_PROBES
      if (name, scale) != ("first", 1)]


# ---------------------------------------------------------------------------------------------
# Arithmetic and verdicts (no I/O: tested on canned samples by the Swift test suite)

def summarise(samples):
    """{figure: [[ms, MiB], ...]} -> {figure: (median ms, median MiB)}."""
    return {name: (statistics.median(s[0] for s in values), statistics.median(s[1] for s in values))
            for name, values in samples.items() if values}


def verdict(value, target):
    return "PASS" if value <= target else "FAIL"


def rows(candidate, baseline=None):
    """The report's rows: (section, label, figure text, value, target text, verdict or None).

    `candidate` and `baseline` are summaries (see `summarise`)."""
    out = []
    version_ms, version_mib = candidate["version"]
    section = "start-up as a multiple of `pathway --version` (same run)"
    out.append((section, "`pathway --version`", f"{version_ms:.1f} ms, {version_mib:.1f} MiB", None, "", None))
    for name, label, target in (("used", "first question, used data folder", USED_TARGET),
                                ("fresh", "first question, fresh data folder", FRESH_TARGET)):
        ms, _ = candidate[name]
        ratio = ms / version_ms
        out.append((section, label, f"{ms:.1f} ms = {ratio:.2f}x", ratio, f"<= {target:g}x", verdict(ratio, target)))
    for name, label in (("used", "peak memory at the first question, used"), ("fresh", "peak memory at the first question, fresh")):
        _, mib = candidate[name]
        out.append((section, label, f"{mib:.1f} MiB = {mib / version_mib:.2f}x", mib, f"<= {MEMORY_TARGET_MIB:g} MiB",
                    verdict(mib, MEMORY_TARGET_MIB)))
    if "answer" in candidate:
        out.append((section, "one answer (grade, durable save, feedback)", f"{candidate['answer'][0]:.2f} ms", None, "", None))
    section = f"{LIBRARY_SCALE}x the shipped library against 1x (same run)"
    for name, label in LIBRARY_PROBES:
        small, large = candidate.get(key(name, 1)), candidate.get(key(name, LIBRARY_SCALE))
        if small is None or large is None:
            continue
        time_ratio, memory_ratio = large[0] / small[0], large[1] / small[1]
        out.append((section, f"{label}, time", f"{small[0]:.1f} -> {large[0]:.1f} ms = {time_ratio:.3f}", time_ratio,
                    f"<= {LIBRARY_TIME_TARGET:.2f}", verdict(time_ratio, LIBRARY_TIME_TARGET)))
        out.append((section, f"{label}, memory", f"{small[1]:.1f} -> {large[1]:.1f} MiB = {memory_ratio:.3f}", memory_ratio,
                    f"<= {LIBRARY_MEMORY_TARGET:.2f}", verdict(memory_ratio, LIBRARY_MEMORY_TARGET)))
    if baseline is not None:
        section = "this build against the baseline (same run; time and memory, this / baseline)"
        for name, label in BASELINE_PROBES:
            if name not in candidate or name not in baseline:
                continue
            (ms, mib), (base_ms, base_mib) = candidate[name], baseline[name]
            time_ratio = ms / base_ms
            out.append((section, f"{label}, time", f"{ms:.2f} vs {base_ms:.2f} ms = {time_ratio:.3f}", time_ratio,
                        f"<= {BASELINE_TARGET:.2f}", verdict(time_ratio, BASELINE_TARGET)))
            if name != "answer":  # one answer's memory is the whole session's: not a figure of its own
                memory_ratio = mib / base_mib
                out.append((section, f"{label}, memory", f"{mib:.1f} vs {base_mib:.1f} MiB = {memory_ratio:.3f}", memory_ratio,
                            f"<= {BASELINE_TARGET:.2f}", verdict(memory_ratio, BASELINE_TARGET)))
    return out


def render(results):
    """The report for saved results (see `measure`), as lines of text."""
    lines = [f"machine: {results['machine']}",
             f"{results['rounds']} alternating rounds; medians; library 1x = {results['packs'][0]} packs, "
             f"{LIBRARY_SCALE}x = {results['packs'][1]} packs"]
    binaries = results["binaries"]
    def described(role):
        binary = binaries[role]
        if "indexed" not in binary:
            return binary["path"]
        layout = "shipped packs indexed by `pathway pack index`, as scripts/install.sh does" if binary["indexed"] \
            else "shipped packs as they are in a checkout, no index beside them"
        return f"{binary['path']} ({layout})"
    lines.append(f"this build: {described('candidate')}")
    if "baseline" in binaries:
        lines.append(f"baseline:   {described('baseline')}")
    candidate = summarise(binaries["candidate"]["samples"])
    baseline = summarise(binaries["baseline"]["samples"]) if "baseline" in binaries else None
    section = None
    width = 52
    for row_section, label, figure, _, target, outcome in rows(candidate, baseline):
        if row_section != section:
            section = row_section
            lines.append("")
            lines.append(section + ":")
        line = f"  {label:<{width}} {figure}"
        if outcome is not None:
            line = f"{line:<{width + 34}} target {target:<10} {outcome}"
        lines.append(line.rstrip())
    verdicts = [row[5] for row in rows(candidate, baseline) if row[5] is not None]
    lines.append("")
    lines.append(f"{verdicts.count('PASS')} passed, {verdicts.count('FAIL')} failed")
    return lines


# ---------------------------------------------------------------------------------------------
# Measuring

def machine_label():
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.machine()}, {model}, {os.cpu_count()} cores, load average {load:.2f} at the start"


class Setup:
    """Data folders and packs for one binary, laid out before the first round."""

    def __init__(self, binary, scratch, library, index=True):
        self.binary = binary
        self.scratch = scratch
        self.library = library
        # The shipped packs laid out as scripts/install.sh does: a copy of curricula/ with the
        # packs' index written beside them by `pathway pack index`, where the build has it.
        curricula = os.path.join(scratch, "curricula")
        shutil.copytree(os.path.join(ROOT, "curricula"), curricula, ignore=shutil.ignore_patterns(INDEX_FOLDER))
        self.base_env = dict(os.environ, PATHWAY_CURRICULA=curricula, TERM="xterm-256color",
                             PATHWAY_SKIP_IDENTITY="1", PAGER="cat", NO_COLOR="1")
        self.base_env.pop("PATHWAY_PACKS", None)
        help_text = run_piped(binary, ["pack", "--help"], self.base_env, b"")[2].decode("utf-8", "replace")
        self.indexed = index and re.search(r"^\s+index\s", help_text, flags=re.M) is not None
        if self.indexed:
            run_piped(binary, ["pack", "index", curricula], self.base_env, b"")
        self.homes = {}
        for scale in (1, LIBRARY_SCALE):
            # Placed at the first question with the shipped packs alone (the copies repeat its
            # lesson id), then started once with the copies so that every pack is cached.
            home = os.path.join(scratch, f"home-{scale}")
            self.homes[scale] = home
            run_piped(binary, ["--seed", "1"], self.env(home), b"start fund-role-intro\n\nquit\n")
            run_piped(binary, ["--seed", "1"] + self.pack_args(scale), self.env(home), b"quit\n")
        self.answer_home = os.path.join(scratch, "home-answer")
        run_piped(binary, ["--seed", "1", "--pack-path", library.answer_pack], self.env(self.answer_home), b"quit\n")

    def env(self, home):
        return dict(self.base_env, PATHWAY_HOME=home)

    def pack_args(self, scale):
        return [] if scale == 1 else ["--pack-path", self.library.copies]


class Library:
    """Copies of the shipped packs under other ids, and a lesson of true/false questions."""

    def __init__(self, scratch):
        curricula = os.path.join(ROOT, "curricula")
        shipped = sorted(name for name in os.listdir(curricula) if os.path.isfile(os.path.join(curricula, name, "pack.yaml")))
        self.shipped = len(shipped)
        self.copies = os.path.join(scratch, "copies")
        for copy in range(2, LIBRARY_SCALE + 1):
            for name in shipped:
                target = os.path.join(self.copies, f"{name}-copy{copy}")
                shutil.copytree(os.path.join(curricula, name), target, ignore=shutil.ignore_patterns(INDEX_FOLDER))
                manifest = os.path.join(target, "pack.yaml")
                with open(manifest) as f:
                    text = f.read()
                text = re.sub(r"^id: .*$", f"id: {name}-copy{copy}", text, count=1, flags=re.M)
                text = re.sub(r"^title: (.*)$", rf"title: \1 (copy {copy})", text, count=1, flags=re.M)
                with open(manifest, "w") as f:
                    f.write(text)
        self.answer_pack = os.path.join(scratch, "answer-pack")
        write_answer_pack(self.answer_pack, questions=ANSWER_QUESTIONS)


ANSWER_QUESTIONS = 24
# Samples of `pathway --version` per round.
VERSION_SAMPLES = 5
# Where `pathway pack index` writes a folder's index of packs.
INDEX_FOLDER = ".pathway-index"


def write_answer_pack(folder, questions):
    os.makedirs(os.path.join(folder, "modules"))
    os.makedirs(os.path.join(folder, "lessons"))
    with open(os.path.join(folder, "pack.yaml"), "w") as f:
        f.write("format: 1\nid: bench-answers\ntitle: Answer timing\nversion: 1.0.0\nauthors: [Bench]\n"
                "description: Generated.\nlicense: CC0-1.0\nmodules:\n  - modules/m.yaml\n")
    with open(os.path.join(folder, "modules", "m.yaml"), "w") as f:
        f.write("id: bench-answers-m\ntitle: Answers\nskills: [product-thinking]\nlessons: [lessons/l.yaml]\n")
    steps = "".join(f"  - type: true_false\n    id: q{n}\n    prompt: \"Statement {n} is true.\"\n    answer: true\n"
                    f"    explanation: \"It is.\"\n" for n in range(questions))
    with open(os.path.join(folder, "lessons", "l.yaml"), "w") as f:
        f.write(f"id: bench-answers-l\ntitle: Answers\nsteps:\n{steps}")


def run_piped(binary, args, env, stdin):
    """Runs to exit with `stdin` piped in; (ms, peak MiB, output)."""
    in_read, in_write = os.pipe()
    out_read, out_write = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(in_read, 0)
        os.dup2(out_write, 1)
        os.dup2(out_write, 2)
        for fd in (in_read, in_write, out_read, out_write):
            os.close(fd)
        os.execve(binary, [binary] + args, env)
    os.close(in_read)
    os.close(out_write)
    os.write(in_write, stdin)
    os.close(in_write)
    output = b""
    while chunk := os.read(out_read, 65536):
        output += chunk
    _, status, usage = os.wait4(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    os.close(out_read)
    if status != 0:
        sys.exit(f"{binary} {' '.join(args)} exited with status {status}; output:\n" + output.decode("utf-8", "replace")[-2000:])
    return elapsed, usage.ru_maxrss / 1024, output


def run_pty(binary, args, env, typed, until, answers=0):
    """Starts on a pseudo-terminal, types `typed` at once and stops the clock when `until` appears.

    With `answers`, then types `true` that many times, timing each answer to the next `until`;
    returns (ms, peak MiB, [answer ms]). Without `until`, the clock stops at exit."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary] + args, env)
    if typed:
        os.write(fd, typed)
    output = b""
    reached = None
    answer_times = []
    mark, seen = start, 0
    deadline = start + 20
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if until is None:
            continue
        count = output.count(until)
        if count > seen:
            now = time.perf_counter()
            seen = count
            if reached is None:
                reached = (now - start) * 1000
            else:
                answer_times.append((now - mark) * 1000)
            if len(answer_times) < answers:
                mark = time.perf_counter()
                os.write(fd, b"true\r")
            else:
                os.write(fd, b"quit\r")
    else:
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if until is None:
        reached = (time.perf_counter() - start) * 1000
    if reached is None or len(answer_times) < answers:
        sys.exit(f"{binary}: no `{until.decode()}` prompt seen; output was:\n" + output.decode("utf-8", "replace")[-2000:])
    return reached, usage.ru_maxrss / 1024, answer_times


def one_round(setup, samples, fresh_parent, reverse):
    """One sample of every figure for one binary."""
    binary = setup.binary
    probes = []
    probes.append(("version", lambda: run_pty(binary, ["--version"], setup.base_env, None, None)[:2]))

    def fresh():
        home = tempfile.mkdtemp(dir=fresh_parent)
        try:
            return run_pty(binary, ["--seed", "1"], setup.env(home), b"continue\r\r", b"answer> ")[:2]
        finally:
            shutil.rmtree(home, ignore_errors=True)
    probes.append(("fresh", fresh))

    def answer():
        # A lesson of true/false questions, started afresh each round: the first prompt, then
        # ANSWER_QUESTIONS - 1 answers each timed to the next prompt.
        shutil.rmtree(os.path.join(setup.answer_home, "profiles"), ignore_errors=True)
        _, mib, times = run_pty(binary, ["--seed", "1", "--pack-path", setup.library.answer_pack], setup.env(setup.answer_home),
                                b"start bench-answers-l\r", b"answer> ", answers=ANSWER_QUESTIONS - 1)
        return statistics.median(times), mib
    probes.append(("answer", answer))
    for scale in (1, LIBRARY_SCALE):
        env, packs = setup.env(setup.homes[scale]), setup.pack_args(scale)
        probes.append((key("first", scale), lambda env=env, packs=packs:
                       run_pty(binary, ["--seed", "1"] + packs, env, b"continue\r", b"answer> ")[:2]))
        for command in ("path", "list", "progress"):
            probes.append((f"{command}@{scale}", lambda env=env, packs=packs, command=command:
                           run_piped(binary, ["--seed", "1"] + packs, env, f"{command}\nquit\n".encode())[:2]))
        probes.append((f"pack-list@{scale}", lambda env=env, packs=packs: run_piped(binary, ["pack", "list"] + packs, env, b"")[:2]))
    if reverse:
        probes.reverse()
    for name, probe in probes:
        # The bare process is the unit of every start-up ratio and takes a few milliseconds:
        # several samples per round steady it at little cost.
        for _ in range(VERSION_SAMPLES if name == "version" else 1):
            ms, mib = probe()
            samples.setdefault(name, []).append([ms, mib])


def measure(binaries, rounds, unindexed=False):
    scratch = tempfile.mkdtemp(prefix="pathway-startup-")
    try:
        library = Library(scratch)
        setups = {role: Setup(binary, os.path.join(scratch, role), library, index=not (unindexed and role == "candidate"))
                  for role, binary in binaries.items()}
        fresh_parent = os.path.join(scratch, "fresh")
        os.makedirs(fresh_parent)
        samples = {role: {} for role in binaries}
        roles = list(binaries)
        for index in range(rounds):
            order = roles if index % 2 == 0 else roles[::-1]
            for role in order:
                one_round(setups[role], samples[role], fresh_parent, reverse=index % 2 == 1)
        return {
            "machine": machine_label(),
            "rounds": rounds,
            "packs": [library.shipped, library.shipped * LIBRARY_SCALE],
            "binaries": {role: {"path": binaries[role], "indexed": setups[role].indexed, "samples": samples[role]} for role in roles},
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-static", "release", "pathway"))
    parser.add_argument("--baseline", help="a second pathway binary measured in the same rounds")
    parser.add_argument("--rounds", type=int, help="alternating rounds (default 20, --quick 8)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--unindexed", action="store_true",
                        help="lay out this build's packs as a checkout has them (no `pack index`), as `swift run pathway` reads them")
    parser.add_argument("--save", help="write the samples as JSON to this file")
    parser.add_argument("--report", help="print the verdicts for samples saved with --save, measuring nothing")
    args = parser.parse_args()
    if args.report:
        with open(args.report) as f:
            results = json.load(f)
    else:
        binaries = {"candidate": os.path.abspath(args.binary)}
        if args.baseline:
            binaries["baseline"] = os.path.abspath(args.baseline)
        for path in binaries.values():
            if not os.access(path, os.X_OK):
                sys.exit(f"{path} is not an executable; build it first (scripts/bench.sh does)")
        results = measure(binaries, args.rounds or (8 if args.quick else 20), unindexed=args.unindexed)
        if args.save:
            with open(args.save, "w") as f:
                json.dump(results, f)
    print("\n".join(render(results)))


if __name__ == "__main__":
    main()
