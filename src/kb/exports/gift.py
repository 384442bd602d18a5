"""Moodle GIFT: the quiz as a text file any Moodle question bank imports (Question bank > Import > GIFT).

Grammar followed (Moodle question/format/gift/format.php): a blank line between questions, `::title::`,
`[markdown]` text format, `{=right#feedback ~wrong#feedback ####general feedback}` for multiple choice and
`{T#feedback if wrong#feedback if right}` for true/false. A wrong option's feedback says why it is wrong where the
bank knows (the distractor's own definition, the source's range for that tier: kb.quiz.bank), else which answer
is right. The characters ~ = # { } : and the backslash
itself are escaped with a backslash wherever they occur in our text.
"""
from __future__ import annotations

from kb.core import words
from kb.exports.model import CHOICE, TRUE_FALSE, ExportQuestion, entry_url, topics_in
from kb.quiz.page import LABELS as QUIZ_LABELS

SPECIAL = "\\~=#{}:"          # backslash first, so the escapes we add are not escaped again

LABELS = words.section("exports.gift")   # the words live in kb/core/words/{nl,en}.yaml


def escape(text: str) -> str:
    """Protect GIFT's control characters; newlines become spaces (one question, one logical text)."""
    text = " ".join(text.split())
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def supports(q: ExportQuestion) -> bool:
    """GIFT holds every choice question with at least two options and every true/false question."""
    return (q.kind == TRUE_FALSE and len(q.options) == 2) or (q.kind == CHOICE and len(q.options) >= 2)


def has_answer_feedback(q: ExportQuestion) -> bool:
    """A choice question whose every wrong option carries its own reason (from the bank's data)."""
    return q.kind == CHOICE and len(q.feedback) == len(q.options) and all(
        f for i, f in enumerate(q.feedback) if i != q.correct)


def category(lang: str, topic: str | None) -> str:
    """Moodle's category path: the language's category, one sub-category per quiz topic (for Moodle's random
    questions per topic). A '/' inside a name is written '//' (Moodle's escape), so it stays one name."""
    names = [LABELS["category"][lang]]
    if topic:
        names.append(QUIZ_LABELS.get(f"topic_{topic}", {}).get(lang, topic))
    return "$course$/top/" + "/".join(n.replace("/", "//") for n in names)


def render(bank: list[ExportQuestion], lang: str, site_url: str) -> str:
    """The whole file: comment header, then per topic a `$CATEGORY:` line and one block per question."""
    header = "\n".join([f"// {LABELS['header'][lang]}", f"// {LABELS['import'][lang]}"])
    parts = [header]
    supported = [q for q in bank if supports(q)]
    for topic in topics_in(supported) or [None]:
        parts.append(f"$CATEGORY: {category(lang, topic)}")
        parts.extend(question(q, lang, site_url) for q in supported if topic is None or q.topic == topic)
    untopical = [q for q in supported if q.topic is None]
    if untopical and topics_in(supported):
        parts.append(f"$CATEGORY: {category(lang, None)}")
        parts.extend(question(q, lang, site_url) for q in untopical)
    return "\n\n".join(parts) + "\n"


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
                own = q.feedback[i] if i < len(q.feedback) else ""
                feedback = own or LABELS["wrong"][lang].format(answer=q.options[q.correct])
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
