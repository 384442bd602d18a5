"""The two holes found in December 2026 stay closed: a source's url cannot carry markup onto the sources page,
and a quote in a definition cannot break out of the page's <meta name="description"> tag.

Both are table-driven: the payloads are data files in tests/data/payloads/.
"""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT, build_site, copy_project

URL_ROWS = yaml.safe_load((DATA / "payloads" / "source-urls.yaml").read_text(encoding="utf-8"))
META_ROWS = yaml.safe_load((DATA / "payloads" / "meta-description.yaml").read_text(encoding="utf-8"))


def _with_url(project: Path, url: str) -> int:
    """Give the first academic source of the project copy this url; returns the line it sits on (1-based)."""
    path = project / "glossary" / "sources.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == "kind: academic")
    lines.insert(at + 1, "    url: " + yaml.safe_dump(url, default_style='"', width=10_000).strip())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 2


@pytest.mark.parametrize("row", URL_ROWS, ids=[r["url"][:40] for r in URL_ROWS])
def test_a_url_that_is_not_a_plain_address_gets_one_message(tmp_path, row):
    project = copy_project(tmp_path)
    line = _with_url(project, row["url"])
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    problems = [m for m in result.stderr.splitlines() if m.startswith("glossary/sources.yaml:")]
    assert len(problems) == 1, result.stderr
    assert problems[0].startswith(f"glossary/sources.yaml:{line}:"), problems
    assert row["says"] in problems[0], problems
    assert "Traceback" not in result.stderr


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.metas: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self.metas.append(dict(attrs))


@pytest.fixture(scope="module")
def site_with_quotes(tmp_path_factory) -> Path:
    """One build whose entries start their definitions with the payloads of meta-description.yaml, and whose
    first academic source has a url with every character a web address may hold."""
    project = copy_project(tmp_path_factory.mktemp("quotes"))
    for i, sentence in enumerate(META_ROWS):
        entry = {"id": f"quoted-{i}", "category": "concept", "related": ["trust"],
                 "sources": [{"key": "horton-wohl-1956", "locator": "p. 215"}],
                 "nl": {"term": f"citaat {i}", "definition": sentence + " Verder niets."},
                 "en": {"term": f"quoted {i}", "definition": sentence + " Nothing else."}}
        (project / "glossary" / "terms" / f"quoted-{i}.yaml").write_text(
            "# yaml-language-server: $schema=../schema/entry.schema.json\n"
            + yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _with_url(project, "https://ok.example/a-b_c.d~e/%20?x=1&y=(2)#f")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("i", range(len(META_ROWS)))
def test_a_quote_in_a_definition_stays_inside_the_description(site_with_quotes, lang, i):
    page = site_with_quotes / ("en/" if lang == "en" else "") / "glossary" / f"quoted-{i}" / "index.html"
    parser = _Meta()
    parser.feed(page.read_text(encoding="utf-8"))
    assert not [m for m in parser.metas if "http-equiv" in m], "a payload added an attribute to a meta tag"
    description = next(m["content"] for m in parser.metas if m.get("name") == "description")
    assert description.startswith(META_ROWS[i].rstrip(".")), description


def test_a_plain_url_is_one_link_on_the_sources_page(site_with_quotes):
    html = (site_with_quotes / "sources" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://ok.example/a-b_c.d~e/%20?x=1&amp;y=(2)#f"' in html
