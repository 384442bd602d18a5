"""The trainers' exports: GIFT parses back to the same questions, the Kahoot sheet keeps Kahoot's limits,
the Anki deck has stable ids, and the real site ships all of them with the counts the trainers' page shows."""
from __future__ import annotations

import re
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from kb import LANGS, ROOT
from kb.site import load as knowledge_base
from kb.exports import anki as export_anki
from kb.exports import gift as export_gift
from kb.exports import kahoot as export_kahoot
from kb.exports import build as exports
from kb.exports import page as export_page
from kb.exports.build import CHOICE, TRUE_FALSE, ExportQuestion

from gift_parser import parse_gift

SITE = "https://example.org/kb/"
TRICKY = "Is {x} = y ~ z # 1:2 \\ a back-slash?"


# ---------------------------------------------------------------- fixtures
def _bank() -> list[ExportQuestion]:
    return [
        ExportQuestion("q-plain", CHOICE, "Which tier is smallest?", ("nano", "micro", "macro", "mega"), 0,
                       "Nano is the smallest tier.", "nano-influencer"),
        ExportQuestion("q:tricky{1}", CHOICE, TRICKY, ("a = b", "~c~", "#d#", "{e}: f\\g"), 3,
                       "It is {e}: f\\g # really.", None),
        ExportQuestion("q-true", TRUE_FALSE, "Parasocial relationships are one-sided.", ("True", "False"), 0,
                       "They are one-sided.", "parasocial-relationship"),
        ExportQuestion("q-false", TRUE_FALSE, "Mega means 1,000 followers.", ("True", "False"), 1, "", None),
        ExportQuestion("q-long", CHOICE, "word " * 30, ("yes", "no"), 0, ""),
        ExportQuestion("q-long-answer", CHOICE, "Short?", ("x " * 40, "y", "z"), 1, ""),
        ExportQuestion("q-five", CHOICE, "Five options?", ("a", "b", "c", "d", "e"), 4, ""),
    ]


# ---------------------------------------------------------------- GIFT
def test_gift_round_trips_every_question_with_escapes():
    bank = _bank()
    parsed = parse_gift(export_gift.render(bank, "en", SITE))
    assert parsed["category"] == "$course$/top/Influencer Knowledge Base (English)"
    assert [q["title"] for q in parsed["questions"]] == [q.id for q in bank]
    for original, back in zip(bank, parsed["questions"]):
        assert back["format"] == "markdown"
        assert back["prompt"] == " ".join(original.prompt.split())
        if original.kind == TRUE_FALSE:
            assert back["kind"] == "truefalse" and back["truth"] == (original.correct == 0)
            assert back["feedback"][1] == "Correct."
        else:
            assert [o["text"] for o in back["options"]] == [" ".join(o.split()) for o in original.options]
            assert [o["right"] for o in back["options"]] == [i == original.correct for i in
                                                           range(len(original.options))]
            assert all(o["feedback"] for o in back["options"]), "every answer has its own feedback"
    tricky = parsed["questions"][1]
    assert tricky["prompt"] == TRICKY and tricky["options"][3]["text"] == "{e}: f\\g"
    assert tricky["general"] == "It is {e}: f\\g # really."
    assert parsed["questions"][0]["general"].endswith("https://example.org/kb/en/glossary/nano-influencer/")


def test_gift_escape_covers_every_control_character():
    assert export_gift.escape("~=#{}:\\") == "\\~\\=\\#\\{\\}\\:\\\\"
    assert export_gift.escape("two\nlines") == "two lines"


def test_gift_parser_rejects_unescaped_text():
    with pytest.raises(AssertionError):
        parse_gift("::t::What is a = b? {=yes ~no}\n")


def test_gift_blank_line_between_questions():
    text = export_gift.render(_bank()[:2], "nl", SITE)
    assert "}\n\n::q\\:tricky\\{1\\}::" in text


# ---------------------------------------------------------------- Kahoot
def _sheet(path: Path):
    from openpyxl import load_workbook
    return load_workbook(path).active


