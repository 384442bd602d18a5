"""The practice block (`<!-- kb:practice -->`): a spaced-repetition deck that remembers, with no account.

Every glossary entry gives two cards (term -> definition, definition -> term) and its scenario questions from
the quiz bank (kind "scenario", if the bank has any). The deck is a file of its own per language
(`DECK_FILE`, written beside the build by kb.site.downloads), loaded by docs/assets/practice.js with a
<script> element, like the quiz bank, so it also works in the offline copy opened from disk. The scheduler is
FSRS-6 (docs/assets/fsrs.js); progress stays in the browser's localStorage (key `kb-practice-v1`) and can be
moved to another browser as a file. Both scripts load deferred, only on this page.

Card ids are stable across rebuilds and languages ("t:<entry>", "d:<entry>", "s:<question id>"), so saved
progress survives a rebuild. All JSON has `<`, `>` and `&` escaped (safe_json); practice.js writes every
text with textContent.
"""
from __future__ import annotations

from kb.core import words
from kb.core.context import BuildContext, context
from kb.core.labels import LABELS as GLOSSARY_LABELS
from kb.core.markdown_text import capitalise, first_sentence
from kb.quiz.bank import cached, definition_without_name
from kb.quiz.page import safe_json

DECK_FILE = "assets/practice-deck-{lang}.js"       # in the built site, one per language
SCRIPTS = ("assets/fsrs.js", "assets/practice.js")
STYLE = "assets/practice.css"
STORAGE_KEY = "kb-practice-v1"
NEW_PER_DAY = 20
SCENARIO = "scenario"                              # the quiz bank kind that becomes a practice card

LABELS: dict[str, dict[str, str]] = words.section("quiz.practice")   # the words live in kb/core/words/{nl,en}.yaml


def _categories(lang: str) -> dict[str, str]:
    return {key[4:]: texts[lang] for key, texts in GLOSSARY_LABELS.items() if key.startswith("cat_")}


def deck(kb, lang: str, ctx: BuildContext | None = None) -> list[dict]:
    """Every card in `lang`, in the order new cards are introduced: by category, then by entry id.

    Term card {"id": "t:<entry>", "k": "t", "c": category, "f": term, "b": short definition, "g": entry};
    definition card "d:<entry>" with the masked short definition in front and the term (and its other names)
    on the back; scenario card "s:<question id>" with the question's prompt "q", text "s", options "o",
    answer "a" and explanation "x"."""
    categories = list(_categories(lang))
    scenarios: dict[str, list] = {}
    for q in cached(kb, ctx).questions[lang]:
        if q.kind == SCENARIO and q.link in kb.entries:
            scenarios.setdefault(q.link, []).append(q)
    entries = sorted(kb.entries.values(), key=lambda e: (categories.index(e.category)
                                                         if e.category in categories else len(categories), e.id))
    cards: list[dict] = []
    for entry in entries:
        text = entry.text[lang]
        term = text.term + (f" ({text.abbreviation})" if text.abbreviation else "")
        names = [text.term] + ([text.abbreviation] if text.abbreviation else []) + list(text.synonyms)
        base = {"c": entry.category, "g": entry.id, "gt": capitalise(text.term)}
        cards.append({"id": f"t:{entry.id}", "k": "t", "f": term,
                      "b": first_sentence(text.definition, limit=300), **base})
        cards.append({"id": f"d:{entry.id}", "k": "d", "f": definition_without_name(entry, lang),
                      "b": " · ".join(dict.fromkeys(names)), **base})
        for q in scenarios.get(entry.id, []):
            card = {"id": f"s:{q.id}", "k": "s", "q": q.prompt, "o": q.options, "a": q.answer,
                    "x": q.explanation, **base}
            if q.stimulus:
                card["s"] = q.stimulus
            cards.append(card)
    return cards


def deck_script(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """The deck file of `lang`: a script that hands the cards to practice.js (window.kbPracticeDeck)."""
    return (f"window.kbPracticeDeck = window.kbPracticeDeck || {{}};\n"
            f"window.kbPracticeDeck[{safe_json(lang)}] = {safe_json(deck(kb, lang, ctx))};\n")


def render(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """HTML for the practice page in `lang`: mount point, labels, settings and its two deferred scripts."""
    site_urls = context(ctx).urls
    root = site_urls.to_site_root(lang)
    labels = {key: value[lang] for key, value in LABELS.items()}
    meta = {"lang": lang, "deck": root + DECK_FILE.format(lang=lang), "key": STORAGE_KEY,
            "new_per_day": NEW_PER_DAY, "categories": _categories(lang),
            "term_url": site_urls.to_language_root() + site_urls.page("glossary/{id}")}
    return "\n".join([
        f'<link rel="stylesheet" href="{root}{STYLE}">',
        f'<div class="kb-practice" data-kb-practice="{lang}">',
        f'<noscript><p>{LABELS["noscript"][lang]}</p></noscript>',
        "</div>",
        "",
        f'<script type="application/json" id="kb-practice-labels">{safe_json(labels)}</script>',
        "",
        f'<script type="application/json" id="kb-practice-meta">{safe_json(meta)}</script>',
        "",
        *[f'<script defer src="{root}{script}"></script>' for script in SCRIPTS],
        "",
    ])
