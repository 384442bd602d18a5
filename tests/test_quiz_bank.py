"""The quiz's question bank: validation of hand-written items, generated questions, determinism, safe embedding."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_project
from kb import LANGS
from kb.site import load as knowledge_base
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page
from kb.glossary.load import Entry, KnowledgeBase, LangText, Paths
from kb.core.collation import fold
from kb.core.problems import ValidationFailed
from kb.tiers.load import TierRange, TierScheme

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.load(ROOT)


@pytest.fixture(scope="module")
def bank(kb):
    return quiz_bank.build(kb)


# ------------------------------------------------------------------ every question is well formed

def test_every_question_has_one_correct_answer_and_three_or_four_distinct_options(bank):
    for lang, questions in bank.questions.items():
        assert questions, lang
        for q in questions:
            assert 3 <= len(q.options) <= 4, q.id
            assert len({fold(o) for o in q.options}) == len(q.options), f"{q.id}: options not distinct"
            assert 0 <= q.answer < len(q.options), q.id
            assert all(o.strip() for o in q.options), q.id
            assert q.prompt.strip() and q.explanation.strip() and q.link and q.link_text, q.id


def test_ids_are_unique_and_the_same_in_both_languages(bank):
    ids = {lang: [q.id for q in qs] for lang, qs in bank.questions.items()}
    for lang in LANGS:
        assert len(ids[lang]) == len(set(ids[lang])), lang
    assert ids["nl"] == ids["en"], "a question exists in one language only"


def test_every_generated_kind_is_present_in_both_languages(bank):
    for lang in LANGS:
        assert set(bank.counts()[lang]) == set(quiz_bank.KIND_TOPIC), lang


def test_distractors_come_from_the_same_category(kb, bank):
    for lang in LANGS:
        terms = {e.text[lang].term: e.category for e in kb.entries.values()}
        for q in bank.questions[lang]:
            if q.kind == "definition-term":
                category = kb.entries[q.link].category
                assert {terms[o] for o in q.options} == {category}, q.id


def test_definition_questions_do_not_give_the_term_away(kb, bank):
    for q in bank.questions["en"]:
        if q.kind == "definition-term":
            term = kb.entries[q.link].text["en"].term
            assert not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", q.stimulus, re.IGNORECASE), q.id


def test_translation_questions_ask_for_the_other_language(kb, bank):
    for q in bank.questions["nl"]:
        entry = kb.entries.get(q.link)
        if q.kind == "term-nl-en":
            assert q.options[q.answer] == entry.text["en"].term
            assert entry.text["nl"].term in q.prompt
        if q.kind == "term-en-nl":
            assert q.options[q.answer] == entry.text["nl"].term


def test_true_false_items_offer_true_false_and_not_examined_in_a_fixed_order(kb, bank):
    items = {f"true-false:{i.id}": i for i in kb.quiz_items if i.kind == "true-false"}
    assert len(items) >= 10
    for lang in LANGS:
        tf = [q for q in bank.questions[lang] if q.kind == "true-false"]
        assert {q.id for q in tf} == set(items)
        for q in tf:
            assert q.fixed and len(q.options) == 3
            assert quiz_bank.TF_ANSWERS[q.answer] == items[q.id].answer
            assert q.stimulus == items[q.id].text[lang][0]
    answers = {i.answer for i in kb.quiz_items if i.kind == "true-false"}
    assert answers == {True, False, "not-studied"}, "the items should use every judgement"


def test_questions_are_deterministic_for_a_seed_and_change_with_it(kb):
    first, again = quiz_bank.build(kb), quiz_bank.build(kb)
    assert [q.to_json() for q in first.questions["en"]] == [q.to_json() for q in again.questions["en"]]
    other = quiz_bank.build(kb, seed="another-seed")
    assert [q.id for q in other.questions["en"]] == [q.id for q in first.questions["en"]]
    assert [q.options for q in other.questions["en"]] != [q.options for q in first.questions["en"]]


def test_select_gives_the_same_set_for_the_same_seed(bank):
    questions = bank.questions["en"]
    a = quiz_bank.select(questions, "room-12", 10)
    assert [q.id for q in a] == [q.id for q in quiz_bank.select(questions, "room-12", 10)]
    assert [q.id for q in a] != [q.id for q in quiz_bank.select(questions, "room-13", 10)]
    assert len(a) == 10 and len({q.id for q in a}) == 10
    tiers = quiz_bank.select(questions, "room-12", 50, "tiers")
    assert tiers and all(q.topic == "tiers" for q in tiers)


def test_seeded_random_matches_the_javascript_reference():
    """Values computed in Node with the functions of docs/assets/quiz.js (hash + mulberry32); the browser test
    checks the whole selection against select() on the real page."""
    rand = quiz_bank.seeded_random("demo|all")
    assert [round(rand(), 12) for _ in range(3)] == [0.647185185924, 0.431232074508, 0.708878779085]
    assert quiz_bank._shuffle([0, 1, 2, 3], quiz_bank.seeded_random("x|term-nl-en:trust")) == [3, 1, 2, 0]


def test_every_question_links_to_a_built_page(built_site, bank):
    for lang in LANGS:
        prefix = built_site if lang == "nl" else built_site / "en"
        for q in bank.questions[lang]:
            target = "tiers" if q.link == quiz_bank.TIERS_PAGE else f"glossary/{q.link}"
            assert (prefix / target / "index.html").exists(), f"{lang} {q.id} -> {target}"


# ------------------------------------------------------------------ tier questions from a small scheme

def _entry(id_: str, category: str, nl: str, en: str, tier: str | None = None) -> Entry:
    text = {"nl": LangText(nl, f"Omschrijving van {nl} voor de test, lang genoeg."),
            "en": LangText(en, f"Description of {en} for the test, long enough.")}
    return Entry(id_, category, [], [("src-a", "p. 1")], text, tier=tier)


def _fixture_kb() -> KnowledgeBase:
    entries = {e.id: e for e in [
        _entry("nano-influencer", "tier", "nano-influencer", "nano-influencer", "nano"),
        _entry("micro-influencer", "tier", "micro-influencer", "micro-influencer", "micro"),
        _entry("macro-influencer", "tier", "macro-influencer", "macro-influencer", "macro"),
        _entry("mega-influencer", "tier", "mega-influencer", "mega-influencer", "mega"),
    ]}
    kb = KnowledgeBase(Path("."), entries, {})
    kb.tier_schemes = [
        TierScheme("src-a", [TierRange("nano", None, 999, "fewer than 1,000"),
                             TierRange("micro", 1000, 99999, "1,000-100,000"),
                             TierRange("macro", 100000, 999999, "100,000-1 million"),
                             TierRange("mega", 1000000, None, "1 million or more")]),
        TierScheme("src-b", [TierRange("micro", 5000, 100000, "5,000-100,000")]),
        TierScheme("src-c", [TierRange("nano", None, None, None)], has_numbers=False),
    ]
    return kb


def test_tier_questions_ask_per_source_and_spell_out_the_disagreement():
    bank = quiz_bank.build(_fixture_kb())
    tier_qs = [q for q in bank.questions["en"] if q.kind == "tier-source"]
    assert {q.id for q in tier_qs} == {"tier-source:src-a:nano", "tier-source:src-a:micro",
                                       "tier-source:src-a:macro", "tier-source:src-a:mega",
                                       "tier-source:src-b:micro"}
    a_micro = next(q for q in tier_qs if q.id == "tier-source:src-a:micro")
    count = int(re.search(r"with ([\d,]+) followers", a_micro.prompt).group(1).replace(",", ""))
    assert 1000 <= count <= 99999
    assert count < 5000, "the probe should be a count on which src-b disagrees"
    assert "src-b: no tier" in a_micro.explanation
    assert a_micro.options[a_micro.answer] == "micro-influencer" and a_micro.link == "micro-influencer"
    nl = next(q for q in bank.questions["nl"] if q.id == "tier-source:src-a:micro")
    assert re.search(r"met \d{1,3}(\.\d{3})* volgers", nl.prompt), "Dutch numbers use a dot"


def test_no_tier_questions_without_tier_data():
    kb = _fixture_kb()
    kb.tier_schemes = []
    assert not [q for q in quiz_bank.build(kb).questions["en"] if q.kind == "tier-source"]


# ------------------------------------------------------------------ validation of quiz/*.yaml

GOOD_ITEM = """\
  - id: {id}
    kind: true-false
    answer: {answer}
    source: thesis-micro-influencers
    glossary: {glossary}
    nl:
      statement: Een uitspraak over de studie om te testen.
      explanation: Een uitleg bij de uitspraak om te testen.
{en}"""
EN_BLOCK = """\
    en:
      statement: A statement about the study for the test.
      explanation: An explanation of the statement for the test.
