"""The tiers page on paper and as a shared link (issue 16, item 8): printing keeps every table column, the whole
chart and the lookup's answer; the lookup writes ?n=<count> to the address bar and reads only a count in a sane range
(1 to 10^10) from it, saying so in the page's language otherwise (never an exception)."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlparse

import pytest

pytestmark = pytest.mark.browser
LANGS = {"nl": "", "en": "en/"}
A4_CONTENT = {"width": 680, "height": 1000}      # A4 minus Material's 25 mm print margins, in CSS px (about)
SHARED_INVALID = {"nl": "Het adres bevat geen bruikbaar aantal volgers", "en": "The address holds no usable follower count"}
FITS = """() => {
  const bad = [];
  for (const t of document.querySelectorAll('.md-content table')) {
    const right = t.getBoundingClientRect().right;
    for (const cell of t.querySelectorAll('th, td')) {
      const r = cell.getBoundingClientRect();
      if (r.width < 1 || r.right > innerWidth + 0.5 || r.right > right + 0.5) {
        bad.push(`${cell.tagName} "${cell.textContent.trim().slice(0, 30)}" right=${r.right.toFixed(0)}`);
      }
    }
    let box = t.parentElement;
    while (box && !box.classList.contains('md-content')) {
      if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible') {
        bad.push(`table clipped by ${box.tagName}.${String(box.className).split(' ')[0]}`);
      }
      box = box.parentElement;
    }
  }
  const svg = document.querySelector('.kb-tier-chart__svg');
  const r = svg.getBoundingClientRect(), scroller = svg.closest('.kb-tier-chart__scroll');
  if (r.right > innerWidth + 0.5 || scroller.scrollWidth > scroller.clientWidth + 1) bad.push('the chart is clipped');
  return bad;
}"""


def tiers(site_url: str, lang: str, query: str = "") -> str:
    return f"{site_url}{LANGS[lang]}tiers/{query}"


@pytest.mark.parametrize("lang", LANGS)
def test_printing_keeps_every_column_the_chart_and_the_lookup_result(page, site_url, lang):
    page.set_viewport_size(A4_CONTENT)
    page.goto(tiers(site_url, lang))
    page.fill("#kb-tier-count", "8000")
    page.press("#kb-tier-count", "Enter")
    page.locator(".kb-tier-lookup__summary").wait_for()
    answer = page.inner_text("#kb-tier-result")
    page.emulate_media(media="print")
    try:
        assert page.evaluate(FITS) == []
        assert page.locator("#kb-tier-result").is_visible() and page.inner_text("#kb-tier-result") == answer
        assert page.locator(".kb-tier-lookup__form").is_hidden(), "the form itself is of no use on paper"
        assert page.locator(".kb-tier-chart__svg").is_visible()
        assert page.locator(".kb-scroll-hint:visible").count() == 0
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_lookup_the_empty_lookup_box_is_not_printed(page, site_url, lang):
    page.goto(tiers(site_url, lang))
    page.emulate_media(media="print")
    assert page.locator("#tier-lookup-widget").is_hidden()
    page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", LANGS)
def test_a_lookup_writes_its_count_to_the_address_and_the_address_opens_it(page, site_url, lang):
    page.goto(tiers(site_url, lang, "?utm=x"))
    for typed, expected in (("8000", "8000"), ("1,5 mln" if lang == "nl" else "1.5 million", "1500000"),
                            ("12k", "12000")):
        page.fill("#kb-tier-count", typed)
        page.press("#kb-tier-count", "Enter")
        page.locator(".kb-tier-lookup__summary").wait_for()
        query = parse_qs(urlparse(page.url).query)
        assert query == {"n": [expected], "utm": ["x"]}, page.url
    shared = page.url
    summary = page.inner_text("#kb-tier-result")
    page.goto(shared)                                      # the link opens with the same answer
    page.locator(".kb-tier-lookup__summary").wait_for()
    assert page.inner_text("#kb-tier-result") == summary
    assert page.input_value("#kb-tier-count") == "12000"
    page.fill("#kb-tier-count", "abc")                      # a count that is not one takes n= away again
    page.press("#kb-tier-count", "Enter")
    page.locator(".kb-tier-lookup__error").wait_for()
    assert "n" not in parse_qs(urlparse(page.url).query)
    assert not page.console_errors


BAD_SHARED = ["<script>alert(1)</script>", "-5", "0", "999999999999", "abc", "８０００", "1e30",
              "1" + "0" * 30, "8000.5", "", "0x1F40", "20000000k", "+8000", "8000<b>"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", BAD_SHARED, ids=lambda v: repr(v)[:20])
def test_a_shared_address_with_no_usable_count_says_so(page, site_url, lang, value):
    page.goto(tiers(site_url, lang, "?n=" + quote(value, safe="&=")))
    error = page.locator(".kb-tier-lookup__error")
    error.wait_for()
    assert error.inner_text().startswith(SHARED_INVALID[lang])
    assert page.locator(".kb-tier-lookup__summary").count() == 0
    assert page.locator("#tier-lookup-widget script:not([type='application/json']), #tier-lookup-widget img").count() == 0
    assert not page.console_errors and not page.dialogs


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("value", "count"), [("1", "1"), ("8000", "8000"), ("10000000000", "10000000000"),
                                            ("25k", "25000")])
def test_a_shared_address_with_a_count_opens_the_answer(page, site_url, lang, value, count):
    """A plain whole number, or a notation the lookup accepts when typed (tests/browser/test_tier_browser.py: ?n=25k)."""
    page.goto(tiers(site_url, lang, f"?n={value}"))
    page.locator(".kb-tier-lookup__summary").wait_for()
    assert page.input_value("#kb-tier-count") == value
    assert parse_qs(urlparse(page.url).query) == {"n": [count]}, "the address holds the plain count"
