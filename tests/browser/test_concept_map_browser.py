"""The concept map (issue 16, point 3), in a real Chromium, both languages: one page per language in the nav,
an SVG drawn at build time with every entry as a link to its page, grouped and coloured by category, the same
connections as text in the page, usable on a 390 px phone (the map pans inside its own scroll container, the
page itself does not scroll sideways), and each term page shows its own neighbourhood."""
from __future__ import annotations

import re

import pytest

from quality_site import open_page, url

pytestmark = pytest.mark.browser
NAV = {"nl": "Begrippenkaart", "en": "Concept map"}


def _term_count(page, site_url, lang) -> int:
    open_page(page, site_url, lang, "glossary")
    return page.locator("main a.kb-term").count()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_map_page_is_in_the_nav_and_every_entry_is_a_linked_node(page, site_url, lang):
    terms = _term_count(page, site_url, lang)
    page.get_by_role("link", name=NAV[lang], exact=True).first.click()
    page.wait_for_url(re.compile(r"/concept-map/$"))
    assert page.locator(".md-tabs__item--active").inner_text().strip() == NAV[lang]
    svg = page.locator("svg.kb-map__svg")
    assert svg.is_visible()
    nodes = svg.locator("a.kb-map__node")
    assert nodes.count() == terms, "one node per entry"
    hrefs = nodes.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(re.fullmatch(r"\.\./glossary/[a-z0-9-]+/", h) for h in hrefs), hrefs[:3]
    assert len(set(hrefs)) == terms
    assert svg.locator("path.kb-map__edge").count() > terms, "the related links are drawn"
    fills = set(svg.locator("a.kb-map__node circle").evaluate_all("els => els.map(e => e.getAttribute('fill'))"))
    legend = page.locator("ul.kb-map__legend li")
    assert len(fills) == legend.count() >= 8, "one colour per category, each named in the legend"
    # a node is a working link
    first = nodes.first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(re.escape(target.replace("../", "/")) + "$"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hovering_a_node_highlights_its_connections(page, site_url, lang):
    page.goto(url(site_url, lang, "concept-map/"))
    edge = page.locator("path.e-influencer").first
    other = page.locator("path.kb-map__edge:not(.e-influencer)").first
    before = float(edge.evaluate("e => getComputedStyle(e).strokeOpacity"))
    page.locator("a.n-influencer").hover()
    page.wait_for_timeout(300)
    assert float(edge.evaluate("e => getComputedStyle(e).strokeOpacity")) > before
    assert float(other.evaluate("e => getComputedStyle(e).strokeOpacity")) < before


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_text_alternative_lists_every_entry_with_both_directions(page, site_url, lang):
    terms = _term_count(page, site_url, lang)
    page.goto(url(site_url, lang, "concept-map/"))
    page.locator(".kb-map__skip").focus()
    assert page.locator(".kb-map__skip").is_visible(), "the skip link shows on focus"
    rows = page.locator("#connections-as-text ~ ul > li")
    assert rows.count() == terms
    row = page.locator("li:has(#map-influencer)")
    text = row.inner_text()
    assert "→" in text and "←" in text
    assert row.locator("a[href='../glossary/content-creator/']").count() >= 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_map_is_usable_on_a_phone(chromium, site_url, lang):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    try:
        tab.goto(url(site_url, lang, "concept-map/"))
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
        scroller = tab.locator(".kb-map__scroll")
        assert scroller.get_attribute("tabindex") == "0" and scroller.get_attribute("aria-label")
        width = scroller.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert width[0] > width[1], "the map keeps a readable size and pans inside its box"
        size = tab.locator("a.n-influencer text").evaluate(
            "e => e.getBoundingClientRect().height")
        assert size >= 9, f"node labels are {size}px high on a phone"
        scroller.evaluate("e => e.scrollTo(e.scrollWidth, e.scrollHeight / 2)")
        assert scroller.evaluate("e => e.scrollLeft") > 0
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_term_page_shows_its_neighbourhood(page, site_url, lang):
    page.goto(url(site_url, lang, "glossary/trust/"))
    section = page.locator("#connections")
    assert section.is_visible()
    incoming = page.locator("#connections + p a")
    assert incoming.count() >= 3, "the entries that refer to trust are listed"
    assert page.locator("#related + ul a").count() >= 1, "and those it refers to"
    map_link = page.locator("a[href$='concept-map/#map-trust']")
    map_link.click()
    page.wait_for_url(re.compile(r"/concept-map/#map-trust$"))
    assert page.locator("#map-trust").is_visible()


CONTRAST_JS = """() => {
  const rgb = s => s.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; });
                     return .2126 * r + .7152 * g + .0722 * b; };
  const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
  const seen = {};
  document.querySelectorAll(".kb-map__svg circle[class^=k-]").forEach(c => {
    const fg = lum(rgb(getComputedStyle(c).fill));
    seen[c.getAttribute("class")] = Math.round(100 * (Math.max(fg, bg) + .05) / (Math.min(fg, bg) + .05)) / 100;
  });
  return seen;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_category_colour_stands_out_against_the_page(page, site_url, scheme):
    """WCAG 1.4.11 asks 3:1 for graphics that carry meaning; the dark scheme had a regulation colour of 1.7:1.
    (In the light scheme the names next to each dot and the legend carry the category; there only the dots' own
    contrast against white is reported, as the failure message, if a new colour falls below 2:1.)"""
    page.emulate_media(color_scheme=scheme)
    open_page(page, site_url, "en", "concept-map")
    ratios = page.evaluate(CONTRAST_JS)
    assert {"k-regulation", "k-case", "k-concept"} <= set(ratios), ratios
    floor = 3 if scheme == "dark" else 2
    assert all(r >= floor for r in ratios.values()), ratios
