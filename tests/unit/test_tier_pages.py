"""The tier blocks as generated Markdown/HTML: table, chart, lookup data, tier entry sections."""
from __future__ import annotations

import json
import re
from types import SimpleNamespace

import markdown
import pytest

from kb.cli import tiers as check_tiers
from kb import LANGS, ROOT
from kb.site import sanitise
from kb.tiers import chart as tier_chart
from kb.tiers import render as tier_pages
from kb.tiers.load import TIER_ORDER, TierRange, TierScheme


@pytest.fixture(scope="module")
def kb():
    kb, problems, _ = check_tiers.load_tier_data(ROOT)
    assert not problems
    return kb


def _html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["tables", "attr_list", "md_in_html", "toc"])


def test_labels_exist_in_both_languages():
    for key, texts in tier_pages.LABELS.items():
        assert set(texts) == set(LANGS) and all(texts[lang].strip() for lang in LANGS), key
    for tier in TIER_ORDER:
        assert "tier_" + tier in tier_pages.LABELS


@pytest.mark.parametrize("lang", LANGS)
def test_chart_is_an_accessible_static_svg(kb, lang):
    svg = tier_chart.chart_svg(kb, lang)
    assert 'role="img"' in svg and 'aria-labelledby="kb-tier-chart-title kb-tier-chart-desc"' in svg
    assert re.search(r'<title id="kb-tier-chart-title">[^<]{20,}</title>', svg)
    assert re.search(r'<desc id="kb-tier-chart-desc">[^<]{80,}</desc>', svg)
    assert "\n\n" not in svg                         # one raw HTML block for Markdown
    for tier in TIER_ORDER:                           # every tier has its own greyscale-safe hatching
        assert f'id="kb-tier-fill-{tier}"' in svg
    bars = re.findall(r'class="kb-tier-chart__bar"', svg)
    assert len(bars) == sum(1 for s in kb.tier_schemes for r in s.tiers if r.has_numbers) == 14
    labels = re.findall(r'class="kb-tier-chart__label"[^>]*>([^<]+)<', svg)
    assert "± micro" in labels and labels.count("nano") == 3    # text on every bar; hedged marked in words
    assert "marker-end" in svg                        # open ends drawn as arrows


def test_chart_axis_is_logarithmic():
    assert tier_chart.x_of(1000) - tier_chart.x_of(100) == pytest.approx(tier_chart.x_of(100_000) - tier_chart.x_of(10_000))


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_block(kb, lang):
    block = tier_pages.comparison(kb, lang)
    html = _html(block)
    assert "<svg" in html and "<table>" in html
    assert "“zo’n 5.000 tot 50.000”" in html and "“meer dan 50,000”" in html
    assert 'id="spread"' in html and 'id="disagreement"' in html and 'id="per-source"' in html
    factor = "40×"
    assert factor in html


def test_lookup_embeds_escaped_json_and_renders_nothing_from_data_as_html():
    evil = "</script><img src=x onerror=alert(1)>&amp;"
    scheme = TierScheme("evil", [TierRange("micro", 10, 20, evil)], True, {"nl": evil, "en": evil})
    fake = SimpleNamespace(tier_schemes=[scheme], sources={})
    block = tier_pages.lookup(fake, "en")
    assert block.count("</script>") == 2 and "<img" not in block          # the data, then tier-lookup.js (deferred)
    assert block.rstrip().endswith('<script defer src="../../assets/tier-lookup.js"></script>')
    payload = re.search(r'<script type="application/json" id="kb-tier-data">(.*?)</script>', block, re.S).group(1)
    data = json.loads(payload)
    assert data["sources"][0]["name"] == evil and data["sources"][0]["tiers"][0]["asWritten"] == evil


@pytest.mark.parametrize("lang", LANGS)
def test_lookup_widget_markup(kb, lang):
    block = tier_pages.lookup(kb, lang)
    assert '<label for="kb-tier-count">' in block and 'id="kb-tier-count"' in block
    assert 'aria-live="polite"' in block and "kb-tier-lookup--waiting" in block.split(">")[0]   # invisible until JS runs
    assert "<noscript>" in block and "\n\n" not in block
    data = json.loads(re.search(r'id="kb-tier-data">(.*?)</script>', block, re.S).group(1))
    assert data["lang"] == lang and len(data["sources"]) == 5
    assert all(key in data["labels"] for key in ("v_in_tier", "v_gap", "lookup_disagree", "tier_mid-tier"))


@pytest.mark.parametrize("lang,words", [("nl", "een factor 5"), ("en", "a factor of 5")])
def test_entry_section_survives_the_term_page_sanitiser(kb, lang, words):
    section = tier_pages.entry_section(kb, "micro", lang)
    assert "](../tiers.md#comparison)" in section
    html = _html(section)
    clean = sanitise.clean(html)
    assert clean.count("<tr>") == 1 + 5                   # header + the five sources that name micro
    assert "“tussen 5.000 en 100.000”" in clean and words in clean
    assert 'href="../sources/index.md#franky-column"' in clean
    assert "5.000–50.000" in clean or "5,000–50,000" in clean      # the majority band


def test_entry_section_for_a_tier_one_source_gives(kb):
    section = tier_pages.entry_section(kb, "all-star", "en")
    assert "Only Harvard Media via Quantumrun (2023) gives this tier a number." in section
    assert tier_pages.entry_section(kb, "no-such-tier", "en") == ""
