"""The as-written parser against a table of notations (tests/data/tiers/), Dutch and English."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.core.counts import format_count, short_count, span
from kb.tiers.parse import ParsedRange, TierParseError, parse_count, parse_range

DATA = Path(__file__).resolve().parents[1] / "data" / "tiers"
RANGES = json.loads((DATA / "ranges.json").read_text(encoding="utf-8"))
COUNTS = json.loads((DATA / "counts.json").read_text(encoding="utf-8"))["counts"]


@pytest.mark.parametrize("case", RANGES["ranges"], ids=lambda c: c["text"])
def test_range_notations(case):
    assert parse_range(case["text"]) == ParsedRange(case["min"], case["max"], case["hedged"])


@pytest.mark.parametrize("text", RANGES["bad_ranges"])
def test_unreadable_ranges_are_refused_with_a_reason(text):
    with pytest.raises(TierParseError) as err:
        parse_range(text)
    assert str(err.value)


@pytest.mark.parametrize("text,value", COUNTS, ids=[repr(c[0]) for c in COUNTS])
def test_follower_count_notations(text, value):
    if value is None:
        with pytest.raises(TierParseError):
            parse_count(text)
    else:
        assert parse_count(text) == value


def test_more_than_is_strict_and_fewer_than_stops_one_below():
    assert parse_range("meer dan 50,000").min == 50_001
    assert parse_range("minder dan 1.000").max == 999


def test_format_count_per_language():
    assert format_count(1_000_000, "nl") == "1.000.000"
    assert format_count(5000, "en") == "5,000"
    assert format_count(999, "nl") == "999"


@pytest.mark.parametrize("low, high, lang, shown", [
    (5000, 9999, "nl", "5.000–9.999"), (5000, 9999, "en", "5,000–9,999"),
    (50_001, None, "nl", "50.001 of meer"), (50_001, None, "en", "50,001 or more"),
    (None, 999, "nl", "tot en met 999"), (None, 999, "en", "up to 999"),
    (5000, 5000, "nl", "5.000"), (None, None, "nl", "alle"), (None, None, "en", "any"),
])
def test_span_per_language(low, high, lang, shown):
    assert span(low, high, lang) == shown


@pytest.mark.parametrize("value, lang, shown", [
    (100_000, "nl", "100.000"), (1_000_000, "nl", "1 mln"), (10_000_000, "en", "10 M"), (10_000, "en", "10,000"),
])
def test_short_count_on_the_chart_axis(value, lang, shown):
    assert short_count(value, lang) == shown
