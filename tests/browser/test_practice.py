"""Practice that remembers (practice/, en/practice/): the deck made from the glossary, the page's scripts and
their size, and the page in a real browser — by keyboard, after a reload, after corrupt or hostile storage,
moved to another browser as a file, scenario cards, the daily limit, and from disk (the offline copy).

The FSRS scheduler itself is tested under node (tests/js/, run by tests/unit/test_js_units.py). Every browser test
also checks that the page logged no error; the `page` and `disk_page` fixtures fail a test whose browser
asked another host for anything.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from kb import LANGS
from kb.site import load as knowledge_base
from kb.quiz import bank as quiz_bank
from kb.quiz import practice
from quality_site import axe_violations, describe

KEY = practice.STORAGE_KEY
BUDGET_GZ = 12 * 1024          # the site's own JS on any one page, gzipped (question banks and decks aside)
HEADER = ".md-header"


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.load(ROOT)


# ------------------------------------------------------------------ the deck
def test_every_entry_is_two_cards_in_each_language(kb):
    for lang in LANGS:
        cards = practice.deck(kb, lang)
        ids = [c["id"] for c in cards]
        assert len(ids) == len(set(ids))
        assert {i for i in ids if i[0] in "td"} == {f"{k}:{e}" for e in kb.entries for k in "td"}
        for c in (c for c in cards if c["k"] in "td"):
            assert c["f"].strip() and c["b"].strip() and c["c"] in practice._categories(lang)
            if c["k"] == "d":      # the definition side never names the term it asks for
                entry = kb.entries[c["g"]]
                assert entry.text[lang].term.lower() not in c["f"].lower(), c


def test_scenario_questions_of_the_bank_become_cards(kb):
    """Every scenario question of quiz/scenarios.yaml is a card, right after its entry's two cards."""
    for lang in LANGS:
        scenarios = [q for q in quiz_bank.cached(kb).questions[lang] if q.kind == "scenario"]
        assert len(scenarios) >= 30, lang
        cards = practice.deck(kb, lang)
        ids = [c["id"] for c in cards]
        for q in scenarios:
            card = cards[ids.index(f"s:{q.id}")]
            assert card["o"] == q.options and card["a"] == q.answer and card["g"] == q.link
            before = ids[:ids.index(f"s:{q.id}")]
            assert f"d:{q.link}" in before, "a scenario card follows its entry's two cards"


def test_deck_file_cannot_break_out_of_its_script(kb):
    text = practice.deck_script(kb, "en")
    body = re.fullmatch(r'window\.kbPracticeDeck = window\.kbPracticeDeck \|\| \{\};\n'
                        r'window\.kbPracticeDeck\["en"\] = (.*);\n', text, re.DOTALL)
    assert body and not re.search(r"[<>&]", body.group(1))
    assert len(json.loads(body.group(1))) >= 2 * len(kb.entries)


def test_practice_scripts_load_deferred_and_only_on_the_practice_page(built_site):
    for page, up in (("practice/index.html", "../"), ("en/practice/index.html", "../../")):
        html = (built_site / page).read_text(encoding="utf-8")
        for script in practice.SCRIPTS:
            assert f'<script defer src="{up}{script}"></script>' in html, (page, script)
        assert (built_site / practice.DECK_FILE.format(lang=page[:2] if page.startswith("en") else "nl")).is_file()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'<script[^>]*\bsrc="([^"]+)"', home)
    for script in ("practice.js", "fsrs.js", "quiz.js", "tier-lookup.js"):
        assert not [src for src in loaded if src.endswith(script)], f"the home page loads {script}"
    assert "Oefenen" in home and "Practice" in (built_site / "en" / "index.html").read_text(encoding="utf-8")


