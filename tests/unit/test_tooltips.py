"""Hover definitions: the first mention of each term, not inside links, headings, code or compounds."""
from __future__ import annotations

import pytest

from kb.glossary.load import Entry, KnowledgeBase, LangText
from kb.glossary.tooltips import Tooltips


def entry(id_, term, definition, abbreviation=None, synonyms=()):
    text = LangText(term, definition, abbreviation, list(synonyms))
    return Entry(id_, "concept", [], [], {"nl": text, "en": text})


KB = KnowledgeBase(None, {e.id: e for e in [
    entry("psi", "parasocial interaction", "Feeling of a conversation with a media figure. More.", "PSI"),
    entry("influencer", "influencer", "Someone who shapes choices <online> & more."),
    entry("niche", "niche", "A narrow topic."),
]}, {})
TIPS = Tooltips(KB, "en")
PSI = '<abbr title="Feeling of a conversation with a media figure." tabindex="0">{}</abbr>'
NICHE = '<abbr title="A narrow topic." tabindex="0">{}</abbr>'


@pytest.mark.parametrize("html, expected", [
    ("<p>PSI and PSI</p>", f"<p>{PSI.format('PSI')} and PSI</p>"),
    ("<p>parasocial interaction, or PSI</p>", f"<p>{PSI.format('parasocial interaction')}, or PSI</p>"),
    ("<p>Parasocial interaction</p>", f"<p>{PSI.format('Parasocial interaction')}</p>"),
    ("<p>micro-influencer</p>", "<p>micro-influencer</p>"),
    ("<p>niche-market</p>", "<p>niche-market</p>"),
    ('<p><a href="x/">niche</a> niche</p>', f'<p><a href="x/">niche</a> {NICHE.format("niche")}</p>'),
    ('<h2 id="x">niche</h2><p>niches</p>', '<h2 id="x">niche</h2><p>niches</p>'),
    ("<p><code>niche</code></p>", "<p><code>niche</code></p>"),
    ("<p>a <em>niche</em></p>", f"<p>a <em>{NICHE.format('niche')}</em></p>"),
    ("<p>influencer</p>", '<p><abbr title="Someone who shapes choices &lt;online&gt; &amp; more." tabindex="0">'
                          "influencer</abbr></p>"),
])
def test_first_mention_gets_the_definition(html, expected):
    assert TIPS.annotate(html) == expected


def test_a_term_page_does_not_annotate_its_own_term():
    assert TIPS.annotate("<p>niche and PSI</p>", own_id="niche") == f"<p>niche and {PSI.format('PSI')}</p>"
