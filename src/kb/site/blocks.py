"""Generated blocks inside hand-written pages: a line `<!-- kb:NAME -->` is replaced by generated Markdown.

Hand-written prose stays in docs/*.nl.md / *.en.md where translators edit it; the data-driven parts
(tier table and chart, quiz, trainer downloads) come from here. A new block: name it in kb.site.markers.NAMES
(validation checks the pages' markers against those names), then register its function in BLOCKS.
"""
from __future__ import annotations

import re

from kb.core.context import BuildContext, context
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
# blocks that show what the downloads hold: their text is known only once the side build has counted
WAITS_FOR_DOWNLOADS = {"trainer-downloads", "trainer-kahoot-summary"}
NEEDS_CONTEXT = {quiz_page.render, practice.render, tier_pages.lookup,   # the URL style, shared results
                 trainer_page.downloads, trainer_page.quiz_set, trainer_page.kahoot_summary,
                 concept_map.render, handout.render}


def expand(markdown: str, kb, lang: str, page: str = "", ctx: BuildContext | None = None) -> str:
    """The page's Markdown with each marker replaced by its block."""
    ctx = context(ctx)
    return MARKER.sub(lambda match: _block(match.group(1), kb, lang, page, ctx), markdown)


def said(markdown: str, kb, lang: str, page: str = "", ctx: BuildContext | None = None) -> tuple[str, ...]:
    """What each of the page's blocks says, in order (`make serve` renders a page again when this changes)."""
    ctx = context(ctx)
    return tuple(_block(name, kb, lang, page, ctx) for name in MARKER.findall(markdown))


def _block(name: str, kb, lang: str, page: str, ctx: BuildContext) -> str:
    """One block, made once per language and data version (kept in `ctx`: pages share it, and `said` and
    `expand` of one page ask for it both)."""
    if name not in BLOCKS:
        raise KeyError(f"{page}: unknown generated block '{name}'. Known: {', '.join(sorted(BLOCKS))}")
    key = f"block:{name}:{lang}"
    hit = ctx.made.get(key)
    if hit is None or hit[0] is not kb:
        block = BLOCKS[name]
        ctx.made[key] = (kb, block(kb, lang, ctx) if block in NEEDS_CONTEXT else block(kb, lang))
    return ctx.made[key][1]


def names_in(markdown: str) -> set[str]:
    """The blocks a page asks for."""
    return set(MARKER.findall(markdown))
