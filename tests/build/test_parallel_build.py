"""`mkdocs build` makes the English pages in a second process (kb.engines.mkdocs.parallel): the site
must be the one the i18n plugin's own one-process build makes, and a problem in the English pages must still
stop the build with its message."""
from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path

import pytest

from conftest import MKDOCS, copy_project

# Files that differ between any two builds (zip and gzip headers carry the time), compared by content below.
TIMESTAMPED = {"sitemap.xml.gz"}


def build(project: Path, site: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("parallel"))


@pytest.fixture(scope="module")
def both_builds(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("sites")
    parallel, sequential = build(project, out / "parallel"), build(project, out / "sequential",
                                                                   KB_SEQUENTIAL_BUILD="1")
    assert parallel.returncode == 0 and sequential.returncode == 0, parallel.stderr + sequential.stderr
    return out / "parallel", out / "sequential", parallel.stderr


def files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


def test_the_english_pages_were_built_in_a_second_process(both_builds):
    *_, log = both_builds
    assert "'en' pages built beside the default language, in a second process" in log


def test_both_ways_give_the_same_site(both_builds):
    parallel, sequential, _ = both_builds
    assert files(parallel) == files(sequential)
    differ = []
    for name in sorted(files(parallel)):
        a, b = (parallel / name).read_bytes(), (sequential / name).read_bytes()
        if name in TIMESTAMPED:
            a, b = gzip.decompress(a), gzip.decompress(b)
        elif name.startswith("downloads/") and name.endswith((".apkg", ".xlsx")):
            continue                                # zip files: their own tests check what is inside
        if a != b and name != "404.html":
            differ.append(name)
    assert not differ, f"the parallel build changed {differ[:10]}"


def test_the_root_404_page_speaks_both_languages(both_builds):
    """GitHub Pages serves the root 404.html for every missing address, /en/... included."""
    parallel, sequential, _ = both_builds
    page = (parallel / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in page, "the sequential build let the English 404 page overwrite the Dutch one"
    assert '<div lang="nl">' in page and "Deze pagina bestaat niet" in page and 'href="/glossary/"' in page
    assert '<div lang="en">' in page and "This page does not exist" in page and 'href="/en/glossary/"' in page


def test_a_problem_in_the_english_pages_stops_the_build_with_its_message(project, tmp_path):
    broken = copy_project(tmp_path / "broken")
    with (broken / "docs" / "about.en.md").open("a", encoding="utf-8") as page:
        page.write("\n[a link to nowhere](no-such-page.md)\n")
    private_tmp = tmp_path / "tmp"          # its own temp folder: other builds on the machine leave theirs
    private_tmp.mkdir()
    result = build(broken, tmp_path / "site", TMPDIR=str(private_tmp))
    assert result.returncode == 1
    assert "about.en.md" in result.stderr and "no-such-page.md" in result.stderr
    assert "The 'en' pages could not be built" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(private_tmp.glob("kb-build-en-*")), "a temporary folder was left behind"
