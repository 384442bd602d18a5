"""The quiz for trainers' own tools: one question shape, the files written at build time, and their counts.

The question bank (kb.quiz_bank) is the single source; this module reads it through `questions(kb, lang)`
and hands plain `ExportQuestion`s to the format writers (kb.export_gift, kb.export_kahoot), so a change in
the bank's internals touches one adapter function, not three writers. The glossary deck (kb.export_anki)
reads the entries directly.
"""
from __future__ import annotations

import io
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

from kb import LANGS
from kb.core import urls as site_urls
from kb.quiz import bank as quiz_bank

DOWNLOADS = "downloads"                       # folder in the built site
KAHOOT_SHEET_MAX = 50                         # questions per Kahoot sheet: one live session; a longer topic is split
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
    topics: dict[str, dict] = field(default_factory=dict)     # topic -> {"gift": n, "kahoot": [n per sheet]}
    sizes: dict[str, int] = field(default_factory=dict)       # file name -> bytes


def file_name(kind: str, lang: str, topic: str | None = None, part: int | None = None) -> str:
    """The download's file name; one place so the page links and the writer agree. With a topic: the file of
    that topic only (a Kahoot topic longer than KAHOOT_SHEET_MAX comes in numbered parts)."""
    tail = f"-{topic}" if topic else ""
    tail += f"-{part}" if part else ""
    return {
        "gift": f"influencer-kennisbank-quiz-{lang}{tail}.gift.txt",
        "kahoot": f"influencer-kennisbank-kahoot-{lang}{tail}.xlsx",
        "anki": f"influencer-kennisbank-glossary-{lang}.apkg",
    }[kind]


def topics_in(bank: list[ExportQuestion]) -> list[str]:
    """The quiz topics that have questions, in the quiz's own order."""
    present = {q.topic for q in bank}
    return [tp for tp in quiz_bank.TOPICS if tp in present] + sorted(present - set(quiz_bank.TOPICS) - {None})


def kahoot_sheets(kept: list[ExportQuestion]) -> list[tuple[str, int | None, list[ExportQuestion]]]:
    """(topic, part or None, questions) per Kahoot sheet: one per topic, split into parts of at most
    KAHOOT_SHEET_MAX questions where a topic is longer."""
    sheets = []
    for topic in topics_in(kept):
        questions = [q for q in kept if q.topic == topic]
        chunks = [questions[i:i + KAHOOT_SHEET_MAX] for i in range(0, len(questions), KAHOOT_SHEET_MAX)]
        for n, chunk in enumerate(chunks, start=1):
            sheets.append((topic, n if len(chunks) > 1 else None, chunk))
    return sheets


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


def questions(kb, lang: str) -> list[ExportQuestion]:
    """Every question of the bank in `lang`, in the bank's own (stable) order."""
    return [to_export(item).shuffled() for item in quiz_bank.bank(kb, lang)]


def write_all(kb, out_dir: Path, site_url: str) -> dict[str, ExportCounts]:
    """Write every export for both languages into `out_dir`; returns the counts per language."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in render_all(kb, site_url).items():
        (out_dir / name).write_bytes(data)
    return counts(kb)


def render_all(kb, site_url: str) -> dict[str, bytes]:
    """Every export file (name -> bytes): per language the whole bank as GIFT (one Moodle category per topic),
    GIFT and Kahoot per topic, the whole-bank Kahoot sheet (kept at its old address) and the Anki deck. Kept for
    the knowledge base it was made from, so a `mkdocs serve` rebuild without a data change (and the second
    language build) reuses it instead of making it again."""
    from kb.exports import anki as export_anki
    from kb.exports import gift as export_gift
    from kb.exports import kahoot as export_kahoot
    hit = _memo.get("files")
    if hit and hit[0] is kb and hit[1] == site_url:
        return hit[2]
    files: dict[str, bytes] = {}
    for lang in LANGS:
        bank = questions(kb, lang)
        files[file_name("gift", lang)] = export_gift.render(bank, lang, site_url).encode("utf-8")
        for topic in topics_in(bank):
            files[file_name("gift", lang, topic)] = export_gift.render(
                [q for q in bank if q.topic == topic], lang, site_url).encode("utf-8")
        kept = export_kahoot.fit(bank)[0]
        sheet, deck = io.BytesIO(), io.BytesIO()
        export_kahoot.write(kept, lang, sheet)
        for topic, part, chunk in kahoot_sheets(kept):
            topic_sheet = io.BytesIO()
            export_kahoot.write(chunk, lang, topic_sheet, topic=topic, part=part)
            files[file_name("kahoot", lang, topic, part)] = topic_sheet.getvalue()
        export_anki.write(kb, lang, deck, site_url)
        files[file_name("kahoot", lang)], files[file_name("anki", lang)] = sheet.getvalue(), deck.getvalue()
    _memo["files"] = (kb, site_url, files)
    return files


def counts(kb, site_url: str | None = None) -> dict[str, ExportCounts]:
    """What each export holds, per language, and each file's size (the trainers' page shows it; the build log
    reports it). The sizes are those of the files made for `site_url` (default: the build's address)."""
    from kb.exports import gift as export_gift
    from kb.exports import kahoot as export_kahoot
    address = site_urls.site_url() if site_url is None else site_url
    hit = _memo.get("counts")
    if hit and hit[0] is kb and (callable(hit[1]) or site_url is None or hit[2] == address):
        if callable(hit[1]):                  # see counts_come_from
            _memo["counts"] = (kb, hit[1](), address)
        return _memo["counts"][1]
    files = render_all(kb, address)
    result = {}
    for lang in LANGS:
        bank = questions(kb, lang)
        kept, left_out = export_kahoot.fit(bank)
        gift = [q for q in bank if export_gift.supports(q)]
        topics = {tp: {"gift": sum(q.topic == tp for q in gift), "kahoot": []} for tp in topics_in(bank)}
        for topic, _, chunk in kahoot_sheets(kept):
            topics[topic]["kahoot"].append(len(chunk))
        sizes = {name: len(data) for name, data in files.items() if f"-{lang}" in name}
        result[lang] = ExportCounts(gift=len(gift), true_false=sum(q.kind == TRUE_FALSE for q in gift),
                                    kahoot=len(kept), kahoot_left_out=len(left_out), anki_notes=len(kb.entries),
                                    anki_cards=2 * len(kb.entries), bank=len(bank),
                                    left_out_ids=[q.id for q in left_out], topics=topics, sizes=sizes)
    _memo["counts"] = (kb, result, address)
    return result


def counts_come_from(kb, source) -> None:
    """A build that makes the files in another process (kb.side_build) hands over their counts: `source()` is
    called when the trainers' page first needs them, so this process never builds the question bank."""
    _memo["counts"] = (kb, source, None)


_memo: dict[str, tuple] = {}
