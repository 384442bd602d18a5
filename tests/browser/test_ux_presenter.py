"""The presenter view on a 1280 x 800 projector (issue 16, item 6): no stray "null", the answer shown once,
the controls in view, a hide-QR toggle, a full-screen button, and a QR code a phone can open (never a file path)."""
from __future__ import annotations

import re
import shutil

import pytest

pytestmark = pytest.mark.browser
LANGS = ["nl", "en"]
PROJECTOR = {"width": 1280, "height": 800}
WORDS = {
    "nl": {"hide": "Verberg de QR-code (Q)", "show": "Toon de QR-code (Q)", "full": "Volledig scherm (F)",
           "exit": "Volledig scherm sluiten (F)", "answer": "✓ Antwoord ", "offline": "Geen QR-code"},
    "en": {"hide": "Hide the QR code (Q)", "show": "Show the QR code (Q)", "full": "Full screen (F)",
           "exit": "Exit full screen (F)", "answer": "✓ Answer ", "offline": "No QR code"},
}
PUBLISHED = "https://influencer-kennisbank.github.io/"


def present(site_url: str, lang: str, seed: str = "projector", n: int = 5) -> str:
    return f"{site_url}{'en/' if lang == 'en' else ''}quiz/?seed={seed}&n={n}&topic=all&mode=present"


def in_view(tab, selector: str) -> bool:
    return tab.evaluate("""(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth; }""",
                        selector)


def open_presenter(tab, address: str) -> None:
    tab.set_viewport_size(PROJECTOR)
    tab.goto(address)
    tab.locator(".kb-present [data-q]").wait_for()


@pytest.mark.parametrize("lang", LANGS)
def test_no_null_and_the_answer_once_with_the_controls_in_view(page, site_url, lang):
    open_presenter(page, present(site_url, lang, n=10))
    for number in range(10):
        text = page.inner_text(".kb-present")
        assert not re.search(r"\bnull\b|\bundefined\b", text), f"question {number + 1} shows: {text!r}"
        assert page.locator(".kb-present__answer").count() == 0
        assert in_view(page, ".kb-present__controls"), f"question {number + 1}: the controls are below the fold"
        page.keyboard.press("r")
        page.locator(".kb-present__answer").wait_for()
        text = page.inner_text(".kb-present")
        assert not re.search(r"\bnull\b|\bundefined\b", text), f"question {number + 1}, revealed: {text!r}"
        right = page.locator(".kb-present__options > li.is-right")
        assert right.count() == 1, "exactly one option is marked as the answer"
        answer = right.locator("span:not(.kb-present__letter)").inner_text()
        letter = right.locator(".kb-present__letter").inner_text()
        heading = page.locator(".kb-present__answer strong").first.inner_text()
        assert heading == WORDS[lang]["answer"] + letter, "the box names the answer's letter"
        assert answer not in heading, "the answer's words are not repeated in the box's heading"
        shown = page.evaluate("""() => { const stage = document.querySelector('.kb-present__stage').cloneNode(true);
            stage.querySelectorAll('.kb-present__answer p:not(:first-child), .kb-quiz__mark, .kb-present__meta, [data-q]')
                 .forEach((p) => p.remove());
            return Array.from(stage.querySelectorAll('*')).filter((e) => !e.children.length)
                        .map((e) => e.textContent).join(' | '); }""")   # options and answer box, not the question
        times = len(re.findall(rf"(?<![\w-]){re.escape(answer)}(?![\w-])", shown, re.IGNORECASE))
        assert times == 1, f"the answer {answer!r} is shown {times} times: {shown!r}"
        assert in_view(page, ".kb-present__controls"), f"question {number + 1}: revealing pushed the controls away"
        assert page.locator(".kb-present__controls button[disabled]").count() == 1, "reveal is used up"
        page.keyboard.press("n")
    assert not page.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_the_qr_code_can_be_hidden_and_shown_again(page, site_url, lang):
    open_presenter(page, present(site_url, lang))
    page.locator(".kb-present__qr svg").wait_for()
    button = page.get_by_role("button", name=WORDS[lang]["hide"])
    assert button.get_attribute("aria-expanded") == "true"
    stage_before = page.locator(".kb-present__stage").bounding_box()["width"]
    button.click()
    assert page.locator(".kb-present__join").is_hidden()
    shown = page.get_by_role("button", name=WORDS[lang]["show"])
    assert shown.get_attribute("aria-expanded") == "false"
    assert page.locator(".kb-present__stage").bounding_box()["width"] > stage_before + 100, "the question uses the room"
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("q")                                  # and the key brings it back
    assert page.locator(".kb-present__join").is_visible()
    assert page.get_by_role("button", name=WORDS[lang]["hide"]).count() == 1


