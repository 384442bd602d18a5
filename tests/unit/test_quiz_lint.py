"""The quiz lint (kb.quiz.lint) and the giveaway detector (kb.quiz.giveaway), table-driven from tests/data/quiz/."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import DATA
from kb.site import load as knowledge_base
from kb.quiz import bank as quiz_bank
from kb.quiz import giveaway, lint
from kb.quiz.bank import Question

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((DATA / "quiz" / "bad-questions.yaml").read_text(encoding="utf-8"))["questions"]
WORDS = yaml.safe_load((DATA / "quiz" / "giveaway-words.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.load(ROOT)


def _question(row: dict) -> Question:
    return Question(row["id"], row["kind"], row["lang"], row["prompt"], list(row["options"]), row["answer"], "x",
                    row["link"], row["link"], row.get("stimulus", ""), row["kind"] == "true-false",
                    option_ids=list(row.get("option_ids", [])), origin=row.get("origin", ""))


@pytest.mark.parametrize("row", TABLE, ids=[row["id"] for row in TABLE])
def test_the_lint_reports_exactly_the_expected_findings(kb, row):
    found = sorted(f"{f.rule}: {f.what}" for f in lint.check(_question(row), kb, kahoot=row.get("kahoot", False)))
    assert found == sorted(row["expect"])


def test_a_hand_written_finding_names_its_file_and_line(kb):
    row = TABLE[0]
    problem = lint.check(_question(row), kb)[0].problem()
    assert (problem.file, problem.line) == ("quiz/example.yaml", 3)
    assert "scenario:pyramid-giveaway" in problem.what and problem.fix


@pytest.mark.parametrize("case", WORDS["same_family"], ids=[f"{c[0]}~{c[1]}" for c in WORDS["same_family"]])
def test_words_of_one_family(case):
    a, b, lang, expected = case
    assert giveaway.same_family(a, b, lang) is expected


def test_the_real_bank_has_no_finding(kb):
    assert lint.findings(kb) == []


def test_the_generator_drops_and_counts_what_it_cannot_fix(kb):
    bank = quiz_bank.build(kb)
    for lang, questions in bank.questions.items():
        for q in questions:
            assert not lint.check_question(q, kb), q.id
    assert all(reasons for reasons in bank.dropped.values())
    assert bank.skipped and all(": " in s for s in bank.skipped), "every question not made says why"


def test_share_flagged_counts_per_kind_and_language(kb):
    bank = quiz_bank.build(kb)
    share = lint.share_flagged(kb, bank)
    assert set(share) == {"nl", "en"}
    assert all(flagged == 0 for kinds in share.values() for flagged, _ in kinds.values())


def test_questions_left_out_after_review_are_gone_in_both_languages_and_a_stale_line_is_named(kb):
    """quiz/review/left-out.yaml: every listed question is out of the bank in both languages, with its reason in
    Bank.dropped; a line naming a question the generator does not make gets one message with its file:line."""
    assert kb.quiz_left_out, "the review's list is read"
    bank = quiz_bank.build(kb)
    for qid in kb.quiz_left_out:
        assert all(qid not in {q.id for q in qs} for qs in bank.questions.values()), qid
    assert lint.problems(kb) == []
    listed = kb.quiz_left_out
    kb.quiz_left_out = {**listed, "definition-term:no-such-entry": ("a typo", "quiz/review/left-out.yaml", 9)}
    try:
        found = lint.problems(kb)
    finally:
        kb.quiz_left_out = listed
    assert [(p.file, p.line) for p in found] == [("quiz/review/left-out.yaml", 9)]
    assert "names no glossary entry" in found[0].what and found[0].fix
