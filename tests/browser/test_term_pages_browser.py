"""Term pages you can find your way from (issue 16, point 2), in a real Chromium, both languages:
the glossary tab is active, a breadcrumb leads back to the A-Z list and the entry's category, previous / next
follow the A-Z order of the page's language, and every link to a term page shows the term's short definition
on hover and on keyboard focus in a tooltip that meets WCAG 1.4.13 (Esc closes it, the pointer can move onto
it, it stays until dismissed) at a readable size. No definitions inside the quiz.
"""
from __future__ import annotations

import re

import pytest

from quality_site import QUIZ_SET, open_page, url

pytestmark = pytest.mark.browser
TAB = {"nl": "Begrippen", "en": "Glossary"}
AZ = {"nl": "Begrippen A–Z", "en": "Glossary A–Z"}
CATEGORY = {"nl": "Concept", "en": "Concept"}               # parasocial-interaction's category
TIP = "#kb-tip[role=tooltip]"


def _az_order(page, site_url, lang) -> list[str]:
    """Term ids in the order of the A-Z page of `lang` (its term links, not the alias lines)."""
    open_page(page, site_url, lang, "glossary")
    hrefs = page.eval_on_selector_all("main a.kb-term", "els => els.map(e => e.getAttribute('href'))")
    return [re.sub(r"/$", "", h) for h in hrefs]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_glossary_tab_is_active_on_a_term_page(page, site_url, lang):
    open_page(page, site_url, lang, "term")
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1, "exactly one tab is active"
    assert active.inner_text().strip() == TAB[lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_breadcrumb_leads_to_the_az_list_and_the_category(page, site_url, lang):
    open_page(page, site_url, lang, "term")
    crumbs = page.locator("nav.kb-crumbs")
    assert crumbs.is_visible() and crumbs.get_attribute("aria-label")
    assert crumbs.locator("[aria-current=page]").inner_text().strip().casefold().startswith("parasoc")
    category = crumbs.locator("a", has_text=CATEGORY[lang])
    category.click()
    page.wait_for_url(re.compile(r"/glossary/#category-concept$"))
    heading = page.locator("#category-concept")
    assert heading.is_visible() and heading.inner_text().strip().startswith(CATEGORY[lang])
    assert page.locator("#category-concept + p a[href='parasocial-interaction/']").count() == 1
    page.go_back()
    page.locator("nav.kb-crumbs a", has_text=AZ[lang]).click()
    page.wait_for_url(re.compile(r"/glossary/$"))
    assert page.locator("h1").inner_text().strip().rstrip("¶") == AZ[lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_previous_and_next_follow_the_az_order_of_the_language(page, site_url, lang):
    order = _az_order(page, site_url, lang)
    assert len(order) > 50
    for i in (0, len(order) // 2, len(order) - 1):
        page.goto(url(site_url, lang, f"glossary/{order[i]}/"))
        pager = page.locator("nav.kb-pager")
        prev, nxt = pager.locator("a.kb-pager__prev"), pager.locator("a.kb-pager__next")
        assert prev.count() == (1 if i > 0 else 0), f"{order[i]}: previous link"
        assert nxt.count() == (1 if i < len(order) - 1 else 0), f"{order[i]}: next link"
        if i > 0:
            assert prev.get_attribute("href") == f"../{order[i - 1]}/"
        if i < len(order) - 1:
            assert nxt.get_attribute("href") == f"../{order[i + 1]}/"
    middle = len(order) // 2
    page.goto(url(site_url, lang, f"glossary/{order[middle]}/"))
    page.locator("a.kb-pager__next").click()
    page.wait_for_url(re.compile(rf"/glossary/{order[middle + 1]}/$"))


def _definition(page, lang: str, entry_id: str) -> dict:
    return page.evaluate("([l, i]) => window.kbDefinitions[l][i]", [lang, entry_id])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_linked_term_shows_its_definition_on_hover_and_it_meets_wcag_1_4_13(page, site_url, lang):
    open_page(page, site_url, lang, "term")
    link = page.locator("#related ~ ul a[href='../parasocial-relationship/']").first   # a hand-written link
    link.hover()
    tip = page.locator(TIP)
    tip.wait_for(state="visible", timeout=3000)
    expected = _definition(page, lang, "parasocial-relationship")
    assert expected["d"][:40] in tip.inner_text() and expected["t"] in tip.inner_text()
    assert link.get_attribute("aria-describedby") == "kb-tip"
    size = float(page.eval_on_selector(TIP, "e => parseFloat(getComputedStyle(e).fontSize)"))
    assert size >= 14, f"tooltip text is {size}px"
    # hoverable: the pointer moves from the link onto the tooltip, and it stays
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(700)
    assert tip.is_visible(), "the tooltip closed while the pointer was on it"
    # persistent, then dismissible with Esc without moving the pointer
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    # the link can still be followed: it is a link
    link.click()
    page.wait_for_url(re.compile(r"/glossary/parasocial-relationship/$"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_mention_is_a_link_with_a_definition_on_keyboard_focus(page, site_url, lang):
    open_page(page, site_url, lang, "home")
    mention = page.locator("main a.kb-mention").first
    assert mention.count() == 1, "the home page's first mentions of terms are links"
    href = mention.get_attribute("href")
    assert re.fullmatch(r"glossary/[a-z0-9-]+/", href), href
    mention.focus()
    tip = page.locator(TIP)
    tip.wait_for(state="visible", timeout=3000)
    page.keyboard.press("Escape")
    assert tip.is_hidden(), "Esc closes the tooltip"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_hover_definitions_inside_the_quiz(page, site_url, lang):
    page.goto(url(site_url, lang, QUIZ_SET))
    quiz = page.locator(".kb-quiz")
    quiz.locator("input[type=radio]").first.wait_for()
    for target in quiz.locator("legend, label, p").all()[:8]:
        target.hover()
    quiz.locator("input[type=radio]").first.check()
    quiz.get_by_role("button", name=re.compile(r"^(Controleer|Check)")).click()
    links = quiz.locator("a[href*='glossary/']")
    if links.count():
        links.first.hover()
        links.first.focus()
    page.wait_for_timeout(300)
    assert page.locator(TIP).count() == 0 or page.locator(TIP).is_hidden(), "a definition showed in the quiz"
