#!/usr/bin/env python3
"""Writes N synthetic progress files of A attempts each over the packs' real question ids,
for timing `pathway report cohort`.

usage: make-cohort.py REPORT_JSON OUT_DIR [LEARNERS] [ATTEMPTS]

REPORT_JSON is `pathway report --format json` of any profile: it lists the packs' lessons and
questions. The data is random but seeded, so two runs write the same files.
"""
import datetime
import json
import os
import random
import sys

report, out = sys.argv[1], sys.argv[2]
learners = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
attempts_each = int(sys.argv[4]) if len(sys.argv) > 4 else 500

data = json.load(open(report, encoding="utf-8"))
lessons, questions = [], []
for track in data["tracks"]:
    for module in track["modules"]:
        for lesson in module["lessons"]:
            lessons.append(f'{track["pack"]}/{lesson["id"]}')
            questions += [f'{track["pack"]}/{q["id"]}' for q in lesson["questions"]]

rng = random.Random(42)
start = datetime.datetime(2026, 1, 5, 9, 0, 0, tzinfo=datetime.timezone.utc)
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
os.makedirs(out, exist_ok=True)
wrong = ["Carrot", "recall", "0.5", "true", "a, b", 'say "hi"', "zürich"]
for n in range(learners):
    t = start + datetime.timedelta(hours=rng.randrange(0, 500))
    items, made = {}, 0
    while made < attempts_each:
        key = rng.choice(questions)
        record = items.setdefault(key, {"attempts": [], "hintsUsed": 0, "skipped": False, "revealed": False, "secondsSpent": 0})
        for _ in range(rng.randint(1, 3)):
            if made == attempts_each: break
            t += datetime.timedelta(seconds=rng.randrange(5, 300))
            seconds = round(rng.uniform(2, 90), 2)
            correct = rng.random() < 0.6
            record["attempts"].append({"answer": "right" if correct else rng.choice(wrong), "correct": correct,
                                       "at": iso(t), "seconds": seconds, "hintsUsed": 0})
            record["secondsSpent"] += seconds
            made += 1
    lesson_records = {}
    for key in lessons[: rng.randrange(0, len(lessons) + 1)]:
        lesson_records[key] = {"position": 0, "completed": True, "startedAt": iso(start), "completedAt": iso(t),
                               "lastVisitedAt": iso(t)}
    progress = {"schemaVersion": 1, "profile": f"learner-{n:04d}", "createdAt": iso(start), "updatedAt": iso(t),
                "lessons": lesson_records, "items": items, "reflections": {}}
    with open(os.path.join(out, f"learner-{n:04d}.json"), "w", encoding="utf-8") as f:
        json.dump(progress, f)
print(f"wrote {learners} files of {attempts_each} attempts to {out}")
