#!/usr/bin/env python3
"""Coarse cross-check of Pathway's GIFT importer against pygiftparser 1.1 (PyPI), used as an oracle.

Run from the repository after `swift build` (needs python3 with venv and network access to PyPI):

    python3 scripts/gift-oracle.py [FILE.gift ...]

With no file it checks Tests/PathwayCoreTests/Fixtures/import/every-construct.gift. It creates a
throwaway virtual environment in a temporary directory, installs pygiftparser==1.1 and PyYAML
there, runs itself again inside it, imports each file with `.build/debug/pathway pack import-gift`
and compares, question by question in file order: the question type and which answers are right
(fraction 100 % for single choice and short answer, positive weight for multiple answer, the right
value or range for numerical, the pairs for matching).

Only coarse facts are compared, because pygiftparser differs from Moodle on details (see
shared/reference/learning-standards.md 2.5): it keeps backslash escapes, leaves spaces around
matching pairs (both are stripped here), keeps `[plain]` tags on answers (stripped here too).
Questions whose text holds a backslash, and questions Pathway reports and leaves out, are shown
but not counted. Differences are printed for a person to judge against Moodle's rules (pygiftparser
is wrong on some, e.g. it reads `{=a =%50%b}` as multiple choice). Exits 1 on a difference. Not
part of CI.
"""

import os
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(REPOSITORY, "Tests/PathwayCoreTests/Fixtures/import/every-construct.gift")
TYPES = {
    "SelectSet": "single_choice", "MultipleChoicesSet": "multiple_select", "TrueFalseSet": "true_false",
    "ShortSet": "short_text", "NumericAnswerSet": "numeric", "MatchingSet": "matching",
    "Essay": "reflection", "Description": "text",
}


def in_venv():
    """Re-runs this script inside a fresh virtual environment with the oracle installed."""
    with tempfile.TemporaryDirectory() as venv:
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        python = os.path.join(venv, "bin", "python")
        subprocess.run([python, "-m", "pip", "install", "-q", "pygiftparser==1.1", "PyYAML"], check=True)
        env = dict(os.environ, GIFT_ORACLE_VENV="1")
        return subprocess.run([python, __file__] + sys.argv[1:], env=env).returncode


def pathway_steps(path, out):
    """The steps Pathway imports from `path`, in file order (general-feedback text steps after essays dropped)."""
    import yaml
    binary = os.path.join(REPOSITORY, ".build/debug/pathway")
    subprocess.run([binary, "pack", "import-gift", path, "--id", "oracle", "--out", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "pack.yaml")) as f:
        manifest = yaml.safe_load(f)
    steps = []
    for module_path in manifest["modules"]:
        with open(os.path.join(out, module_path)) as f:
            module = yaml.safe_load(f)
        for lesson_path in module["lessons"]:
            with open(os.path.join(out, lesson_path)) as f:
                for step in yaml.safe_load(f)["steps"]:
                    if step["type"] == "text" and "id" not in step:
                        continue
                    steps.append(step)
    return steps


def pathway_right(step):
    kind = step["type"]
    if kind in ("single_choice", "multiple_select"):
        return sorted(c["text"] for c in step["choices"] if c.get("correct"))
    if kind == "true_false":
        return [step["answer"]]
    if kind == "short_text":
        return sorted(step.get("answers", []))
    if kind == "numeric":
        return [tuple(step["range"])] if "range" in step else [(step["answer"], step.get("tolerance", 0))]
    if kind == "matching":
        return sorted((p["left"], p["right"]) for p in step["pairs"])
    return []


def untagged(text):
    """An answer without the format tag pygiftparser leaves in front of it ("[plain]Yes")."""
    text = text.strip()
    for tag in ("[plain]", "[html]", "[markdown]", "[moodle]"):
        if text.startswith(tag):
            return text[len(tag):].strip()
    return text


def oracle_right(question):
    answers = question.answers
    kind = TYPES.get(type(answers).__name__, type(answers).__name__)
    inner = getattr(answers, "answers", None) or []
    if kind == "single_choice":
        return sorted(untagged(a.answer) for a in inner if a.fraction == 100)
    if kind == "multiple_select":
        return sorted(untagged(a.answer) for a in inner if a.fraction > 0)
    if kind == "true_false":
        return [bool(answers.answer)]
    if kind == "short_text":
        return sorted(a.answer.strip() for a in inner if a.fraction == 100 and "*" not in a.answer)
    if kind == "numeric":
        right = [a for a in inner if a.fraction == 100][:1]
        return [(float(a.mini), float(a.maxi)) if hasattr(a, "mini") else (a.value, a.tolerance) for a in right]
    if kind == "matching":
        return sorted((a.question.strip(), a.answer.strip()) for a in inner if a.question.strip())
    return []


def slug(title):
    """Pathway's slug of a title (ImportIDs.slug): accents removed, words joined by dashes."""
    import unicodedata
    folded = unicodedata.normalize("NFKD", title.lower())
    words, word = [], ""
    for c in folded:
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            word += c
        elif not unicodedata.combining(c) and word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    return "-".join(words)


def check(path):
    from pygiftparser import parser
    with open(path) as f:
        questions = [q for q in parser.parseFile(f) if hasattr(q, "answers")]
    with tempfile.TemporaryDirectory() as out:
        steps = pathway_steps(path, os.path.join(out, "pack"))
    print(f"{path}: pygiftparser {len(questions)} questions, Pathway {len(steps)} steps")
    by_id = {step.get("id"): step for step in steps}
    # Questions are paired by title (Pathway's id is "oracle-" + the title's slug), else (an
    # untitled question, or an id from a "// [id:…]" comment) by position when both sides have
    # as many.
    pairs = []
    for index, question in enumerate(questions):
        step = by_id.get("oracle-" + slug(question.title)) if question.title else None
        if step is None and len(steps) == len(questions):
            step = steps[index]
        pairs.append((question, step))
    agreed = differed = skipped = 0
    for question, step in pairs:
        kind = TYPES.get(type(question.answers).__name__, type(question.answers).__name__)
        theirs = (kind, oracle_right(question))
        title = question.title or "(untitled)"
        if step is None:
            skipped += 1
            print(f"  gone  {title}: not imported by Pathway (it reports why); oracle {theirs}")
            continue
        ours = (step["type"], pathway_right(step))
        if ours == theirs:
            agreed += 1
            print(f"  ok    {title}: {ours[0]}")
        elif "\\" in question.source:
            skipped += 1
            print(f"  skip  {title}: escapes (pygiftparser keeps backslashes)\n        Pathway {ours}\n        oracle  {theirs}")
        else:
            differed += 1
            print(f"  DIFF  {title}\n        Pathway {ours}\n        oracle  {theirs}")
    print(f"{agreed} agree, {differed} differ, {skipped} not compared")
    return differed


def main():
    if os.environ.get("GIFT_ORACLE_VENV") != "1":
        return in_venv()
    files = sys.argv[1:] or [DEFAULT]
    return 1 if sum(check(f) for f in files) else 0


if __name__ == "__main__":
    sys.exit(main())