def test_kahoot_sheet_keeps_the_template_and_its_limits(tmp_path):
    kept, left_out = export_kahoot.fit(_bank())
    assert [q.id for q in left_out] == ["q-long", "q-long-answer", "q-five"]
    path = tmp_path / "k.xlsx"
    export_kahoot.write(kept, "en", path)
    sheet = _sheet(path)
    assert tuple(c.value for c in sheet[8][1:8]) == export_kahoot.HEADERS
    rows = [r for r in sheet.iter_rows(min_row=9, values_only=True) if any(v is not None for v in r)]
    assert len(rows) == len(kept) == 4
    prompts = {q.prompt for q in _bank()} | {q.short_prompt for q in _bank()}
    for number, (n, question, *rest) in enumerate(rows, start=1):
        answers, limit, correct = [a for a in rest[:4] if a is not None], rest[4], rest[5]
        assert n == number
        assert question in prompts, "questions are copied whole, never cut"
        assert len(question) <= 120 and 2 <= len(answers) <= 4
        assert all(len(a) <= 75 for a in answers)
        assert limit in export_kahoot.TIME_LIMITS
        assert isinstance(correct, int) and 1 <= correct <= len(answers)
    assert rows[1][2 + 3] == "{e}: f\\g" and rows[1][7] == 4


def test_kahoot_uses_the_short_lead_in_only_when_the_question_is_too_long():
    quote = "“" + "x" * 100 + "”"
    long_lead = ExportQuestion("d", CHOICE, f"Which term matches this description? {quote}", ("a", "b"), 0,
                               short_prompt=f"Which term? {quote}")
    fits_anyway = replace(long_lead, id="e", prompt=f"Which term matches? “{'x' * 70}”")
    too_long = replace(long_lead, id="f", short_prompt=f"Which term? “{'x' * 120}”")
    kept, left_out = export_kahoot.fit([long_lead, fits_anyway, too_long])
    assert [(q.id, q.prompt) for q in kept] == [("d", long_lead.short_prompt), ("e", fits_anyway.prompt)]
    assert [q.id for q in left_out] == ["f"], "a question is never cut off"


def test_kahoot_time_limit_grows_with_reading_and_stays_allowed():
    short = ExportQuestion("s", CHOICE, "Nano?", ("yes", "no"), 0)
    long_ = ExportQuestion("l", CHOICE, "word " * 23, ("a b c d e f g h",) * 4, 0)
    assert export_kahoot.time_limit(short) == 10
    assert export_kahoot.time_limit(long_) in export_kahoot.TIME_LIMITS
    assert export_kahoot.time_limit(long_) > export_kahoot.time_limit(short)


# ---------------------------------------------------------------- the real knowledge base
@pytest.fixture(scope="module")
def real_exports(tmp_path_factory):
    kb = knowledge_base.load()
    out = tmp_path_factory.mktemp("downloads")
    return kb, out, exports.write_all(kb, out, SITE)


@pytest.mark.parametrize("lang", LANGS)
def test_real_gift_has_at_least_20_questions(real_exports, lang):
    kb, out, counts = real_exports
    parsed = parse_gift((out / exports.file_name("gift", lang)).read_text(encoding="utf-8"))
    assert len(parsed["questions"]) == counts[lang].gift >= 20
    assert len({q["title"] for q in parsed["questions"]}) == len(parsed["questions"]), "titles are unique"
    assert counts[lang].gift == exports.counts(kb)[lang].gift


@pytest.mark.parametrize("lang", LANGS)
def test_real_kahoot_sheet_fits_and_counts_what_it_left_out(real_exports, lang):
    kb, out, counts = real_exports
    sheet = _sheet(out / exports.file_name("kahoot", lang))
    rows = [r for r in sheet.iter_rows(min_row=9, values_only=True) if r[1] is not None]
    assert len(rows) == counts[lang].kahoot > 0
    assert counts[lang].kahoot + counts[lang].kahoot_left_out == counts[lang].bank
    for row in rows:
        answers = [a for a in row[2:6] if a is not None]
        assert len(row[1]) <= 120 and 2 <= len(answers) <= 4 and all(len(a) <= 75 for a in answers)
        assert row[6] in export_kahoot.TIME_LIMITS and 1 <= row[7] <= len(answers)


def _apkg(path: Path, tmp_path: Path) -> tuple[list, int]:
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        return db.execute("select guid, flds from notes order by guid").fetchall(), \
            db.execute("select count(*) from cards").fetchone()[0]
    finally:
        db.close()


def test_real_anki_deck_asks_both_ways_with_stable_guids(real_exports, tmp_path):
    kb, out, counts = real_exports
    notes, cards = _apkg(out / exports.file_name("anki", "en"), tmp_path)
    assert len(notes) == counts["en"].anki_notes == len(kb.entries)
    assert cards == 2 * len(notes)
    again = tmp_path / "again.apkg"
    export_anki.write(kb, "en", again, SITE)
    (tmp_path / "collection.anki2").unlink()
    assert [g for g, _ in _apkg(again, tmp_path)[0]] == [g for g, _ in notes], "guids survive a rebuild"
    assert export_anki.stable_id("x") == export_anki.stable_id("x") < 2 ** 31


