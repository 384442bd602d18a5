"""The generated parts of the "For trainers" page: the quiz-set picker and the downloads table with counts.

Both need links that leave the Markdown world (a form's action, files written after the build), so they
are raw HTML with page-relative URLs from the URL style of the build in progress (its BuildContext, kb.core.context).
"""
from __future__ import annotations

from html import escape

from kb import LANGS
from kb.exports import build as exports
from kb.core.context import BuildContext, context
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page

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
    "file": {"nl": "Downloaden", "en": "Download"},
    "use": {"nl": "Voor", "en": "For"},
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "gift_use": {"nl": "Moodle (vragenbank importeren)", "en": "Moodle (question bank import)"},
    "gift_count": {"nl": "{n} vragen ({choice} meerkeuze, {tf} waar/niet waar), met feedback per antwoord",
                   "en": "{n} questions ({choice} multiple choice, {tf} true/false), with feedback per answer"},
    "kahoot_use": {"nl": "Kahoot (spreadsheet importeren)", "en": "Kahoot (import spreadsheet)"},
    "kahoot_count": {"nl": "{n} vragen", "en": "{n} questions"},
    "kahoot_left": {"nl": "Niet in de Kahoot-spreadsheet: {nl} Nederlandse en {en} Engelse vragen die langer zijn "
                          "dan Kahoot toestaat (vraag 120 tekens, antwoord 75 tekens). Ze staan wel in de quiz en "
                          "in het GIFT-bestand.",
                    "en": "Not in the Kahoot spreadsheet: {nl} Dutch and {en} English questions that are longer "
                          "than Kahoot allows (question 120 characters, answer 75 characters). They are in the "
                          "quiz and the GIFT file."},
    "anki_use": {"nl": "Anki (flitskaarten om zelf te oefenen)", "en": "Anki (flashcards for self-study)"},
    "anki_count": {"nl": "{n} begrippen, {cards} kaarten (begrip → definitie en terug)",
                   "en": "{n} terms, {cards} cards (term → definition and back)"},
    "offline_use": {"nl": "Zonder internet (offline kopie)", "en": "Without internet (offline copy)"},
    "offline_link": {"nl": "Hele site, beide talen (zip)", "en": "Whole site, both languages (zip)"},
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


def _quiz_url(ctx: BuildContext) -> str:
    return ctx.urls.to_language_root() + ctx.urls.page("quiz")


def quiz_set(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """A plain GET form: no script, works from disk; each button opens the quiz in one of its modes."""
    ctx = context(ctx)
    t = {k: v[lang] for k, v in LABELS.items()}
    buttons = [("", t["open_quiz"]), ("present", t["open_present"]), ("key", t["open_key"]),
               ("sheet", t["open_sheet"])]
    button_html = "\n".join(
        f'<button class="md-button{" md-button--primary" if not mode else ""}" type="submit"'
        + (f' name="mode" value="{mode}"' if mode else "") + f">{escape(label)}</button>"
        for mode, label in buttons)
    return (f'<form class="kb-quiz-set" action="{_quiz_url(ctx)}" method="get">\n'
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
    names = getattr(quiz_page, "LABELS", {})
    topics = [tp for tp in ("all", *getattr(quiz_bank, "TOPICS", ())) if f"topic_{tp}" in names]
    if len(topics) < 2:
        return ""
    options = "".join(f'<option value="{tp}">{escape(names[f"topic_{tp}"][lang])}</option>' for tp in topics)
    return (f'<p><label for="kb-set-topic">{escape(label)}</label>\n'
            f'<select id="kb-set-topic" name="topic">{options}</select></p>\n')


def downloads(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """The downloads table: one row per export, what it holds, and a link per language."""
    ctx = context(ctx)
    t = {k: v[lang] for k, v in LABELS.items()}
    counts = exports.counts(kb, ctx)
    root = ctx.urls.to_site_root(lang) + exports.DOWNLOADS + "/"

    def per_language(describe) -> str:
        texts = {other: describe(counts[other]) for other in LANGS}
        if len(set(texts.values())) == 1:
            return texts[lang]
        return "; ".join(f"{t['lang_' + other]}: {texts[other]}" for other in LANGS)

    def links(kind: str, fmt: str) -> str:
        return " · ".join(f'<a href="{root}{exports.file_name(kind, other)}" download>{escape(t["lang_" + other])}'
                          f" ({fmt})</a>" for other in LANGS)

    rows = [
        (t["gift_use"], per_language(lambda c: t["gift_count"].format(n=c.gift, choice=c.gift - c.true_false,
                                                                       tf=c.true_false)), links("gift", "GIFT")),
        (t["kahoot_use"], per_language(lambda c: t["kahoot_count"].format(n=c.kahoot)), links("kahoot", "xlsx")),
        (t["anki_use"], per_language(lambda c: t["anki_count"].format(n=c.anki_notes, cards=c.anki_cards)),
         links("anki", "apkg")),
    ]
    if ctx.urls.directory_urls:
        rows.append((t["offline_use"], t["offline_contents"],
                     f'<a href="{root}{exports.OFFLINE_ZIP}" download>{escape(t["offline_link"])}</a>'))
    head = "".join(f'<th scope="col">{escape(t[k])}</th>' for k in ("use", "contents", "file"))
    body = "\n".join(f'<tr><th scope="row">{escape(a)}</th><td>{escape(b)}</td><td>{c}</td></tr>'
                     for a, b, c in rows)
    html = (f'<div class="kb-downloads" markdown="0">\n<table>\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table></div>\n")
    left_out = {other: counts[other].kahoot_left_out for other in LANGS}
    if any(left_out.values()):
        html += ('\n<p class="kb-hint">' + escape(t["kahoot_left"].format(
            nl=left_out["nl"], en=left_out["en"])) + "</p>\n")
    if not ctx.urls.directory_urls:
        home = escape(ctx.urls.site_url + ("" if lang == LANGS[0] else f"{lang}/"))
        link = f'<a href="{home}">{home}</a>'
        html += f'\n<p class="kb-offline-note">{escape(t["offline_here"]).format(url=link)}</p>\n'
    return html
