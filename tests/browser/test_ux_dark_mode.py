"""Dark mode (issue 16, item 5): the palette follows the reader's system setting, with a toggle in the header
named in the page's language, and axe-core finds no WCAG A/AA violation in either scheme (contrast included);
on a 390 px phone the wide tables and the tier chart never scroll sideways without a visible sign."""
from __future__ import annotations

import pytest

from quality_site import QUIZ_SET, answer_first_question, axe_violations, describe, open_page

pytestmark = pytest.mark.browser
LANGS = ["nl", "en"]
SCHEMES = {"light": "default", "dark": "slate"}
PAGES = ["home", "term", "tiers", "quiz", QUIZ_SET, "glossary", "trainers"]
TOGGLE = {"nl": {"light": "Donkere weergave", "dark": "Lichte weergave"},
          "en": {"light": "Dark mode", "dark": "Light mode"}}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_wcag_violations_in_either_scheme(page, site_url, lang, scheme, name):
    page.emulate_media(color_scheme=scheme)
    open_page(page, site_url, lang, name)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], "the system setting is not followed"
    violations = axe_violations(page)
    if name == QUIZ_SET:                                   # and after answering: the right/wrong colours
        answer_first_question(page)
        page.locator(".kb-quiz__feedback").wait_for()
        violations += axe_violations(page)
    assert not violations, f"{page.url} ({scheme}): axe-core found:\n{describe(violations)}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_presenter_view_and_tier_lookup_pass_axe_in_either_scheme(page, site_url, lang, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, site_url, lang, f"{QUIZ_SET}&mode=present")
    page.keyboard.press("r")
    page.locator(".kb-present__answer").wait_for()
    violations = axe_violations(page)
    open_page(page, site_url, lang, "tiers")
    page.fill("#kb-tier-count", "8000")
    page.press("#kb-tier-count", "Enter")
    page.locator(".kb-tier-lookup__summary").wait_for()
    violations += axe_violations(page)
    page.fill("#kb-tier-count", "abc")
    page.press("#kb-tier-count", "Enter")
    page.locator(".kb-tier-lookup__error").wait_for()
    violations += axe_violations(page)
    assert not violations, f"{lang} ({scheme}): axe-core found:\n{describe(violations)}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_toggle_switches_scheme_and_is_named_in_the_page_language(page, site_url, lang):
    page.emulate_media(color_scheme="light")
    open_page(page, site_url, lang, "home")
    names = [page.get_attribute(f"#__palette_{i}", "aria-label") for i in (0, 1)]
    assert names == [TOGGLE[lang]["light"], TOGGLE[lang]["dark"]], "the toggle is named in the page's language"
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator("button[data-kb-for=__palette_1]").click()          # the visible toggle in the light scheme
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("(bg) => getComputedStyle(document.body).backgroundColor !== bg", arg=light_bg)
    page.locator("button[data-kb-for=__palette_0]").wait_for(state="visible", timeout=3000)
    page.reload()                                            # the choice is kept over the system setting
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"


SIDEWAYS = """() => {
  const out = [];
  for (const box of document.querySelectorAll('.md-content *')) {
    const style = getComputedStyle(box);
    if (!['auto', 'scroll'].includes(style.overflowX) || box.scrollWidth <= box.clientWidth + 1) continue;
    if (!box.checkVisibility()) continue;
    const hint = box.previousElementSibling;
    const seen = hint && hint.matches('.kb-scroll-hint') && hint.checkVisibility() ? hint.textContent : '';
    out.push({what: box.tagName.toLowerCase() + '.' + String(box.className).split(' ')[0],
              hinted: box.getAttribute('data-kb-scroll') === 'more', hint: seen,
              focusable: box.tabIndex >= 0, named: !!(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby') || box.closest('figure, [role=region]'))});
  }
  return out;
}"""
HINT = {"nl": "opzij", "en": "sideways"}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["tiers", "glossary", "trainers", "term"])
def test_wide_content_on_a_phone_scrolls_only_with_a_visible_hint(phone_page, site_url, lang, scheme, name):
    phone_page.set_viewport_size({"width": 390, "height": 844})
    phone_page.emulate_media(color_scheme=scheme)
    open_page(phone_page, site_url, lang, name)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page itself scrolls sideways ({width} px)"
    boxes = phone_page.evaluate(SIDEWAYS)
    silent = [b for b in boxes if not (b["hinted"] and HINT[lang] in b["hint"])]
    assert not silent, f"{phone_page.url}: content scrolls sideways without a visible hint: {silent}"
    assert all(b["focusable"] for b in boxes), f"a scroll box cannot be reached with the keyboard: {boxes}"
    if name == "tiers":
        assert boxes, "on a phone the tier chart is expected to need a scroll box (the test would see nothing)"


@pytest.mark.parametrize("lang", LANGS)
def test_the_toggle_works_with_the_keyboard_and_is_a_named_button(page, site_url, lang):
    """Tab reaches the visible toggle (not an invisible radio input), Enter and Space press it."""
    page.emulate_media(color_scheme="light")
    open_page(page, site_url, lang, "home")
    assert page.locator("input[name=__palette][tabindex='-1']").count() == 2
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName === 'BUTTON' && !document.activeElement.hasAttribute('role')"
                         " && !!document.activeElement.closest('[data-md-component=palette]')"):
            break
    else:
        pytest.fail("Tab never reached the light/dark toggle")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == TOGGLE[lang]["light"]
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("(name) => document.activeElement.getAttribute('aria-label') === name", arg=TOGGLE[lang]["dark"])
    page.keyboard.press(" ")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
