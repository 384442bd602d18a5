"""The printable glossary handout (block `glossary-handout`): every entry of a language on one page, A-Z, with
its category, other-language term, abbreviation, definition and related entries, styled for paper in
assets/kb-terms.css (two columns, no site chrome, no entry split over two pages). Workshops print it or save
it as PDF from the browser; the trainers' page links to it.
"""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from kb import LANGS
from kb.core import words
from kb.core.context import BuildContext, context
from kb.core.collation import fold, initial
from kb.core.labels import pick, t
from kb.core.markdown_text import capitalise, inline
from kb.glossary.load import KnowledgeBase

PAGE = "handout"                      # docs/handout.<lang>.md
_LINK = re.compile(r"\]\(([^)\s]+)\)")

LABELS: dict[str, dict[str, str]] = words.section("glossary.handout")   # the words live in kb/core/words/{nl,en}.yaml


def relink(markdown: str) -> str:
    """Links of a glossary text (written relative to docs/glossary/) made relative to a top-level page."""
    def fix(match: re.Match) -> str:
        target = match.group(1)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#", target, re.IGNORECASE):
            return match.group(0)
        return "](" + posixpath.normpath(posixpath.join("glossary", target)) + ")"
    return _LINK.sub(fix, markdown)


def render(kb: KnowledgeBase, lang: str, ctx: BuildContext | None = None) -> str:
    """Markdown for the handout page of `lang`."""
    other = [code for code in LANGS if code != lang][0]
    home = context(ctx).urls.site_url.rstrip("/") + "/" + ("" if lang == LANGS[0] else f"{lang}/")
    out = [f'<p class="kb-handout__meta">{inline(pick(LABELS, "count", lang, n=len(kb.entries), url=home))}<br>'
           f'{inline(pick(LABELS, "licence", lang))}</p>\n']
    by_letter = defaultdict(list)
    for entry in kb.sorted_entries(lang):
        by_letter[initial(entry.text[lang].term)].append(entry)
    out.append('<div class="kb-handout" markdown>\n')
    for letter in sorted(by_letter, key=lambda c: (c == "#", c)):
        out.append(f'<h2 class="kb-handout__letter" id="handout-{"other" if letter == "#" else letter.lower()}">'
                   f"{letter}</h2>\n")
        for entry in by_letter[letter]:
            text = entry.text[lang]
            facts = [t("cat_" + entry.category, lang), f"{t('other_language', lang)}: *{inline(entry.text[other].term)}*"]
            if text.abbreviation:
                facts.insert(1, f"{t('abbreviation', lang)}: **{inline(text.abbreviation)}**")
            if text.synonyms:
                facts.append(f"{t('synonyms', lang)}: " + ", ".join(inline(s) for s in text.synonyms))
            related = sorted(entry.related, key=lambda r: fold(kb.entries[r].text[lang].term))
            out.append(f'<div class="kb-handout__entry" id="h-{entry.id}" markdown>\n')
            out.append(f"**[{inline(capitalise(text.term))}](glossary/{entry.id}.md)** "
                       f'<span class="kb-handout__facts">{" · ".join(facts)}</span>\n')
            out.append(relink(text.definition).strip() + "\n")
            if related:
                names = ", ".join(inline(kb.entries[r].text[lang].term) for r in related)
                out.append(f'<span class="kb-handout__related">{t("related", lang)}: {names}</span>\n')
            out.append("</div>\n")
    out.append("</div>\n")
    return "\n".join(out)
