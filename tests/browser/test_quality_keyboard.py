"""Keyboard: every interactive feature works without a mouse, reached with Tab and used with the keys a
keyboard or screen-reader user has (Tab, arrows, Space, Enter, typing).

Features: skip link, search, language switcher, hover definitions (links to term pages), the quiz (set-up form, answering,
next question), the tier lookup and the trainers' quiz-set form.
"""
from __future__ import annotations

import re

import pytest

from quality_site import QUIZ_SET, open_page

pytestmark = pytest.mark.browser
FOCUSED = """() => { const e = document.activeElement;
  return {tag: e.tagName.toLowerCase(), cls: String(e.className), text: (e.textContent || '').trim().slice(0, 60),
          href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'), type: e.getAttribute('type'),
          name: e.getAttribute('name'), id: e.id}; }"""


def tab_to(tab, wanted, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab until `wanted(focused element info)` is true; fail after `limit` presses."""
    trail = []
    for _ in range(limit):
        tab.keyboard.press(key)
        focused = tab.evaluate(FOCUSED)
        if wanted(focused):
            return focused
        trail.append(f"{focused['tag']}.{focused['cls'].split(' ')[0]} {focused['text'][:20]!r}")
    pytest.fail(f"not reachable with {key} in {limit} presses; focus went through: {trail}")


def test_first_tab_is_a_working_skip_link(page, site_url):
    open_page(page, site_url, "nl", "term")
    focused = tab_to(page, lambda f: True, limit=1)
    assert "md-skip" in focused["cls"] and page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#term") or "#" in page.url


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_search_with_the_keyboard(page, site_url, lang):
    open_page(page, site_url, lang, "home")
    tab_to(page, lambda f: "md-search__input" in f["cls"])
    page.keyboard.type("parasoc")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "a" and "glossary/" in (focused["href"] or ""), focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/glossary/"))


def test_language_switcher_with_the_keyboard(page, site_url):
    open_page(page, site_url, "nl", "term")
    focused = tab_to(page, lambda f: f["hreflang"] == "en")
    assert page.locator("a.md-select__link[hreflang=en]").is_visible(), "the language list stays hidden on focus"
    assert focused["text"] == "English"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/glossary/parasocial-interaction/$"))
    tab_to(page, lambda f: f["hreflang"] == "nl")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/en/" not in url and url.endswith("/glossary/parasocial-interaction/"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hover_definition_opens_on_keyboard_focus(page, site_url, lang):
    open_page(page, site_url, lang, "term")
    mentions = page.locator("main a.kb-mention")
    assert mentions.count() > 0, "the term page has no hover definitions"
    focused = tab_to(page, lambda f: "kb-mention" in f["cls"], limit=120)
    assert focused["text"] == mentions.first.inner_text().strip()
    tooltip = page.locator("#kb-tip[role=tooltip]")
    tooltip.wait_for(state="visible", timeout=3000)
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "kb-tip"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_quiz_with_the_keyboard(page, site_url, lang):
    """Set up a quiz, answer with arrows + Enter (never submitted by selecting), hear the result, go on."""
    open_page(page, site_url, lang, "quiz")
    tab_to(page, lambda f: f["tag"] == "select")
    tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit")
    page.keyboard.press("Enter")                                  # start
    page.locator("main fieldset input[type=radio]").first.wait_for()
    tab_to(page, lambda f: f["type"] == "radio")
    page.keyboard.press("ArrowDown")                              # move to, and select, the next option
    assert page.locator(".kb-quiz__feedback").count() == 0, "selecting an option must not submit it (3.2.2)"
    assert page.locator("main input[type=radio]:checked").count() == 1
    tab_to(page, lambda f: f["tag"] == "button")
    page.keyboard.press("Enter")                                  # Check
    page.locator(".kb-quiz__feedback").wait_for()
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.trim().length > 0")
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "button", f"after checking, focus should be on the next step, not {focused}"
    page.keyboard.press("Enter")                                  # Next question
    page.wait_for_function("() => /\\b2\\b/.test(document.querySelector('.kb-quiz__progress').textContent)")


def test_presenter_view_with_the_keyboard(page, site_url):
    """The projector view: Tab to its buttons and press them, or use its keys (r reveal, n next)."""
    open_page(page, site_url, "en", f"{QUIZ_SET}&mode=present")
    page.locator(".kb-present__controls").wait_for()
    tab_to(page, lambda f: f["tag"] == "button" and "primary" in f["cls"])      # Reveal
    page.keyboard.press("Enter")
    page.locator(".kb-present__answer").wait_for()
    page.keyboard.press("n")
    page.wait_for_function("() => /\\b2\\b/.test(document.querySelector('.kb-present__meta').textContent)")
    assert page.locator(".kb-present__answer").count() == 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tier_lookup_with_the_keyboard(page, site_url, lang):
    open_page(page, site_url, lang, "tiers")
    tab_to(page, lambda f: f["tag"] == "input" and f["id"] != "" and "search" not in f["cls"], limit=120)
    page.keyboard.type("8000")
    page.keyboard.press("Enter")
    result = page.locator("#kb-tier-result")
    page.wait_for_function("() => document.querySelector('#kb-tier-result').textContent.trim().length > 20")
    assert re.search(r"8[.,]000", result.inner_text())


def test_trainers_quiz_set_form_with_the_keyboard(page, site_url):
    open_page(page, site_url, "en", "trainers")
    form = page.locator("main form").first
    assert form.count() == 1, "the trainers' page has no form"
    tab_to(page, lambda f: f["tag"] in ("input", "select") and not "search" in f["cls"], limit=120)
    tab_to(page, lambda f: f["tag"] == "button" or f["type"] == "submit", limit=20)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert not page.console_errors
