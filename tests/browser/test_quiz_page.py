"""The quiz page in a real browser: keyboard use, live announcements, score, saved progress, seeded sets,
hostile data, presenter view, answer key and worksheet."""
from __future__ import annotations

import functools
import http.server
import json
from html import unescape as html_unescape
import threading
from pathlib import Path

import pytest

from conftest import _QuietHandler, add_confusables, build_site, copy_project
from kb.site import load as knowledge_base
from kb.quiz import bank as quiz_bank

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
RADIO = "input[name=kb-quiz-answer]"


@pytest.fixture(scope="module")
def bank():
    return quiz_bank.build(knowledge_base.load(ROOT))


def url(site_url: str, lang: str = "en", **params) -> str:
    prefix = site_url + ("en/" if lang == "en" else "")
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{prefix}quiz/" + (f"?{query}" if query else "")


def expected_set(bank, lang: str, seed: str, n: int, topic: str = "all"):
    return quiz_bank.select(bank.questions[lang], seed, n, topic)


def shown_id(page) -> str:
    return page.get_attribute("fieldset[data-q]", "data-q")


def answer(page, q, seed: str, right: bool) -> None:
    """Pick the right (or a wrong) option by its position on screen, then press Check."""
    order = quiz_bank.option_order(q, seed)
    wanted = q.answer if right else next(i for i in range(len(q.options)) if i != q.answer)
    page.locator(RADIO).nth(order.index(wanted)).check()
    page.click(".kb-quiz__form button[type=submit]")
    page.wait_for_selector(".kb-quiz__feedback")


def test_keyboard_only_answer_is_announced_and_arrows_never_submit(page, site_url, bank):
    seed = "kbd"
    page.goto(url(site_url, seed=seed, n=10))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "kb-quiz-answer":
            break
    else:
        pytest.fail("Tab never reached the answer options")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator(".kb-quiz__feedback").count() == 0, "an arrow key submitted the answer"
    assert page.locator(f"{RADIO}:checked").count() == 1
    page.keyboard.press("Tab")                       # to the Check button
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    page.wait_for_selector(".kb-quiz__feedback")
    live = page.locator("[role=status][aria-live=polite]")
    page.wait_for_function("document.querySelector('.kb-quiz__live').textContent.length > 0")
    q = expected_set(bank, "en", seed, 10)[0]
    said = live.text_content()
    assert said.startswith(("Correct.", "Incorrect.")), said
    if said.startswith("Incorrect."):
        assert q.options[q.answer] in said
    verdict = page.locator(".kb-quiz__verdict").inner_text()
    assert ("✓" in verdict and "Correct" in verdict) or ("✗" in verdict and "Incorrect" in verdict)
    assert page.evaluate("document.activeElement.textContent") == "Next question"
    page.keyboard.press("Enter")
    assert page.locator(".kb-quiz__progress").inner_text().startswith("Question 2 of 10")
    assert page.evaluate("document.activeElement.classList.contains('kb-quiz__progress')")


def test_a_ten_question_quiz_ends_with_score_review_and_retry(page, site_url, bank):
    seed = "score-test"
    questions = expected_set(bank, "en", seed, 10)
    page.goto(url(site_url, seed=seed, n=10))
    wrong = {2, 5, 9}
    for i, q in enumerate(questions):
        assert shown_id(page) == q.id, "the page and quiz_bank.select() disagree about the seeded set"
        answer(page, q, seed, right=i not in wrong)
        page.get_by_role("button", name="See your score" if i == 9 else "Next question").click()
    assert page.locator(".kb-quiz__score").inner_text() == "Your score: 7 out of 10"
    page.wait_for_function("document.querySelector('.kb-quiz__live').textContent.includes('7 out of 10')")
    assert page.locator(".kb-quiz__review > li").count() == 3
    assert questions[2].options[questions[2].answer] in page.locator(".kb-quiz__review").inner_text()
    page.get_by_role("button", name="Retry your mistakes (3)").click()
    assert page.locator(".kb-quiz__progress").inner_text().startswith("Question 1 of 3")
    assert shown_id(page) == questions[2].id
    assert not page.console_errors


