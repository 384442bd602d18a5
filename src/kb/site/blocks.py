"""Generated blocks inside hand-written pages: a line `<!-- kb:NAME -->` is replaced by generated Markdown.

Hand-written prose stays in docs/*.nl.md / *.en.md where translators edit it; the data-driven parts
(tier table and chart, quiz, trainer downloads) come from here. Register a block in BLOCKS.
"""
from __future__ import annotations

import difflib
import re

from kb.core.context import BuildContext
from kb.core.problems import Problem, rel
from kb.exports import page as trainer_page
from kb.glossary import concept_map
from kb.glossary import handout
from kb.glossary import translations as translation_status
from kb.quiz import page as quiz_page
from kb.quiz import practice
from kb.tiers import render as tier_pages

MARKER = re.compile(r"^<!-- kb:([a-z0-9-]+) -->$", re.MULTILINE)

# block name -> function; it takes (kb, lang) or (kb, lang, ctx) and returns Markdown/HTML.
BLOCKS = {
    "tier-comparison": tier_pages.comparison,     # table + SVG chart of every source's ranges
    "tier-lookup": tier_pages.lookup,             # follower-count lookup widget
    "quiz": quiz_page.render,                     # the quiz app and its embedded question bank
    "practice": practice.render,                  # the spaced-repetition practice deck (FSRS)
    "trainer-downloads": trainer_page.downloads,  # GIFT / Kahoot / offline zip links
    "trainer-quiz-set": trainer_page.quiz_set,    # form opening a seeded set in each quiz mode
    "trainer-kahoot-summary": trainer_page.kahoot_summary,   # how many questions the Kahoot sheet leaves out
    "translation-status": translation_status.report,
    "concept-map": concept_map.render,            # SVG map of the related links + the same as text
    "glossary-handout": handout.render,           # every entry on one print-styled page
}
NEEDS_CONTEXT = {quiz_page.render, practice.render, tier_pages.lookup,   # the URL style, shared results
                 trainer_page.downloads, trainer_page.quiz_set, trainer_page.kahoot_summary,
                 concept_map.render, handout.render}


def expand(markdown: str, kb, lang: str, page: str = "", ctx: BuildContext | None = None) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in BLOCKS:
            raise KeyError(f"{page}: unknown generated block '{name}'. Known: {', '.join(sorted(BLOCKS))}")
        block = BLOCKS[name]
        return block(kb, lang, ctx) if block in NEEDS_CONTEXT else block(kb, lang)
    return MARKER.sub(replace, markdown)


def check_markers(docs_dir) -> list[Problem]:
    """Every marker in the hand-written pages names a known block."""
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in MARKER.finditer(text):
            if match.group(1) not in BLOCKS:
                line = text[:match.start()].count("\n") + 1
                close = difflib.get_close_matches(match.group(1), list(BLOCKS), n=1)
                fix = f"did you mean '{close[0]}'? Use one of: " if close else "use one of: "
                problems.append(Problem(rel(page), line, 1, f"unknown generated block '{match.group(1)}'.",
                                        fix + ", ".join(sorted(BLOCKS)) + "."))
    return problems
