"""Before the tests: say which browser the browser tests will use; under CI a missing one is an error."""
import os
import sys

from kb.cli import browser


def main(argv: list[str] | None = None) -> int:
    if browser.available():
        print(f"Browser tests will use: {browser.executable() or 'Playwright Chromium'}")
        return 0
    if os.environ.get("CI", "").lower() == "true":
        print("ERROR: " + browser.MISSING, file=sys.stderr)
        return 1
    print("WARNING: " + browser.MISSING + " Browser tests will be skipped.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
