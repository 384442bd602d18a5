"""The one question shape every export format gets (plain text, no HTML), the counts of each file, and the
file names and links the writers (kb.exports.gift, kahoot, anki) and the trainers' page share.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from kb import LANGS

DOWNLOADS = "downloads"                       # folder in the built site
OFFLINE_ZIP = "influencer-kennisbank-offline.zip"
TRUE_FALSE = "truefalse"
CHOICE = "choice"


@dataclass(frozen=True)
class ExportQuestion:
    """One question as every export format needs it (plain text, no HTML)."""

    id: str
    kind: str                      # CHOICE (one right option of 2-4+) or TRUE_FALSE (options: true, false)
    prompt: str
    options: tuple[str, ...]
    correct: int                   # index into options
    explanation: str = ""
    entry: str | None = None       # glossary id the question is about, for a link back to the site
    topic: str | None = None
    fixed: bool = False            # the options have a natural order (true / false / not examined)
    short_prompt: str = ""         # the same question with a shorter lead-in, for tight limits (Kahoot); or ""

    def shuffled(self) -> "ExportQuestion":
        """The options in a fixed pseudo-random order, so the right answer is not always the first one.

        Kahoot does not shuffle answers and a Moodle quiz may be set not to; the order is seeded by the id, so
        the same question always looks the same in every export and every build."""
        if self.fixed or self.kind == TRUE_FALSE:
            return self
        order = list(range(len(self.options)))
        random.Random(f"export|{self.id}").shuffle(order)
        return replace(self, options=tuple(self.options[i] for i in order), correct=order.index(self.correct))


@dataclass
class ExportCounts:
    """What each file holds, for the trainers' page and the build log."""

    gift: int = 0
    kahoot: int = 0
    kahoot_left_out: int = 0
    anki_notes: int = 0
    anki_cards: int = 0
    true_false: int = 0            # of the GIFT questions
    bank: int = 0
    left_out_ids: list[str] = field(default_factory=list)


def file_name(kind: str, lang: str) -> str:
    """The download's file name; one place so the page links and the writer agree."""
    return {
        "gift": f"influencer-kennisbank-quiz-{lang}.gift.txt",
        "kahoot": f"influencer-kennisbank-kahoot-{lang}.xlsx",
        "anki": f"influencer-kennisbank-glossary-{lang}.apkg",
    }[kind]


def entry_url(site_url: str, lang: str, entry: str) -> str:
    """Absolute link to a term page on the published site (exports leave the site, so relative links break)."""
    base = site_url.rstrip("/") + "/" + ("" if lang == LANGS[0] else f"{lang}/")
    return f"{base}glossary/{entry}/"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def to_export(item: dict) -> ExportQuestion:
    """One question of the bank, in the plain shape of kb.quiz_bank.Question.for_export, as export formats need it."""
    return ExportQuestion(
        id=item["id"],
        kind=TRUE_FALSE if item["kind"] == "true-false" else CHOICE,
        prompt=_one_line(item["prompt"]),
        options=tuple(_one_line(option) for option in item["options"]),
        correct=item["correct"],
        explanation=_one_line(item["explanation"]),
        entry=item["entry"],
        topic=item["topic"],
        fixed=item["id"].startswith("true-false:"),        # true / false / not examined keep their order
        short_prompt=_one_line(item["short_prompt"]),
    )