def test_progress_is_restored_after_a_reload(page, site_url, bank):
    seed = "reload"
    questions = expected_set(bank, "nl", seed, 5)
    page.goto(url(site_url, "nl", seed=seed, n=5))
    for q in questions[:2]:
        answer(page, q, seed, right=True)
        page.get_by_role("button", name="Volgende vraag").click()
    answer(page, questions[2], seed, right=False)     # checked but not moved on
    page.reload()
    assert page.locator(".kb-quiz__progress").inner_text() == "Vraag 3 van 5 · Score tot nu toe: 2"
    assert page.locator(".kb-quiz__feedback.is-wrong").count() == 1
    page.goto(url(site_url, "nl"))                    # the bare page resumes too, and gets the set's link back
    assert shown_id(page) == questions[2].id
    assert f"seed={seed}" in page.url
    assert not page.console_errors


def test_the_same_seed_gives_the_same_questions_in_the_same_order(chromium, site_url, bank):
    seen = []
    for _ in range(2):
        context = chromium.new_context()
        tab = context.new_page()
        tab.goto(url(site_url, seed="room-7", n=5, topic="terms"))
        ids, options = [], []
        for _ in range(5):
            ids.append(shown_id(tab))
            options.append(tab.locator(".kb-quiz__option").all_inner_texts())
            tab.locator(RADIO).first.check()
            tab.get_by_role("button", name="Check").click()
            tab.locator("button[data-focus]").click()
        seen.append((ids, options))
        context.close()
    assert seen[0] == seen[1]
    assert seen[0][0] == [q.id for q in expected_set(bank, "en", "room-7", 5, "terms")]
    assert all(i.startswith(("definition-term:", "term-definition:")) for i in seen[0][0])


@pytest.mark.parametrize("stored", [
    "{not json",
    '"a string"',
    '{"v":1,"seed":"x","n":10,"topic":"all","ids":["no-such-question"],"ans":[-1],"i":0}',
    '{"v":1,"seed":"x","n":1,"topic":"all","ids":["true-false:sample-followers-18-30"],"ans":[7],"i":0}',
    '{"v":1,"seed":"<img src=x onerror=alert(1)>","n":1,"topic":"all","ids":[],"ans":[],"i":0}',
    '{"v":99}',
    '{"v":1,"seed":"x","n":1,"topic":"all","ids":["__proto__"],"ans":[-1],"i":0}',
    '{"v":1,"seed":"x","n":1,"topic":"all","ids":["constructor"],"ans":[0],"i":0}',
    '{"v":1,"seed":"x","n":1,"topic":"all","ids":["toString"],"ans":[-1],"i":0}',
    '{"v":1,"seed":"x","n":1,"topic":"all","ids":[["true-false:sample-followers-18-30"]],"ans":[-1],"i":0}',
    '{"v":1,"seed":"x","n":10,"topic":"all","ids":' + json.dumps(["q"] * 200_000) + ',"ans":[],"i":0}',
], ids=["not-json", "string", "unknown-id", "answer-out-of-range", "markup-seed", "foreign-version",
        "id-__proto__", "id-constructor", "id-toString", "id-not-a-string", "huge"])
def test_corrupt_or_foreign_saved_progress_is_ignored(page, site_url, stored):
    page.goto(url(site_url))
    page.evaluate("value => localStorage.setItem('kb-quiz:v1:en', value)", stored)
    page.reload()
    assert page.locator(".kb-quiz__setup").is_visible()
    assert page.evaluate("localStorage.getItem('kb-quiz:v1:en')") is None, "bad data should be dropped"
    assert page.locator(".kb-quiz__notice").inner_text() == (
        "The progress saved in this browser could not be read and has been cleared. You start afresh.")
    page.reload()                                        # said once: the next visit starts clean and quiet
    assert page.locator(".kb-quiz__notice").count() == 0
    assert not page.console_errors


