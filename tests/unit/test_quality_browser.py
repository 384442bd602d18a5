"""The browser tests never vanish silently: without a Chromium they skip on a laptop and fail under CI=true.

Checked without touching the real browser: kb.cli.browser is pointed at empty places, as on a machine
that has neither Debian's chromium nor Playwright's download.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from kb.cli import browser
from conftest import ROOT, require_browser


@pytest.fixture
def no_browser(monkeypatch, tmp_path):
    """This process sees no Chromium anywhere: no system path, none on PATH, an empty Playwright cache."""
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", (str(tmp_path / "no-chromium"),))
    monkeypatch.delenv("KB_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "empty-cache"))
    assert not browser.available()


def test_missing_browser_skips_outside_ci(no_browser, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="No Chromium found"):
        require_browser()


def test_missing_browser_fails_under_ci(no_browser, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="No Chromium found"):
        require_browser()


def test_found_browser_neither_skips_nor_fails(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setenv("KB_CHROMIUM", str(fake))
    monkeypatch.setenv("CI", "true")
    require_browser()
    assert browser.launch_options()["executable_path"] == str(fake)


def test_playwrights_own_browser_counts(no_browser, monkeypatch, tmp_path):
    (tmp_path / "empty-cache" / "chromium-1234").mkdir(parents=True)
    assert browser.available() and "executable_path" not in browser.launch_options()


@pytest.mark.parametrize(("ci", "code", "word"), [("true", 1, "ERROR"), ("", 0, "WARNING")])
def test_make_test_preflight_reports_a_missing_browser(ci, code, word, tmp_path):
    """`make test` runs `kb ensure-browser` first: an error under CI, a warning elsewhere."""
    program = ("import sys; from kb.cli import browser, ensure_browser; "
               "browser.available = lambda: False; sys.exit(ensure_browser.main())")
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True,
                            env={"CI": ci, "PATH": str(tmp_path)})
    assert result.returncode == code and word in result.stderr and "No Chromium found" in result.stderr
