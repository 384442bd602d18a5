"""The generated parts of the "For trainers" page: the quiz-set picker and the downloads table with counts.

Both need links that leave the Markdown world (a form's action, files written after the build), so they
are raw HTML with page-relative URLs. Those depend on the URL style: the published site uses directory URLs
(`/trainers/`), the offline copy file URLs (`trainers.html`); the MkDocs hook tells us which one is built.
"""
from __future__ import annotations

from html import escape

from . import LANGS, exports

_style = {"directory_urls": True, "site_url": "https://influencer-kennisbank.github.io/"}

LABELS = {
    "set_legend": {"nl": "Kies een vragenset voor de groep", "en": "Choose a question set for the group"},
    "seed": {"nl": "Setcode (seed)", "en": "Set code (seed)"},
    "seed_hint": {"nl": "Letters, cijfers, - of _ (tot 32 tekens). Dezelfde code geeft iedereen dezelfde vragen "
                        "in dezelfde volgorde.",
                  "en": "Letters, digits, - or _ (up to 32 characters). The same code gives everyone the same "
                        "questions in the same order."},
    "n": {"nl": "Aantal vragen", "en": "Number of questions"},
    "topic": {"nl": "Onderwerp", "en": "Topic"},
    "open_quiz": {"nl": "Quiz voor deelnemers (deellink)", "en": "Participants' quiz (share link)"},
    "open_present": {"nl": "Presentatieweergave", "en": "Presenter view"},
    "open_key": {"nl": "Antwoordsleutel (printen)", "en": "Answer key (print)"},
    "open_sheet": {"nl": "Vragenblad zonder antwoorden", "en": "Question sheet without answers"},
    "file": {"nl": "Bestand", "en": "File"},
    "use": {"nl": "Gebruik", "en": "Use"},
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "gift_use": {"nl": "Moodle: vragenbank importeren (GIFT)", "en": "Moodle: question bank import (GIFT)"},
    "gift_count": {"nl": "{n} vragen ({choice} meerkeuze, {tf} waar/niet waar), met feedback per antwoord",
                   "en": "{n} questions ({choice} multiple choice, {tf} true/false), with feedback per answer"},
    "kahoot_use": {"nl": "Kahoot: spreadsheet importeren", "en": "Kahoot: import spreadsheet"},
    "kahoot_count": {"nl": "{n} vragen", "en": "{n} questions"},
    "kahoot_left": {"nl": "; {n} langere vragen weggelaten omdat ze niet binnen de limieten van Kahoot passen "
                          "(vraag 120 tekens, antwoord 75 tekens, 4 antwoorden)",
                    "en": "; {n} longer questions left out because they do not fit Kahoot's limits (question "
                          "120 characters, answer 75 characters, 4 answers)"},
    "anki_use": {"nl": "Anki: flitskaarten om zelf te oefenen", "en": "Anki: flashcards for self-study"},
    "anki_count": {"nl": "{n} begrippen, {cards} kaarten (begrip → definitie en terug)",
                   "en": "{n} terms, {cards} cards (term → definition and back)"},
    "offline_use": {"nl": "Offline kopie van de hele site (beide talen)",
                    "en": "Offline copy of the whole site (both languages)"},
    "offline_contents": {"nl": "Uitpakken en index.html openen; zoeken, quiz en niveauwijzer werken zonder "
                               "internet",
                         "en": "Unzip and open index.html; search, quiz and tier lookup work without internet"},
    "offline_here": {"nl": "Je leest nu de offline kopie: deze werkt zonder internet. De nieuwste versie staat "
                           "op {url}.",
                     "en": "You are reading the offline copy, which works without internet. The newest version "
                           "is at {url}."},
    "lang_nl": {"nl": "Nederlands", "en": "Dutch"},
    "lang_en": {"nl": "Engels", "en": "English"},
}
DEFAULT_SEED = "workshop1"
DEFAULT_N = 10


def configure(directory_urls: bool, site_url: str | None) -> None:
    """Called by the MkDocs hook with the URL style and address of the build in progress."""
    _style["directory_urls"] = bool(directory_urls)
    if site_url:
        _style["site_url"] = site_url.rstrip("/") + "/"


def _to_site_root(lang: str) -> str:
    """From the trainers' page of `lang` back to the site root."""
    depth = (0 if lang == LANGS[0] else 1) + (1 if _style["directory_urls"] else 0)
    return "../" * depth


