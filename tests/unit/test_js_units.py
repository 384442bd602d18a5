"""The JavaScript unit tests (tests/js/*.test.js, Node's built-in runner) as part of `make test`.

They check the practice page's FSRS scheduler (docs/assets/fsrs.js) against a shared table made with the
reference implementation (tests/js/README.md). Without Node they are skipped with the reason, except under
CI=true, where a missing Node fails like a missing browser does.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

JS_TESTS = Path(__file__).resolve().parents[1] / "js"


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("node is not installed: the JavaScript unit tests in tests/js/ cannot run "
                        "(Debian: sudo apt-get install nodejs)")
        pytest.skip("node is not installed, so tests/js/ (the FSRS scheduler) did not run; "
                    "install Node 18+ (Debian: sudo apt-get install nodejs)")
    files = sorted(str(p) for p in JS_TESTS.glob("*.test.js"))
    assert files, "no JavaScript tests found in tests/js/"
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, timeout=120)
    summary = "\n".join(line for line in result.stdout.splitlines() if line.startswith(("not ok", "# ")))
    assert result.returncode == 0, f"node --test failed:\n{summary}\n{result.stderr[-2000:]}"
    assert "# fail 0" in result.stdout and "# pass " in result.stdout, result.stdout[-1000:]