BAD_LINK = {
    "en": "This link does not name a valid quiz set, so it was ignored.",
    "nl": "Deze link bevat geen geldige quizset, dus hij is genegeerd.",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("params", [
    {"seed": "%3Cscript%3Ealert(1)%3C%2Fscript%3E"},
    {"seed": "ok", "n": "-5"},
    {"seed": "ok", "n": "0"},
    {"seed": "ok", "n": "999999"},
    {"seed": "ok", "n": "abc"},
    {"seed": "ok", "n": "%EF%BC%91%EF%BC%90"},            # full-width "１０"
    {"seed": "ok", "n": "1" + "0" * 30},
    {"seed": "ok", "n": "10abc"},
    {"seed": "ok", "n": "1e1"},
    {"seed": "ok", "topic": "__proto__"},
    {"seed": "x" * 33},
    {"n": "5"},
], ids=["script-seed", "n-negative", "n-zero", "n-huge", "n-letters", "n-full-width", "n-10e30", "n-trailing",
        "n-exponent", "topic-proto", "seed-too-long", "no-seed"])
def test_a_hostile_or_broken_link_is_refused_with_a_message(page, site_url, lang, params):
    page.goto(url(site_url, lang, **params))
    assert page.locator(".kb-quiz__setup").is_visible(), "a refused link falls back to the set chooser"
    assert page.locator(".kb-quiz__notice").inner_text().startswith(BAD_LINK[lang])
    assert page.locator("script:not([src])", has_text="alert(1)").count() == 0
    assert not page.console_errors


@pytest.mark.parametrize("mode", ["present", "key"])
def test_trainer_views_say_a_broken_link_was_ignored_and_show_a_new_set(page, site_url, mode):
    page.goto(url(site_url, "nl", seed="ok", n="10abc", mode=mode))
    assert page.locator(".kb-quiz__notice").inner_text().startswith(BAD_LINK["nl"])
    assert "n=10&" in page.url and "seed=ok" not in page.url
    assert not page.console_errors


def test_a_valid_link_shows_no_notice(page, site_url):
    page.goto(url(site_url, seed="fine", n="05"))
    assert page.locator(".kb-quiz__progress").inner_text().startswith("Question 1 of 5")
    assert page.locator(".kb-quiz__notice").count() == 0


def test_choosing_topic_and_length_starts_a_shareable_set(page, site_url):
    page.goto(url(site_url))
    page.select_option("#kb-quiz-topic", "tiers")
    page.select_option("#kb-quiz-length", "5")
    page.get_by_role("button", name="Start the quiz").click()
    assert "n=5" in page.url and "topic=tiers" in page.url and "seed=" in page.url
    assert shown_id(page).startswith("tier-source:")
    share = page.input_value("#kb-quiz-share")
    assert share == page.url
    first = shown_id(page)
    other = page.context.new_page()
    other.goto(share)                                  # a shared link opens straight at question 1
    assert shown_id(other) == first
    assert other.locator(".kb-quiz__progress").inner_text().startswith("Question 1 of 5")


@pytest.mark.parametrize(("lang", "link", "key_button"), [
    ("nl", "deze set op de pagina voor trainers", "Antwoordsleutel (printen)"),
    ("en", "this set on the trainers' page", "Answer key (print)"),
])
def test_students_are_not_offered_the_answer_key_but_trainers_get_the_set(page, site_url, bank, lang, link,
                                                                          key_button):
    page.goto(url(site_url, lang, seed="room-3", n=5, topic="terms"))
    page.locator(".kb-quiz__share").wait_for()
    quiz_links = page.locator(".kb-quiz a").evaluate_all("links => links.map(a => a.href)")
    assert not [h for h in quiz_links if "mode=" in h], quiz_links
    page.get_by_role("link", name=link).click()
    assert page.url.split("?")[0].endswith(("trainers/", "trainers.html"))
    assert page.input_value("#kb-set-seed") == "room-3"
    assert page.input_value("#kb-set-n") == "5"
    assert page.input_value("#kb-set-topic") == "terms"
    page.get_by_role("button", name=key_button).click()
    page.locator(".kb-key__list > li").first.wait_for()
    assert page.locator(".kb-key__list > li").count() == 5
    assert "seed=room-3" in page.url and "mode=key" in page.url
    assert not page.console_errors


def test_a_trainers_link_with_values_the_form_refuses_keeps_its_defaults(page, site_url):
    page.goto(site_url + "en/trainers/?seed=%3Cb%3E&n=999&topic=__proto__#set")
    page.locator("#kb-set-seed").wait_for()
    assert page.input_value("#kb-set-seed") != "<b>"
    assert page.input_value("#kb-set-n") == "10"
    assert page.input_value("#kb-set-topic") == "all"
    assert not page.console_errors


# ------------------------------------------------------------------ trainer views

def test_presenter_view_is_driven_by_keyboard_and_shows_a_local_qr_code(page, site_url, bank):
    seed = "present"
    questions = expected_set(bank, "en", seed, 5)
    page.goto(url(site_url, seed=seed, n=5, mode="present"))
    page.wait_for_selector(".kb-present__qr svg[role=img]")
    assert "seed=present" in page.get_attribute(".kb-present__qr svg", "aria-label")
    assert "mode=" not in page.inner_text(".kb-present__url"), "the QR code must carry the students' link"
    assert page.get_attribute(".kb-present [data-q]", "data-q") == questions[0].id
    letters = page.locator(".kb-present__letter").all_inner_texts()
    assert letters == ["A", "B", "C", "D"][:len(questions[0].options)]
    assert page.locator(".kb-present__answer").count() == 0
    page.keyboard.press("r")
    reveal = page.inner_text(".kb-present__answer")
    assert reveal.startswith("✓ Answer ") and questions[0].explanation in reveal
    assert page.locator(".kb-present__options > li.is-right").count() == 1
    page.keyboard.press("n")
    assert page.get_attribute(".kb-present [data-q]", "data-q") == questions[1].id
    assert page.locator(".kb-present__answer").count() == 0
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert page.get_attribute(".kb-present [data-q]", "data-q") == questions[1].id
    page.keyboard.press(" ")
    assert page.locator(".kb-present__answer").count() == 1
    page.reload()                                      # a reload keeps the room on the same question
    page.wait_for_selector(".kb-present [data-q]")
    assert page.get_attribute(".kb-present [data-q]", "data-q") == questions[1].id
    assert page.locator(".md-header").is_hidden(), "the projector view hides the site chrome"


def test_answer_key_shows_answers_and_the_worksheet_hides_them(page, site_url, bank):
    seed = "print"
    questions = expected_set(bank, "nl", seed, 10)
    page.goto(url(site_url, "nl", seed=seed, n=10, mode="key"))
    items = page.locator(".kb-key__item")
    assert items.count() == 10
    assert [items.nth(i).get_attribute("data-q") for i in range(10)] == [q.id for q in questions]
    for i, q in enumerate(questions):
        right = items.nth(i).locator("li.is-right")
        assert right.count() == 1 and q.options[q.answer] in right.inner_text()
        assert q.explanation in items.nth(i).inner_text()
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".kb-key__print").is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.emulate_media(media="screen")

    page.goto(url(site_url, "nl", seed=seed, n=10, mode="sheet"))
    assert page.locator(".kb-key__item").count() == 10
    assert page.locator(".is-right, .kb-key__x, .kb-quiz__mark").count() == 0
    text = page.inner_text(".kb-key")
    assert "Naam:" in text and "juist antwoord" not in text
    assert not any(q.explanation in text for q in questions)


