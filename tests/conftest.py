"""Shared fixtures: the real site built once per run, served on 127.0.0.1, and a Chromium page to drive it."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kb.cli import browser

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The five source documents: beside the repository in the team's checkout, elsewhere wherever KB_SEEDS_DIR says.
SEEDS_DIR = Path(os.environ.get("KB_SEEDS_DIR") or ROOT.parent / "shared" / "seeds")


UNIT = Path(__file__).resolve().parent / "unit"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """tests/unit stays cheap (no site engine, no build, no browser): a unit test that imports MkDocs fails,
    saying it belongs in tests/build. (Only a first import is seen: run tests/unit alone to be sure.)"""
    engine_before = "mkdocs" in sys.modules
    result = yield
    if not engine_before and "mkdocs" in sys.modules and UNIT in Path(str(item.path)).parents:
        pytest.fail("this test imported MkDocs: move it to tests/build (tests/unit runs without the engine)")
    return result


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of the source documents. A plain clone has none: the tests that read them skip, saying so,
    except where KB_REQUIRE_SEEDS=1 (.ci/run sets it): there a missing folder fails the run."""
    if any(SEEDS_DIR.glob("*.txt")):
        return SEEDS_DIR
    message = f"the source documents are not at {SEEDS_DIR} (set KB_SEEDS_DIR to the folder that holds them)"
    if os.environ.get("KB_REQUIRE_SEEDS") == "1":
        pytest.fail(message + "; KB_REQUIRE_SEEDS=1 says they must be there")
    pytest.skip(message)


def copy_project(dest: Path) -> Path:
    """A throw-away copy of the project (data, docs, config, hook) to break or extend in a test."""
    for name in ("glossary", "quiz", "docs", "hooks", "overrides"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for generated in ("glossary", "sources"):
        shutil.rmtree(dest / "docs" / generated, ignore_errors=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)], cwd=project,
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole run (from a copy, so the work tree stays clean)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@contextlib.contextmanager
def serve_directory(directory: Path):
    """Serve a built site on an ephemeral 127.0.0.1 port; yields its base URL (ends with '/')."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built site on an ephemeral 127.0.0.1 port."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium. Under CI=true a missing browser fails the run instead of skipping."""
    require_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        instance = pw.chromium.launch(**browser.launch_options())
        yield instance
        instance.close()


def require_browser() -> None:
    """Skip the browser tests when no Chromium is found, except under CI=true: there it is a failure."""
    if not browser.available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(browser.MISSING)
        pytest.skip(browser.MISSING)


@pytest.fixture
def page(chromium, site_url):
    """A fresh browser tab. Records every request; a request to another host fails the test at teardown."""
    yield from _recorded_tab(chromium, {"width": 1280, "height": 900})


@pytest.fixture
def phone_page(chromium, site_url):
    """Like `page`, in a 360 px wide phone viewport (touch, mobile layout)."""
    yield from _recorded_tab(chromium, {"width": 360, "height": 740}, is_mobile=True, has_touch=True)


def _recorded_tab(chromium, viewport: dict, **options):
    context = chromium.new_context(viewport=viewport, **options)
    tab = context.new_page()
    tab.requests = []
    tab.outside_requests = []
    tab.dialogs = []
    tab.console_errors = []
    context.on("request", lambda req: _record_request(tab, req.url))     # every tab and worker of the context
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda err: tab.console_errors.append(str(err)))
    yield tab
    context.close()
    REQUESTS_SEEN["outside"] += len(tab.outside_requests)      # planted ones were cleared by their test
    assert not tab.outside_requests, f"requests left the site's host: {tab.outside_requests}"
    assert not tab.dialogs, f"a dialog opened (script ran): {tab.dialogs}"


REQUESTS_SEEN = {"all": 0, "outside": 0}      # over the whole run, printed in the summary


def pytest_terminal_summary(terminalreporter):
    if REQUESTS_SEEN["all"]:
        terminalreporter.write_line(f"browser requests seen: {REQUESTS_SEEN['all']}, "
                                    f"to another host than 127.0.0.1: {REQUESTS_SEEN['outside']}")


def _record_request(tab, url: str) -> None:
    tab.requests.append(url)
    REQUESTS_SEEN["all"] += 1
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "file"):
        return
    if parsed.hostname not in ("127.0.0.1", "localhost"):
        tab.outside_requests.append(url)


# ------------------------------------------------------------------ the offline copy (tests/browser/test_offline.py, test_practice.py)
@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """`kb offline` run once per session on a copy of the project; the zip it writes."""
    from kb.exports.build import DOWNLOADS, OFFLINE_ZIP
    project = copy_project(tmp_path_factory.mktemp("offline-project"))
    result = subprocess.run([sys.executable, "-m", "kb", "offline", "--project", str(project)],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, f"make offline failed:\n{result.stdout}\n{result.stderr}"
    zip_path = project / "site" / DOWNLOADS / OFFLINE_ZIP
    assert zip_path.is_file()
    return zip_path


@pytest.fixture(scope="session")
def offline_root(offline_zip, tmp_path_factory) -> Path:
    """The zip unpacked as a trainer would; the site is in its one top-level folder."""
    import zipfile
    from kb.engines.mkdocs import offline as build_offline
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(dest)
    return dest / build_offline.ZIP_FOLDER


@pytest.fixture
def disk_page(chromium):
    """A tab that records every request; all must be file:// (or the browser's own data:/blob:/about:)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests, tab.errors, tab.dialogs = [], [], []
    context.on("request", lambda req: tab.requests.append(req.url))
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()
    assert tab.requests, "the page made no requests at all?"
    outside = [u for u in tab.requests if urlparse(u).scheme not in ("file", "data", "blob", "about")]
    assert not outside, f"requests left the disk: {outside}"
    assert not tab.dialogs and not tab.errors, (tab.dialogs, tab.errors)


def add_confusables(project, entry_id: str, *others: str) -> None:
    """Give a fixture entry of a project copy its quiz questions: the quiz asks about an entry only with three
    confusables in glossary/confusables.yaml."""
    path = project / "glossary" / "confusables.yaml"
    text = path.read_text(encoding="utf-8")
    group = ", ".join((entry_id, *others))
    path.write_text(text.replace("\nconfusable:\n", f"\nconfusable:\n  - [{group}]\n", 1), encoding="utf-8")
