"""The generated parts of the "For trainers" page: the quiz-set picker and the downloads table with counts.

Both need links that leave the Markdown world (a form's action, files written after the build), so they
are raw HTML with page-relative URLs from the URL style of the build in progress (its BuildContext, kb.core.context).
"""
from __future__ import annotations

from html import escape

from kb import LANGS
from kb.core import words
from kb.exports import build as exports
from kb.core.context import BuildContext, context
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page

LABELS = words.section("exports.page")   # the words live in kb/core/words/{nl,en}.yaml
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
            f'<p class="kb-quiz-set-buttons">\n{button_html}\n</p>\n'
            f'<p class="kb-set-downloads" id="kb-set-downloads" aria-live="polite" '
            f'data-label="{escape(t["set_downloads"])}">'
            f'{escape(t["set_downloads_hint"])}</p>\n</fieldset>\n</form>\n'
            f'<script defer src="{ctx.urls.to_site_root(lang)}assets/trainer-downloads.js"></script>\n')


def _topic_select(lang: str, label: str) -> str:
    """The quiz's own topics, named as the quiz names them (kb.quiz.page), so the two pages agree."""
    names = quiz_page.LABELS
    topics = [tp for tp in ("all", *quiz_bank.TOPICS) if f"topic_{tp}" in names]
    if len(topics) < 2:
        return ""
    options = "".join(f'<option value="{tp}">{escape(names[f"topic_{tp}"][lang])}</option>' for tp in topics)
    return (f'<p><label for="kb-set-topic">{escape(label)}</label>\n'
            f'<select id="kb-set-topic" name="topic">{options}</select></p>\n')


def kahoot_summary(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """Up front on the trainers' page: how many questions the Kahoot sheet leaves out, from the build's counts."""
    counts = exports.counts(kb, context(ctx))
    if not any(counts[other].kahoot_left_out for other in LANGS):
        return f'<p class="kb-kahoot-summary">{escape(LABELS["kahoot_all"][lang])}</p>\n'
    values = {f"{other}_{key}": value for other in LANGS
              for key, value in (("left", counts[other].kahoot_left_out), ("all", counts[other].bank))}
    return f'<p class="kb-kahoot-summary">{escape(LABELS["kahoot_summary"][lang].format(**values))}</p>\n'


def _size(counts, name: str, lang: str) -> str:
    """', 12 kB' for a file whose size the build knows; '' otherwise."""
    for c in counts.values():
        if name in c.sizes:
            return ", " + LABELS["size_kb"][lang].format(n=max(1, round(c.sizes[name] / 1024)))
    return ""


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
                          f" ({fmt}{_size(counts, exports.file_name(kind, other), lang)})</a>" for other in LANGS)

    rows = [
        (t["gift_use"], per_language(lambda c: t["gift_count"].format(n=c.gift, choice=c.gift - c.true_false,
                                                                       tf=c.true_false, fb=c.gift_feedback)),
         links("gift", "GIFT")),
        (t["kahoot_use"], per_language(lambda c: t["kahoot_count"].format(n=c.kahoot)), links("kahoot", "xlsx")),
        (t["anki_use"], per_language(lambda c: t["anki_count"].format(n=c.anki_notes, cards=c.anki_cards)),
         links("anki", "apkg")),
    ]
    handout = ctx.urls.to_language_root() + ctx.urls.page("handout")
    rows.append((t["handout_use"], t["handout_contents"].format(n=len(kb.entries)),
                 f'<a href="{handout}">{escape(t["handout_link"])}</a>'))
    if ctx.urls.directory_urls:
        rows.append((t["offline_use"], t["offline_contents"],
                     f'<a href="{root}{exports.OFFLINE_ZIP}" download>{escape(t["offline_link"])}</a>'))
    head = "".join(f'<th scope="col">{escape(t[k])}</th>' for k in ("use", "contents", "file"))
    body = "\n".join(f'<tr><th scope="row">{escape(a)}</th><td>{escape(b)}</td><td>{c}</td></tr>'
                     for a, b, c in rows)
    html = (f'<div class="kb-downloads" markdown="0">\n<table>\n<caption>{escape(t["whole_bank"])}</caption>\n'
            f'<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table></div>\n')
    html += by_topic(counts, lang, root)
    left_out = {other: counts[other].kahoot_left_out for other in LANGS}
    if any(left_out.values()):
        html += ('\n<p class="kb-hint">' + escape(t["kahoot_left"].format(
            nl=left_out["nl"], en=left_out["en"])) + "</p>\n")
    if not ctx.urls.directory_urls:
        home = escape(ctx.urls.site_url + ("" if lang == LANGS[0] else f"{lang}/"))
        link = f'<a href="{home}">{home}</a>'
        html += f'\n<p class="kb-offline-note">{escape(t["offline_here"]).format(url=link)}</p>\n'
    return html


def by_topic(counts, lang: str, root: str) -> str:
    """The per-topic table: for each quiz topic its GIFT file and Kahoot sheet(s), per language, with sizes.
    Each row carries data-topic, so the quiz-set form (assets/trainer-downloads.js) can offer the row of the
    topic the trainer chose."""
    t = {k: v[lang] for k, v in LABELS.items()}
    topics = [tp for tp in quiz_bank.TOPICS if any(tp in c.topics for c in counts.values())]
    if not topics:
        return ""
    rows = []
    for tp in topics:
        gift, kahoot = [], []
        for other in LANGS:
            info = counts[other].topics.get(tp, {"gift": 0, "kahoot": []})
            name = exports.file_name("gift", other, tp)
            if info["gift"]:
                gift.append(f'<a href="{root}{name}" download>{escape(t["lang_" + other])} '
                            f'({escape(t["n_questions"].format(n=info["gift"]))}{_size(counts, name, lang)})</a>')
            sheets = info["kahoot"]
            for part, n in enumerate(sheets, start=1):
                number = part if len(sheets) > 1 else None
                name = exports.file_name("kahoot", other, tp, number)
                what = t["n_questions"].format(n=n) + (", " + t["part"].format(n=part) if number else "")
                kahoot.append(f'<a href="{root}{name}" download>{escape(t["lang_" + other])} '
                              f'({escape(what)}{_size(counts, name, lang)})</a>')
            if not sheets:
                kahoot.append(f'{escape(t["lang_" + other])}: {escape(t["none_fit"])}')
        topic_name = quiz_page.LABELS[f"topic_{tp}"][lang]
        rows.append(f'<tr data-topic="{tp}"><th scope="row">{escape(topic_name)}</th>'
                    f'<td>{"<br>".join(gift)}</td><td>{"<br>".join(kahoot)}</td></tr>')
    head = "".join(f'<th scope="col">{escape(t[k])}</th>' for k in ("topic_col", "moodle_col", "kahoot_col"))
    return (f'\n<div class="kb-downloads kb-downloads--topics" markdown="0">\n<table>\n'
            f'<caption>{escape(t["per_topic"])}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table></div>\n"
            f'<p class="kb-hint">{escape(t["per_topic_intro"].format(max=exports.KAHOOT_SHEET_MAX))}</p>\n')
