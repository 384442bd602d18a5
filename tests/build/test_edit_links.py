"""Find the file, edit it in the browser: every page links to the file a contributor must change.

The mapping is a data table (tests/data/pages/edit-links.yaml); the built site is checked page by page.
"""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import DATA, ROOT
from kb.site import page_sources

REPO = re.search(r"^repo_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
ROWS = yaml.safe_load((DATA / "pages" / "edit-links.yaml").read_text(encoding="utf-8"))
EDIT = re.compile(r'<a href="([^"]+)" title="[^"]+" class="md-content__button md-icon" rel="edit">')


def test_the_repository_address_is_set_once():
    assert REPO == "https://github.com/influencer-kennisbank/influencer-kennisbank.github.io"
    for doc in ("README.md", "CONTRIBUTING.md", "docs/contributing.en.md", "docs/contributing.nl.md"):
        assert REPO in (ROOT / doc).read_text(encoding="utf-8"), doc


@pytest.mark.parametrize("row", ROWS, ids=[r["page"] for r in ROWS])
def test_each_page_names_the_file_behind_it(row):
    assert page_sources.source_file(row["page"]) == (row["file"], row["kind"])
    assert page_sources.edit_url(REPO, row["page"]) == f"{REPO}/{row['kind']}/main/{row['file']}"
    if row["kind"] == "edit":
        assert (ROOT / row["file"]).is_file(), "the edit link must open a file that is in the repository"


def _source_of(site, html_path) -> str:
    """The docs/ source MkDocs made this page from: the page's address with the language as suffix."""
    rel = html_path.relative_to(site).as_posix()
    lang = "en" if rel.startswith("en/") else "nl"
    rel = rel.removeprefix("en/").removesuffix("index.html").rstrip("/") or "index"
    return f"{rel}.{lang}.md" if not rel.endswith(("glossary", "sources")) else f"{rel}/index.{lang}.md"


def test_every_built_page_has_one_edit_link_to_a_committed_file(built_site):
    pages = [p for p in built_site.rglob("index.html") if "downloads" not in p.parts]
    assert len(pages) > 100
    for page in pages:
        links = EDIT.findall(page.read_text(encoding="utf-8"))
        assert len(links) == 1, page
        path = links[0].split("/main/", 1)[1]
        assert links[0] == page_sources.edit_url(REPO, _source_of(built_site, page)), page
        assert not path.startswith(("docs/glossary/", "docs/sources/")), f"{page}: edit link to a generated file"
        assert (ROOT / path).exists(), f"{page}: {path} is not in the repository"
