"""The offline copy: `kb offline` (kb.engines.mkdocs.offline) zips a site that works opened from disk (file://).

Built once per session from a project copy, unzipped like a trainer would, then driven in Chromium: search,
navigation, the quiz (also opened from the trainers' page form), the tier lookup. Every request the browser
makes must stay on file:// — no CDN, no other host.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from kb.engines.mkdocs import offline as build_offline


def test_zip_holds_both_languages_under_one_folder(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert all(n.startswith(build_offline.ZIP_FOLDER + "/") for n in names)
    inside = {n.split("/", 1)[1] for n in names}
    for required in ("index.html", "en/index.html", "trainers.html", "en/trainers.html", "quiz.html",
                     "en/tiers.html", "search/search_index.js", "en/search/search_index.js", build_offline.POLYFILL, "LEESMIJ-README.txt"):
        assert required in inside, required
    assert not any(n.endswith(".zip") for n in inside), "the copy never contains a zip of itself"


def test_file_urls_and_an_inlined_search_index_per_language(offline_root):
    assert not (offline_root / "trainers").is_dir(), "the offline copy uses trainers.html, not trainers/"
    for folder, lang in (("", "nl"), ("en/", "en")):
        index = (offline_root / f"{folder}search" / "search_index.js").read_text(encoding="utf-8")
        assert index.startswith("var __index =") and f'"lang":["{lang}"]' in index
        assert '"location":"trainers.html' in index and '"location":"en/' not in index
    html = (offline_root / "en" / "trainers.html").read_text(encoding="utf-8")
    assert f'src="../{build_offline.POLYFILL}"' in html and "unpkg.com" not in html


def test_nothing_in_the_copy_loads_from_another_host(offline_root):
    assert build_offline.outside_loads(offline_root) == []


def test_outside_load_check_can_fail(tmp_path):
    (tmp_path / "a.html").write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>'
                                     '<a href="https://example.org/">fine: a link the reader clicks</a>')
    (tmp_path / "b.css").write_text("body{background:url(//cdn.example.org/x.png)}")
    assert [line.split(":")[0] for line in build_offline.outside_loads(tmp_path)] == ["a.html", "b.css"]


# ------------------------------------------------------------------ in Chromium, from file://
# (the fixtures offline_zip, offline_root and disk_page are in conftest.py: the practice tests use them too)
def _open(page, root: Path, path: str) -> None:
    page.goto((root / path).as_uri() if "?" not in path else (root / path.split("?")[0]).as_uri() + "?" +
              path.split("?", 1)[1])


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_search_ranks_like_the_served_site_from_disk(disk_page, offline_root, lang):
    """The rows of tests/data/search-queries.yaml marked `offline`, in the copy opened from disk, where the
    index is inlined (search/search_index.js) and the term pages are glossary/<id>.html."""
    from search_steps import LANG_DIRS, misses, query_table
    rows = [r for r in query_table()[lang] if r.get("offline")]
    assert len(rows) >= 4
    _open(disk_page, offline_root, LANG_DIRS[lang] + "index.html")
    failed = misses(disk_page, rows, (offline_root / LANG_DIRS[lang]).as_uri().rstrip("/") + "/")
    assert not failed, "\n".join(failed)


@pytest.mark.browser
@pytest.mark.parametrize("start, term", [("en/index.html", "parasocial"), ("index.html", "nano-influencer")])
def test_search_works_from_disk(disk_page, offline_root, start, term):
    _open(disk_page, offline_root, start)
    disk_page.locator("input.md-search__input").focus()
    disk_page.keyboard.type(term, delay=20)
    results = disk_page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    assert term.split("-")[0] in results.first.inner_text().lower()
    hrefs = disk_page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    in_english = [h.startswith((offline_root / "en").as_uri() + "/") for h in hrefs]
    assert all(in_english) if start.startswith("en/") else not any(in_english), hrefs
    results.first.locator("a").first.click()
    disk_page.wait_for_load_state()
    assert disk_page.url.startswith("file://") and ".html" in disk_page.url


@pytest.mark.browser
def test_navigation_and_language_switch_from_disk(disk_page, offline_root):
    _open(disk_page, offline_root, "index.html")
    disk_page.locator(".md-tabs a", has_text="Begrippen").first.click()
    disk_page.wait_for_load_state()
    assert disk_page.url.endswith("/glossary/index.html")
    disk_page.locator("article a[href='influencer.html']").first.click()
    disk_page.wait_for_load_state()
    assert disk_page.url.endswith("/glossary/influencer.html") and disk_page.locator("article h1").is_visible()
    english = disk_page.locator("a[hreflang=en]").first.evaluate("a => a.href")   # the switcher's resolved link
    disk_page.goto(english)
    assert disk_page.locator("html").get_attribute("lang") == "en"
    assert disk_page.url.endswith("/en/glossary/influencer.html")


@pytest.mark.browser
def test_quiz_answers_a_question_from_disk(disk_page, offline_root):
    _open(disk_page, offline_root, "en/quiz.html?seed=offline1&n=5&topic=all")
    first = disk_page.locator("[data-kb-quiz] input[type=radio]").first
    first.wait_for(timeout=10_000)
    first.check()
    disk_page.locator("[data-kb-quiz] form button[type=submit]").click()
    feedback = disk_page.locator(".kb-quiz__feedback")
    feedback.wait_for(timeout=5_000)
    assert "Correct" in feedback.inner_text() or "Not" in feedback.inner_text() or feedback.inner_text().strip()


@pytest.mark.browser
def test_trainers_form_opens_the_presenter_view_from_disk(disk_page, offline_root):
    _open(disk_page, offline_root, "trainers.html")
    assert disk_page.locator(".kb-offline-note").is_visible(), "the copy says it is the offline copy"
    disk_page.fill("#kb-set-seed", "klas3b")
    disk_page.locator(".kb-quiz-set button[value=present]").click()
    disk_page.wait_for_load_state()
    url = urlparse(disk_page.url)
    assert url.path.endswith("/quiz.html")
    assert parse_qs(url.query) == {"seed": ["klas3b"], "n": ["10"], "topic": ["all"], "mode": ["present"]}
    disk_page.locator(".kb-present").wait_for(timeout=10_000)


@pytest.mark.browser
def test_tier_lookup_from_disk(disk_page, offline_root):
    _open(disk_page, offline_root, "en/tiers.html")
    disk_page.fill("#kb-tier-count", "8000")
    disk_page.press("#kb-tier-count", "Enter")
    result = disk_page.locator("#kb-tier-result")
    result.locator("*").first.wait_for(timeout=5_000)
    assert "micro" in result.inner_text().lower()
