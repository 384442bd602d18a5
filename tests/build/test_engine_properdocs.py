"""Leaving MkDocs is a small step, and shown (issue 15, point 5): ProperDocs, the maintained fork of MkDocs 1.x,
builds this project as it is (`kb build --engine properdocs`, `make build-properdocs`), and what it writes is
the MkDocs build file for file: the same files, the same HTML apart from the generator line. So every build
test that checks the MkDocs site checks the ProperDocs site too."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import copy_project
from kb.engines.mkdocs import safe_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
VARYING = {".apkg"}              # Anki packages carry their build time: compared by presence only


def _digest(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".html":
        data = GENERATOR.sub(b"", data)
    return hashlib.sha256(data).hexdigest()


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): ("" if p.suffix in VARYING else _digest(p))
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    pytest.importorskip("properdocs", reason="ProperDocs is installed by requirements-test.txt (make test)")
    project = copy_project(tmp_path_factory.mktemp("properdocs"))
    assert safe_build.main(["--root", str(project), "--engine", "properdocs"]) == 0
    return project / "site"


def test_properdocs_builds_the_same_site_file_for_file(properdocs_site, built_site):
    ours, theirs = _files(built_site), _files(properdocs_site)
    assert sorted(set(ours) ^ set(theirs)) == [], "files only one of the two engines wrote"
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == [], f"{len(differing)} files differ, e.g. {differing[:5]}"


def test_the_generator_line_names_the_engine_that_built_it(properdocs_site):
    html = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="mkdocs-ProperDocs 1\.6\.\d+, mkdocs-material-9\.8\.\d+">', html)