# ------------------------------------------------------------------ hostile data

PAYLOAD_DEFINITION = ("Testbegrip met data die op code lijkt: <//script><-script>alert(1)<//script> "
                      "<-img src=x onerror=alert(2)> & \"quotes\" 'single' en een backslash \\ erin.")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A copy of the project with one entry whose definition looks like markup yet passes the validator."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    definition = json.dumps(PAYLOAD_DEFINITION, ensure_ascii=False)
    (project / "glossary" / "terms" / "zz-payload.yaml").write_text(
        "# yaml-language-server: $schema=../schema/entry.schema.json\n"
        "id: zz-payload\ncategory: concept\nrelated: [influencer]\n"
        "sources:\n  - {key: thesis-micro-influencers, locator: \"p. 1\"}\n"
        f"nl:\n  term: testpayload\n  definition: {definition}\n"
        f"en:\n  term: test payload\n  definition: {definition}\n", encoding="utf-8")
    add_confusables(project, "zz-payload", "trust", "authenticity", "expertise")
    kb = knowledge_base.load(project)                       # it passes the validator
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", quiz_bank.build(kb)
    server.shutdown()


def test_a_definition_that_looks_like_markup_stays_text(chromium, hostile_site):
    base, bank = hostile_site
    target = "definition-term:zz-payload"
    seed = next(s for s in map(str, range(500))
                if target in [q.id for q in quiz_bank.select(bank.questions["en"], s, 50, "terms")])
    context = chromium.new_context()
    tab = context.new_page()
    dialogs = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(f"{base}en/quiz/?seed={seed}&n=50&topic=terms&mode=key")
    item = tab.locator(f'.kb-key__item[data-q="{target}"]')
    shown = item.locator(".kb-quiz__stim").text_content()
    assert "<//script><-script>alert(1)<//script>" in shown and "<-img src=x onerror=alert(2)>" in shown
    assert tab.locator(".kb-quiz img, .kb-quiz script").count() == 0
    # the only scripts in the article are the quiz's own and the hover-definition script, deferred: nothing injected
    assert tab.locator("article script:not([type='application/json']):not([defer][src$='/assets/quiz.js']):not([defer][src$='/assets/term-tips.js'])").count() == 0
    tab.goto(f"{base}en/quiz/?seed={seed}&n=50&topic=terms")
    assert tab.locator(".kb-quiz__form").is_visible()
    context.close()
    assert not dialogs


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_read_more_links_open_the_page_of_the_term(page, site_url, lang):
    """quiz.js makes the "Read more" links from the page's settings (the bank file carries only ids): each must
    open the term's page (or the tiers page) in the quiz's language."""
    page.goto(url(site_url, lang, seed="links", n=50, mode="key"))
    page.wait_for_selector(".kb-key__item")
    links = page.eval_on_selector_all(".kb-key__x a", "els => els.map(e => [e.href, e.textContent])")
    assert len(links) >= 40, "the answer key lost its links to the glossary"
    prefix = site_url + ("en/" if lang == "en" else "")
    for href, text in links:
        assert href.startswith(prefix + "glossary/") or href == prefix + "tiers/", href
        response = page.request.get(href)
        assert response.ok, f"{href} answers {response.status}"
        term = text.split(": ", 1)[1]
        assert term.lower() in html_unescape(response.text()).lower(), f"{href} is not the page of {term}"


@pytest.mark.parametrize("lang, message", [("nl", "De vragen konden niet worden geladen"),
                                           ("en", "The questions could not be loaded")])
def test_a_bank_file_that_does_not_load_is_said_not_hidden(page, site_url, lang, message):
    page.route("**/assets/quiz-bank-*.js", lambda route: route.abort())
    page.goto(url(site_url, lang))
    alert = page.locator(".kb-quiz [role=alert]")
    alert.wait_for()
    assert alert.inner_text().startswith(message)
    assert page.locator(".kb-quiz fieldset").count() == 0
