"""The engine's end of life, checked on every build instead of silenced.

Material for MkDocs reaches end of life on 5 May 2027 (the banner in its 9.8.x releases, which the Makefile
silences with NO_MKDOCS_2_WARNING because it would print on every build and test). In its place, `kb build`
prints one line with the days left, and from that date it fails until the team has recorded what it decided
(ProperDocs, Zensical, or another engine) in DECISION_FILE: a line `decision: …` that is not `none`.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

END_OF_LIFE = dt.date(2027, 5, 5)
ENGINE = "Material for MkDocs"
DECISION_FILE = Path(__file__).with_name("DECISION.md")      # beside this module, in the package
SHOWN_AS = "src/kb/engines/DECISION.md"
_DECISION = re.compile(r"^decision:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def decision(file: Path = DECISION_FILE) -> str | None:
    """The recorded decision, or None while the file says `decision: none` (or is missing)."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError:
        return None
    found = _DECISION.search(text)
    value = found.group(1) if found else "none"
    return None if value.lower() in ("none", "") else value


def today() -> dt.date:
    return dt.date.today()


def check(on: dt.date | None = None, file: Path = DECISION_FILE) -> tuple[bool, str]:
    """(may the build go on, the line to print) on the date `on` (default: today)."""
    on = on or today()
    decided = decision(file)
    if decided:
        return True, f"engine: {ENGINE} (end of life {END_OF_LIFE:%d %B %Y}); decision recorded: {decided}"
    days = (END_OF_LIFE - on).days
    if days > 0:
        left = "1 day" if days == 1 else f"{days} days"
        return True, (f"engine: {ENGINE} reaches end of life on {END_OF_LIFE:%d %B %Y}, in {left}; "
                      f"record the move in {SHOWN_AS} (see the README, 'The engine and its end of life')")
    return False, (f"{ENGINE} reached end of life on {END_OF_LIFE:%d %B %Y}; the build stops until a decision is "
                   f"recorded. How to fix: write what the site moves to (or why it stays) on the line "
                   f"'decision: …' in {SHOWN_AS}.")
