"""Safety: text from a stranger's pull request never runs as code in a reader's browser.

Two fixture entries in tests/data/unsafe/ carry script-injection payloads (`<script>`, `<img onerror>`,
`javascript:` links, `</script>`, attribute lists such as `{ onclick=... }`):
- rejected-payloads.yaml: each payload is refused by the validator, naming the file and the line;
- inert-payloads.yaml: payloads written to slip past the validator; the site built with it shows them as
  plain text on the term page, the A-Z index, the search results and in the quiz, and nothing runs.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, add_confusables, build_site, copy_project, serve_directory

UNSAFE = DATA / "unsafe"
REJECTED = UNSAFE / "rejected-payloads.yaml"
INERT = UNSAFE / "inert-payloads.yaml"
# marker on the payload's line -> words the validator's message must contain
REJECTIONS = {
    "{x onclick=alert('locator')}": "attribute list",
    "alert('nl-synonym')": "raw HTML",
    "onerror=\"alert('nl-definition')\"": "raw HTML",
    "javascript:alert('nl-example')": "'javascript:' link",
    'abbreviation: "</script>"': "raw HTML",
    "alert('en-synonym')": "raw HTML",
    "onclick=\"alert('en-definition')\"": "attribute list",
    "onclick=\"alert('en-example')\"": "attribute list",
}
INERT_TEXT = {"nl": "alert(document.cookie)", "en": "alert(document.cookie)"}   # must be shown, as text
# What any successful injection leaves in the DOM; none of it may exist.
INJECTED_DOM = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}="${el.getAttribute(attr)}"`);
    }
    const url = el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || '';
    if (/^\\s*(javascript|vbscript|data):/i.test(url) && el.tagName !== 'IMG') found.push(`${el.tagName} ${url}`);
  }
  for (const s of document.querySelectorAll('script')) {
    if (/alert\\(|document\\.cookie/.test(s.textContent) && s.type !== 'application/json') {
      found.push('SCRIPT ' + s.textContent.slice(0, 80));
    }
  }
  for (const img of document.querySelectorAll('img[src="x"]')) found.push('IMG src=x');
  return found;
}"""


def key_line(fixture: Path, marker: str) -> int:
    """Line of the YAML key whose value holds `marker` (a folded block's key line, as the validator reports)."""
    lines = fixture.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if marker in line)
    while lines[number].startswith("    "):
        number -= 1                                  # continuation of a '>-' block: up to its key
    return number + 1


@pytest.fixture(scope="module")
def rejected_copy(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("rejected"))
    shutil.copy(REJECTED, project / "glossary" / "terms" / REJECTED.name)
    return project


def test_validator_rejects_every_payload_with_file_and_line(rejected_copy):
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(rejected_copy)],
                            cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    messages = result.stderr
    for marker, words in REJECTIONS.items():
        line = key_line(REJECTED, marker)
        here = [m for m in messages.splitlines() if m.startswith(f"glossary/terms/{REJECTED.name}:{line}:")]
        assert any(words in m for m in here), (f"payload {marker!r} (line {line}) not rejected as {words!r}; "
                                               f"messages for that line: {here}\n{messages}")
    assert messages.count("How to fix:") >= len(REJECTIONS)


def test_build_with_rejected_payloads_writes_nothing(rejected_copy, tmp_path):
    result = build_site(rejected_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "rejected-payloads.yaml" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists(), "a half-built site was written"


def test_quiz_data_cannot_break_out_of_its_script_element():
    """Defence in depth: even text that got past the validator cannot close the JSON <script> element."""
    from kb.quiz.page import safe_json
    embedded = safe_json({"q": "</script><script>alert(1)</script><!-- & \u2028"})
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    import json
    assert json.loads(embedded)["q"].startswith("</script>")


# ---------------------------------------------------------------- the inert payloads, in the browser

@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    """The site built with the inert fixture entry, served on 127.0.0.1; yields (base URL, project copy)."""
    project = copy_project(tmp_path_factory.mktemp("inert"))
    shutil.copy(INERT, project / "glossary" / "terms" / INERT.name)
    add_confusables(project, INERT.stem, "trust", "authenticity", "expertise")
    result = build_site(project, project / "site")
    assert result.returncode == 0, f"the inert fixture must build:\n{result.stdout}\n{result.stderr}"
    with serve_directory(project / "site") as url:
        yield url, project


def assert_inert(tab) -> None:
    injected = tab.evaluate(INJECTED_DOM)
    assert not injected, f"{tab.url}: injected markup in the DOM: {injected}"
    assert not tab.dialogs, f"{tab.url}: a payload ran: {tab.dialogs}"
    assert not tab.console_errors, f"{tab.url}: script errors: {tab.console_errors}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", ["glossary/inert-payloads/", "glossary/"])
def test_payloads_stay_text_on_term_page_and_index(page, inert_site, lang, path):
    base, _ = inert_site
    page.goto(base + ("en/" if lang == "en" else "") + path)
    page.wait_for_timeout(300)
    assert INERT_TEXT[lang] in page.inner_text("main"), "the fixture text did not reach the page"
    for link in page.locator("main a[href*='glossary/']").all()[:5]:   # hover definitions open on focus
        link.focus()
        page.wait_for_timeout(50)
    assert_inert(page)


@pytest.mark.browser
def test_payloads_stay_text_in_search_results(page, inert_site):
    base, _ = inert_site
    page.goto(base)
    page.locator(".md-search__input").focus()
    page.keyboard.type("onschadelijke")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert_inert(page)


def _seed_starting_with(questions, wanted: set[str], topic: str) -> str:
    """A share-link seed whose first question is one of `wanted` (kb.quiz_bank.select mirrors quiz.js)."""
    from kb.quiz.bank import select
    for n in range(5000):
        if select(questions, f"safe{n}", 3, topic)[0].id in wanted:
            return f"safe{n}"
    pytest.fail(f"no seed starts with one of {wanted}")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_payloads_stay_text_in_the_quiz(page, inert_site, lang):
    """The fixture's definition becomes quiz options and prompts: shown as text in the answer key and in the
    student view, before and after checking the answer."""
    from kb.site import load as knowledge_base
    from kb.quiz import bank as quiz_bank
    base, project = inert_site
    questions = quiz_bank.build(knowledge_base.load(project)).questions[lang]
    wanted = {q.id for q in questions if q.id.endswith(":inert-payloads") and q.topic == "terms"}
    assert wanted, "the fixture entry produced no quiz question"
    seed = _seed_starting_with(questions, wanted, "terms")
    quiz = base + ("en/" if lang == "en" else "") + "quiz/"
    page.goto(f"{quiz}?mode=key&seed={seed}&n=3&topic=terms")        # the answer key: every text at once
    page.locator("main").get_by_text(INERT_TEXT[lang]).first.wait_for()
    assert_inert(page)
    page.goto(f"{quiz}?seed={seed}&n=3&topic=terms")                  # the student view
    assert INERT_TEXT[lang] in page.inner_text("main"), "the fixture's question is not the first one"
    for _ in range(3):
        page.locator("main fieldset input[type=radio]").first.check()
        page.get_by_role("button", name=re.compile(r"^(Check|Controleer)")).click()
        page.locator(".kb-quiz__feedback").wait_for()
        assert_inert(page)
        page.locator(".kb-quiz__app button[data-focus]").click()
    assert_inert(page)
