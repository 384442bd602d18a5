"""Search works in both languages, in a real browser, with stemming: a word finds the page where it only
appears inflected (Dutch 'aanbeveling' finds 'aanbevelingen', English 'endorser' finds 'endorsers'); and each
language searches its own pages only."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang_dir, query, expected", [
    ("", "aanbeveling", "glossary/trust/"),
    ("en/", "endorser", "en/glossary/credibility/"),
])
def test_search_finds_a_page_by_another_form_of_a_word(page, site_url, built_site, lang_dir, query, expected):
    text = (built_site / expected / "index.html").read_text(encoding="utf-8").casefold()
    assert re.search(rf"\b{query}\w+", text) and not re.search(rf"\b{query}\b", text), \
        f"precondition: {expected} holds '{query}' only in an inflected form; pick another word if content changed"
    page.goto(site_url + lang_dir)
    page.keyboard.press("/")                       # Material's search shortcut: no mouse needed
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10000)
    paths = [re.sub(r"^https?://[^/]+/|[?#].*$", "", results.nth(i).get_attribute("href"))
             for i in range(results.count())]
    assert expected in paths, paths


@pytest.mark.parametrize("lang_dir, query", [("", "influencer"), ("en/", "influencer"), ("en/", "vertrouwen")])
def test_search_lists_pages_of_the_language_being_read(page, site_url, lang_dir, query):
    """'influencer' is on pages of both languages; 'vertrouwen' (Dutch for trust) is named on the English page
    of trust too. Either way, a reader of one language only gets that language's pages."""
    page.goto(site_url + lang_dir)
    page.keyboard.press("/")
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    english = [h.startswith(site_url + "en/") for h in hrefs]
    assert all(english) if lang_dir else not any(english), hrefs
