"""Which generated blocks a hand-written page can ask for, and the check of its markers.

A line `<!-- kb:NAME -->` in docs/*.nl.md / *.en.md is replaced by a generated block when the site is built
(kb.site.blocks renders them). The names live here, apart from the rendering, so that validation (`kb validate`,
every build's first step) checks a page's markers without importing every block's renderer: that import was
0.05 s of a 0.55 s `kb validate` (`make bench`). A new block: name it in NAMES, then register its function in
kb.site.blocks.BLOCKS (tests/unit/test_architecture.py checks that both list the same blocks).
"""
from __future__ import annotations

import difflib
import re

from kb.core.problems import Problem, rel

MARKER = re.compile(r"^<!-- kb:([a-z0-9-]+) -->$", re.MULTILINE)

NAMES = (
    "tier-comparison",          # table + SVG chart of every source's ranges
    "tier-lookup",              # follower-count lookup widget
    "quiz",                     # the quiz app and its embedded question bank
    "practice",                 # the spaced-repetition practice deck (FSRS)
    "trainer-downloads",        # GIFT / Kahoot / offline zip links
    "trainer-quiz-set",         # form opening a seeded set in each quiz mode
    "trainer-kahoot-summary",   # how many questions the Kahoot sheet leaves out
    "translation-status",       # which entries' translations are out of date
    "concept-map",              # SVG map of the related links + the same as text
    "glossary-handout",         # every entry on one print-styled page
)


def check_markers(docs_dir) -> list[Problem]:
    """Every marker in the hand-written pages names a known block."""
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in MARKER.finditer(text):
            if match.group(1) not in NAMES:
                line = text[:match.start()].count("\n") + 1
                close = difflib.get_close_matches(match.group(1), list(NAMES), n=1)
                fix = f"did you mean '{close[0]}'? Use one of: " if close else "use one of: "
                problems.append(Problem(rel(page), line, 1, f"unknown generated block '{match.group(1)}'.",
                                        fix + ", ".join(sorted(NAMES)) + "."))
    return problems
