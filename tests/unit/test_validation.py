"""The validator, driven by a table of bad-input files.

Each file in tests/data/bad-entries/ is one mistake a contributor can make; its second line says what the
validator must answer: `# expect line N: <words of the message>`. The test drops the file into a copy of the
real project and checks that the message names that file and that line.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.site import load as knowledge_base
from kb.core import schemas, strict_yaml
from kb.core.problems import ValidationFailed

ROOT = Path(__file__).resolve().parents[2]
BAD_ENTRIES = sorted((Path(__file__).resolve().parents[1] / "data" / "bad-entries").glob("*.yaml"))
EXPECT = re.compile(r"^# expect line (\d+): (.+)$", re.MULTILINE)


def data_copy(tmp_path: Path) -> Path:
    """Only what the validator reads: data, schemas and hand-written pages."""
    for name in ("glossary", "quiz", "docs"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name,
                            ignore=shutil.ignore_patterns("__pycache__", "glossary", "sources")
                            if name == "docs" else shutil.ignore_patterns("__pycache__"))
    return tmp_path


def problems_for(root: Path):
    with pytest.raises(ValidationFailed) as failed:
        knowledge_base.load(root)
    return failed.value.problems


def test_real_data_is_valid():
    kb = knowledge_base.load(ROOT)
    assert kb.entries and kb.sources


def test_the_fast_validator_and_the_explaining_one_agree_on_every_file_the_loader_checks(tmp_path, monkeypatch):
    """kb.core.schemas asks jsonschema-rs whether a document is valid and the Python jsonschema only what is wrong
    with one that is not: if the two disagreed, a mistake would pass unreported (or valid data fail with no
    message). Every document the loader checks, in the real data and with each mistake of the table added."""
    seen = []
    check = schemas.check
    monkeypatch.setattr(schemas, "check", lambda doc, path: seen.append((doc, path)) or check(doc, path))
    knowledge_base.load(ROOT)
    for bad_file in BAD_ENTRIES:
        root = data_copy(tmp_path / bad_file.stem)
        shutil.copy(bad_file, root / "glossary" / "terms")
        with pytest.raises(ValidationFailed):
            knowledge_base.load(root)
    assert len({str(path) for _, path in seen}) >= 5, "every kind of data file should have been checked"
    invalid = 0
    for doc, path in seen:
        slow_says_valid = not list(schemas.validator_for(path).iter_errors(doc.data))
        assert schemas._valid(doc, path) == slow_says_valid, f"the validators disagree on {doc.path} ({path.name})"
        invalid += not slow_says_valid
    assert invalid, "some mistakes of the table are schema mistakes: the comparison must cover invalid documents"


@pytest.mark.parametrize("bad_file", BAD_ENTRIES, ids=lambda p: p.stem)
def test_each_mistake_is_reported_at_its_line(tmp_path, bad_file):
    line, words = EXPECT.search(bad_file.read_text(encoding="utf-8")).groups()
    root = data_copy(tmp_path)
    shutil.copy(bad_file, root / "glossary" / "terms" / bad_file.name)
    problems = problems_for(root)
    here = [p for p in problems if p.file == f"glossary/terms/{bad_file.name}"]
    assert here, f"no problem reported for {bad_file.name}; got: {problems}"
    matching = [p for p in here if words in str(p)]
    assert matching, f"no message containing {words!r}; got: {[str(p) for p in here]}"
    assert int(line) in {p.line for p in matching}, f"expected line {line}; got {[str(p) for p in matching]}"
    assert all(p.fix for p in here), "every message says how to fix it"


def test_all_problems_of_a_run_are_listed(tmp_path):
    root = data_copy(tmp_path)
    for name in ("dutch-number", "raw-html", "related-missing"):
        shutil.copy(BAD_ENTRIES[[p.stem for p in BAD_ENTRIES].index(name)], root / "glossary" / "terms")
    files = {p.file for p in problems_for(root)}
    assert {f"glossary/terms/{n}.yaml" for n in ("dutch-number", "raw-html", "related-missing")} <= files


def test_missing_page_translation_is_an_error(tmp_path):
    root = data_copy(tmp_path)
    (root / "docs" / "extra.nl.md").write_text("# Alleen Nederlands\n", encoding="utf-8")
    problems = problems_for(root)
    assert any(p.file == "docs/extra.nl.md" and "no English version" in p.what for p in problems)


def test_broken_source_file_is_reported(tmp_path):
    root = data_copy(tmp_path)
    path = root / "glossary" / "sources.yaml"
    text = path.read_text(encoding="utf-8").replace("kind: academic", "kind: acadmic", 1)
    path.write_text(text, encoding="utf-8")
    line = text[:text.index("kind: acadmic")].count("\n") + 1
    problems = [p for p in problems_for(root) if p.file == "glossary/sources.yaml"]
    assert any(p.line == line and "did you mean 'academic'" in p.fix for p in problems), problems


@pytest.mark.parametrize("snippet, words", [
    ("a: off\n", "switch value 'false'"),
    ("a: Yes\n", "switch value 'true'"),
    ("a: 10.000\n", "Dutch thousands separator"),
    ("a: 010\n", "octal"),
    ("a: 12:30\n", "base-60"),
    ("a: 2024-01-05\n", "as a date"),
    ("a: 1\na: 2\n", "appears twice"),
    ("a:\n\t- b\n", "tab character"),
    ("a: [b\n", "not valid YAML"),
    ("", "the file is empty"),
])
def test_yaml_traps(tmp_path, snippet, words):
    path = tmp_path / "trap.yaml"
    path.write_text(snippet, encoding="utf-8")
    _, problems = strict_yaml.load(path)
    assert any(words in str(p) for p in problems), [str(p) for p in problems]


@pytest.mark.parametrize("snippet, value", [
    ("a: true\n", True), ("a: 'no'\n", "no"), ("a: 1_000\n", 1000), ("a: 5000\n", 5000), ("a: \"5.000\"\n", "5.000"),
])
def test_plain_values_pass(tmp_path, snippet, value):
    path = tmp_path / "ok.yaml"
    path.write_text(snippet, encoding="utf-8")
    doc, problems = strict_yaml.load(path)
    assert not problems and doc.data["a"] == value


def test_validate_command_exits_nonzero_without_traceback(tmp_path):
    root = data_copy(tmp_path)
    shutil.copy(BAD_ENTRIES[0], root / "glossary" / "terms")
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(root)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"glossary/terms/{BAD_ENTRIES[0].name}:" in result.stderr
    assert "How to fix:" in result.stderr


@pytest.mark.parametrize("text, unsafe", [
    ("[x](javascript:alert(1))", True), ("[x](java\tscript:alert(1))", True), ("[x]( JavaScript:1)", True),
    ("[r]: vbscript:x", True), ("![i](data:image/png;base64,xx)", True),
    ("[x](https://example.org)", False), ("[x](../tiers.md)", False), ("[m](mailto:a@b.c)", False),
    ("Volgens de data: 88 procent.", False),
])
def test_link_addresses_with_a_script_scheme_are_refused(text, unsafe):
    from kb.core.text_safety import _unsafe_link
    assert bool(_unsafe_link(text)) is unsafe


def _outcome(root: Path, checked) -> list:
    try:
        knowledge_base.load(root, drafts=True, checked=checked)
    except ValidationFailed as failed:
        return failed.problems
    return []         # (id-mismatch.yaml written over influencer.yaml is a valid entry)


def test_the_previews_reused_checks_give_the_same_messages(tmp_path):
    """`make serve` keeps what each file's checks found (kb.core.data_file.CheckedFiles) and loads again after
    every edit: each mistake of the table, saved and then removed, gives exactly the messages of a fresh load."""
    from kb.core.data_file import CheckedFiles

    root, checked = data_copy(tmp_path), CheckedFiles()
    clean = knowledge_base.load(root, drafts=True, checked=checked)
    existing = root / "glossary" / "terms" / "influencer.yaml"
    good = existing.read_text(encoding="utf-8")
    for bad_file in BAD_ENTRIES:
        for target in (root / "glossary" / "terms" / bad_file.name, existing):    # a new file, an edited one
            shutil.copy(bad_file, target)
            assert _outcome(root, checked) == _outcome(root, None), (bad_file.name, target.name)
            target.unlink() if target != existing else target.write_text(good, encoding="utf-8")
            again = knowledge_base.load(root, drafts=True, checked=checked)
            assert sorted(again.entries) == sorted(clean.entries) and again.drafts == clean.drafts, bad_file.name