"""


def _problems_for(tmp_path: Path, items: str) -> list:
    project = copy_project(tmp_path / "project")
    (project / "quiz" / "extra.yaml").write_text(
        "# yaml-language-server: $schema=schema/items.schema.json\nitems:\n" + items, encoding="utf-8")
    with pytest.raises(ValidationFailed) as failed:
        knowledge_base.load(project)
    return [p for p in failed.value.problems if p.file.startswith("quiz/")]


def test_a_missing_translation_is_reported_with_file_and_line(tmp_path):
    problems = _problems_for(tmp_path, GOOD_ITEM.format(id="x-one", answer="true", glossary="influencer", en=""))
    assert len(problems) == 1
    assert problems[0].line == 3 and "'en' is missing" in problems[0].what


def test_unknown_glossary_id_and_duplicate_id_are_reported(tmp_path):
    items = GOOD_ITEM.format(id="sample-followers-18-30", answer="true", glossary="influencr", en=EN_BLOCK)
    problems = _problems_for(tmp_path, items)
    where = {(p.file, p.line): p.what + " " + p.fix for p in problems}
    assert len(where) == 2
    assert "did you mean 'influencer'" in where[("quiz/extra.yaml", 7)]
    duplicate = next(text for (file, _), text in where.items() if file == "quiz/thesis-findings.yaml")
    assert "'sample-followers-18-30' is also used in quiz/extra.yaml" in duplicate


def test_an_answer_that_is_not_true_false_or_not_studied_is_reported(tmp_path):
    problems = _problems_for(tmp_path, GOOD_ITEM.format(id="x-two", answer="maybe", glossary="influencer",
                                                        en=EN_BLOCK))
    assert [(p.line, "'maybe' is not a valid value for 'answer'" in p.what) for p in problems] == [(5, True)]


def test_the_real_items_validate(kb):
    assert len(kb.quiz_items) >= 10
    assert all(item.file.startswith("quiz/") and item.line > 0 for item in kb.quiz_items)


# ------------------------------------------------------------------ safe embedding

PAYLOAD = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & <!-- \u2028'


def test_embedded_json_cannot_close_the_script_element():
    text = quiz_page.safe_json({"d": PAYLOAD})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"d": PAYLOAD}


def test_the_bank_file_keeps_an_unvalidated_payload_as_inert_json(kb):
    """Defence in depth: even text that slipped past the validator stays a JSON string in the bank file."""
    hostile = KnowledgeBase(kb.root, dict(kb.entries), kb.sources, kb.tier_schemes, kb.quiz_items)
    victim = hostile.entries["trust"]
    hostile.entries["trust"] = Entry(victim.id, victim.category, victim.related, victim.sources,
                                     {lang: LangText(victim.text[lang].term, PAYLOAD) for lang in LANGS})
    script = quiz_page.bank_script(hostile, "en")
    assert "<" not in script and ">" not in script, "the file could close a <script> element if inlined"
    match = re.fullmatch(r'window\.kbQuizBank = window\.kbQuizBank \|\| \{\};\n'
                         r'window\.kbQuizBank\["en"\] = (.*);\n', script, re.DOTALL)
    assert match, "the file is one assignment of one JSON value, nothing else runs"
    bank = json.loads(match.group(1))
    assert any("</script><script>alert(1)" in q.get("s", "") + q["x"] for q in bank)


def test_the_quiz_page_carries_settings_not_the_bank(kb):
    html = quiz_page.render(kb, "nl")
    assert html.count("<script") == 2 and "kb-quiz-bank" not in html
    meta = json.loads(re.search(r'id="kb-quiz-meta">(.*?)</script>', html).group(1))
    assert meta["bank"] == "../assets/quiz-bank-nl.js" and meta["term_url"] == "../glossary/{id}/"


def test_labels_exist_in_both_languages():
    for module in (quiz_bank, quiz_page):
        for key, texts in module.LABELS.items():
            assert set(texts) == set(LANGS) and all(texts.values()), f"{module.__name__}.LABELS[{key!r}]"


def test_export_shape_keeps_the_statement_and_two_option_true_false(kb):
    for q in quiz_bank.bank(kb, "en"):
        assert set(q) == {"id", "kind", "prompt", "short_prompt", "options", "correct", "explanation", "entry",
                          "topic"}
        if q["id"].startswith("true-false:"):
            assert "“" in q["prompt"]
            assert len(q["options"]) == (2 if q["kind"] == "true-false" else 3)


def test_generation_stays_linear_for_a_large_glossary():
    """A field glossary grows to a thousand entries; the bank is built on every build, so it must stay fast."""
    import time
    kb = _fixture_kb()
    for i in range(1000):
        kb.entries[f"synthetic-{i:04d}"] = _entry(f"synthetic-{i:04d}", "concept", f"begrip {i}", f"term {i}")
    start = time.perf_counter()
    bank = quiz_bank.build(kb)
    assert time.perf_counter() - start < 5, "question generation became slow (quadratic?)"
    assert bank.counts()["en"]["definition-term"] == 1004
    # the synthetic definitions differ only in the (masked) term: no distinct options, so no such questions
    assert "term-definition" not in bank.counts()["en"]