def own_scripts(html_file: Path, site: Path) -> list[Path]:
    """The site's own scripts a page loads: not Material's bundle, not vendored libraries, not data files."""
    found = []
    for src in re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html_file.read_text(encoding="utf-8")):
        path = (html_file.parent / src).resolve()
        rel = path.relative_to(site.resolve()).as_posix() if path.is_relative_to(site.resolve()) else ""
        if rel.startswith("assets/") and not rel.startswith(("assets/javascripts/", "assets/vendor/")) \
                and not re.search(r"(quiz-bank|practice-deck)-", rel):
            found.append(path)
    return found


def test_no_page_loads_more_than_12_kb_of_the_sites_own_js(built_site):
    sizes = {}
    for html_file in sorted(built_site.rglob("*.html")):
        scripts = own_scripts(html_file, built_site)
        sizes[html_file.relative_to(built_site).as_posix()] = sum(len(gzip.compress(p.read_bytes(), 6)) for p in scripts)
    assert sizes["practice/index.html"] > 0 and sizes["quiz/index.html"] > 0
    over = {page: size for page, size in sizes.items() if size > BUDGET_GZ}
    assert not over, f"pages over {BUDGET_GZ} bytes of own JS, gzipped: {over}"
    home = {p.name for p in own_scripts(built_site / "index.html", built_site)}
    assert not home & {"quiz.js", "tier-lookup.js", "practice.js", "fsrs.js"}, \
        f"a page without a quiz, tier lookup or practice block loads none of their code: {home}"


def test_budget_check_sees_a_scripts_size(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "big.js").write_bytes(b"x" * 100)
    (tmp_path / "assets" / "practice-deck-nl.js").write_bytes(b"y")
    page = tmp_path / "p.html"
    page.write_text('<script defer src="assets/big.js"></script><script src="assets/practice-deck-nl.js"></script>')
    assert own_scripts(page, tmp_path) == [(tmp_path / "assets" / "big.js").resolve()]


# ------------------------------------------------------------------ in the browser
def url(site_url: str, lang: str) -> str:
    return site_url + ("en/" if lang == "en" else "") + "practice/"


def watch_console(tab) -> list[str]:
    """Console errors of this tab. Material's language switcher asks for a sitemap.xml that is not there on
    any page (a 404 on the server, a refused request from disk), outside our code: the one message left out."""
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(f"{m.text} ({m.location.get('url', '')})")
           if m.type == "error" and "sitemap.xml" not in m.text + m.location.get("url", "") else None)
    return errors


def open_practice(tab, site_url: str, lang: str = "en") -> list[str]:
    errors = watch_console(tab)
    tab.goto(url(site_url, lang))
    tab.locator(".kb-practice__card").wait_for()
    return errors


def stored(tab) -> dict:
    return tab.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")


def status(tab, contains: str) -> str:
    tab.wait_for_function("t => document.querySelector('.kb-practice__status').textContent.includes(t)", arg=contains)
    return tab.inner_text(".kb-practice__status")


def shown(tab) -> str:
    return tab.get_attribute(".kb-practice__card[data-card]", "data-card")


