"""Find a Chromium for the browser tests: Debian's /usr/bin/chromium, else Playwright's own download.

Both the test suite and `make test` use this, so a missing browser is reported the same way everywhere.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

SYSTEM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-quic"]
MISSING = ("No Chromium found for the browser tests. On Debian/Ubuntu: 'sudo apt-get install chromium'; "
           "elsewhere: '.venv/bin/playwright install chromium'.")


def executable() -> str | None:
    """Path of a system Chromium, or None to let Playwright use its own browser (if installed)."""
    for candidate in (os.environ.get("KB_CHROMIUM"), *SYSTEM_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def playwright_has_own_browser() -> bool:
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    return any(cache.glob("chromium*/"))


def available() -> bool:
    return executable() is not None or playwright_has_own_browser()


def launch_options() -> dict:
    options: dict = {"headless": True, "args": LAUNCH_ARGS}
    path = executable()
    if path:
        options["executable_path"] = path
    return options
