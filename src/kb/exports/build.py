"""The quiz for trainers' own tools: the files written at build time and their counts.

The question bank (kb.quiz_bank) is the single source; this module reads it through `questions(kb, lang)`
and hands plain `ExportQuestion`s (kb.exports.model) to the format writers (kb.export_gift, kb.export_kahoot), so a change in
the bank's internals touches one adapter function, not three writers. The glossary deck (kb.export_anki)
reads the entries directly.
"""
from __future__ import annotations

import io
from pathlib import Path

from kb import LANGS
from kb.core.context import BuildContext, context
from kb.exports import anki as export_anki
from kb.exports import gift as export_gift
from kb.exports import kahoot as export_kahoot
from kb.exports.model import (  # noqa: F401 - the shapes, re-exported for the callers of this module
    CHOICE, DOWNLOADS, KAHOOT_SHEET_MAX, OFFLINE_ZIP, TRUE_FALSE, ExportCounts, ExportQuestion, entry_url,
    file_name, kahoot_sheets, to_export, topics_in,
)
from kb.quiz import bank as quiz_bank

def questions(kb, lang: str, ctx: BuildContext | None = None) -> list[ExportQuestion]:
    """Every question of the bank in `lang`, in the bank's own (stable) order."""
    return [to_export(item).shuffled() for item in quiz_bank.bank(kb, lang, ctx)]


def write_all(kb, out_dir: Path, site_url: str, ctx: BuildContext | None = None) -> dict[str, ExportCounts]:
    """Write every export for both languages into `out_dir`; returns the counts per language."""
    ctx = context(ctx)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in render_all(kb, site_url, ctx).items():
        (out_dir / name).write_bytes(data)
    return counts(kb, ctx, site_url)


def render_all(kb, site_url: str, ctx: BuildContext | None = None) -> dict[str, bytes]:
    """Every export file (name -> bytes): per language the whole bank as GIFT (one Moodle category per topic),
    GIFT and Kahoot per topic, the whole-bank Kahoot sheet (kept at its old address) and the Anki deck. Kept in
    the build's context for the knowledge base it was made from, so a `mkdocs serve` rebuild without a data
    change (and the second language build) reuses it."""
    ctx = context(ctx)
    hit = ctx.made.get("files")
    if hit and hit[0] is kb and hit[1] == site_url:
        return hit[2]
    files: dict[str, bytes] = {}
    for lang in LANGS:
        bank = questions(kb, lang, ctx)
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
    ctx.made["files"] = (kb, site_url, files)
    return files


def counts(kb, ctx: BuildContext | None = None, site_url: str | None = None) -> dict[str, ExportCounts]:
    """What each export holds, per language, and each file's size (the trainers' page shows it; the build log
    reports it). The sizes are those of the files made for `site_url` (default: the build's address)."""
    ctx = context(ctx)
    address = ctx.urls.site_url if site_url is None else site_url
    hit = ctx.made.get("counts")
    if hit and hit[0] is kb and (callable(hit[1]) or site_url is None or hit[2] == address):
        if callable(hit[1]):                  # see counts_come_from
            ctx.made["counts"] = (kb, hit[1](), address)
        return ctx.made["counts"][1]
    files = render_all(kb, address, ctx)
    result = {}
    for lang in LANGS:
        bank = questions(kb, lang, ctx)
        kept, left_out = export_kahoot.fit(bank)
        gift = [q for q in bank if export_gift.supports(q)]
        topics = {tp: {"gift": sum(q.topic == tp for q in gift), "kahoot": []} for tp in topics_in(bank)}
        for topic, _, chunk in kahoot_sheets(kept):
            topics[topic]["kahoot"].append(len(chunk))
        sizes = {name: len(data) for name, data in files.items() if f"-{lang}" in name}
        result[lang] = ExportCounts(gift=len(gift), true_false=sum(q.kind == TRUE_FALSE for q in gift),
                                    gift_feedback=sum(export_gift.has_answer_feedback(q) for q in gift),
                                    kahoot=len(kept), kahoot_left_out=len(left_out), anki_notes=len(kb.entries),
                                    anki_cards=2 * len(kb.entries), bank=len(bank),
                                    left_out_ids=[q.id for q in left_out], topics=topics, sizes=sizes)
    ctx.made["counts"] = (kb, result, address)
    return result


def counts_come_from(kb, source, ctx: BuildContext) -> None:
    """A build that makes the files in another process (kb.side_build) hands over their counts: `source()` is
    called when the trainers' page first needs them, so this process never builds the question bank."""
    ctx.made["counts"] = (kb, source, None)
