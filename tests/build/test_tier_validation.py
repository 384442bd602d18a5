"""A changed number without the source's words (and other tier data mistakes) fails with file:line."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import tiers as check_tiers
from conftest import build_site, copy_project
from kb import ROOT

TIERS = "glossary/tiers.yaml"


def _glossary_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def _edit(project: Path, rel: str, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after the first `after`) and return the 1-based line where `new` starts."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def _problems(project: Path):
    _kb, problems, _other = check_tiers.load_tier_data(project)
    return problems


def _only(problems, file: str, line: int, words: str):
    hits = [p for p in problems if p.file.endswith(file) and p.line == line and words in p.what]
    assert hits, f"expected a problem at {file}:{line} about '{words}', got:\n" + "\n".join(map(str, problems))
    return hits[0]


def test_real_data_has_no_problems(tmp_path):
    assert _problems(_glossary_copy(tmp_path)) == []


def test_changed_number_without_the_sources_words_names_file_and_line(tmp_path):
    project = _glossary_copy(tmp_path)
    line = _edit(project, TIERS, "min: 5000", "min: 6000", after="source: franky-column")
    problem = _only(_problems(project), TIERS, line, "as-written range 'tussen 5.000 en 100.000' gives 5000")
    assert "min: 5000" in problem.fix


def test_changed_words_without_the_number_also_fail(tmp_path):
    project = _glossary_copy(tmp_path)
    _edit(project, TIERS, '"1.000 tot 100.000"', '"1.000 tot 150.000"')
    problems = _problems(project)
    assert any(p.file.endswith(TIERS) and "gives 150000" in p.what for p in problems), problems


def test_min_larger_than_max(tmp_path):
    project = _glossary_copy(tmp_path)
    _edit(project, TIERS, '"500-999"', '"999-500"')
    _edit(project, TIERS, "min: 500\n        max: 999", "min: 999\n        max: 500")
    line = (project / TIERS).read_text(encoding="utf-8").splitlines().index("        min: 999") + 1
    _only(_problems(project), TIERS, line, "larger than max")


def test_tiers_out_of_order(tmp_path):
    project = _glossary_copy(tmp_path)
    # quantumrun lists nano, micro, ...: rename the first two so the list goes micro, nano, mid-tier
    _edit(project, TIERS, "tier: nano", "tier: micro", after="source: quantumrun-2023")
    line = _edit(project, TIERS, "tier: micro", "tier: nano", after='as_written: "500-999"')
    problems = _problems(project)
    assert any(p.file.endswith(TIERS) and p.line == line and "not in order" in p.what for p in problems), problems


def test_numbers_that_do_not_ascend(tmp_path):
    project = _glossary_copy(tmp_path)
    _edit(project, TIERS, '"10,000-24,999"', '"100-249"', after="source: quantumrun-2023")
    line = _edit(project, TIERS, "min: 10000\n        max: 24999", "min: 100\n        max: 249")
    _only(_problems(project), TIERS, line, "do not ascend")


def test_unknown_source_key(tmp_path):
    project = _glossary_copy(tmp_path)
    line = _edit(project, TIERS, "source: franky-column", "source: franky-colum")
    problem = _only(_problems(project), TIERS, line, "not in glossary/sources.yaml")
    assert "franky-column" in problem.fix


def test_unknown_tier_id(tmp_path):
    project = _glossary_copy(tmp_path)
    line = _edit(project, TIERS, "tier: micro", "tier: mikro", after="source: franky-column")
    problem = _only(_problems(project), TIERS, line, "mikro")
    assert "micro" in problem.fix


def test_hedge_in_the_words_needs_hedged_true(tmp_path):
    project = _glossary_copy(tmp_path)
    _edit(project, TIERS, "        hedged: true\n", "", after="source: retailinnovatie-rotterdam")
    line = (project / TIERS).read_text(encoding="utf-8").splitlines().index('        as_written: "zo’n 5.000 tot 50.000"') + 1
    _only(_problems(project), TIERS, line, "hedges")


def test_tier_entry_may_not_state_a_range_no_source_gives(tmp_path):
    project = _glossary_copy(tmp_path)
    entry = "glossary/terms/nano-influencer.yaml"
    line = _edit(project, entry, "  definition: >-\n", "  definition: >-\n    Zo'n account heeft 7.500 volgers.\n") + 1
    problem = _only(_problems(project), entry, line - 1, "'7.500' followers")
    assert "no source" in problem.what


def test_tier_entry_may_cite_a_bound_a_source_gives(tmp_path):
    project = _glossary_copy(tmp_path)
    _edit(project, "glossary/terms/nano-influencer.yaml", "  definition: >-\n",
          "  definition: >-\n    Volgens een bron minder dan 1.000 volgers, en 18-30 jaar oud. In 2016 had 5% van "
          "de 18-30-jarige volgers, 3 van de 5, meer dan 50.000 volgers.\n")
    assert _problems(project) == []


def test_check_and_build_fail_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    line = _edit(project, TIERS, "min: 5000", "min: 6000", after="source: franky-column")
    where = f"glossary/tiers.yaml:{line}"
    check = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)],
                           capture_output=True, text=True)
    assert check.returncode == 1 and where in check.stderr, check.stderr
    tiers = subprocess.run([sys.executable, "-m", "kb", "tiers", "--root", str(project)],
                           capture_output=True, text=True)
    assert tiers.returncode == 1 and where in tiers.stderr, tiers.stderr
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert re.search(re.escape(where) + r":\d+: min is 6000", build.stdout + build.stderr), build.stderr[-2000:]


def test_json_output_lists_data_errors_as_findings(tmp_path):
    import json
    project = _glossary_copy(tmp_path)
    line = _edit(project, TIERS, "max: 999", "max: 990", after="source: quantumrun-2023")
    result = subprocess.run([sys.executable, "-m", "kb", "tiers", "--json", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    errors = [f for f in data["findings"] if f["kind"] == "data-error"]
    assert data["ok"] is False and errors[0]["file"].endswith(TIERS) and errors[0]["line"] == line
