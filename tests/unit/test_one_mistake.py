"""One mistake, one message: a broken entry that others refer to gets its own message and nothing else —
no 'there is no glossary/terms/….yaml' for every entry and quiz item that refers to it.

The mistakes are a data table: tests/data/mistakes/one-mistake-one-message.yaml.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT, copy_project

ROWS = yaml.safe_load((DATA / "mistakes" / "one-mistake-one-message.yaml").read_text(encoding="utf-8"))
BROKEN = "glossary/terms/micro-influencer.yaml"


def _break(project: Path, row: dict) -> int:
    """Make the row's mistake in the project copy; returns the 1-based line the message must name."""
    path = project / BROKEN
    text = path.read_text(encoding="utf-8")
    assert row["find"] in text, f"{row['name']}: the fixture text is no longer in {BROKEN}"
    if row.get("cut_from_here"):
        text = text[:text.index(row["find"]) + 1]
    else:
        text = text.replace(row["find"], row["write"], 1)
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), start=1) if line.startswith(row["at"]))


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_one_mistake_gives_exactly_one_message(tmp_path, row):
    project = copy_project(tmp_path)
    line = _break(project, row)
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    messages = [m for m in result.stderr.splitlines() if m and not m.startswith(" ") and ": " in m
                and not m.startswith("Found ")]
    assert len(messages) == 1, f"{row['name']}: expected one message, got {len(messages)}:\n{result.stderr}"
    assert messages[0].startswith(f"{BROKEN}:{line}:"), messages[0]
    for words in row["says"]:
        assert words in messages[0] or words in result.stderr, f"{row['name']}: {words!r} not said:\n{result.stderr}"
    assert result.stderr.startswith("Found 1 problem in the data.")
