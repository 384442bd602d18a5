"""Paper and rights (issue 16, point 8), in a real Chromium under print media, both languages: the tiers page
prints every column of every table, the whole chart and the lookup's answer; the glossary handout holds every
entry on one print-styled page and the trainers' page links to it; the licence of the texts is stated in the
footer of every page and on the about page."""
from __future__ import annotations

import re

import pytest

from quality_site import open_page, url

pytestmark = pytest.mark.browser
A4_WIDTH = 718                          # px: an A4 page (210 mm) less Chromium's default print margins
LICENCE = {"nl": "https://creativecommons.org/licenses/by/4.0/deed.nl", "en": "https://creativecommons.org/licenses/by/4.0/"}
HANDOUT_LINK = {"nl": "Begrippenlijst om te printen", "en": "Printable glossary"}


@pytest.fixture
def a4(chromium, site_url):
    context = chromium.new_context(viewport={"width": A4_WIDTH, "height": 1000})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_printing_the_tiers_page_keeps_every_column_the_chart_and_the_lookup(a4, site_url, lang):
    a4.goto(url(site_url, lang, "tiers/"))
    a4.fill("#kb-tier-count", "8000")
    a4.keyboard.press("Enter")
    a4.locator("#kb-tier-result").get_by_text(re.compile(r"8[.,]000")).first.wait_for()
    a4.emulate_media(media="print")
    assert a4.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH, "something sticks out of the page"
    tables = a4.evaluate("""() => [...document.querySelectorAll('main table')].map(t => ({
        right: t.getBoundingClientRect().right, cols: t.rows[0].cells.length,
        last: t.rows[0].cells[t.rows[0].cells.length - 1].getBoundingClientRect().right,
        clipped: [...t.querySelectorAll('th, td')].some(c => c.scrollWidth > c.clientWidth + 1)}))""")
    assert len(tables) >= 3
    for table in tables:
        assert table["right"] <= A4_WIDTH and table["last"] <= A4_WIDTH, table
        assert not table["clipped"], "a cell's text is cut off"
    assert max(t["cols"] for t in tables) >= 6, "the comparison table keeps all its source columns"
    chart = a4.locator(".kb-tier-chart__svg").bounding_box()
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= A4_WIDTH, "the chart is clipped"
    assert a4.locator("#kb-tier-result").is_visible(), "the lookup's answer is printed"
    assert a4.locator(".kb-tier-lookup__form").is_hidden(), "the lookup's form is not"
    assert len(a4.pdf(format="A4")) > 10_000


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_handout_holds_every_entry_and_prints_in_two_columns(page, a4, site_url, lang):
    open_page(page, site_url, lang, "glossary")
    terms = page.eval_on_selector_all("main a.kb-term", "els => els.map(e => e.getAttribute('href'))")
    open_page(page, site_url, lang, "trainers")
    page.get_by_role("link", name=HANDOUT_LINK[lang], exact=True).first.click()
    page.wait_for_url(re.compile(r"/handout/$"))
    entries = page.locator(".kb-handout__entry")
    assert entries.count() == len(terms)
    ids = entries.evaluate_all("els => els.map(e => e.id.slice(2) + '/')")
    assert ids == terms, "the handout follows the A-Z order of the language"
    assert entries.first.locator("p").count() >= 1, "with the definition"
    assert "CC BY 4.0" in page.locator(".kb-handout__meta").inner_text()
    a4.goto(url(site_url, lang, "handout/"))
    a4.emulate_media(media="print")
    assert a4.eval_on_selector(".kb-handout", "e => getComputedStyle(e).columnCount") == "2"
    assert a4.eval_on_selector(".kb-handout__entry", "e => getComputedStyle(e).breakInside") == "avoid"
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        if a4.locator(chrome).count():
            assert a4.locator(chrome).first.is_hidden(), f"{chrome} is printed"
    assert a4.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH
    assert len(a4.pdf(format="A4")) > 10_000


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("where", ["home", "term", "quiz"])
def test_the_licence_is_in_the_footer_of_every_page(page, site_url, lang, where):
    open_page(page, site_url, lang, where)
    link = page.locator(".md-copyright a[rel=license]")
    assert link.count() == 1 and link.inner_text().strip() == "CC BY 4.0"
    assert link.get_attribute("href") == LICENCE[lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_about_page_states_the_licence(page, site_url, lang):
    page.goto(url(site_url, lang, "about/"))
    section = page.locator("#licence")
    assert section.is_visible()
    text = page.locator("#licence + p").inner_text()
    assert "CC BY 4.0" in text and ("Moodle" in text)
    assert page.locator(f"#licence + p a[href='{LICENCE[lang]}']").count() == 1