def assert_focus_visible_below_header(tab) -> None:
    box = tab.evaluate("""() => { const a = document.activeElement, r = a.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, header: document.querySelector('.md-header').getBoundingClientRect().bottom,
                height: innerHeight, tag: a.tagName, cls: a.className}; }""")
    assert box["top"] >= box["header"] - 1, f"the focused element is under the sticky header: {box}"
    assert box["top"] < box["height"], f"the focused element is below the window: {box}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_practice_by_keyboard_and_the_rating_is_announced(page, site_url, lang):
    errors = open_practice(page, site_url, lang)
    words = {"nl": ("Toon het antwoord", "Goed", "Opnieuw", "Gedaan vandaag: 2"),
             "en": ("Show the answer", "Good", "Again", "Done today: 2")}[lang]
    for _ in range(60):                          # Tab through the page to the reveal button, as a keyboard user
        page.keyboard.press("Tab")
        if page.evaluate("t => document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.includes(t)",
                         words[0]):
            break
    else:
        pytest.fail("Tab never reached the reveal button")
    assert_focus_visible_below_header(page)
    first = shown(page)
    page.keyboard.press("Enter")
    page.locator(".kb-practice__back").wait_for()
    assert page.evaluate("document.activeElement.classList.contains('kb-practice__back')"), "focus moves to the answer"
    assert page.locator(".kb-practice__rating button").count() == 4
    page.keyboard.press("3")
    assert words[1] in status(page, words[1])
    assert shown(page) != first
    assert page.evaluate("document.activeElement.id") == "kb-practice-front", "focus moves to the next card"
    assert_focus_visible_below_header(page)
    page.keyboard.press(" ")                     # Space reveals
    page.locator(".kb-practice__back").wait_for()
    assert_focus_visible_below_header(page)
    page.keyboard.press("1")
    assert words[2] in status(page, words[2])
    assert words[3] in page.inner_text(".kb-practice__counts")
    assert page.get_attribute(".kb-practice__status", "role") == "status"
    assert not errors and not page.console_errors, errors + page.console_errors


@pytest.mark.browser
def test_progress_is_kept_after_a_reload(page, site_url):
    errors = open_practice(page, site_url)
    rated = []
    for key in ("3", "4", "2"):
        rated.append(shown(page))
        page.keyboard.press(" ")
        page.keyboard.press(key)
        page.wait_for_function("id => document.querySelector('[data-card]').dataset.card !== id", arg=rated[-1])
    page.reload()
    page.locator(".kb-practice__card").wait_for()
    data = stored(page)
    assert data["app"] == "kb-practice" and data["v"] == 1
    assert set(data["langs"]["en"]["cards"]) == set(rated) and data["langs"]["en"]["nw"] == 3
    assert "Done today: 3" in page.inner_text(".kb-practice__counts")
    assert shown(page) not in rated, "a card rated a minute ago is not due yet: a new one comes first"
    total = page.locator(".kb-practice__row").first.inner_text()
    assert "0 mastered, 3 learning" in total, total
    assert not errors and not page.console_errors


FOREIGN = [
    pytest.param("{not json", "reset", id="not-json"),
    pytest.param('{"app":"someone-else","v":1,"langs":{}}', "reset", id="another-app"),
    pytest.param('{"app":"kb-practice","v":2,"langs":{}}', "reset", id="a-future-version"),
    pytest.param('[1,2,3]', "reset", id="an-array"),
    pytest.param("HUGE", "reset", id="huge"),
    pytest.param('{"app":"kb-practice","v":1,"langs":{"__proto__":{"cards":{"polluted":1}},"en":{"cards":{'
                 '"__proto__":{"st":2,"step":null,"s":40,"d":5,"last":1,"due":2},'
                 '"constructor":{"st":2,"step":null,"s":40,"d":5,"last":1,"due":2},'
                 '"t:influencer":{"st":2,"step":null,"s":40,"d":5,"last":1000,"due":9999999999999},'
                 '"d:influencer":{"st":9,"s":"x"}}}}}', "partial", id="proto-keys-and-a-bad-card"),
]


@pytest.mark.browser
@pytest.mark.parametrize("payload, outcome", FOREIGN)
def test_corrupt_foreign_or_huge_storage_means_a_fresh_start_with_a_notice(page, site_url, payload, outcome):
    errors = open_practice(page, site_url)
    if payload == "HUGE":
        page.evaluate("k => localStorage.setItem(k, '{\"app\":\"kb-practice\",\"v\":1,\"x\":\"' + 'x'.repeat(2500000) + '\"}')", KEY)
    else:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, payload])
    page.reload()
    page.locator(".kb-practice__card").wait_for()
    if outcome == "reset":
        assert "could not be read and was replaced" in status(page, "could not be read")
        assert stored(page)["langs"]["en"]["cards"] == {}, "the unreadable data was replaced by a fresh start"
    else:
        assert "3 cards in the saved progress could not be read" in status(page, "could not be read")
        assert list(stored(page)["langs"]["en"]["cards"]) == ["t:influencer"]
        assert "1 mastered" in page.locator(".kb-practice__row").first.inner_text()
    assert page.evaluate("() => ({}).cards === undefined && ({}).st === undefined && Object.prototype.polluted === undefined")
    assert page.locator(".kb-practice__front").is_visible(), "never a blank page"
    page.reload()
    page.locator(".kb-practice__card").wait_for()
    page.wait_for_timeout(200)
    assert "could not be read" not in page.inner_text(".kb-practice__status"), "the notice is shown once"
    assert not errors and not page.console_errors


