"""No 404 and no console error (issue 16, item 9): Material's language code fetched "<its folder>/sitemap.xml"
for every <link rel="alternate" hreflang> of a page (overrides/main.html now keeps those tags out of its sight).
Checked on a sample of pages in both languages, on the served site and in the offline copy opened from disk."""
from __future__ import annotations

from pathlib import Path

import re

import pytest


pytestmark = pytest.mark.browser
LANGS = {"nl": "", "en": "en/"}
PAGES = ["", "glossary/", "glossary/parasocial-interaction/", "glossary/influencer/", "tiers/", "findings/",
         "quiz/", "quiz/?seed=console&n=5&topic=all", "quiz/?seed=console&n=5&topic=all&mode=present",
         "trainers/", "contributing/", "translations/", "about/", "sources/"]


def watch(tab) -> list[str]:
    """Everything the console or the network reports as a problem, from now on."""
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("requestfailed", lambda r: problems.append(f"failed {r.url}: {r.failure}"))
    return problems


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_served_pages_have_no_404_and_no_console_error(page, site_url, lang, path):
    problems = watch(page)
    page.goto(site_url + LANGS[lang] + path, wait_until="networkidle")
    page.wait_for_timeout(300)                      # late requests count too
    assert not problems, f"{page.url}:\n" + "\n".join(problems)
    assert not any(u.endswith("/sitemap.xml") and u.count("/") > 4 for u in page.requests), page.requests


def test_the_pages_still_carry_their_hreflang_alternates(built_site):
    """For search engines and tests/build/test_build.py: the tags are in the HTML, only not where scripts read them."""
    html = (built_site / "en" / "glossary" / "parasocial-interaction" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    block = head.split("<noscript>")[1].split("</noscript>")[0]
    links = dict((lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">',
                                                           block))
    site = "https://influencer-kennisbank.github.io/"
    assert links == {"nl": site + "glossary/parasocial-interaction/",
                     "en": site + "en/glossary/parasocial-interaction/",
                     "x-default": site + "glossary/parasocial-interaction/"}, "absolute, with the Dutch page as x-default"


@pytest.fixture(scope="module")
def offline_site(offline_root) -> Path:
    """The offline copy (`kb offline`, unpacked as a trainer would: conftest's offline_root)."""
    return offline_root


def offline_file(folder: Path, path: str) -> str:
    """quiz/?x -> quiz.html?x, glossary/ -> glossary/index.html, "" -> index.html (the copy uses file URLs)."""
    base, _, query = path.partition("?")
    target = folder / (base.rstrip("/") + ".html") if base else folder / "index.html"
    if not target.is_file():
        target = folder / base / "index.html"
    assert target.is_file(), target
    return target.as_uri() + (f"?{query}" if query else "")


@pytest.mark.parametrize("lang", LANGS)
def test_offline_pages_have_no_console_error(page, offline_site, lang):
    problems = watch(page)
    for path in PAGES:
        page.goto(offline_file(offline_site / LANGS[lang], path), wait_until="load")
        page.wait_for_timeout(300)
    assert not problems, "\n".join(problems)