def test_every_export_label_has_both_languages():
    for module in (export_gift, export_kahoot, export_anki):
        for key, texts in module.LABELS.items():
            assert set(texts) == set(LANGS), f"{module.__name__}.LABELS[{key!r}]"


def test_built_site_ships_every_download(built_site):
    names = {exports.file_name(kind, lang) for kind in ("gift", "kahoot", "anki") for lang in LANGS}
    present = {p.name for p in (built_site / exports.DOWNLOADS).iterdir()}
    assert names <= present


# ---------------------------------------------------------------- the trainers' page blocks
@pytest.mark.parametrize("directory_urls, links", [(True, {"nl": "../downloads/", "en": "../../downloads/"}),
                                                   (False, {"nl": "downloads/", "en": "../downloads/"})])
def test_trainer_page_links_fit_both_url_styles(real_exports, directory_urls, links):
    from kb.core.context import BuildContext
    from kb.core.urls import UrlStyle
    from kb.exports import page as trainer_page
    kb, _, counts = real_exports
    ctx = BuildContext(UrlStyle.of(directory_urls, SITE))
    for lang in LANGS:
        html = trainer_page.downloads(kb, lang, ctx)
        hrefs = re.findall(r'href="([^"]+)" download', html)
        assert hrefs and all(h.startswith(links[lang]) for h in hrefs), hrefs
        named = {h[len(links[lang]):] for h in hrefs}
        assert named >= {exports.file_name(k, lang) for k in ("gift", "anki")}
        assert named >= {exports.file_name("kahoot", lang, topic, part)        # Kahoot: per topic sheets
                         for topic, part, _ in exports.kahoot_sheets(
                             export_kahoot.fit(exports.questions(kb, lang))[0])}
        assert (exports.OFFLINE_ZIP in html) == directory_urls, "the offline copy does not link to itself"
        assert f"{counts[lang].gift} " in html and str(counts[lang].anki_cards) in html
        form = trainer_page.quiz_set(kb, lang, ctx)
        assert f'action="{"../quiz/" if directory_urls else "quiz.html"}"' in form
        assert {"present", "key", "sheet"} <= set(re.findall(r'name="mode" value="(\w+)"', form))


@pytest.mark.parametrize("lang", LANGS)
def test_real_gift_says_why_each_wrong_answer_is_wrong(real_exports, lang):
    """Per-answer feedback from the data: a wrong term's own definition, the source's range for a wrong tier;
    the trainers' page counts the questions that have it."""
    kb, out, counts = real_exports
    parsed = parse_gift((out / exports.file_name("gift", lang)).read_text(encoding="utf-8"))
    no = "Nee:" if lang == "nl" else "No:"
    generic = export_gift.LABELS["wrong"][lang].split("{")[0]
    own = [q for q in parsed["questions"] if q["kind"] != "truefalse"
           and all(o["feedback"].startswith(no) for o in q["options"] if not o["right"])]
    assert len(own) == counts[lang].gift_feedback > 60    # every generated and scenario-with-distractors question
    by_id = {q["title"]: q for q in parsed["questions"]}
    psi = by_id["definition-term:parasocial-interaction"]
    psr_term = kb.entries["parasocial-relationship"].text[lang].term
    psr = next(o for o in psi["options"] if o["text"] == psr_term)
    assert psr["feedback"].startswith(f"{no} ‘{psr_term}’"), psr
    tier = next(q for q in parsed["questions"] if q["title"].startswith("tier-source:"))
    assert all(o["feedback"].startswith(no) for o in tier["options"] if not o["right"])
    others = [q for q in parsed["questions"] if q["kind"] != "truefalse" and q not in own]
    assert all(o["feedback"].startswith(generic) for q in others for o in q["options"] if not o["right"])


def test_trainers_page_states_up_front_what_the_kahoot_sheet_leaves_out(real_exports):
    kb, _, counts = real_exports
    for lang in LANGS:
        html = export_page.kahoot_summary(kb, lang)
        for other in LANGS:
            assert f"{counts[other].kahoot_left_out} " in html and f"{counts[other].bank} " in html
    for lang in LANGS:
        text = (ROOT / "docs" / f"trainers.{lang}.md").read_text(encoding="utf-8")
        assert text.index("<!-- kb:trainer-kahoot-summary -->") < text.index("## 1.")