@pytest.mark.browser
def test_the_notice_is_in_the_pages_language(page, site_url):
    errors = open_practice(page, site_url, "nl")
    page.evaluate("k => localStorage.setItem(k, 'kapot')", KEY)
    page.reload()
    assert "onleesbaar" in status(page, "onleesbaar")
    assert not errors


@pytest.mark.browser
def test_progress_moves_to_another_browser_as_a_file(page, chromium, site_url, tmp_path):
    errors = open_practice(page, site_url)
    for key in ("4", "3"):
        before = shown(page)
        page.keyboard.press(" ")
        page.keyboard.press(key)
        page.wait_for_function("id => document.querySelector('[data-card]').dataset.card !== id", arg=before)
    with page.expect_download() as info:
        page.get_by_role("button", name="Save your progress as a file").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert re.fullmatch(r"kb-practice-\d{4}-\d\d-\d\d\.json", saved.name)
    assert len(json.loads(saved.read_text())["langs"]["en"]["cards"]) == 2
    status(page, "saved as")

    other = chromium.new_context()                  # another browser: empty storage
    tab = other.new_page()
    tab.console_errors = []
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    try:
        more = open_practice(tab, site_url)
        bad = tmp_path / "holiday.json"
        bad.write_text('{"photos": [1, 2]}')
        tab.set_input_files("#kb-practice-file", str(bad))
        status(tab, "not progress from this practice page")
        assert stored(tab)["langs"]["en"]["cards"] == {}, "a wrong file changes nothing"
        tab.get_by_label("Load progress from a file").set_input_files(str(saved))
        assert "Progress loaded: 2 cards" in status(tab, "Progress loaded")
        assert "2 learning" in tab.locator(".kb-practice__row").first.inner_text() or \
               "mastered" in tab.locator(".kb-practice__row").first.inner_text()
        assert stored(tab)["langs"]["en"]["cards"] == json.loads(saved.read_text())["langs"]["en"]["cards"]
        assert not more and not tab.console_errors
    finally:
        other.close()
    assert not errors and not page.console_errors


@pytest.mark.browser
def test_a_card_due_again_comes_before_new_ones(page, site_url):
    errors = open_practice(page, site_url)
    page.evaluate("""k => localStorage.setItem(k, JSON.stringify({app: 'kb-practice', v: 1, langs: {en: {cards: {
        'd:trust': {st: 2, step: null, s: 5, d: 5, last: Date.now() - 6 * 864e5, due: Date.now() - 864e5},
        't:trust': {st: 2, step: null, s: 30, d: 5, last: Date.now() - 864e5, due: Date.now() + 29 * 864e5}}}}}))""", KEY)
    page.reload()
    page.locator(".kb-practice__card").wait_for()
    assert shown(page) == "d:trust"
    assert "review" in page.text_content(".kb-practice__kind")
    assert "Due: 1" in page.inner_text(".kb-practice__counts")
    page.keyboard.press(" ")
    intervals = page.locator(".kb-practice__ivl").all_inner_texts()
    assert intervals[0] == "in 10 min" and all(i.endswith(" d") for i in intervals[1:]), intervals
    page.keyboard.press("3")
    assert shown(page) != "d:trust" and "new card" in page.text_content(".kb-practice__kind")
    assert not errors


