"""What the quality tests (tests/test_quality_*.py) visit, and the few browser steps they share.

One list of pages for every check, so accessibility, privacy and phone tests cannot drift apart.
"""
from __future__ import annotations

import re

LANGS = {"nl": "", "en": "en/"}                    # language -> URL prefix of its pages
PAGES = {                                          # name -> path under a language prefix
    "home": "",
    "glossary": "glossary/",
    "term": "glossary/parasocial-interaction/",
    "tiers": "tiers/",
    "quiz": "quiz/",
    "practice": "practice/",
    "trainers": "trainers/",
}
QUIZ_SET = "quiz/?seed=quality1&n=5&topic=all"     # a share link: opens straight on the first question
PAGE_IDS = [f"{lang}-{name}" for lang in LANGS for name in PAGES]
PAGE_PARAMS = [(lang, name) for lang in LANGS for name in PAGES]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHECK_BUTTON = re.compile(r"^\s*(Check|Controleer)\b", re.IGNORECASE)


def url(site_url: str, lang: str, name_or_path: str) -> str:
    return site_url + LANGS[lang] + PAGES.get(name_or_path, name_or_path)


def open_page(tab, site_url: str, lang: str, name: str) -> None:
    """Load a page and wait until Material's scripts have run (tooltips, search, quiz are set up)."""
    response = tab.goto(url(site_url, lang, name), wait_until="load")
    assert response is not None and response.ok, f"{url(site_url, lang, name)} answered {response and response.status}"
    tab.wait_for_function("() => document.querySelector('.md-search__input') !== null")


def settle(tab, timeout_ms: int = 2000) -> None:
    """Wait for running CSS transitions and animations to end (a fading element has in-between colours)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        tab.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')",
                              timeout=timeout_ms)
    except PlaywrightTimeout:
        pass                                     # an endless animation: check the page as it is


def axe_violations(tab, context: str | None = None) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now (no rule switched off)."""
    from axe_playwright_python.sync_playwright import Axe
    settle(tab)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(tab, context=context, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    """One readable block per violated rule: what, how bad, where (first elements), why."""
    lines = []
    for rule in violations:
        lines.append(f"- {rule['id']} ({rule['impact']}): {rule['help']}  [{len(rule['nodes'])} element(s)]")
        for node in rule["nodes"][:4]:
            summary = " ".join((node.get("failureSummary") or "").split())[:300]
            lines.append(f"    at {node['target']}: {summary}")
    return "\n".join(lines)


def answer_first_question(tab) -> None:
    """Pick the first option of the first quiz question and press its Check button, as a reader would."""
    option = tab.locator("main fieldset input[type=radio]").first
    assert option.count() == 1, "the quiz page shows no question with options (fieldset + radio buttons)"
    option.check()
    fieldset = tab.locator("main fieldset").first
    container = fieldset.locator("xpath=ancestor-or-self::*[.//button][1]")
    container.get_by_role("button", name=CHECK_BUTTON).first.click()
