#!/usr/bin/env python3
"""Golden vectors for Pathway's FSRS-6 scheduler, computed by py-fsrs 6.3.2 (the reference).

Run from anywhere (needs python3 with venv and network access to PyPI):

    python3 scripts/fsrs-golden.py

It creates a throwaway virtual environment in a temporary directory, installs fsrs==6.3.2 there,
runs itself again inside it and writes Tests/PathwayCoreTests/Fixtures/fsrs-golden.json. The seed
and the start date are fixed, so running it again gives the same file byte for byte.

Every sequence starts with a new card (py-fsrs's Card(): Learning, step 0, due at the start) and
reviews it 5 to 15 times with fuzzing off. Review times range from minutes after the last review
to months, early, on time and late. After each review the file records the card (state, step,
stability, difficulty, due, last review), the interval scheduled (due minus review time) and the
retrievability the scheduler saw just before the review. Most sequences use the default
scheduler; a few use other settings (retention, steps, maximum interval) to cover every branch.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

FSRS_VERSION = "6.3.2"
SEED = 20260105
START = datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)
DEFAULT_SEQUENCES = 48
OUTPUT = Path(__file__).resolve().parent.parent / "Tests/PathwayCoreTests/Fixtures/fsrs-golden.json"
INSIDE_VENV = "PATHWAY_FSRS_GOLDEN_VENV"


def relaunch_in_venv() -> None:
    """Creates a temporary venv with fsrs==6.3.2 and runs this script again inside it."""
    with tempfile.TemporaryDirectory(prefix="fsrs-golden-") as folder:
        venv = Path(folder) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"fsrs=={FSRS_VERSION}"], check=True)
        environment = dict(os.environ, **{INSIDE_VENV: "1"})
        subprocess.run([str(python), str(Path(__file__).resolve())], check=True, env=environment)


def iso(moment: datetime) -> str:
    assert moment.tzinfo == timezone.utc and moment.microsecond == 0, moment
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def configurations():
    """(name, Scheduler keyword arguments, number of sequences); fuzzing is always off."""
    minutes = lambda n: timedelta(minutes=n)
    return [
        ("default", {}, DEFAULT_SEQUENCES),
        ("retention-0.8", {"desired_retention": 0.8}, 2),
        ("retention-0.95", {"desired_retention": 0.95}, 2),
        ("no-learning-steps", {"learning_steps": ()}, 2),
        ("no-relearning-steps", {"relearning_steps": ()}, 2),
        ("one-learning-step-two-relearning-steps",
         {"learning_steps": (minutes(10),), "relearning_steps": (minutes(5), minutes(60))}, 2),
        ("three-learning-steps", {"learning_steps": (minutes(1), minutes(10), minutes(60))}, 2),
        ("maximum-interval-30", {"maximum_interval": 30}, 2),
    ]


def next_review_time(rng: random.Random, card, last: datetime) -> datetime:
    """A review time after `last`: minutes, hours, days or months later, or around the due date."""
    mode = rng.choices(
        ["on-time", "minutes", "hours", "days", "weeks", "months", "late", "early"],
        weights=[30, 10, 10, 12, 8, 8, 12, 10],
    )[0]
    if mode == "on-time":
        moment = card.due
    elif mode == "minutes":
        moment = last + timedelta(minutes=rng.randint(1, 59), seconds=rng.randint(0, 59))
    elif mode == "hours":
        moment = last + timedelta(hours=rng.randint(1, 23), seconds=rng.randint(0, 3599))
    elif mode == "days":
        moment = last + timedelta(days=rng.randint(1, 6), seconds=rng.randint(0, 86399))
    elif mode == "weeks":
        moment = last + timedelta(days=rng.randint(7, 29), seconds=rng.randint(0, 86399))
    elif mode == "months":
        moment = last + timedelta(days=rng.randint(30, 240), seconds=rng.randint(0, 86399))
    elif mode == "late":
        moment = card.due + timedelta(days=rng.randint(1, 60), seconds=rng.randint(0, 86399))
    else:  # early: part of the way to the due date
        span = int((card.due - last).total_seconds())
        moment = last + timedelta(seconds=rng.randint(1, max(1, span - 1)))
    return max(moment, last + timedelta(seconds=1))


def ratings_for(rng: random.Random, count: int, style: str):
    if style != "mixed":
        return [{"again": 1, "hard": 2, "good": 3, "easy": 4}[style]] * count
    return rng.choices([1, 2, 3, 4], weights=[18, 17, 45, 20], k=count)


def generate() -> None:
    from importlib.metadata import version

    from fsrs import Card, Rating, Scheduler

    installed = version("fsrs")
    assert installed == FSRS_VERSION, f"expected fsrs {FSRS_VERSION}, found {installed}"

    rng = random.Random(SEED)
    sequences = []
    for name, arguments, count in configurations():
        scheduler = Scheduler(enable_fuzzing=False, **arguments)
        for index in range(count):
            style = "mixed"
            if name == "default" and index < 4:
                style = ["again", "hard", "good", "easy"][index]
            ratings = ratings_for(rng, rng.randint(5, 15), style)
            card = Card(card_id=len(sequences) + 1, due=START)
            now = START
            reviews = []
            for position, rating in enumerate(ratings):
                if position > 0:
                    now = next_review_time(rng, card, card.last_review)
                retrievability = scheduler.get_card_retrievability(card, now)
                card, _ = scheduler.review_card(card, Rating(rating), now)
                interval = card.due - now
                reviews.append({
                    "rating": rating,
                    "review": iso(now),
                    "retrievabilityBefore": retrievability,
                    "state": card.state.name.lower(),
                    "step": card.step,
                    "stability": card.stability,
                    "difficulty": card.difficulty,
                    "due": iso(card.due),
                    "lastReview": iso(card.last_review),
                    "intervalSeconds": int(interval.total_seconds()),
                })
            settings = scheduler.to_dict()
            sequences.append({
                "name": f"{name}-{index + 1}",
                "scheduler": {
                    "desiredRetention": settings["desired_retention"],
                    "learningSteps": settings["learning_steps"],
                    "relearningSteps": settings["relearning_steps"],
                    "maximumInterval": settings["maximum_interval"],
                },
                "start": iso(START),
                "reviews": reviews,
            })

    document = {
        "generator": "scripts/fsrs-golden.py",
        "reference": f"py-fsrs (PyPI fsrs) {installed}, fuzzing off",
        "seed": SEED,
        "parameters": list(Scheduler().parameters),
        "sequences": sequences,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    total = sum(len(sequence["reviews"]) for sequence in sequences)
    print(f"wrote {OUTPUT} ({len(sequences)} sequences, {total} reviews)")


if __name__ == "__main__":
    if os.environ.get(INSIDE_VENV):
        generate()
    else:
        relaunch_in_venv()