@pytest.mark.browser
def test_the_daily_new_card_limit_and_more_on_request(page, site_url):
    errors = open_practice(page, site_url)
    page.evaluate("""k => { const d = new Date(), p = n => (n < 10 ? '0' : '') + n;
        const day = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
        localStorage.setItem(k, JSON.stringify({app: 'kb-practice', v: 1, langs: {en: {cards: {}, day, nw: 20, extra: 0}}})); }""",
                  KEY)
    page.reload()
    page.locator(".kb-practice__done").wait_for()
    assert "Done for today" in page.inner_text(".kb-practice__card")
    page.get_by_role("button", name="10 more new cards today").click()
    page.locator(".kb-practice__card[data-card]").wait_for()
    assert "New: 10" in page.inner_text(".kb-practice__counts")
    assert not errors


SCENARIO = {"id": "s:scenario:test-1", "k": "s", "c": "concept", "g": "parasocial-interaction",
            "gt": "Parasocial interaction", "q": "Which concept applies?",
            "s": "Mila answers out loud when a creator asks “and you?” in a story.",
            "o": ["parasocial interaction", "parasocial relationship", "attitude homophily"], "a": 0,
            "x": "She reacts in the moment of viewing: that is PSI."}


@pytest.mark.browser
def test_a_scenario_card_is_answered_then_rated(page, site_url):
    """The real bank has no scenario questions yet: one is added to the deck file on its way to the browser."""
    def with_scenario(route):
        body = route.fetch().text()
        body = body.replace('window.kbPracticeDeck["en"] = [', 'window.kbPracticeDeck["en"] = [' + json.dumps(SCENARIO) + ",", 1)
        route.fulfill(body=body, content_type="text/javascript")
    page.route("**/practice-deck-en.js", with_scenario)
    errors = open_practice(page, site_url)
    assert shown(page) == SCENARIO["id"] and "Scenario" in page.text_content(".kb-practice__kind")
    page.keyboard.press("1")                                          # no rating before answering
    assert page.locator(".kb-practice__rating").count() == 0
    page.get_by_role("button", name="Check").click()
    assert "Choose an answer first" in status(page, "Choose an answer")
    page.get_by_label("attitude homophily").check()
    page.keyboard.press("Enter")
    page.locator(".kb-practice__back").wait_for()
    text = page.inner_text(".kb-practice__back")
    assert "Incorrect" in text and "The right answer: parasocial interaction" in text and "choose Again" in text
    violations = axe_violations(page, ".kb-practice")
    assert not violations, describe(violations)
    page.keyboard.press("1")
    status(page, "Again")
    assert stored(page)["langs"]["en"]["cards"][SCENARIO["id"]]["st"] == 1
    assert not errors and not page.console_errors


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_answer_side_has_no_wcag_violations(page, site_url, lang):
    open_practice(page, site_url, lang)
    page.keyboard.press(" ")
    page.locator(".kb-practice__rating").wait_for()
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.browser
def test_practice_from_disk_keeps_progress(disk_page, offline_root):
    errors = watch_console(disk_page)
    disk_page.goto((offline_root / "en" / "practice.html").as_uri())
    disk_page.locator(".kb-practice__card").wait_for()
    first = shown(disk_page)
    disk_page.keyboard.press(" ")
    disk_page.keyboard.press("3")
    disk_page.wait_for_function("id => document.querySelector('[data-card]').dataset.card !== id", arg=first)
    disk_page.reload()
    disk_page.locator(".kb-practice__card").wait_for()
    assert "Done today: 1" in disk_page.inner_text(".kb-practice__counts")
    disk_page.keyboard.press(" ")
    href = disk_page.get_attribute(".kb-practice__back a", "href")
    assert href.startswith("glossary/") and href.endswith(".html"), href
    assert not errors, errors
