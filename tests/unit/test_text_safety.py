"""The raw-HTML check refuses tags, not the '<' sign: the fix it gives ('put a space after <') must work.

Table: tests/data/text-safety/angle-brackets.yaml.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import DATA
from kb.core import text_safety
from kb.core.strict_yaml import Document

TABLE = yaml.safe_load((DATA / "text-safety" / "angle-brackets.yaml").read_text(encoding="utf-8"))


def _problems(text: str) -> list[str]:
    return [p.what for p in text_safety.check_text(Document(Path("glossary/terms/x.yaml"), None),
                                                    ("nl", "definition"), text)]


@pytest.mark.parametrize("text", TABLE["refused"])
def test_a_tag_is_refused_as_raw_html(text):
    assert any("raw HTML" in what for what in _problems(text)), text


@pytest.mark.parametrize("text", TABLE["allowed"])
def test_the_sign_itself_is_allowed(text):
    assert _problems(text) == [], text
