"""Generated blocks inside hand-written pages: a line `<!-- kb:NAME -->` is replaced by generated Markdown.

Hand-written prose stays in docs/*.nl.md / *.en.md where translators edit it; the data-driven parts
(tier table and chart, quiz, trainer downloads) come from here. A new block: name it in kb.site.markers.NAMES
(validation checks the pages' markers against those names), then register its function in BLOCKS.
"""
from __future__ import annotations

import re

from kb.core.context import BuildContext
from kb.exports import page as trainer_page
from kb.glossary import concept_map
from kb.glossary import handout
from kb.glossary import translations as translation_status
from kb.quiz import page as quiz_page
from kb.quiz import practice
from kb.site.markers import MARKER
from kb.tiers import render as tier_pages

# block name (kb.site.markers.NAMES says what each is) -> function; it takes (kb, lang) or (kb, lang, ctx) and
# returns Markdown/HTML.
BLOCKS = {
    "tier-comparison": tier_pages.comparison,
    "tier-lookup": tier_pages.lookup,
    "quiz": quiz_page.render,
    "practice": practice.render,
    "trainer-downloads": trainer_page.downloads,
    "trainer-quiz-set": trainer_page.quiz_set,
    "trainer-kahoot-summary": trainer_page.kahoot_summary,
    "translation-status": translation_status.report,
    "concept-map": concept_map.render,
    "glossary-handout": handout.render,
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
