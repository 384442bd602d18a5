"""`make serve` renders again only what an edit changed (kb.engines.mkdocs.incremental): after each edit the
served site must be exactly the site a fresh `make serve` makes of the edited project — every page, both
search indexes. The edits are the kinds a contributor makes; each needs a different set of pages rendered.
"""
from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from kb.engines.mkdocs import serve_session

# (what the edit is, FILE|OLD|NEW, a text that must then be in the site, where)
EDITS = [
    ("a definition: its term page, the A-Z list, the handout and the trainers' page change",
     "glossary/terms/influencer.yaml|Someone whose social media posts|Someone Zebrawordx whose social media posts",
     "Zebrawordx", "en/glossary/influencer/index.html"),
    ("a hand-written page's title: it is in every page's navigation",
     "docs/contributing.en.md|title: Contributing|title: Contributing Zebratitlex",
     "Zebratitlex", "en/glossary/celebrity/index.html"),
    ("a synonym: every page that mentions it links it differently",
     "glossary/terms/influencer.yaml|synonyms: [social media influencer]|"
     "synonyms: [social media influencer, zebrafluencerx]",
     "zebrafluencerx", "en/search/search_index.json"),
]
NOT_COMPARED = {"404.html"}     # its language switcher follows the last page rendered, in every serve build
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _serve(project: Path, site: Path, *edits: str) -> list[float]:
    result = subprocess.run([sys.executable, "-m", "kb.engines.mkdocs.serve_session", str(project), str(site),
                             *edits], capture_output=True, text=True, env=ENV, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])["seconds"]


def _differences(a: Path, b: Path) -> list[str]:
    files = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*")
                                                                        if p.is_file()}
    return sorted(str(f) for f in files
                  if f.suffix != ".apkg" and str(f) not in NOT_COMPARED          # .apkg: a zip with a timestamp
                  and not ((a / f).is_file() and (b / f).is_file() and filecmp.cmp(a / f, b / f, shallow=False)))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One serve session through all edits: the site after each (site.1, site.2, ...)."""
    work = tmp_path_factory.mktemp("dirty")
    project = copy_project(work / "project")
    _serve(project, work / "site", *(spec for _, spec, _, _ in EDITS))
    return work


@pytest.mark.parametrize("number", range(1, len(EDITS) + 1), ids=[what for what, *_ in EDITS])
def test_a_dirty_rebuild_serves_what_a_fresh_serve_would(served, number, tmp_path):
    what, _, marker, where = EDITS[number - 1]
    project = copy_project(tmp_path / "project")
    for _, spec, _, _ in EDITS[:number]:
        serve_session.edit(project, spec)
    _serve(project, tmp_path / "fresh")
    dirty = served / f"site.{number}"
    assert marker in (dirty / where).read_text(encoding="utf-8"), f"{what}: the edit is not in {where}"
    assert _differences(dirty, tmp_path / "fresh") == [], f"{what}: these files differ from a fresh build"
