"""The rules a question must pass to be one a lecturer accepts, one function per rule, on one question.

The generator (kb.quiz.bank) drops a generated question that fails any rule; the lint (kb.quiz.lint) runs the
same rules over the whole bank and reports hand-written items with their file:line. A question here is any
object with the fields of kb.quiz.bank.Question: kind, lang, prompt, stimulus, options, answer, link and
option_ids (the glossary entry behind each option, "" where an option is free text).
"""
from __future__ import annotations

from kb.quiz.giveaway import giveaways, near_duplicate

MIN_OPTIONS = 4                      # a choice question offers four options; true/false has its own three
KAHOOT_QUESTION = 120                # Kahoot's limits (kb.exports.kahoot); checked where a question goes there
KAHOOT_ANSWER = 75
NO_OPTION_RULES = ("true-false",)
SOURCE_RELATIVE = ("tier-source",)  # the key holds "according to <source>", not in general    # fixed options (true / false / not examined): no distractor rules
MASK = "…"                           # what the generator writes where it hides a word

# The validator speaks English, as every message of `make check` does.
MESSAGES = {
    "giveaway": "the word '{word}' in the stem gives away the right answer '{answer}' (no wrong option shares it)",
    "mask_tell": "only the right option shows a masked word (…), which marks it",
    "duplicate": "the options '{a}' and '{b}' are (nearly) the same",
    "few_options": "{n} options; a choice question has {min}",
    "also_right": "the wrong option '{option}' ({id}) is also right according to glossary/confusables.yaml",
    "kahoot_question": "the question is {n} characters as the Kahoot sheet writes it; Kahoot allows {max}",
    "kahoot_answer": "the answer '{option}' is {n} characters; Kahoot allows {max}",
}


def _say(rule: str, **values) -> str:
    return MESSAGES[rule].format(**values)


def stem_text(q) -> str:
    return f"{q.prompt} {q.stimulus}".strip()


def giveaway_words(q, lead_in: set[str] = frozenset()) -> list[str]:
    """Stem words that match the right option and no wrong one (see kb.quiz.giveaway)."""
    if q.kind in NO_OPTION_RULES:
        return []
    right = q.options[q.answer]
    wrong = [o for i, o in enumerate(q.options) if i != q.answer]
    return giveaways(stem_text(q), right, wrong, q.lang, lead_in)


def problems(q, kb, lead_in: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(rule, what is wrong) for every rule this question fails; [] when it passes."""
    found: list[tuple[str, str]] = []
    if q.kind in NO_OPTION_RULES:
        return found
    right = q.options[q.answer]
    for word in giveaway_words(q, lead_in):
        found.append(("giveaway", _say("giveaway", word=word, answer=right)))
    if MASK in right and not any(MASK in o for i, o in enumerate(q.options) if i != q.answer):
        found.append(("giveaway", _say("mask_tell")))
    for i, a in enumerate(q.options):
        for b in q.options[i + 1:]:
            if near_duplicate(a, b, q.lang):
                found.append(("duplicate", _say("duplicate", a=a, b=b)))
    if len(q.options) < MIN_OPTIONS:
        found.append(("few-options", _say("few_options", n=len(q.options), min=MIN_OPTIONS)))
    # A tier question is about one source's figures, which may keep mega and all-star apart: no also-right rule.
    also = kb.also_right_for(q.link) if q.link in kb.entries and q.kind not in SOURCE_RELATIVE else set()
    for i, entry_id in enumerate(getattr(q, "option_ids", ()) or ()):
        if i != q.answer and entry_id and entry_id in also:
            found.append(("also-right", _say("also_right", option=q.options[i], id=entry_id)))
    return found


def kahoot_problems(prompt: str, options) -> list[tuple[str, str]]:
    """The Kahoot limits, on the question as the Kahoot sheet writes it."""
    found = []
    if len(prompt) > KAHOOT_QUESTION:
        found.append(("kahoot-length", _say("kahoot_question", n=len(prompt), max=KAHOOT_QUESTION)))
    for option in options:
        if len(option) > KAHOOT_ANSWER:
            found.append(("kahoot-length", _say("kahoot_answer", option=option, n=len(option), max=KAHOOT_ANSWER)))
    return found
