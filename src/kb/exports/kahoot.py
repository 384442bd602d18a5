"""Kahoot: the quiz as a spreadsheet in Kahoot's import template (Create > Import spreadsheet).

The template (KahootQuizTemplate.xlsx) has a title in B2, a header row on row 8 (columns B-H) and one
question per row from row 9, numbered in column A. Kahoot's limits: question <= 120 characters, 2-4 answers
of <= 75 characters, a time limit from a fixed list, correct answers as numbers 1-4. A question too long as
written may use its shorter lead-in ("Which term? “…”" instead of "Which term matches this description? “…”",
see kb.quiz_bank's short_* labels); one that still does not fit is left out and counted, never cut off: a
cut-off question teaches the wrong thing.

Every text goes into its cell as text, never as a formula: openpyxl would store a text starting with '=' as
a formula, and a spreadsheet program may run one starting with + - @, a tab or a carriage return. Such a cell
is written as a string cell with Excel's "quote prefix" (what typing a leading apostrophe does), so editing
it in Excel or LibreOffice keeps it text; the apostrophe is not part of the value Kahoot imports.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from kb.core import words
from kb.exports.model import ExportQuestion
from kb.quiz.page import LABELS as QUIZ_LABELS

CREATED = datetime(2026, 1, 1)      # the date the sheet records (a fixed one: a rebuild gives the same file size)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")   # what a cell cannot hold (the check refuses it too)

MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 8
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
LABELS = words.section("exports.kahoot")   # the words live in kb/core/words/{nl,en}.yaml


def fits(q: ExportQuestion) -> bool:
    return (len(q.prompt) <= MAX_QUESTION and 2 <= len(q.options) <= MAX_ANSWERS
            and all(0 < len(o) <= MAX_ANSWER for o in q.options) and 0 <= q.correct < len(q.options))


def fit(bank: list[ExportQuestion]) -> tuple[list[ExportQuestion], list[ExportQuestion]]:
    """(questions as Kahoot can hold them, questions left out)."""
    kept, left_out = [], []
    for q in bank:
        version = next((v for v in (q, replace(q, prompt=q.short_prompt)) if v.prompt and fits(v)), None)
        (kept if version else left_out).append(version or q)
    return kept, left_out


def time_limit(q: ExportQuestion) -> int:
    """Reading time: about 4 words a second for the question and answers, rounded up to an allowed value."""
    words = len(q.prompt.split()) + sum(len(o.split()) for o in q.options)
    wanted = max(10, 5 + words // 3)
    return next((t for t in TIME_LIMITS if t >= wanted), TIME_LIMITS[-1])


def text_cell(sheet, row: int, column: int, text: str):
    """A cell that holds `text` as text, whatever it starts with."""
    cell = sheet.cell(row=row, column=column)
    cell.value = _UNHOLDABLE.sub("", text)
    cell.data_type = "s"                       # never "f" (formula), which openpyxl picks for a leading '='
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def write(kept: list[ExportQuestion], lang: str, target: Path | BinaryIO, topic: str | None = None,
          part: int | None = None) -> None:
    """The sheet, to a file path or a binary stream; a topic's sheet names the topic (and part) in its title."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    title = LABELS["title"][lang]
    if topic:
        title += ": " + QUIZ_LABELS.get(f"topic_{topic}", {}).get(lang, topic)
    if part:
        title += f" ({LABELS['part'][lang].format(n=part)})"
    text_cell(sheet, 2, 2, title).font = Font(bold=True, size=14)
    text_cell(sheet, 3, 2, LABELS["note"][lang])
    for col, header in enumerate(HEADERS, start=2):
        cell = text_cell(sheet, HEADER_ROW, col, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for n, q in enumerate(kept, start=1):
        row = HEADER_ROW + n
        sheet.cell(row=row, column=1, value=n)
        text_cell(sheet, row, 2, q.prompt)
        for i, option in enumerate(q.options):
            text_cell(sheet, row, 3 + i, option)
        sheet.cell(row=row, column=7, value=time_limit(q))
        sheet.cell(row=row, column=8, value=q.correct + 1)
    for col, width in zip("ABCDEFGH", (5, 60, 30, 30, 30, 30, 14, 14)):
        sheet.column_dimensions[col].width = width
    book.properties.creator = "Influencer-kennisbank"
    book.properties.created = book.properties.modified = CREATED      # same size on every build
    raw = io.BytesIO()
    book.save(raw)
    data = _fixed_dates(raw.getvalue())
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)


def _fixed_dates(xlsx: bytes) -> bytes:
    """The same workbook with the save time (openpyxl writes 'now' as modified date and zip entry time) set to
    CREATED, so the same data always gives the same file."""
    stamp = CREATED.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=CREATED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            copy.writestr(fixed, data)
    return out.getvalue()
