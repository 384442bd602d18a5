"""The quiz lint: every question of the bank against the rules of kb.quiz.checks, reported per question.

`make check` (kb validate) runs it on the real data after the data files validate. It reports
- a giveaway word (the stem shares a word, stem or compound part with the right answer and no wrong option),
- duplicate or near-duplicate options,
- fewer than 4 options (true/false aside),
- a wrong option that is an also-right entry (glossary/confusables.yaml),
- a question or answer over Kahoot's limits (120/75 characters), for the questions the Kahoot sheet carries.
A hand-written item is named by its file:line in quiz/*.yaml. The generator drops generated questions that fail
a rule (kb.quiz.bank.build), so on the real data only hand-written items can be reported.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.core.problems import Problem
from kb.exports import build as exports
from kb.exports import kahoot
from kb.quiz import bank as quiz_bank
from kb.quiz import checks

FIX = {
    "giveaway": "reword the situation so that word is not in it, or choose a distractor that shares the word.",
    "duplicate": "replace one of the two options by a concept students confuse with the answer.",
    "few-options": "give the question four options (three distractors).",
    "also-right": "that option is defensibly right: choose another distractor (see glossary/confusables.yaml).",
    "kahoot-length": "shorten the question or the answer; Kahoot cuts nothing, so the sheet must fit.",
}


@dataclass(frozen=True, order=True)
class Finding:
    where: str               # file:line of a hand-written item, or "generated"
    question: str            # question id
    lang: str
    rule: str
    what: str

    def problem(self) -> Problem:
        file, _, line = self.where.partition(":")
        return Problem(file, int(line) if line.isdigit() else 0, 0,
                       f"quiz question '{self.question}' ({self.lang}): {self.what}.", FIX.get(self.rule, ""))


def check_question(q, kb) -> list[Finding]:
    """The findings of one question (kb.quiz.bank.Question or anything shaped like it)."""
    where = q.origin or "generated"
    return [Finding(where, q.id, q.lang, rule, what)
            for rule, what in checks.problems(q, kb, quiz_bank.lead_in_words(q.kind, q.lang))]


def check(q, kb, kahoot: bool = False) -> list[Finding]:
    """One question's findings; `kahoot`: the Kahoot sheet carries it as written (prompt with its quoted text)."""
    found = check_question(q, kb)
    if kahoot:
        prompt = f"{q.prompt} “{q.stimulus}”" if q.stimulus else q.prompt
        found += [Finding(q.origin or "generated", q.id, q.lang, rule, what)
                  for rule, what in checks.kahoot_problems(prompt, q.options)]
    return found


def check_kahoot(kb, bank) -> list[Finding]:
    """The Kahoot limits, on every question as the Kahoot sheet writes it (the questions it carries)."""
    origin = {(q.lang, q.id): q.origin or "generated" for qs in bank.questions.values() for q in qs}
    found = []
    for lang, questions in bank.questions.items():
        exported = [exports.to_export(q.for_export()).shuffled() for q in questions]
        kept, _ = kahoot.fit(exported)
        for e in kept:
            found += [Finding(origin[(lang, e.id)], e.id, lang, rule, what)
                      for rule, what in checks.kahoot_problems(e.prompt, e.options)]
    return found


def findings(kb, bank=None) -> list[Finding]:
    """Every finding on the whole bank, sorted by place."""
    bank = bank or quiz_bank.build(kb)
    found = [f for qs in bank.questions.values() for q in qs for f in check_question(q, kb)]
    return sorted(set(found + check_kahoot(kb, bank)))


def problems(kb) -> list[Problem]:
    """The findings as validator problems (file:line, what, how to fix), and every line of the review's
    left-out list whose id names no entry or tier source (a typo, or an entry since removed)."""
    return [f.problem() for f in findings(kb)] + _stale_left_out(kb)


def _stale_left_out(kb) -> list[Problem]:
    sources = {s.source for s in kb.tier_schemes}
    stale = []
    for qid, (_, file, line) in sorted(kb.quiz_left_out.items()):
        kind, _, rest = qid.partition(":")
        known = rest.split(":")[0] in sources if kind == "tier-source" else rest in kb.entries
        if not known:
            stale.append(Problem(file, line, 0, f"'{qid}' names no glossary entry or tier source, so leaving it "
                                 "out does nothing.", "correct the id (kind:entry-id, as `python -m "
                                 "kb.cli.quiz_report --samples` shows it), or remove the line."))
    return stale


def share_flagged(kb, bank) -> dict[str, dict[str, tuple[int, int]]]:
    """{language: {kind: (questions flagged, questions)}}: what the lint thinks of a bank, for measuring."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for lang, questions in bank.questions.items():
        for q in questions:
            flagged, total = out.setdefault(lang, {}).get(q.kind, (0, 0))
            out[lang][q.kind] = (flagged + bool(check_question(q, kb)), total + 1)
    return out
