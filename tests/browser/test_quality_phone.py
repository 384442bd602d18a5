"""Phones: at 360 px wide the main pages and the quiz neither scroll sideways nor have tap targets under 24 px.

Tap targets follow WCAG 2.2 success criterion 2.5.8 (Target Size, Minimum), checked in the browser on every
visible link, button and field in the content area (`.md-content`):
- a target is fine when its box is at least 24 x 24 CSS px;
- or when it is *inline*: a link or hover definition inside a sentence, whose height is set by the line
  of text (the criterion's inline exception);
- or when it is *spaced*: a 24 px circle centred on it touches no other target (the spacing exception).
A radio button or checkbox inside a <label> is measured as the label, the area a finger actually hits.
"""
from __future__ import annotations

import pytest

from quality_site import LANGS, PAGE_IDS, PAGE_PARAMS, QUIZ_SET, answer_first_question, open_page

pytestmark = pytest.mark.browser
WIDTH = 360

TARGETS = """(minimum) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role=button]';
  const seen = new Set(), items = [];
  for (let el of document.querySelectorAll('.md-content ' + selector.split(', ').join(', .md-content '))) {
    if (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) el = el.closest('label');
    if (seen.has(el) || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    seen.add(el);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    const block = el.parentElement.closest('p, li, td, dd, dt, figcaption, blockquote, h1, h2, h3, h4, h5, h6, div');
    const inline = style.display === 'inline' && ['A', 'ABBR'].includes(el.tagName) && block !== null
      && block.textContent.trim().length > el.textContent.trim().length + 1;
    items.push({el, r, inline, small: r.width < minimum || r.height < minimum,
                name: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${el.textContent.trim().slice(0, 40)}"`,
                size: `${r.width.toFixed(1)}x${r.height.toFixed(1)}`});
  }
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const failures = [], counts = {targets: items.length, big: 0, inline: 0, spaced: 0};
  for (const a of items) {
    if (!a.small) { counts.big++; continue; }
    if (a.inline) { counts.inline++; continue; }
    const c = centre(a.r);
    const clash = items.find((b) => b !== a && !a.el.contains(b.el) && !b.el.contains(a.el) && (b.small
      ? Math.hypot(c[0] - centre(b.r)[0], c[1] - centre(b.r)[1]) < minimum
      : distanceToRect(c, b.r) < minimum / 2));
    if (clash) failures.push(`${a.name} ${a.size} px, too close to ${clash.name}`);
    else counts.spaced++;
  }
  return {failures, counts};
}"""


def phone_problems(tab) -> list[str]:
    """Sideways scrolling and tap-target failures of the page as it is now."""
    problems = []
    width = tab.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    if width > WIDTH:
        wide = tab.evaluate("""(w) => Array.from(document.querySelectorAll('.md-content *'))
            .filter((el) => el.getBoundingClientRect().right > w + 1 && el.checkVisibility())
            .slice(0, 5).map((el) => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]
                                    + ' right=' + Math.round(el.getBoundingClientRect().right))""", WIDTH)
        problems.append(f"page is {width} px wide at a {WIDTH} px viewport (scrolls sideways); widest: {wide}")
    result = tab.evaluate(TARGETS, 24)
    problems += [f"tap target under 24 px: {f}" for f in result["failures"]]
    tab.target_counts = result["counts"]
    return problems


@pytest.mark.parametrize(("lang", "name"), PAGE_PARAMS, ids=PAGE_IDS)
def test_page_fits_a_phone(phone_page, site_url, lang, name):
    open_page(phone_page, site_url, lang, name)
    problems = phone_problems(phone_page)
    assert not problems, f"{phone_page.url} at {WIDTH} px:\n" + "\n".join(problems)
    assert phone_page.target_counts["targets"] > 0, "no tap targets found: is the selector still right?"


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_question_fits_a_phone_before_and_after_answering(phone_page, site_url, lang):
    open_page(phone_page, site_url, lang, QUIZ_SET)
    before = phone_problems(phone_page)
    answer_first_question(phone_page)
    phone_page.locator(".kb-quiz__feedback").wait_for()
    after = phone_problems(phone_page)
    assert not before and not after, f"{phone_page.url} at {WIDTH} px:\nbefore: {before}\nafter: {after}"


def test_phone_check_catches_a_wide_table_and_tiny_buttons(phone_page, site_url):
    """The check can fail: a 600 px wide element and two 16 px buttons side by side are reported."""
    open_page(phone_page, site_url, "nl", "home")
    phone_page.evaluate("""() => document.querySelector('.md-content article').insertAdjacentHTML('beforeend',
        '<div style="width:600px">wide</div><p><button style="width:16px;height:16px;padding:0">a</button>'
        + '<button style="width:16px;height:16px;padding:0;margin-left:2px">b</button></p>')""")
    problems = "\n".join(phone_problems(phone_page))
    assert "scrolls sideways" in problems and 'button "a" 16.0x16.0' in problems, problems
