"""The tier lookup in a real browser: keyboard only, every notation, each source's verdict, no JS fallback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

COUNTS = json.loads((Path(__file__).resolve().parents[1] / "data" / "tiers" / "counts.json").read_text(encoding="utf-8"))["counts"]


def _tab_to(page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} never received focus by keyboard")


def _verdicts(page) -> dict[str, str]:
    items = page.locator("#kb-tier-result li")
    return {items.nth(i).get_attribute("data-source"): items.nth(i).get_attribute("data-tiers")
            for i in range(items.count())}


def test_lookup_by_keyboard_shows_each_sources_verdict(page, site_url):
    page.goto(site_url + "tiers/")
    result = page.locator("#kb-tier-result")
    assert result.get_attribute("aria-live") == "polite"
    _tab_to(page, "kb-tier-count")
    page.keyboard.type("8.000")
    page.keyboard.press("Enter")
    result.locator("li").first.wait_for()
    assert _verdicts(page) == {"thesis-micro-influencers": "", "quantumrun-2023": "mid-tier",
                               "franky-column": "micro", "retailinnovatie-rotterdam": "micro",
                               "jouwweb-wat-is-een-influencer": "micro"}
    summary = result.locator(".kb-tier-lookup__summary").inner_text()
    assert "hangt af van de bron" in summary and "micro volgens 3 bronnen" in summary and "mid-tier volgens 1 bron" in summary
    assert "8.000 volgers" in result.inner_text()
    assert page.locator("#kb-tier-marker").get_attribute("visibility") == "visible"
    assert not page.console_errors


def test_english_page_spells_out_boundaries_and_gaps(page, site_url):
    page.goto(site_url + "en/tiers/")
    _tab_to(page, "kb-tier-count")
    page.keyboard.type("5k")
    page.keyboard.press("Enter")
    page.locator("#kb-tier-result li").first.wait_for()
    verdicts = _verdicts(page)
    assert verdicts["retailinnovatie-rotterdam"] == "nano micro"
    text = page.locator("#kb-tier-result").inner_text()
    assert "on the boundary: both nano and micro" in text and "5,000 followers" in text
    page.fill("#kb-tier-count", "50,000")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#kb-tier-result').innerText.includes('50,000 followers')")
    assert "no tier: falls in the gap between mega and all-star" in page.locator("#kb-tier-result").inner_text()


def test_a_shared_link_opens_with_the_answer(page, site_url):
    page.goto(site_url + "en/tiers/?n=25k")
    page.locator("#kb-tier-result li").first.wait_for()
    assert page.input_value("#kb-tier-count") == "25k"
    assert _verdicts(page)["quantumrun-2023"] == "mega"


def test_invalid_input_says_so_in_words(page, site_url):
    page.goto(site_url + "en/tiers/")
    page.fill("#kb-tier-count", "lots")
    page.press("#kb-tier-count", "Enter")
    assert "not a number of followers" in page.locator("#kb-tier-result").inner_text()
    assert page.get_attribute("#kb-tier-count", "aria-invalid") == "true"


def test_javascript_parser_matches_the_notation_table(page, site_url):
    page.goto(site_url + "tiers/")
    got = page.evaluate("cases => cases.map(c => window.kbTierLookup.parseCount(c[0]))", COUNTS)
    assert got == [value for _, value in COUNTS]


def test_page_is_readable_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "en/tiers/")
        assert not tab.locator("#tier-lookup-widget").is_visible()
        assert tab.locator("svg.kb-tier-chart__svg[role=img]").is_visible()
        assert "Harvard Media via Quantumrun" in tab.locator("article table").first.inner_text()
        assert "The lookup needs JavaScript" in tab.content()
    finally:
        context.close()
