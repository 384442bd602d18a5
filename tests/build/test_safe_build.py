"""`make build` (kb build) never leaves a half-built site/: a failing build changes nothing."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, copy_project


def _kb_build(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb", "build", "--root", str(project)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_a_failed_build_leaves_no_site_and_a_good_one_is_kept(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "about.nl.md"
    good = page.read_text(encoding="utf-8")
    # Only the build finds this one (a hand-written page's link), after the data is valid and pages are written.
    page.write_text(good + "\nZie ook [de oude pagina](no-such-page.md).\n", encoding="utf-8")

    failed = _kb_build(project)
    assert failed.returncode != 0
    assert "no-such-page.md" in failed.stderr
    assert "there is no site/" in failed.stderr
    assert not (project / "site").exists() and not (project / ".site-building").exists()

    page.write_text(good, encoding="utf-8")
    built = _kb_build(project)
    assert built.returncode == 0, built.stderr
    home = project / "site" / "index.html"
    assert home.is_file() and (project / "site" / "en" / "index.html").is_file()
    stamp = home.stat().st_mtime_ns

    page.write_text(good + "\nZie ook [de oude pagina](no-such-page.md).\n", encoding="utf-8")
    again = _kb_build(project)
    assert again.returncode != 0
    assert "site/ is still the last good build" in again.stderr
    assert home.stat().st_mtime_ns == stamp, "the last good site was not touched"
    assert not (project / ".site-building").exists() and not (project / ".site-replaced").exists()
