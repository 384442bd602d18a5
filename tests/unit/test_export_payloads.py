"""Hostile text never reaches a reader: each output format gets its own payload table, tested on the file
it produces (tests/data/payloads/: kahoot-cells.yaml, gift.yaml, anki.yaml, inline-json.yaml)."""
from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile

import openpyxl
import pytest
import yaml

from conftest import DATA, ROOT
from kb.core.context import BuildContext
from kb.exports import anki, gift, kahoot
from kb.exports.model import to_export
from kb.site import load as catalog
from kb.glossary.load import Entry, KnowledgeBase, LangText
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page
from kb.tiers import render as tier_render

PAYLOADS = DATA / "payloads"
KAHOOT = yaml.safe_load((PAYLOADS / "kahoot-cells.yaml").read_text(encoding="utf-8"))
GIFT = yaml.safe_load((PAYLOADS / "gift.yaml").read_text(encoding="utf-8"))
ANKI = yaml.safe_load((PAYLOADS / "anki.yaml").read_text(encoding="utf-8"))
INLINE = yaml.safe_load((PAYLOADS / "inline-json.yaml").read_text(encoding="utf-8"))


def _question(text: str, n: int = 0):
    """A choice question whose prompt, options and explanation all carry `text`, through the same adapter
    the real bank goes through."""
    return to_export({"id": f"payload-{n}", "kind": "choice", "prompt": text, "options": [text, "B " + text, "C"],
                      "correct": 0, "explanation": text, "entry": None, "topic": None, "short_prompt": ""})


# --- Kahoot -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sheet_file() -> bytes:
    out = io.BytesIO()
    kahoot.write([_question(row["text"], n) for n, row in enumerate(KAHOOT)], "nl", out)
    return out.getvalue()


def test_the_sheet_holds_no_formula_at_all(sheet_file):
    with zipfile.ZipFile(io.BytesIO(sheet_file)) as xlsx:
        sheets = [n for n in xlsx.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(re.search(rb"<f[ >]", xlsx.read(n)) for n in sheets)


@pytest.mark.parametrize("n", range(len(KAHOOT)), ids=[r["text"][:24] for r in KAHOOT])
def test_each_cell_is_the_text_itself_stored_as_text(sheet_file, n):
    row, text = KAHOOT[n], " ".join(KAHOOT[n]["text"].split())     # the export writes one line per text
    sheet = openpyxl.load_workbook(io.BytesIO(sheet_file)).active
    for column in (2, 3):                                           # the question and the first answer
        cell = sheet.cell(row=kahoot.HEADER_ROW + 1 + n, column=column)
        assert cell.value == (text if column == 2 else text), cell.value
        assert cell.data_type == "s"
        assert bool(cell.quotePrefix) is (row["quote_prefix"] or text.startswith(kahoot.FORMULA_START))


# --- GIFT ---------------------------------------------------------------------------------------------------

def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.parametrize("row", GIFT, ids=[r["text"][:24] for r in GIFT])
def test_gift_escapes_every_special_character(row):
    block = gift.render([_question(row["text"])], "nl", "https://influencer-kennisbank.github.io/").split("\n\n")[-1]
    body = re.sub(r"\\.", "", block)                # what a GIFT reader sees as syntax: escapes removed
    assert body.count("{") == 1 and body.count("}") == 1, block
    assert len(re.findall(r"^\t=", block, re.MULTILINE)) == 1, block
    head = block.split("\n", 1)[0]
    assert head == f"::payload-0::[markdown]{row['escaped']} {{", head
    assert f"\t={row['escaped']}#" in block and f"\t####{row['escaped']}" in block
    assert _unescape(row["escaped"]) == " ".join(row["text"].split())


# --- Anki ---------------------------------------------------------------------------------------------------

def _deck_fields(entries: list[Entry]) -> list[list[str]]:
    kb = KnowledgeBase(ROOT, {e.id: e for e in entries}, {})
    out = io.BytesIO()
    anki.write(kb, "nl", out, "https://influencer-kennisbank.github.io/")
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as apkg:
        data = apkg.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    rows = [r[0].split("\x1f") for r in db.execute("select flds from notes order by sfld")]
    db.close()
    return rows


def test_each_definition_on_a_card_is_plain_escaped_text():
    entries = [Entry(f"payload-{n:02d}", "concept", [], [], {lang: LangText(f"term {n:02d}", row["markdown"])
                                                            for lang in ("nl", "en")})
               for n, row in enumerate(ANKI)]
    fields = _deck_fields(entries)
    for (term, definition, link), row in zip(fields, ANKI):
        # plain text or sanitised HTML (links made absolute), never raw Markdown, never live markup
        assert "](" not in definition and "**" not in definition, row
        assert "<script" not in definition.lower() and "onerror" not in definition.lower(), row
        assert link.startswith('<a href="https://influencer-kennisbank.github.io/glossary/payload-')


def test_no_card_of_the_real_deck_shows_markdown():
    kb = catalog.load(ROOT)
    fields = _deck_fields(list(kb.entries.values()))
    assert len(fields) == len(kb.entries)
    shown = [f for f in fields if re.search(r"\]\(|\*\*|\[[^\]]+\]", f[0] + f[1])]
    assert not shown, shown[:3]


# --- Inline JSON (quiz bank, tier lookup) -------------------------------------------------------------------

def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def _assert_inert(script: str) -> None:
    low = script.lower()
    assert "</script" not in low and "<!--" not in script
    assert "\u2028" not in script and "\u2029" not in script
    assert not re.search(r"[<>&]", script), re.search(r".{20}[<>&].{20}", script)


@pytest.fixture(scope="module")
def hostile_kb():
    """The real knowledge base, with the payloads as Dutch terms and as the sources' own words for tiers."""
    kb = catalog.load(ROOT)
    asked = sorted(q.link for q in quiz_bank.build(kb).questions["nl"] if q.kind == "definition-term")  # answers
    for payload, entry_id in zip(INLINE, asked):
        kb.entries[entry_id].text["nl"].term = f"{payload} ({entry_id})"
    ranges = [r for s in kb.tier_schemes for r in s.tiers if r.as_written]
    for payload, tier_range in zip(INLINE, ranges):
        tier_range.as_written = payload
    return kb


def test_the_quiz_bank_script_gives_back_every_payload_and_holds_none(hostile_kb):
    script = quiz_page.bank_script(hostile_kb, "nl", BuildContext())    # a bank made from this knowledge base
    body = script.split('window.kbQuizBank["nl"] = ', 1)[1].rsplit(";", 1)[0]
    _assert_inert(body)
    texts = "\n".join(_strings(json.loads(body)))
    missing = [p for p in INLINE if p not in texts]
    assert not missing, missing


def test_the_tier_lookup_data_gives_back_every_payload_and_holds_none(hostile_kb):
    html = tier_render.lookup(hostile_kb, "nl")
    body = re.search(r'<script type="application/json" id="kb-tier-data">(.*?)</script>', html, re.S).group(1)
    _assert_inert(body)
    texts = list(_strings(json.loads(body)))
    missing = [p for p in INLINE if p not in texts]
    assert not missing, missing