@pytest.mark.parametrize("lang", LANGS)
def test_full_screen_button_is_labelled_in_the_page_language(page, site_url, lang):
    open_presenter(page, present(site_url, lang))
    button = page.get_by_role("button", name=WORDS[lang]["full"])
    assert button.count() == 1
    button.click()
    page.wait_for_function("() => document.fullscreenElement !== null", timeout=3000)
    page.get_by_role("button", name=WORDS[lang]["exit"]).wait_for()
    page.get_by_role("button", name=WORDS[lang]["exit"]).click()
    page.wait_for_function("() => document.fullscreenElement === null", timeout=3000)
    page.get_by_role("button", name=WORDS[lang]["full"]).wait_for(timeout=3000)


# ------------------------------------------------------------------ opened from disk (the offline copy)

@pytest.fixture(scope="module")
def disk_site(built_site, tmp_path_factory):
    """A copy of the built site opened from file://, with two variants of the quiz page: one whose canonical
    link has the offline copy's form (quiz.html) and one without a canonical link."""
    root = tmp_path_factory.mktemp("disk") / "site"
    shutil.copytree(built_site, root)
    for lang, folder in (("nl", root), ("en", root / "en")):
        html = (folder / "quiz" / "index.html").read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        assert canonical, "the quiz page has no canonical link to read the published address from"
        (folder / "quiz" / "as-offline.html").write_text(
            html.replace(canonical.group(0), canonical.group(0).replace("quiz/", "quiz.html")), encoding="utf-8")
        (folder / "quiz" / "no-canonical.html").write_text(html.replace(canonical.group(0), ""), encoding="utf-8")
    return root


def qr_text(tab) -> str:
    tab.locator(".kb-present__qr svg[role=img]").wait_for()
    return tab.get_attribute(".kb-present__qr svg", "aria-label")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("variant", ["index.html", "as-offline.html"])
def test_from_disk_the_qr_code_carries_the_published_address(page, disk_site, lang, variant):
    folder = disk_site / ("en" if lang == "en" else "") / "quiz"
    open_presenter(page, (folder / variant).as_uri() + "?seed=klas3b&n=5&topic=all&mode=present")
    expected = f"{PUBLISHED}{'en/' if lang == 'en' else ''}quiz/?seed=klas3b&n=5&topic=all"
    label = qr_text(page)
    assert "file:" not in label and label.endswith(expected), label
    assert page.inner_text(".kb-present__url") == expected
    assert "file:" not in page.inner_text(".kb-present")


@pytest.mark.parametrize("lang", LANGS)
def test_from_disk_without_a_published_address_the_page_says_why_there_is_no_code(page, disk_site, lang):
    folder = disk_site / ("en" if lang == "en" else "") / "quiz"
    open_presenter(page, (folder / "no-canonical.html").as_uri() + "?seed=klas3b&n=5&topic=all&mode=present")
    note = page.locator(".kb-present__noqr")
    assert note.inner_text().startswith(WORDS[lang]["offline"])
    assert page.locator(".kb-present__qr").count() == 0 and page.locator(".kb-present__url").count() == 0
    assert "file:" not in page.inner_text(".kb-present")
    page.keyboard.press("r")
    assert "null" not in page.inner_text(".kb-present")
