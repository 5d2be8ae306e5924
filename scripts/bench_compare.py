#!/usr/bin/env python3
"""The pathway-bench figures of this build against a baseline build, as ratios.

Usage: scripts/bench_compare.py --candidate FILE... --baseline FILE...

Each FILE is the output of one `pathway-bench` run (lines `NAME: VALUE ms|MiB ...`); runs of the
two builds were made in alternating order on the same machine (scripts/bench.sh --baseline-bench).
A figure is the median over the runs of its build; each is printed as this build / baseline
against the target of 1.10 (nothing more than 10% slower or larger).
"""
import argparse
import re
import statistics

TARGET = 1.10
LINE = re.compile(r"^(?P<name>[^:]+): (?P<value>[0-9.]+) (?P<unit>ms|MiB)\b")


def figures(text):
    """{name: (value, unit)} for the figure lines of one run's output, in their order."""
    found = {}
    for line in text.splitlines():
        match = LINE.match(line.strip())
        if match:
            found[match["name"].strip()] = (float(match["value"]), match["unit"])
    return found


def medians(texts):
    """{name: (median value, unit)} over several runs' outputs, in the first run's order."""
    runs = [figures(text) for text in texts]
    names = list(runs[0]) if runs else []
    return {name: (statistics.median(run[name][0] for run in runs if name in run), runs[0][name][1]) for name in names}


def compare(candidate_texts, baseline_texts):
    """Lines of the comparison, and the number of figures that passed and failed."""
    candidate, baseline = medians(candidate_texts), medians(baseline_texts)
    lines, passed, failed = [], 0, 0
    for name, (value, unit) in candidate.items():
        if name not in baseline or baseline[name][1] != unit or baseline[name][0] <= 0:
            continue
        base = baseline[name][0]
        ratio = value / base
        ok = ratio <= TARGET
        passed, failed = passed + ok, failed + (not ok)
        figure = f"{value:.2f} vs {base:.2f} {unit} = {ratio:.3f}"
        lines.append(f"  {name:<64} {figure:<28} target <= {TARGET:.2f}  {'PASS' if ok else 'FAIL'}")
    return lines, passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidate", nargs="+", required=True)
    parser.add_argument("--baseline", nargs="+", required=True)
    args = parser.parse_args()

    def read(paths):
        texts = []
        for path in paths:
            with open(path) as f:
                texts.append(f.read())
        return texts
    lines, passed, failed = compare(read(args.candidate), read(args.baseline))
    print(f"this build against the baseline, pathway-bench ({len(args.candidate)} alternating runs each; this / baseline):")
    print("\n".join(lines))
    print(f"{passed} passed, {failed} failed")


if __name__ == "__main__":
    main()
