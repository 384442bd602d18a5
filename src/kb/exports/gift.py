"""Moodle GIFT: the quiz as a text file any Moodle question bank imports (Question bank > Import > GIFT).

Grammar followed (Moodle question/format/gift/format.php): a blank line between questions, `::title::`,
`[markdown]` text format, `{=right#feedback ~wrong#feedback ####general feedback}` for multiple choice and
`{T#feedback if wrong#feedback if right}` for true/false. The characters ~ = # { } : and the backslash
itself are escaped with a backslash wherever they occur in our text.
"""
from __future__ import annotations

from kb.exports.model import CHOICE, TRUE_FALSE, ExportQuestion, entry_url

SPECIAL = "\\~=#{}:"          # backslash first, so the escapes we add are not escaped again

LABELS = {
    "header": {"nl": "Influencer-kennisbank: quizvragen voor Moodle (GIFT-formaat), gemaakt uit de kennisbank.",
               "en": "Influencer Knowledge Base: quiz questions for Moodle (GIFT format), built from the "
                     "knowledge base."},
    "import": {"nl": "Importeren: Vragenbank > Importeren > GIFT-formaat; codering UTF-8.",
               "en": "Import: Question bank > Import > GIFT format; encoding UTF-8."},
    "category": {"nl": "Influencer-kennisbank (Nederlands)", "en": "Influencer Knowledge Base (English)"},
    "right": {"nl": "Goed.", "en": "Correct."},
    "wrong": {"nl": "Niet juist. Het goede antwoord is: {answer}.",
              "en": "Not quite. The right answer is: {answer}."},
    "more": {"nl": "Meer uitleg: {url}", "en": "Read more: {url}"},
    "true": {"nl": "Waar", "en": "True"},
    "false": {"nl": "Niet waar", "en": "False"},
}


def escape(text: str) -> str:
    """Protect GIFT's control characters; newlines become spaces (one question, one logical text)."""
    text = " ".join(text.split())
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def supports(q: ExportQuestion) -> bool:
    """GIFT holds every choice question with at least two options and every true/false question."""
    return (q.kind == TRUE_FALSE and len(q.options) == 2) or (q.kind == CHOICE and len(q.options) >= 2)


def render(bank: list[ExportQuestion], lang: str, site_url: str) -> str:
    """The whole file: comment header, a category for the language, then one block per question."""
    header = "\n".join([f"// {LABELS['header'][lang]}", f"// {LABELS['import'][lang]}", "",
                        f"$CATEGORY: $course$/top/{LABELS['category'][lang]}"])
    blocks = [question(q, lang, site_url) for q in bank if supports(q)]
    return "\n\n".join([header, *blocks]) + "\n"


def question(q: ExportQuestion, lang: str, site_url: str) -> str:
    head = f"::{escape(q.id)}::[markdown]{escape(q.prompt)} {{"
    general = _general_feedback(q, lang, site_url)
    if q.kind == TRUE_FALSE:
        truth = _is_true(q)
        right, wrong = LABELS["right"][lang], LABELS["wrong"][lang].format(answer=q.options[q.correct])
        body = [f"\t{'T' if truth else 'F'}#{escape(wrong)}#{escape(right)}"]
    else:
        body = []
        for i, option in enumerate(q.options):
            if i == q.correct:
                body.append(f"\t={escape(option)}#{escape(LABELS['right'][lang])}")
            else:
                feedback = LABELS["wrong"][lang].format(answer=q.options[q.correct])
                body.append(f"\t~{escape(option)}#{escape(feedback)}")
    if general:
        body.append(f"\t####{escape(general)}")
    return "\n".join([head, *body, "}"])


def _is_true(q: ExportQuestion) -> bool:
    """True/false questions list (true, false) in that order; the correct index says which holds."""
    return q.correct == 0


def _general_feedback(q: ExportQuestion, lang: str, site_url: str) -> str:
    parts = [q.explanation] if q.explanation else []
    if q.entry:
        parts.append(LABELS["more"][lang].format(url=entry_url(site_url, lang, q.entry)))
    return " ".join(parts)
