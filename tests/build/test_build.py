"""The real site, built strictly: both languages, every entry a page, language switcher, sitemap, search.

Also: bad data stops the build before anything is written, and `make serve` (`mkdocs serve --dirty`) re-renders
an edited YAML file without rebuilding in a loop.
"""
from __future__ import annotations

import json
from html import unescape as html_unescape
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import MKDOCS, build_site, copy_project
from kb import LANGS
from kb.site import load as knowledge_base
from kb.core import strict_yaml
from kb.core.collation import fold, initial

ROOT = Path(__file__).resolve().parents[2]
HTML_LANG = re.compile(r'<html lang="([a-z]+)"')


def page_path(site: Path, lang: str, rel: str) -> Path:
    prefix = site if lang == "nl" else site / "en"
    return prefix / rel / "index.html"


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.load(ROOT)


def test_every_entry_has_a_page_in_each_language(built_site, kb):
    for entry in kb.entries.values():
        for lang in LANGS:
            page = page_path(built_site, lang, f"glossary/{entry.id}")
            assert page.exists(), f"missing {lang} page for {entry.id}"
            html = page.read_text(encoding="utf-8")
            assert HTML_LANG.search(html).group(1) == lang
            heading = re.search(r'<h1 id="term">(.*?)<a', html).group(1)
            assert fold(html_unescape(re.sub(r"<[^>]+>", "", heading))) == fold(entry.text[lang].term)


def test_html_lang_is_right_on_every_page(built_site):
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        rel = page.relative_to(built_site).parts
        expected = "en" if rel[0] == "en" else "nl"
        assert HTML_LANG.search(page.read_text(encoding="utf-8")).group(1) == expected, page


@pytest.mark.parametrize("rel", ["", "glossary", "glossary/parasocial-interaction", "sources", "about"])
def test_language_switcher_and_hreflang_point_to_the_same_page(built_site, rel):
    for lang, other, other_dir in (("nl", "en", built_site / "en"), ("en", "nl", built_site)):
        page = page_path(built_site, lang, rel)
        html = page.read_text(encoding="utf-8")
        link = re.search(rf'<a href="([^"]+)" hreflang="{other}" class="md-select__link"', html).group(1)
        target = (page.parent / link).resolve() / "index.html"
        assert target == (other_dir / rel / "index.html").resolve(), f"{lang} {rel} switches to {target}"
        assert re.search(rf'<link rel="alternate" href="[^"]+" hreflang="{other}">', html)


def test_sitemap_lists_both_languages_with_alternates(built_site, kb):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap
    some = next(iter(kb.entries))
    assert f"/glossary/{some}/</loc>" in sitemap
    assert f'hreflang="en" href="https://influencer-kennisbank.github.io/en/glossary/{some}/"' in sitemap
    assert (built_site / "en" / "sitemap.xml").exists(), "Material's language switcher asks for en/sitemap.xml"


def test_no_web_fonts_and_no_instant_navigation(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
    assert "navigation.instant" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_index_is_sorted_as_a_reader_expects(built_site, kb):
    for lang in LANGS:
        html = page_path(built_site, lang, "glossary").read_text(encoding="utf-8")
        letters = re.findall(r'<h2 id="letter-([a-z]+|other)">', html)
        assert letters == sorted(letters, key=lambda c: (c == "other", c))
        terms = [fold(t) for t in re.findall(r'<a class="kb-term" href="[^"]+">(.*?)</a>', html)]
        assert len(terms) == len(kb.entries)
        assert terms == sorted(terms)


@pytest.mark.parametrize("word, folded, letter", [
    ("Éénmalig", "eenmalig", "E"), ("ñandú", "nandu", "N"), ("Ｍerk", "merk", "M"), ("3D-merk", "3d merk", "#"),
    ("Über-influencer", "uber influencer", "U"),
])
def test_collation_folds_accents_and_case(word, folded, letter):
    assert fold(word) == folded and initial(word) == letter


def test_term_pages_show_hover_definitions(built_site):
    html = page_path(built_site, "nl", "glossary/parasocial-interaction").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    mentions = re.findall(r'<a class="kb-mention" href="\.\./([a-z0-9-]+)/">([^<]+)</a>', article)
    assert mentions, "a term mentioned in the text becomes a link to its page (with its hover definition)"
    assert len({m[0] for m in mentions}) == len(mentions), "one mention link per term per page"
    assert "parasocial-interaction" not in {m[0] for m in mentions}, "a term page does not link to itself"
    assert not re.search(r"<a [^>]*>[^<]*<a ", article), "no links inside links"


def test_bad_data_stops_the_build_before_writing(tmp_path):
    project = copy_project(tmp_path / "project")
    bad = ROOT / "tests" / "data" / "bad-entries" / "dutch-number.yaml"
    shutil.copy(bad, project / "glossary" / "terms" / bad.name)
    site = tmp_path / "site"
    result = build_site(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "glossary/terms/dutch-number.yaml:7:" in output
    assert "Traceback" not in output
    assert not site.exists() or not any(site.iterdir()), "nothing of the site was written"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def _wait_until_quiet(log: Path, quiet: float, limit: float) -> bool:
    """True once no new 'Documentation built' line has appeared in the log for `quiet` seconds."""
    deadline = time.monotonic() + limit
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now_count = log.read_text().count("Documentation built")
        if now_count != count:
            count, since = now_count, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return True
        time.sleep(0.5)
    return False


def test_serve_rerenders_an_edited_yaml_file_without_looping(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")
    server = subprocess.Popen([*MKDOCS, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/en/glossary/influencer/"
    try:
        assert _wait_for(lambda: "influencer" in _get(url).lower(), 60), "mkdocs serve did not start"
        assert _wait_until_quiet(tmp_path / "serve.log", quiet=5, limit=90), "mkdocs serve did not settle"
        builds_before = (tmp_path / "serve.log").read_text().count("Documentation built")
        entry = project / "glossary" / "terms" / "influencer.yaml"
        marker = "Zebracrossing-marker"
        lines = entry.read_text(encoding="utf-8").splitlines(keepends=True)
        line, _ = strict_yaml.load(entry)[0].where(("en", "definition"))   # the line 'definition: >-'
        assert lines[line - 1].rstrip().endswith(">-"), "the test expects a folded block definition"
        indent = lines[line][:len(lines[line]) - len(lines[line].lstrip())]
        lines.insert(line, f"{indent}{marker}\n")
        entry.write_text("".join(lines), encoding="utf-8")
        assert _wait_for(lambda: marker in _get(url), 60), "the edited YAML did not show up"
        # Writing the regenerated pages into docs/ wakes the watcher once more (one extra build); after that it
        # must fall quiet. A loop never does. The window is generous: on a loaded 2-core CI machine one build
        # can take longer than the old fixed 3-second pause, which made this test fail without any loop.
        assert _wait_until_quiet(tmp_path / "serve.log", quiet=10, limit=150), "mkdocs serve keeps rebuilding (a loop)"
        builds = (tmp_path / "serve.log").read_text().count("Documentation built")
        assert builds <= builds_before + 2, f"one edit caused {builds - builds_before} builds (at most 2 expected)"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
