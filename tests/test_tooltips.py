"""Hover definitions: once per term per page, not inside links, headings or hyphenated compounds."""
from __future__ import annotations

import pytest

from kb.tooltips import tidy

A = '<abbr title="def">{}</abbr>'


@pytest.mark.parametrize("html, expected", [
    (f"<p>{A.format('PSI')} and {A.format('PSI')}</p>", '<p><abbr title="def" tabindex="0">PSI</abbr> and PSI</p>'),
    (f"<p>micro-{A.format('influencer')}</p>", "<p>micro-influencer</p>"),
    (f"<p>{A.format('micro')}-influencer</p>", "<p>micro-influencer</p>"),
    (f'<p><a href="x/">{A.format("niche")}</a></p>', '<p><a href="x/">niche</a></p>'),
    (f'<h2 id="x">{A.format("niche")}</h2>', '<h2 id="x">niche</h2>'),
    (f"<p>{A.format('Niche')} {A.format('niche')}</p>", '<p><abbr title="def" tabindex="0">Niche</abbr> niche</p>'),
])
def test_tidy(html, expected):
    assert tidy(html) == expected
