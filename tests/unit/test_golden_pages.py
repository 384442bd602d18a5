"""Golden pages (issue 15, point 7): the Markdown the pipeline stages for a fixed two-entry fixture glossary
(tests/data/golden/project/), compared with the copies in tests/data/golden/pages/. A change to how term pages,
the A-Z list or the sources page are written shows here as a diff; a change of content in glossary/ does not,
because the fixture has its own entries. When the new output is what you want:

    KB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_golden_pages.py     # then review and commit the diff
"""
from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from kb.glossary import render
from kb.site import load

FIXTURE = DATA / "golden" / "project"
GOLDEN = DATA / "golden" / "pages"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> dict[str, str]:
    project = tmp_path_factory.mktemp("golden")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    shutil.copytree(ROOT / "glossary" / "schema", project / "glossary" / "schema")   # the real rules
    return render.generate(load.load(project))


def test_the_fixture_stages_every_page_with_a_golden_copy(staged):
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in staged.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert golden == sorted(staged), "pages added or gone: run with KB_UPDATE_GOLDEN=1 and commit the new copies"


@pytest.mark.parametrize("name", sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")))
def test_a_staged_page_is_its_golden_copy(staged, name):
    want = (GOLDEN / name).read_text(encoding="utf-8")
    got = staged.get(name, "")
    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"golden/{name}", "staged now"))
    assert got == want, f"{name} is written differently now (KB_UPDATE_GOLDEN=1 if that is intended):\n{diff}"
