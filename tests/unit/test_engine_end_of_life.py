"""The engine's end of life is a dated check, not a silenced banner (issue 15, point 6): before 5 May 2027 the
build says how many days are left; from that date it stops until src/kb/engines/DECISION.md names a decision."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kb.engines import end_of_life

ROOT = Path(__file__).resolve().parents[2]
D = dt.date


@pytest.mark.parametrize(("today", "decision_line", "may_build", "says"), [
    (D(2026, 12, 3), "decision: none", True, "in 153 days"),
    (D(2027, 5, 4), "decision: none", True, "in 1 day;"),
    (D(2027, 5, 5), "decision: none", False, "the build stops until a decision is recorded"),
    (D(2028, 1, 1), "Decision:   NONE ", False, "line 'decision: …' in src/kb/engines/DECISION.md"),
    (D(2028, 1, 1), "", False, "the build stops"),                        # the line was deleted
    (D(2027, 5, 5), "decision: ProperDocs 1.6 from April 2027", True, "decision recorded: ProperDocs 1.6"),
    (D(2026, 12, 3), "decision: Zensical once it has i18n", True, "decision recorded: Zensical"),
])
def test_the_dated_check(tmp_path, today, decision_line, may_build, says):
    target = tmp_path / "DECISION.md"
    target.write_text(f"# The engine\n\n{decision_line}\n\nOptions: …\n", encoding="utf-8")
    ok, line = end_of_life.check(today, target)
    assert ok is may_build
    assert says in line, line


def test_a_missing_decision_file_counts_as_no_decision(tmp_path):
    assert end_of_life.check(D(2027, 6, 1), tmp_path / "DECISION.md")[0] is False


def test_the_repository_has_the_decision_file_the_check_reads():
    assert end_of_life.DECISION_FILE == ROOT / end_of_life.SHOWN_AS
    assert "\ndecision:" in end_of_life.DECISION_FILE.read_text(encoding="utf-8")


def test_kb_build_stops_after_the_date_without_a_decision(tmp_path, monkeypatch, capsys):
    """The real command, with the clock moved past the date: it refuses before running MkDocs (no site/)."""
    from kb.engines.mkdocs import safe_build

    if end_of_life.decision():
        pytest.skip("a decision is recorded: the build goes on after the date")
    monkeypatch.setattr(end_of_life, "today", lambda: D(2027, 5, 5))
    assert safe_build.main(["--root", str(tmp_path)]) == 1
    assert "reached end of life on 05 May 2027" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
