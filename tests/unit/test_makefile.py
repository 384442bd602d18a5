"""The front door: `make serve PORT=…` and an aligned `make help`."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT


def _make(*args: str) -> str:
    return subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("target", ["serve", "serve-nl", "serve-en"])
def test_the_port_is_8000_unless_port_says_otherwise(target):
    assert "--dev-addr 127.0.0.1:8000" in _make(target)
    assert "--dev-addr 127.0.0.1:8001" in _make(target, "PORT=8001")


def test_make_help_lines_up_every_description():
    lines = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = lines.splitlines()
    assert any(line.startswith("translations-reviewed ") for line in lines)
    starts = {re.match(r"^\S+\s+", line).end() for line in lines}
    assert len(starts) == 1, lines


def test_the_readme_says_how_to_change_the_port():
    assert "make serve PORT=8001" in (ROOT / "README.md").read_text(encoding="utf-8")
