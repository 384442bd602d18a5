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
    CHOICE, DOWNLOADS, OFFLINE_ZIP, TRUE_FALSE, ExportCounts, ExportQuestion, entry_url, file_name, to_export,
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
    return counts(kb, ctx)


def render_all(kb, site_url: str, ctx: BuildContext | None = None) -> dict[str, bytes]:
    """Every export file (name -> bytes). Kept in the build's context for the knowledge base it was made from,
    so a `mkdocs serve` rebuild without a data change (and the second language build) reuses it."""
    ctx = context(ctx)
    hit = ctx.made.get("files")
    if hit and hit[0] is kb and hit[1] == site_url:
        return hit[2]
    files: dict[str, bytes] = {}
    for lang in LANGS:
        bank = questions(kb, lang, ctx)
        files[file_name("gift", lang)] = export_gift.render(bank, lang, site_url).encode("utf-8")
        sheet, deck = io.BytesIO(), io.BytesIO()
        export_kahoot.write(export_kahoot.fit(bank)[0], lang, sheet)
        export_anki.write(kb, lang, deck, site_url)
        files[file_name("kahoot", lang)], files[file_name("anki", lang)] = sheet.getvalue(), deck.getvalue()
    ctx.made["files"] = (kb, site_url, files)
    return files


def counts(kb, ctx: BuildContext | None = None) -> dict[str, ExportCounts]:
    """What each export holds, per language (the trainers' page shows it; the build log reports it)."""
    ctx = context(ctx)
    hit = ctx.made.get("counts")
    if hit and hit[0] is kb:
        if callable(hit[1]):                  # see counts_come_from
            ctx.made["counts"] = (kb, hit[1]())
        return ctx.made["counts"][1]
    result = {}
    for lang in LANGS:
        bank = questions(kb, lang, ctx)
        kept, left_out = export_kahoot.fit(bank)
        gift = [q for q in bank if export_gift.supports(q)]
        result[lang] = ExportCounts(gift=len(gift), true_false=sum(q.kind == TRUE_FALSE for q in gift),
                                    kahoot=len(kept), kahoot_left_out=len(left_out), anki_notes=len(kb.entries),
                                    anki_cards=2 * len(kb.entries), bank=len(bank),
                                    left_out_ids=[q.id for q in left_out])
    ctx.made["counts"] = (kb, result)
    return result


def counts_come_from(kb, source, ctx: BuildContext) -> None:
    """A build that makes the files in another process (kb.side_build) hands over their counts: `source()` is
    called when the trainers' page first needs them, so this process never builds the question bank."""
    ctx.made["counts"] = (kb, source)
