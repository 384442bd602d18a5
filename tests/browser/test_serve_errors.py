"""See the error where you look: `mkdocs serve` on an ephemeral 127.0.0.1 port, a file broken and fixed
while a browser tab is open; and `make new-entry` does not freeze the preview (a draft is named, left out).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import MKDOCS, ROOT, copy_project
from kb.core import scaffold
from kb.engines.mkdocs import serve_errors

pytestmark = pytest.mark.browser
BROKEN = "glossary/terms/micro-influencer.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 180) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture
def preview(tmp_path):
    """`mkdocs serve` of a project copy; yields (project, base url). The server is stopped by its process id."""
    project = copy_project(tmp_path)
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([*MKDOCS, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=log,
                              stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        _wait_for(f"http://127.0.0.1:{port}/")
        yield project, f"http://127.0.0.1:{port}/", tmp_path / "serve.log"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_a_broken_file_shows_in_the_open_tab_and_the_fix_brings_the_page_back(preview, page):
    project, base, log = preview
    page.goto(base + "glossary/micro-influencer/")
    assert page.locator("h1").first.inner_text().strip().lower().startswith("micro")
    path = project / BROKEN
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("nl:\n  term:", "nl:\n\tterm:", 1), encoding="utf-8")

    page.wait_for_selector("#kb-build-error", timeout=120_000)       # the tab reloads by itself
    shown = page.locator("#kb-build-error pre").inner_text()
    assert f"{BROKEN}:" in shown and "tab character" in shown and "How to fix:" in shown
    assert "De site kon niet worden gebouwd" in page.inner_text("h1") and "could not be built" in page.inner_text("h1")
    assert shown.strip().splitlines()[0] in log.read_text(), "the same messages as the terminal"
    page.goto(base + "tiers/")                                        # every page address shows it, at once
    assert page.locator("#kb-build-error").count() == 1

    path.write_text(good, encoding="utf-8")
    page.wait_for_selector("#kb-build-error", state="detached", timeout=120_000)
    page.wait_for_selector("article h1", timeout=60_000)
    assert page.locator("#kb-build-error").count() == 0
    assert page.locator("article h1").inner_text().strip().lower().startswith("influencerniveaus"), "not a 404"
    page.goto(base + "glossary/micro-influencer/")                    # and every other page is back too
    assert page.locator("article h1").inner_text().strip().lower().startswith("micro")


def test_an_unfinished_new_entry_is_a_draft_in_the_preview_and_an_error_in_the_check(preview, page):
    project, base, _ = preview
    page.goto(base)
    (project / "glossary" / "terms" / "brand-safety.yaml").write_text(scaffold.skeleton("brand-safety"),
                                                                      encoding="utf-8")
    page.wait_for_selector(".kb-draft-notice", timeout=120_000)
    page.goto(base)
    assert page.locator("article h1").inner_text().strip() != "404", "the home page, not a 404"
    notice = page.locator(".kb-draft-notice").inner_text()
    assert "glossary/terms/brand-safety.yaml" in notice and "Concept" in notice and "Draft" in notice
    page.goto(base + "glossary/micro-influencer/")                    # the rest of the preview works
    assert page.locator("article h1").count() == 1 and page.locator(".kb-draft-notice").count() == 1
    assert urllib.request.urlopen(base + "glossary/", timeout=30).status == 200
    check = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)], cwd=ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 1 and "still contains the placeholder TODO" in check.stderr


def test_the_error_page_escapes_the_messages():
    page = serve_errors.error_page("glossary/terms/x.yaml:3:1: '<script>alert(1)</script>' & more")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert 'lang="nl"' in page and 'lang="en"' in page
