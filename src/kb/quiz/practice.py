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

LABELS: dict[str, dict[str, str]] = {
    "noscript": {"nl": "Oefenen heeft JavaScript nodig. Zonder JavaScript kun je alle begrippen nalezen in de "
                       "lijst met begrippen.",
                 "en": "Practice needs JavaScript. Without it, you can still read every term in the glossary."},
    "loading": {"nl": "De kaarten worden geladen …", "en": "Loading the cards …"},
    "no_deck": {"nl": "De kaarten konden niet worden geladen. Laad de pagina opnieuw.",
                "en": "The cards could not be loaded. Please reload the page."},
    "today": {"nl": "Vandaag", "en": "Today"},
    "counts": {"nl": "Te herhalen: {due} · Nieuw: {new} · Gedaan vandaag: {done}",
               "en": "Due: {due} · New: {new} · Done today: {done}"},
    "kind_t": {"nl": "Begrip → betekenis", "en": "Term → meaning"},
    "kind_d": {"nl": "Betekenis → begrip", "en": "Meaning → term"},
    "kind_s": {"nl": "Situatie", "en": "Scenario"},
    "card_new": {"nl": "nieuwe kaart", "en": "new card"},
    "card_due": {"nl": "herhaling", "en": "review"},
    "ask_t": {"nl": "Wat betekent dit begrip?", "en": "What does this term mean?"},
    "ask_d": {"nl": "Welk begrip past bij deze omschrijving?", "en": "Which term matches this description?"},
    "reveal": {"nl": "Toon het antwoord (spatie)", "en": "Show the answer (Space)"},
    "answer": {"nl": "Antwoord", "en": "Answer"},
    "check": {"nl": "Controleer", "en": "Check"},
    "choose_first": {"nl": "Kies eerst een antwoord.", "en": "Choose an answer first."},
    "correct": {"nl": "Goed", "en": "Correct"},
    "incorrect": {"nl": "Fout", "en": "Incorrect"},
    "right_answer": {"nl": "Het juiste antwoord: {a}", "en": "The right answer: {a}"},
    "read_more": {"nl": "Lees meer: {t}", "en": "Read more: {t}"},
    "rate_legend": {"nl": "Hoe goed wist je het? (toetsen 1–4)", "en": "How well did you know it? (keys 1–4)"},
    "rate_1": {"nl": "Opnieuw", "en": "Again"},
    "rate_2": {"nl": "Moeilijk", "en": "Hard"},
    "rate_3": {"nl": "Goed", "en": "Good"},
    "rate_4": {"nl": "Makkelijk", "en": "Easy"},
    "wrong_hint": {"nl": "Fout beantwoord: kies Opnieuw, dan komt de kaart snel terug.",
                   "en": "Answered wrongly: choose Again and the card comes back soon."},
    "in_minutes": {"nl": "over {n} min", "en": "in {n} min"},
    "in_days": {"nl": "over {n} d", "en": "in {n} d"},
    "rated": {"nl": "{r}: de kaart komt terug {when}.", "en": "{r}: the card comes back {when}."},
    "done_title": {"nl": "Klaar voor vandaag", "en": "Done for today"},
    "done_next": {"nl": "De volgende kaart is terug op {when}.", "en": "The next card is due on {when}."},
    "done_none": {"nl": "Er staan geen kaarten meer klaar.", "en": "No cards are waiting."},
    "more_new": {"nl": "Nog {n} nieuwe kaarten vandaag", "en": "{n} more new cards today"},
    "progress_title": {"nl": "Voortgang per categorie", "en": "Progress by category"},
    "progress_intro": {"nl": "Beheerst: herhaald en stabiel voor minstens {n} dagen. Bezig: al geoefend, "
                             "nog niet beheerst. Nieuw: nog niet geoefend.",
                       "en": "Mastered: reviewed and stable for at least {n} days. Learning: practised, not yet "
                             "mastered. New: not practised yet."},
    "mastered": {"nl": "beheerst", "en": "mastered"},
    "learning": {"nl": "bezig", "en": "learning"},
    "new": {"nl": "nieuw", "en": "new"},
    "bar_text": {"nl": "{m} beheerst, {l} bezig, {n} nieuw (van {t})",
                 "en": "{m} mastered, {l} learning, {n} new (of {t})"},
    "total": {"nl": "Alle kaarten", "en": "All cards"},
    "move_title": {"nl": "Voortgang meenemen", "en": "Take your progress along"},
    "move_intro": {"nl": "Je voortgang staat alleen in deze browser. Bewaar hem als bestand en laad hem in een "
                         "andere browser of op een andere computer.",
                   "en": "Your progress is kept in this browser only. Save it as a file and load it in another "
                         "browser or on another computer."},
    "export": {"nl": "Bewaar je voortgang als bestand", "en": "Save your progress as a file"},
    "import": {"nl": "Laad voortgang uit een bestand", "en": "Load progress from a file"},
    "exported": {"nl": "Je voortgang is bewaard als {f}.", "en": "Your progress was saved as {f}."},
    "imported": {"nl": "Voortgang geladen: {n} kaarten.", "en": "Progress loaded: {n} cards."},
    "import_bad": {"nl": "Dat bestand is geen voortgang van deze oefenpagina. Er is niets veranderd.",
                   "en": "That file is not progress from this practice page. Nothing was changed."},
    "import_big": {"nl": "Dat bestand is te groot voor voortgang. Er is niets veranderd.",
                   "en": "That file is too large to be progress. Nothing was changed."},
    "storage_reset": {"nl": "De opgeslagen voortgang in deze browser was onleesbaar en is vervangen: je begint "
                            "opnieuw.",
                      "en": "The progress saved in this browser could not be read and was replaced: you start "
                            "afresh."},
    "storage_partial": {"nl": "{n} kaarten in de opgeslagen voortgang waren onleesbaar; die beginnen opnieuw.",
                        "en": "{n} cards in the saved progress could not be read; they start afresh."},
    "storage_off": {"nl": "Deze browser bewaart niets (privévenster?): je voortgang verdwijnt als je de pagina "
                          "sluit. Bewaar hem als bestand.",
                    "en": "This browser does not keep anything (private window?): your progress is lost when you "
                          "close the page. Save it as a file."},
    "keys_help": {"nl": "Toetsen: spatie of Enter toont het antwoord, 1 tot 4 geeft je oordeel.",
                  "en": "Keys: Space or Enter shows the answer, 1 to 4 rates it."},
}


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
