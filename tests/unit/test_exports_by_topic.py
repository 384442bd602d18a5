"""Exports by topic as plain Python: Kahoot sheets split at KAHOOT_SHEET_MAX, GIFT categories per topic, Anki
definitions as HTML with absolute links, and the same bytes (so the same sizes) on every build."""
from __future__ import annotations

import io

import pytest

from kb.exports import anki as export_anki
from kb.exports import build as exports
from kb.exports import gift as export_gift
from kb.exports import kahoot as export_kahoot
from kb.exports.build import CHOICE, ExportQuestion

SITE = "https://example.org/kb/"


def q(i: int, topic: str) -> ExportQuestion:
    return ExportQuestion(id=f"{topic}:{i}", kind=CHOICE, prompt=f"Question {i}?", options=("a", "b", "c"),
                          correct=0, topic=topic)


def test_a_topic_longer_than_a_sheet_is_split_into_numbered_parts():
    bank = [q(i, "terms") for i in range(exports.KAHOOT_SHEET_MAX * 2 + 3)] + [q(1, "tiers")]
    sheets = exports.kahoot_sheets(bank)
    assert [(t, p, len(c)) for t, p, c in sheets] == [
        ("terms", 1, exports.KAHOOT_SHEET_MAX), ("terms", 2, exports.KAHOOT_SHEET_MAX),
        ("terms", 3, 3), ("tiers", None, 1)]
    assert exports.file_name("kahoot", "nl", "terms", 2) == "influencer-kennisbank-kahoot-nl-terms-2.xlsx"
    assert exports.file_name("gift", "en", "tiers") == "influencer-kennisbank-quiz-en-tiers.gift.txt"


@pytest.mark.parametrize("lang, parent, child", [("nl", "Influencer-kennisbank (Nederlands)", "Influencerniveaus"),
                                                 ("en", "Influencer Knowledge Base (English)", "Influencer tiers")])
def test_gift_writes_one_category_per_topic_in_the_quiz_order(lang, parent, child):
    text = export_gift.render([q(1, "tiers"), q(2, "terms"), q(3, "tiers")], lang, SITE)
    categories = [line for line in text.splitlines() if line.startswith("$CATEGORY:")]
    assert len(categories) == 2 and categories[0].endswith("/" + export_gift.QUIZ_LABELS["topic_terms"][lang])
    assert categories[1].startswith(f"$CATEGORY: $course$/top/{parent}/{child}")
    assert text.index("::terms\\:2::") < text.index("$CATEGORY: $course$/top/" + parent + "/" + child)


def test_a_slash_in_a_category_name_stays_inside_the_name():
    assert export_gift.category("en", "x/y") == "$course$/top/Influencer Knowledge Base (English)/x//y"


@pytest.mark.parametrize("text, expected", [
    ("See [trust](trust.md).", 'See <a href="https://example.org/kb/en/glossary/trust/">trust</a>.'),
    ("The [tiers](../tiers.md#chart) and **bold**",
     'The <a href="https://example.org/kb/en/tiers/#chart">tiers</a> and <strong>bold</strong>'),
    ("An [outside](https://example.com/x) link", 'An <a href="https://example.com/x">outside</a> link'),
    ("a < b & c", "a &lt; b &amp; c"),
])
def test_anki_definitions_are_html_with_absolute_links(text, expected):
    assert export_anki.card_html(text, "en", SITE) == expected


def test_dutch_cards_link_to_the_dutch_site():
    assert 'href="https://example.org/kb/glossary/trust/"' in export_anki.card_html("[x](trust.md)", "nl", SITE)


def test_a_kahoot_sheet_is_the_same_file_on_every_build():
    files = []
    for _ in range(2):
        out = io.BytesIO()
        export_kahoot.write([q(1, "terms")], "nl", out, topic="terms")
        files.append(out.getvalue())
    assert files[0] == files[1]
