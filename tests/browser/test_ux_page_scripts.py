"""Only the JavaScript a page uses (issue 14, last point): quiz.js and tier-lookup.js load deferred, and only
on the pages with their block (overrides/main.html), on the served site and opened from disk; the site's own
code per page stays under 12 KB gzipped."""
from __future__ import annotations

import gzip
import re
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser
LANGS = {"nl": "", "en": "en/"}
OWN = {"quiz.js", "tier-lookup.js"}
EXPECTED = {                      # page -> the site's own scripts it must load (and no other)
    "": set(),
    "glossary/": set(),
    "glossary/parasocial-interaction/": set(),
    "trainers/": set(),
    "findings/": set(),
    "quiz/": {"quiz.js"},
    "tiers/": {"tier-lookup.js"},
}
BUDGET = 12 * 1024


def own_scripts(requests: list[str]) -> set[str]:
    return {urlparse(u).path.rsplit("/", 1)[-1] for u in requests
            if urlparse(u).path.rsplit("/", 1)[-1] in OWN}


@pytest.mark.parametrize("path", EXPECTED)
@pytest.mark.parametrize("lang", LANGS)
def test_a_page_requests_only_the_scripts_of_its_blocks(page, site_url, lang, path):
    page.goto(site_url + LANGS[lang] + path, wait_until="networkidle")
    assert own_scripts(page.requests) == EXPECTED[path], f"{page.url} loaded {own_scripts(page.requests)}"
    tags = page.eval_on_selector_all("script[src]", "els => els.map(e => [e.getAttribute('src'), e.defer])")
    for src, deferred in tags:
        if src.rsplit("/", 1)[-1] in OWN:
            assert deferred, f"{src} is render-blocking on {page.url}"
    assert not page.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_the_blocks_still_work_with_deferred_scripts(page, site_url, lang):
    page.goto(site_url + LANGS[lang] + "quiz/?seed=defer&n=5&topic=all")
    page.locator(".kb-quiz__form fieldset").wait_for()
    page.goto(site_url + LANGS[lang] + "tiers/?n=8000")
    page.locator(".kb-tier-lookup__summary").wait_for()
    assert not page.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_opened_from_disk_the_quiz_and_the_tier_lookup_load_their_scripts(page, built_site, lang):
    """The built site opened from file:// (the offline copy also uses page-relative script paths)."""
    folder = built_site / LANGS[lang]
    page.goto((folder / "quiz" / "index.html").as_uri() + "?seed=disk&n=5&topic=all")
    page.locator(".kb-quiz__form fieldset").wait_for(timeout=10_000)
    page.goto((folder / "tiers" / "index.html").as_uri() + "?n=8000")
    page.locator(".kb-tier-lookup__summary").wait_for(timeout=10_000)
    before = len(page.requests)
    page.goto((folder / "index.html").as_uri(), wait_until="load")
    assert not own_scripts(page.requests[before:]), "the home page opened from disk loads a block's script"
    # (no check of page errors here: the served build has no inlined search index; the offline copy has one)


def test_the_sites_own_code_per_page_is_small(built_site):
    """Gzipped size of the site's own scripts a page loads (Material's bundle, the vendored QR library and the
    question bank, which is data, aside)."""
    for html in [built_site / "quiz" / "index.html", built_site / "tiers" / "index.html"]:
        text = html.read_text(encoding="utf-8")
        total = 0
        for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', text):
            name = src.rsplit("/", 1)[-1]
            if name in OWN:
                total += len(gzip.compress((html.parent / src).read_bytes(), 9))
        assert 0 < total <= BUDGET, f"{html.relative_to(built_site)}: {total} bytes of own JS, gzipped"