def _quiz_url() -> str:
    return "../quiz/" if _style["directory_urls"] else "quiz.html"


def quiz_set(kb, lang: str) -> str:
    """A plain GET form: no script, works from disk; each button opens the quiz in one of its modes."""
    t = {k: v[lang] for k, v in LABELS.items()}
    buttons = [("", t["open_quiz"]), ("present", t["open_present"]), ("key", t["open_key"]),
               ("sheet", t["open_sheet"])]
    button_html = "\n".join(
        f'<button class="md-button{" md-button--primary" if not mode else ""}" type="submit"'
        + (f' name="mode" value="{mode}"' if mode else "") + f">{escape(label)}</button>"
        for mode, label in buttons)
    return (f'<form class="kb-quiz-set" action="{_quiz_url()}" method="get">\n'
            f'<fieldset>\n<legend>{escape(t["set_legend"])}</legend>\n'
            f'<p><label for="kb-set-seed">{escape(t["seed"])}</label>\n'
            f'<input id="kb-set-seed" name="seed" type="text" value="{DEFAULT_SEED}" required maxlength="32" '
            f'pattern="[A-Za-z0-9_\\-]{{1,32}}" autocomplete="off" spellcheck="false" '
            f'aria-describedby="kb-set-seed-hint">\n'
            f'<span id="kb-set-seed-hint" class="kb-hint">{escape(t["seed_hint"])}</span></p>\n'
            f'<p><label for="kb-set-n">{escape(t["n"])}</label>\n'
            f'<input id="kb-set-n" name="n" type="number" min="1" max="50" value="{DEFAULT_N}" required></p>\n'
            f'{_topic_select(lang, t["topic"])}'
            f'<p class="kb-quiz-set-buttons">\n{button_html}\n</p>\n</fieldset>\n</form>\n')


def _topic_select(lang: str, label: str) -> str:
    """The quiz's own topics, named as the quiz names them (kb.quiz_page), so the two pages agree."""
    from . import quiz_bank, quiz_page
    names = getattr(quiz_page, "LABELS", {})
    topics = [tp for tp in ("all", *getattr(quiz_bank, "TOPICS", ())) if f"topic_{tp}" in names]
    if len(topics) < 2:
        return ""
    options = "".join(f'<option value="{tp}">{escape(names[f"topic_{tp}"][lang])}</option>' for tp in topics)
    return (f'<p><label for="kb-set-topic">{escape(label)}</label>\n'
            f'<select id="kb-set-topic" name="topic">{options}</select></p>\n')


def downloads(kb, lang: str) -> str:
    """The downloads table: one row per file and language, with what it holds."""
    t = {k: v[lang] for k, v in LABELS.items()}
    counts = exports.counts(kb)
    root = _to_site_root(lang) + exports.DOWNLOADS + "/"
    rows = []
    for other in LANGS:
        c = counts[other]
        gift = t["gift_count"].format(n=c.gift, choice=c.gift - c.true_false, tf=c.true_false)
        kahoot = t["kahoot_count"].format(n=c.kahoot) + (t["kahoot_left"].format(n=c.kahoot_left_out)
                                                          if c.kahoot_left_out else "")
        anki = t["anki_count"].format(n=c.anki_notes, cards=c.anki_cards)
        for kind, use, contents in (("gift", t["gift_use"], gift), ("kahoot", t["kahoot_use"], kahoot),
                                    ("anki", t["anki_use"], anki)):
            name = exports.file_name(kind, other)
            rows.append((f'<a href="{root}{name}" download>{name}</a>', f'{use} — {t["lang_" + other]}', contents))
    if _style["directory_urls"]:
        rows.append((f'<a href="{root}{exports.OFFLINE_ZIP}" download>{exports.OFFLINE_ZIP}</a>',
                     t["offline_use"], t["offline_contents"]))
    head = "".join(f'<th scope="col">{escape(t[k])}</th>' for k in ("file", "use", "contents"))
    body = "\n".join(f"<tr><td>{a}</td><td>{escape(b)}</td><td>{escape(c)}</td></tr>" for a, b, c in rows)
    html = (f'<div class="md-typeset__table"><table class="kb-downloads">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table></div>\n")
    if not _style["directory_urls"]:
        home = escape(_style["site_url"] + ("" if lang == LANGS[0] else f"{lang}/"))
        link = f'<a href="{home}">{home}</a>'
        html += f'\n<p class="kb-offline-note">{escape(t["offline_here"]).format(url=link)}</p>\n'
    return html
