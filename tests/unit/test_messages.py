"""The validator's messages, read as a contributor who is not a programmer reads them.

Each file in tests/data/contributor/ is a new entry with one common mistake. For each we check the three
things a message must give: where (file:line:col), what is wrong (in plain words), and what to write instead.
The kinds of error are tested in test_validation.py; this file is about the wording.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.glossary import load as catalog

from kb.site import load as knowledge_base
from kb.core.problems import ValidationFailed

ROOT = Path(__file__).resolve().parents[2]
CONTRIBUTOR = Path(__file__).resolve().parents[1] / "data" / "contributor"
BAD_ENTRIES = Path(__file__).resolve().parents[1] / "data" / "bad-entries"

# file stem, line, words the "what" must contain, words the "how to fix" must contain
CASES = [
    ("missing-english-block", 2, ["'en' is missing", "English block", "both languages"],
     ["'en:'", "not indented", "'term:'", "'definition:'", "like the 'nl:' block"]),
    ("field-typo", 13, ["'defenition' is not a known field in 'en'"], ["did you mean 'definition'?"]),
    ("related-typo", 4, ["'related' names 'influncer'", "no glossary/terms/influncer.yaml"],
     ["did you mean 'influencer'?"]),
    ("related-not-a-list", 4, ["'related' should be a list", "the text 'influencer'"], ["'[a]'"]),
    ("unknown-source", 6, ["'horton-wohl-1965' is not in glossary/sources.yaml"], ["did you mean 'horton-wohl-1956'?"]),
    ("unquoted-no", 13, ["unquoted 'NO'", "switch value 'false'"], ['"NO"']),
    ("dutch-number", 6, ["'5.000'", "Dutch thousands separator", "5.0"], ["write 5000"]),
    ("tab-indent", 8, ["tab character", "only allows spaces"], ["replace the tab with spaces"]),
    ("duplicate-key", 9, ["'term' appears twice", "first on line 8"], ["keep one 'term:'"]),
    ("colon-in-text", 13, ["not valid YAML", "colon followed by a space"], ["double quotes", "'field: >-'"]),
    ("unclosed-quote", 12, ["not valid YAML", "never closed"], ["same quote mark"]),
    ("apostrophe", 12, ["not valid YAML", "ends the text too early"], ["other kind of quotes", "\"it's\""]),
    ("id-not-file-name", 2, ["'brand-safety' differs from the file name 'id-not-file-name.yaml'"],
     ["'id: id-not-file-name'", "brand-safety.yaml"]),
    ("raw-html", 13, ["raw HTML", "'<u'"], ["Markdown", "**bold**"]),
    ("leftover-todo", 10, ["'term' still contains the placeholder TODO"], ["your own words"]),
]

# Words a contributor should never have to decode (outside the quoted "YAML says: …" part).
JARGON = re.compile(r"additionalProperties|instance|jsonschema|\$defs|\$ref|NoneType|Traceback|ScannerError|"
                    r"ParserError|regex|\^\[|\bdict\b|\bstr\b|\bNone\b|\bTrue\b|\bFalse\b|\bnull\b|validator_value")


BASE_ENTRIES = {
    "influencer": ("influencer", "influencer", "parasocial-interaction"),
    "parasocial-interaction": ("parasociale interactie", "parasocial interaction", "influencer"),
}


def data_copy(tmp_path: Path) -> Path:
    """A small project: the real schemas and bibliography, two known entries, and an empty docs folder.

    Small on purpose: loading the whole glossary for each of forty files would make this test slow, and the
    real data is checked by test_validation.py.
    """
    (tmp_path / "glossary" / "terms").mkdir(parents=True)
    (tmp_path / "docs").mkdir()      # marks the project root, so messages name files as in the repository
    shutil.copytree(ROOT / "glossary" / "schema", tmp_path / "glossary" / "schema")
    shutil.copy(ROOT / "glossary" / "sources.yaml", tmp_path / "glossary" / "sources.yaml")
    for entry_id, (nl, en, related) in BASE_ENTRIES.items():
        (tmp_path / "glossary" / "terms" / f"{entry_id}.yaml").write_text(
            "# yaml-language-server: $schema=../schema/entry.schema.json\n"
            f"id: {entry_id}\ncategory: concept\nrelated: [{related}]\n"
            "sources:\n  - {key: horton-wohl-1956, locator: \"p. 215\"}\n"
            f"nl:\n  term: {nl}\n  definition: Een korte definitie om mee te testen.\n"
            f"en:\n  term: {en}\n  definition: A short definition to test with.\n", encoding="utf-8")
    return tmp_path


def problems_of(tmp_path: Path, bad: Path) -> list:
    root = data_copy(tmp_path)
    shutil.copy(bad, root / "glossary" / "terms" / bad.name)
    with pytest.raises(ValidationFailed) as failed:
        knowledge_base.load(root)
    return [p for p in failed.value.problems if p.file == f"glossary/terms/{bad.name}"]


def test_every_contributor_file_has_a_case():
    assert {p.stem for p in CONTRIBUTOR.glob("*.yaml")} == {case[0] for case in CASES}


@pytest.mark.parametrize("stem, line, what, fix", CASES, ids=[c[0] for c in CASES])
def test_message_says_where_what_and_how_to_fix(tmp_path, stem, line, what, fix):
    problems = problems_of(tmp_path, CONTRIBUTOR / f"{stem}.yaml")
    at_line = [p for p in problems if p.line == line]
    assert at_line, f"nothing reported at line {line}: {[str(p) for p in problems]}"
    best = [p for p in at_line if all(w in p.what for w in what)]
    assert best, f"no message at line {line} says {what}: {[p.what for p in at_line]}"
    problem = best[0]
    assert problem.col > 0, "the column is given, so an editor can jump there"
    missing = [w for w in fix if w not in problem.fix]
    assert not missing, f"the fix lacks {missing}: {problem.fix}"
    assert str(problem).startswith(f"glossary/terms/{stem}.yaml:{line}:{problem.col}: ")
    assert "\n    How to fix: " in str(problem)


def test_a_misspelt_field_is_reported_once(tmp_path):
    """'defenition' is one mistake: no second message saying 'definition' is missing."""
    problems = problems_of(tmp_path, CONTRIBUTOR / "field-typo.yaml")
    assert len(problems) == 1, [str(p) for p in problems]


def test_an_unfilled_skeleton_lists_every_placeholder(tmp_path):
    problems = problems_of(tmp_path, CONTRIBUTOR / "leftover-todo.yaml")
    assert {p.line for p in problems} == {6, 8, 10, 13, 19, 22}
    assert any("'todo-related-entry'" in p.what and "related: [influencer]" in p.fix for p in problems)


ALL_BAD = sorted(CONTRIBUTOR.glob("*.yaml")) + sorted(BAD_ENTRIES.glob("*.yaml"))


@pytest.mark.parametrize("bad", ALL_BAD, ids=[f"{p.parent.name}/{p.stem}" for p in ALL_BAD])
def test_messages_are_plain_words_with_a_fix(tmp_path, bad):
    problems = problems_of(tmp_path, bad)
    assert problems
    for problem in problems:
        text = re.sub(r"\(YAML says: [^)]*\)", "", f"{problem.what} {problem.fix}")
        assert not JARGON.search(text), f"jargon in: {problem}"
        assert problem.line > 0, f"no line: {problem}"
        assert len(problem.fix.split()) >= 3, f"weak fix: {problem}"
        assert problem.what.strip().endswith("."), f"unfinished sentence: {problem}"


def test_the_check_command_prints_file_line_and_fix(tmp_path):
    root = data_copy(tmp_path)
    shutil.copy(CONTRIBUTOR / "raw-html.yaml", root / "glossary" / "terms")
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(root)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "glossary/terms/raw-html.yaml:13:15: 'definition' contains raw HTML" in result.stderr
    assert "    How to fix: write plain text with Markdown" in result.stderr
    assert "Traceback" not in result.stderr


# The guide explains the messages a contributor meets most; keep it in step with the validator's words.
GUIDE_PHRASES = ["is not valid YAML", "is not a known field", "is missing", "names '", "is not in glossary/sources.yaml",
                 "should be a list", "switch value", "Dutch thousands separator", "tab character", "appears twice",
                 "differs from the file name", "contains raw HTML", "placeholder", "the first line must name"]


@pytest.mark.parametrize("guide", ["docs/contributing.en.md", "docs/contributing.nl.md", "CONTRIBUTING.md"])
def test_the_guide_explains_the_common_messages(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    missing = [p for p in GUIDE_PHRASES if p not in text]
    assert not missing, f"{guide} does not explain: {missing}"


@pytest.mark.parametrize("stem", [c[0] for c in CASES])
def test_the_guides_message_phrases_really_occur(tmp_path, stem):
    """Guard the other direction: at least one guide phrase matches each common mistake's message."""
    problems = problems_of(tmp_path, CONTRIBUTOR / f"{stem}.yaml")
    assert any(phrase in str(p) for p in problems for phrase in GUIDE_PHRASES), [str(p) for p in problems]


def test_values_are_named_as_written_in_yaml_and_each_mistake_is_told_once(tmp_path):
    """A choice of true/false is shown as true/false (not Python's True/False), and '5.000' in a number field
    gets the one message about the Dutch separator, not a second one about the field's type."""
    schema_dir = tmp_path / "glossary" / "schema"
    schema_dir.mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (schema_dir / "t.schema.json").write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
        "properties": {"answer": {"enum": [True, False, "not-studied"]}, "min": {"type": ["integer", "null"]}}}))
    path = tmp_path / "glossary" / "t.yaml"
    path.write_text("# yaml-language-server: $schema=schema/t.schema.json\nanswer: maybe\nmin: 5.000\n")
    problems: list = []
    catalog.read_data_file(path, "t.schema.json", catalog.Paths(tmp_path), problems)
    by_line = {p.line: p for p in problems}
    assert sorted(by_line) == [2, 3] and len(problems) == 2, [str(p) for p in problems]
    assert "use one of these values: true, false, not-studied." in by_line[2].fix
    assert "Dutch thousands separator" in by_line[3].what
