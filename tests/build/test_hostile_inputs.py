"""Nothing crashes, nothing hangs: each broken or hostile input gets exactly one message, in plain words,
quickly — never a traceback, never a hang.

The inputs and their exact messages are a data table: tests/data/hostile/broken-inputs.yaml.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import DATA, MKDOCS, ROOT, copy_project
from kb.core import strict_yaml
from kb.core.problems import ValidationFailed
from kb.site import load as catalog

ROWS = yaml.safe_load((DATA / "hostile" / "broken-inputs.yaml").read_text(encoding="utf-8"))
ENTRY = """\
# yaml-language-server: $schema=../schema/entry.schema.json
id: {id}
category: concept
related: [influencer]
sources:
  - {{key: horton-wohl-1956, locator: "p. 215"}}
nl:
  term: {nl_term}
  definition: {nl_definition}
  synonyms: {nl_synonyms}
en:
  term: brand safety
  definition: Keeping a brand away from content that harms it.
"""
DEFAULTS = {"id": "brand-safety", "nl_term": "merkveiligheid", "nl_synonyms": "[merkbescherming]",
            "nl_definition": "Een merk uit de buurt houden van inhoud die het schaadt."}
BASE_ENTRIES = {"influencer": ("influencer", "influencer", "parasocial-interaction"),
                "parasocial-interaction": ("parasociale interactie", "parasocial interaction", "influencer")}


def small_project(root: Path) -> Path:
    """The real schemas and bibliography, two entries, an empty docs folder: quick to check."""
    (root / "glossary" / "terms").mkdir(parents=True)
    (root / "docs").mkdir()
    shutil.copytree(ROOT / "glossary" / "schema", root / "glossary" / "schema")
    for name in ("sources.yaml", "tiers.yaml"):
        shutil.copy(ROOT / "glossary" / name, root / "glossary" / name)
    for entry_id, (nl, en, related) in BASE_ENTRIES.items():
        (root / "glossary" / "terms" / f"{entry_id}.yaml").write_text(
            "# yaml-language-server: $schema=../schema/entry.schema.json\n"
            f"id: {entry_id}\ncategory: concept\nrelated: [{related}]\n"
            "sources:\n  - {key: horton-wohl-1956, locator: \"p. 215\"}\n"
            f"nl:\n  term: {nl}\n  definition: Een korte definitie om mee te testen.\n"
            f"en:\n  term: {en}\n  definition: A short definition to test with.\n", encoding="utf-8")
    return root


def make_input(root: Path, row: dict) -> None:
    """Put the row's broken input into the project at `root`."""
    if "folder" in row:
        (root / row["folder"]).mkdir(parents=True)
    elif "link_to" in row:
        (root / row["file"]).symlink_to(root / row["link_to"])
    elif "bytes_hex" in row:
        (root / row["file"]).write_bytes(bytes.fromhex(row["bytes_hex"].replace(" ", "")))
    elif "schema" in row:
        (root / row["schema"]).write_text(row["text"], encoding="utf-8")
    elif "page" in row:
        (root / "docs" / f"{row['page']}.nl.md").write_text(row["text"], encoding="utf-8")
        (root / "docs" / f"{row['page']}.en.md").write_text("# Lesson\n", encoding="utf-8")
    else:
        fields = {key: row.get(key, value) for key, value in DEFAULTS.items()}
        text = row["text"].replace("{ENTRY}", ENTRY.format(**fields))
        (root / row["file"]).write_text(text, encoding="utf-8", errors="surrogatepass")


def expected(row: dict, root: Path) -> str:
    return f"{row['message']}\n    How to fix: {row['fix']}".replace("{ROOT}", root.as_posix())


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_each_broken_input_gets_its_one_message_quickly(tmp_path, row):
    root = small_project(tmp_path)
    make_input(root, row)
    with pytest.raises(ValidationFailed) as failed:
        catalog.load(root)
    messages = [str(p) for p in failed.value.problems]
    assert messages == [expected(row, root)]
    if "file" in row:                    # the time the broken file itself takes to be read and refused
        start = time.perf_counter()
        strict_yaml.load(root / row["file"])
        seconds = time.perf_counter() - start
        assert seconds < row.get("within", 1.0), f"{row['name']}: {seconds:.2f} s"


def test_make_check_says_it_without_a_traceback(tmp_path):
    """The command line gives the same one message (no traceback) for every row, each in well under a second
    of checking; run once over all rows, each in its own project."""
    for i, row in enumerate(ROWS):
        root = small_project(tmp_path / str(i))
        make_input(root, row)
        result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(root)], cwd=ROOT,
                                capture_output=True, text=True, timeout=30)
        assert result.returncode == 1, row["name"]
        assert "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith("Found 1 problem in the data.\n\n" + expected(row, root)), result.stderr


def test_make_check_on_the_whole_site_with_the_alias_bomb_answers_in_seconds(tmp_path):
    project = copy_project(tmp_path)
    make_input(project, ROWS[0])
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    seconds = time.perf_counter() - start
    assert result.stderr.startswith("Found 1 problem in the data.\n\n" + expected(ROWS[0], project))
    assert seconds < 5, f"{seconds:.1f} s (the whole check of the real data, start-up included)"


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_alias_bomb_stops_the_build_and_the_preview_at_once(tmp_path, command):
    """The real site with the alias bomb in it: `mkdocs build` fails with the message, and `mkdocs serve`
    says the same at its first build, both in seconds (before: both hung, using all memory)."""
    project = copy_project(tmp_path)
    make_input(project, ROWS[0])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = ["build", "--strict", "--site-dir", str(tmp_path / "site")] if command == "build" \
        else ["serve", "--dirty", "--dev-addr", "127.0.0.1:0"]
    start = time.perf_counter()
    result = subprocess.run([*MKDOCS, *args], cwd=project, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode != 0
    assert ROWS[0]["message"].split(": ", 1)[1] in result.stderr
    assert "Traceback" not in result.stderr
    assert time.perf_counter() - start < 60
