"""Follower counts and ranges in the reader's notation ('5.000' / '5,000', '50.001 of meer' / '50,001 or more'):
the one copy every feature uses (the tier comparison, its chart, the quiz, the command line)."""
from __future__ import annotations

from kb.core import words
from kb.core.labels import pick

LABELS: dict[str, dict[str, str]] = words.section("core.counts")   # the words live in kb/core/words/{nl,en}.yaml


def format_count(value: int, lang: str) -> str:
    """5000 -> '5.000' (nl) or '5,000' (en); numbers below 1,000 stay as they are."""
    return f"{value:,}".replace(",", LABELS["thousands_separator"][lang])


def span(low: int | None, high: int | None, lang: str = "en") -> str:
    """'5.000–9.999', '50.001 of meer', 'tot en met 999', '5.000' for one count, 'alle' for no bound at all."""
    if low is not None and high is not None:
        return format_count(low, lang) if low == high else f"{format_count(low, lang)}–{format_count(high, lang)}"
    if low is not None:
        return pick(LABELS, "or_more", lang, n=format_count(low, lang))
    if high is not None:
        return pick(LABELS, "up_to", lang, n=format_count(high, lang))
    return LABELS["any"][lang]


def short_count(value: int, lang: str) -> str:
    """An axis label: '10.000', '1 mln' / '1 M' from a million on."""
    if value < 1_000_000:
        return format_count(value, lang)
    return pick(LABELS, "millions_short", lang, n=format_count(value // 1_000_000, lang))
