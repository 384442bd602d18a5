"""Exports follow the chosen set (issue 16, point 7) and show their sizes (point 8), in a real Chromium, both
languages: the trainer picks a topic in the quiz-set form and is offered that topic's GIFT file and Kahoot
sheets; the files, downloaded through the page, hold that topic only (GIFT in a Moodle sub-category named
after the topic; Kahoot sheets within Kahoot's limits); the whole-bank GIFT has one `$CATEGORY` per topic; the
Anki cards carry HTML links, never raw Markdown; every download link states the file's size."""
from __future__ import annotations

import re
import sqlite3
import zipfile

import pytest
from openpyxl import load_workbook

from quality_site import open_page
from gift_parser import parse_gift

from kb import ROOT
from kb.exports import build as exports
from kb.exports.kahoot import HEADERS, MAX_ANSWER, MAX_QUESTION
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page
from kb.site import load as knowledge_base

pytestmark = pytest.mark.browser


def _download(page, link, tmp_path):
    with page.expect_download() as info:
        link.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _topic_name(topic: str, lang: str) -> str:
    return quiz_page.LABELS[f"topic_{topic}"][lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("topic", ["terms", "tiers"])
def test_the_chosen_topic_offers_its_own_gift_and_kahoot_files(page, site_url, tmp_path, lang, topic):
    open_page(page, site_url, lang, "trainers")
    page.select_option("#kb-set-topic", topic)
    offered = page.locator("#kb-set-downloads a[download]")
    assert offered.count() >= 2
    hrefs = offered.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(f"-{topic}" in h for h in hrefs), hrefs
    assert page.locator(f"tr.kb-downloads__chosen[data-topic={topic}]").count() == 1
    gift_link = page.locator(f"#kb-set-downloads a[href$='-{lang}-{topic}.gift.txt']")
    gift = parse_gift(_download(page, gift_link, tmp_path).read_text(encoding="utf-8"))
    assert gift["questions"], "the topic's GIFT file has questions"
    assert gift["category"].endswith("/" + _topic_name(topic, lang)), gift["category"]
    said = re.search(r"\((\d+) ", gift_link.inner_text()).group(1)
    assert int(said) == len(gift["questions"]), "the link says how many questions the file holds"
    for sheet_link in page.locator(f"#kb-set-downloads a[href*='kahoot-{lang}-{topic}']").all():
        rows = _kahoot_rows(_download(page, sheet_link, tmp_path))
        assert 0 < len(rows) <= exports.KAHOOT_SHEET_MAX


def _kahoot_rows(path):
    sheet = load_workbook(path).active
    assert tuple(c.value for c in sheet[8][1:8]) == HEADERS
    rows = [r for r in sheet.iter_rows(min_row=9, values_only=True) if r[1] is not None]
    for row in rows:
        answers = [a for a in row[2:6] if a is not None]
        assert len(row[1]) <= MAX_QUESTION and 2 <= len(answers) <= 4
        assert all(len(a) <= MAX_ANSWER for a in answers) and 1 <= row[7] <= len(answers)
    return rows


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_topic_comes_as_kahoot_sheets_within_the_sheet_limit(page, site_url, tmp_path, lang):
    """Each topic's Kahoot sheets hold at most KAHOOT_SHEET_MAX questions each (a longer topic comes in numbered
    parts: tests/unit/test_exports_by_topic.py), all of that topic, within Kahoot's limits."""
    open_page(page, site_url, lang, "trainers")
    row = page.locator(".kb-downloads--topics tr[data-topic=terms]")
    parts = row.locator(f"a[href*='kahoot-{lang}-terms']")
    assert parts.count() >= 1, "the terms topic has a Kahoot sheet"
    sizes = [len(_kahoot_rows(_download(page, link, tmp_path))) for link in parts.all()]
    assert all(0 < n <= exports.KAHOOT_SHEET_MAX for n in sizes), sizes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_whole_bank_gift_has_a_moodle_category_per_topic(page, site_url, tmp_path, lang):
    open_page(page, site_url, lang, "trainers")
    link = page.locator(f".kb-downloads:not(.kb-downloads--topics) a[href$='quiz-{lang}.gift.txt']")
    text = _download(page, link, tmp_path).read_text(encoding="utf-8")
    categories = re.findall(r"^\$CATEGORY: (.+)$", text, re.MULTILINE)
    assert [c.rsplit("/", 1)[1] for c in categories] == [_topic_name(tp, lang) for tp in quiz_bank.TOPICS]
    assert len({c.rsplit("/", 1)[0] for c in categories}) == 1, "all under the language's category"
    bank = quiz_bank.build(knowledge_base.load(ROOT))
    assert len(parse_gift(text)["questions"]) == len(bank.questions[lang]), "the whole bank, every question"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_anki_cards_have_html_links_and_no_raw_markdown(page, site_url, tmp_path, lang):
    open_page(page, site_url, lang, "trainers")
    deck = _download(page, page.locator(f"a[href$='glossary-{lang}.apkg']"), tmp_path)
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        fields = [row[0] for row in db.execute("select flds from notes")]
    finally:
        db.close()
    assert len(fields) > 50
    raw = [f for f in fields if re.search(r"\]\([^)]*\)|\.md\b|\*\*", f)]
    assert not raw, f"{len(raw)} cards show Markdown, e.g. {raw[0][:120]}"
    links = re.findall(r'<a href="([^"]+)"', "\n".join(fields))
    assert len(links) > len(fields), "the definitions' own links survive as HTML links"
    assert all(h.startswith("https://") for h in links), [h for h in links if not h.startswith("https://")][:3]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_download_link_states_its_size(page, site_url, lang):
    open_page(page, site_url, lang, "trainers")
    links = page.locator(".kb-downloads a[download]")
    sizes = {}
    for link in links.all():
        href = link.get_attribute("href")
        if href.endswith(".zip"):
            continue                                  # made by `make offline` after the build: not known here
        match = re.search(r"(\d+) kB\)", link.inner_text())
        assert match, f"{href}: no size in {link.inner_text()!r}"
        sizes[href] = int(match.group(1))
    assert len(sizes) >= 10
    for href, said in list(sizes.items())[:6]:
        actual = page.request.get(page.url.split("#")[0] + href).body()
        assert said == max(1, round(len(actual) / 1024)), f"{href}: says {said} kB, is {len(actual)} bytes"
