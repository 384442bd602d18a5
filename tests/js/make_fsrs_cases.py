"""Write tests/js/fsrs-cases.json, the shared test data of docs/assets/fsrs.js, with the reference implementation.

Not part of the test suite: run it by hand in a throw-away environment that has py-fsrs (PyPI `fsrs`):
    python3 -m venv /tmp/fsrs && /tmp/fsrs/bin/pip install fsrs==6.3.2
    /tmp/fsrs/bin/python tests/js/make_fsrs_cases.py
Each row: a card in some state (or a new card), a rating, the days since its last review -> the stability,
difficulty, state, step and interval py-fsrs's Scheduler gives (default parameters, no fuzzing). The two
sequences are the ones py-fsrs's own tests check (tests/test_basic.py: test_review_card, test_memo_state).
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from importlib.metadata import version
from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

T0 = datetime(2026, 1, 5, 9, 0, 0, tzinfo=timezone.utc)
OUT = Path(__file__).with_name("fsrs-cases.json")
STATES = {State.Learning: 1, State.Review: 2, State.Relearning: 3}


def ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def row(name, card: Card | None, rating: int, elapsed_days: float, scheduler: Scheduler) -> dict:
    start = card if card is not None else Card()
    now = T0 + timedelta(days=elapsed_days)
    after, _ = scheduler.review_card(start, Rating(rating), review_datetime=now)
    given = None if card is None else {"st": STATES[card.state], "step": card.step, "s": card.stability,
                                        "d": card.difficulty, "last": ms(T0)}
    return {"name": name, "card": given, "rating": rating, "elapsed_days": elapsed_days,
            "expect": {"st": STATES[after.state], "step": after.step, "s": after.stability, "d": after.difficulty,
                       "interval_minutes": round((after.due - now).total_seconds() / 60, 6)}}


def main() -> None:
    sch = Scheduler(enable_fuzzing=False)
    rows = []
    for r in (1, 2, 3, 4):
        rows.append(row(f"new card, rating {r}", None, r, 0, sch))
    for step in (0, 1):
        for r in (1, 2, 3, 4):
            c = Card(state=State.Learning, step=step, stability=2.3065, difficulty=2.1181, last_review=T0)
            rows.append(row(f"learning step {step}, same day, rating {r}", c, r, 0.01, sch))
    for r in (1, 2, 3, 4):
        c = Card(state=State.Learning, step=1, stability=2.3065, difficulty=5.0, last_review=T0)
        rows.append(row(f"learning step 1, two days later, rating {r}", c, r, 2, sch))
    for s, d, days in ((3.0, 5.0, 3), (10.0, 7.5, 12), (40.0, 3.0, 30), (100.0, 9.0, 250), (5.0, 1.0, 1)):
        for r in (1, 2, 3, 4):
            c = Card(state=State.Review, stability=s, difficulty=d, last_review=T0)
            rows.append(row(f"review S={s} D={d} after {days} days, rating {r}", c, r, days, sch))
    for r in (1, 2, 3, 4):
        c = Card(state=State.Review, stability=8.0, difficulty=6.0, last_review=T0)
        rows.append(row(f"review reviewed again the same day, rating {r}", c, r, 0.2, sch))
    for r in (1, 2, 3, 4):
        c = Card(state=State.Relearning, step=0, stability=1.5, difficulty=8.0, last_review=T0)
        rows.append(row(f"relearning step 0, same day, rating {r}", c, r, 0.01, sch))
        c = Card(state=State.Relearning, step=0, stability=1.5, difficulty=8.0, last_review=T0)
        rows.append(row(f"relearning step 0, four days later, rating {r}", c, r, 4, sch))

    # the two sequences of py-fsrs's tests/test_basic.py
    seq1 = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3]
    card, when, ivls = Card(), datetime(2022, 11, 29, 12, 30, tzinfo=timezone.utc), []
    for r in seq1:
        card, _ = sch.review_card(card, Rating(r), review_datetime=when)
        ivls.append((card.due - card.last_review).days)
        when = card.due
    assert ivls == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21], ivls
    seq2, gaps = [1, 3, 3, 3, 3, 3], [0, 0, 1, 3, 8, 21]
    card, when = Card(), datetime(2022, 11, 29, 12, 30, tzinfo=timezone.utc)
    for r, gap in zip(seq2, gaps):
        when += timedelta(days=gap)
        card, _ = sch.review_card(card, Rating(r), review_datetime=when)
    sequences = [
        {"name": "py-fsrs test_review_card", "start_ms": ms(datetime(2022, 11, 29, 12, 30, tzinfo=timezone.utc)),
         "ratings": seq1, "review_at": "due", "expect_interval_days": ivls},
        {"name": "py-fsrs test_memo_state", "start_ms": ms(datetime(2022, 11, 29, 12, 30, tzinfo=timezone.utc)),
         "ratings": seq2, "gaps_days": gaps, "expect_s": card.stability, "expect_d": card.difficulty},
    ]
    data = {"_comment": "Made by tests/js/make_fsrs_cases.py with py-fsrs " + version("fsrs")
                        + " (Scheduler defaults, no fuzzing); read by tests/js/fsrs.test.js. Times in ms.",
            "parameters": list(DEFAULT_PARAMETERS), "desired_retention": sch.desired_retention,
            "learning_steps_minutes": [int(s.total_seconds() // 60) for s in sch.learning_steps],
            "relearning_steps_minutes": [int(s.total_seconds() // 60) for s in sch.relearning_steps],
            "t0_ms": ms(T0), "rows": rows, "sequences": sequences}
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows, {len(sequences)} sequences -> {OUT}")


if __name__ == "__main__":
    main()
