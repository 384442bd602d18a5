"""The student quiz keeps what matters on screen (issue 16, item 4): after Start and after each answer the
question and its Check button are in the viewport, below Material's sticky header, on a 1280 x 800 desktop and
a 390 x 844 phone; right/wrong comes before the (long) explanation; an accessible progress bar; every label
in the page's language."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser
LANGS = ["nl", "en"]
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
WORDS = {"nl": {"start": "Start de quiz", "check": "Controleer", "next": "Volgende vraag", "finish": "Bekijk je score",
                "of": "Vraag {i} van {n}"},
         "en": {"start": "Start the quiz", "check": "Check", "next": "Next question", "finish": "See your score",
                "of": "Question {i} of {n}"}}
VISIBLE = """(sel) => {
  const el = document.querySelector(sel); if (!el) return 'missing: ' + sel;
  const r = el.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  if (r.height === 0) return 'not rendered: ' + sel;
  if (r.top < header - 0.5) return `${sel} is under the header (top ${r.top.toFixed(0)} < ${header.toFixed(0)})`;
  if (r.bottom > innerHeight + 0.5) return `${sel} is below the fold (bottom ${r.bottom.toFixed(0)} > ${innerHeight})`;
  return '';
}"""


def quiz_url(site_url: str, lang: str, query: str = "") -> str:
    return f"{site_url}{'en/' if lang == 'en' else ''}quiz/{query}"


def assert_in_view(tab, *selectors: str) -> None:
    problems = [p for p in (tab.evaluate(VISIBLE, s) for s in selectors) if p]
    assert not problems, f"{tab.url} at {tab.viewport_size}: " + "; ".join(problems)


def tab_for(request, size: str):
    tab = request.getfixturevalue("phone_page" if size == "phone" else "page")
    tab.set_viewport_size(SIZES[size])
    return tab


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_after_start_and_each_answer_the_question_and_its_button_are_in_view(request, site_url, lang, size):
    tab = tab_for(request, size)
    tab.goto(quiz_url(site_url, lang))
    tab.select_option("#kb-quiz-topic", "terms")          # the longest options: whole definitions
    tab.select_option("#kb-quiz-length", "5")
    tab.get_by_role("button", name=WORDS[lang]["start"]).click()
    for number in range(1, 6):
        tab.locator(".kb-quiz__form fieldset").wait_for()
        assert_in_view(tab, ".kb-quiz__progress", ".kb-quiz__form legend", ".kb-quiz__form button[type=submit]")
        assert tab.evaluate("document.activeElement.classList.contains('kb-quiz__progress')")
        tab.locator("input[name=kb-quiz-answer]").nth(number % 2).check()
        tab.get_by_role("button", name=WORDS[lang]["check"]).click()
        tab.locator(".kb-quiz__feedback").wait_for()
        assert_in_view(tab, ".kb-quiz__verdict", "button[data-focus]")
        focused = tab.evaluate("document.activeElement.textContent")
        assert focused == WORDS[lang]["finish" if number == 5 else "next"]
        verdict = tab.locator(".kb-quiz__verdict").bounding_box()
        explanation = tab.locator(".kb-quiz__explain").bounding_box()
        assert verdict["y"] + verdict["height"] <= explanation["y"], "right/wrong must come before the explanation"
        tab.keyboard.press("Enter")
    tab.locator(".kb-quiz__score").wait_for()
    assert_in_view(tab, ".kb-quiz__score")
    assert not tab.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_progress_bar_is_accessible(page, site_url, lang):
    page.goto(quiz_url(site_url, lang, "?seed=meter&n=10&topic=all"))
    for i in (1, 2, 3):
        bar = page.get_by_role("progressbar")
        assert bar.count() == 1
        assert bar.get_attribute("aria-valuetext") == WORDS[lang]["of"].format(i=i, n=10)
        assert (bar.get_attribute("aria-valuemin"), bar.get_attribute("aria-valuenow"),
                bar.get_attribute("aria-valuemax")) == ("0", str(i), "10")
        assert bar.get_attribute("aria-label") == {"nl": "Voortgang", "en": "Progress"}[lang]
        width = page.evaluate("""() => { const b = document.querySelector('[role=progressbar]');
            return b.firstElementChild.getBoundingClientRect().width / b.getBoundingClientRect().width; }""")
        assert abs(width - i / 10) < 0.02, f"the bar is {width:.0%} full at question {i} of 10"
        page.locator("input[name=kb-quiz-answer]").first.check()
        page.get_by_role("button", name=WORDS[lang]["check"]).click()
        page.get_by_role("button", name=WORDS[lang]["next"]).click()


# Words of the other language that must not show in a view (whole words, case-sensitive).
FOREIGN = {
    "nl": ["Seed", "Question", "Score so far", "Check", "Next", "Previous", "Answer", "Reveal", "Hide", "Show",
           "Full screen", "Join", "right answer", "your answer", "Correct", "Incorrect", "Read more", "Share",
           "Copy", "Print", "Name", "Explanation", "questions", "Progress", "Set code", "Keys"],
    "en": ["Setcode", "Vraag", "vragen", "Controleer", "Volgende", "Vorige", "Antwoord", "Toon", "Verberg",
           "Volledig", "Doe mee", "juist antwoord", "jouw antwoord", "Goed", "Fout", "Lees meer", "Deel",
           "Kopieer", "Afdrukken", "Naam", "Uitleg", "Voortgang", "Toetsen"],
}


def foreign_words(text: str, lang: str) -> list[str]:
    return [w for w in FOREIGN[lang] if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_label_of_every_quiz_view_is_in_the_page_language(page, site_url, lang):
    seen = {}
    page.goto(quiz_url(site_url, lang))
    seen["setup"] = page.inner_text(".kb-quiz")
    page.goto(quiz_url(site_url, lang, "?seed=words&n=5&topic=all"))
    seen["question"] = page.inner_text(".kb-quiz") + " " + page.get_by_role("progressbar").get_attribute("aria-label")
    for _ in range(5):
        page.locator("input[name=kb-quiz-answer]").first.check()
        page.get_by_role("button", name=WORDS[lang]["check"]).click()
        seen.setdefault("answered", page.inner_text(".kb-quiz"))
        page.locator("button[data-focus]").click()
    seen["results"] = page.inner_text(".kb-quiz")
    for mode in ("present", "key", "sheet"):
        page.goto(quiz_url(site_url, lang, f"?seed=words&n=5&topic=all&mode={mode}"))
        page.locator(".kb-present, .kb-key").first.wait_for()
        if mode == "present":
            page.keyboard.press("r")
        seen[mode] = page.inner_text(".kb-quiz")
    # the quiz's own texts: the question bank's own terms (e.g. English terms in a Dutch language drill) aside
    found = {view: foreign_words(re.sub(r"[‘“].*?[’”]", "", text), lang) for view, text in seen.items()}
    assert not any(found.values()), f"words of the other language in the {lang} quiz: {found}"
