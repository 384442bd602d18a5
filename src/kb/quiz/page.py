"""The quiz block (`<!-- kb:quiz -->`): the app's mount point and its UI words, plus the question bank file.

The bank is a file of its own per language (`bank_script`, written by kb.side_build into the built site), not
part of the page: at a thousand entries it holds 4,000 questions (3.7 MB) that the page would otherwise carry
through Markdown, the search index and the hover definitions on every build. quiz.js loads it with a
<script> element, which also works in the offline copy opened from disk (fetch() does not).
The labels and settings ship inside the page as `<script type="application/json">`. All JSON has `<`, `>` and
`&` escaped, so no text from YAML can close a script element; quiz.js writes every text with `textContent`.
"""
from __future__ import annotations

from kb import LANGS
from kb.core import words
from kb.core.context import BuildContext, context
from kb.core.script_json import safe_json
from kb.quiz.bank import TIERS_PAGE, TOPICS, cached

TRAINERS_PAGE = "trainers"     # where the presenter view, answer key and worksheet of a set are opened

BANK_FILE = "assets/quiz-bank-{lang}.js"      # in the built site, one per language

LABELS: dict[str, dict[str, str]] = words.section("quiz.page")   # the words live in kb/core/words/{nl,en}.yaml


def render(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """HTML for the quiz page in `lang`: mount point, labels and settings (where the bank and the pages are)."""
    urls = context(ctx).urls
    labels = {key: {lg: value[lg] for lg in LANGS} for key, value in LABELS.items()}
    root = urls.to_site_root(lang)
    meta = {"lang": lang, "topics": list(TOPICS), "bank": root + BANK_FILE.format(lang=lang),
            "term_url": urls.to_language_root() + urls.page("glossary/{id}"),
            "tiers_url": urls.to_language_root() + urls.page(TIERS_PAGE),
            "trainers_url": urls.to_language_root() + urls.page(TRAINERS_PAGE)}
    return "\n".join([
        f'<div class="kb-quiz" data-kb-quiz="{lang}">',
        f'<noscript><p>{LABELS["noscript"][lang]}</p></noscript>',
        "</div>",
        "",
        f'<script type="application/json" id="kb-quiz-labels">{safe_json(labels)}</script>',
        "",
        f'<script type="application/json" id="kb-quiz-meta">{safe_json(meta)}</script>',
        "",
        f'<script defer src="{root}assets/quiz.js"></script>',      # only on the quiz page, deferred
        "",
    ])


def bank_script(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """The question bank file of `lang`: a script that hands the questions to quiz.js (window.kbQuizBank)."""
    questions = [q.to_json() for q in cached(kb, ctx).questions[lang]]
    return (f"window.kbQuizBank = window.kbQuizBank || {{}};\n"
            f"window.kbQuizBank[{safe_json(lang)}] = {safe_json(questions)};\n")
