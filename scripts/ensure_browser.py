#!/usr/bin/env python3
"""Before the tests: say which browser the browser tests will use; under CI a missing one is an error."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

if browser.available():
    print(f"Browser tests will use: {browser.executable() or 'Playwright Chromium'}")
    sys.exit(0)
if os.environ.get("CI", "").lower() == "true":
    print("ERROR: " + browser.MISSING, file=sys.stderr)
    sys.exit(1)
print("WARNING: " + browser.MISSING + " Browser tests will be skipped.", file=sys.stderr)
