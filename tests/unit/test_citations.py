"""Citations in the reader's language: a work's `nl:`/`en:` block may give its own `citation`, which replaces the
shared one on that language's pages (the date marker, bracketed descriptions and translations are our words, so
they follow the page's language; titles stay as published). Table: tests/data/citations/shown.yaml."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import DATA
from kb import LANGS, ROOT
from kb.core.markdown_text import inline
from kb.glossary import render
from kb.site import load

ROWS = yaml.safe_load((DATA / "citations" / "shown.yaml").read_text(encoding="utf-8"))
OTHER_MARKER = {"nl": "(n.d.)", "en": "(z.d.)"}     # the other language's 'no date', never on this language's pages


@pytest.fixture(scope="module")
def kb():
    return load.load(ROOT)


@pytest.fixture(scope="module")
def pages(kb) -> dict[str, str]:
    return render.generate(kb)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['key']}-{r['lang']}" for r in ROWS])
def test_a_reader_sees_the_citation_in_their_language(kb, pages, row):
    source, lang, want = kb.sources[row["key"]], row["lang"], row["citation"]
    assert source.cite(lang) == want
    assert f"\n{inline(want)}" in pages[f"{render.SOURCES}/index.{lang}.md"], "not on the sources page"
    citing = next(e for e in kb.entries.values() if any(key == row["key"] for key, _ in e.sources))
    assert f"- [{inline(want)}](" in pages[f"{render.GLOSSARY}/{citing.id}.{lang}.md"], f"not on {citing.id}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_shows_the_other_languages_no_date_marker(kb, pages, lang):
    marker = OTHER_MARKER[lang]
    cited = [s.key for s in kb.sources.values() if marker in s.cite(lang)]
    assert not cited, f"{lang} citations with '{marker}': {cited} (give the {lang} block its own citation)"
    shown = [name for name, text in pages.items() if name.endswith(f".{lang}.md") and marker in text]
    assert not shown, f"{lang} pages showing '{marker}': {shown}"


def test_the_table_checks_both_kinds_of_work(kb):
    """The table holds works with and without a per-language citation, so neither path goes untested."""
    keys = {r["key"] for r in ROWS}
    assert any(kb.sources[k].citations for k in keys) and any(not kb.sources[k].citations for k in keys)


@pytest.mark.parametrize("lang", LANGS)
def test_a_language_citation_keeps_the_year(kb, lang):
    """Only our words change: the year in the per-language citation is the shared one's."""
    changed = [s.key for s in kb.sources.values() if lang in s.citations
               and re.findall(r"\((\d{4})", s.citation) != re.findall(r"\((\d{4})", s.citations[lang])]
    assert not changed, f"per-language citations with another year than the shared one: {changed}"
