"""Read follower counts and ranges the way the sources write them, in Dutch or English.

The tier data keeps each range twice: as integers (`min`, `max`) and as the source's own words
(`as_written`). Parsing the words here and comparing them with the integers is what stops a changed number
from slipping through review. The same number rules serve the lookup box (`8000`, `8.000`, `8,000`, `8k`);
tier-lookup.js mirrors `parse_count` and a test runs both against one table of notations.

Reading rules (documented for contributors in glossary/tiers.yaml):
- `A tot B`, `A to B`, `A-B`, `A–B`, `tussen (de) A en B`, `between A and B`: min A, max B, both included.
- `meer dan A`, `more than A`, `over A`: min A + 1, max open (strictly more).
- `minder dan A`, `fewer/less than A`, `onder de A`: min open, max A - 1 (strictly fewer).
- `A of meer`, `A or more`, `A+`, `vanaf A`, `ten minste A`, `at least A`: min A, max open.
- `tot A`, `up to A`, `maximaal A`: min open, max A.
- Order-of-magnitude words (`honderdduizenden`, `hundreds of thousands`, `miljoenen`, `millions`, ...): from
  the smallest number the word covers (100,000 for hundreds of thousands) up to just below the next word;
  "millions" has no top. `X of Y` / `X or Y` spans both. Such a range always counts as hedged.
- `zo'n`, `ongeveer`, `circa`, `ca.`, `rond de`, `roughly`, `about`, `around`, `approximately`, `~`: hedged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


class TierParseError(ValueError):
    """The text is not a follower count or range this parser understands; the message says why."""


@dataclass(frozen=True)
class ParsedRange:
    min: int | None
    max: int | None
    hedged: bool


_MULTIPLIERS = {
    "k": 1_000, "duizend": 1_000, "thousand": 1_000,
    "m": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "miljoen": 1_000_000, "million": 1_000_000,
}
_MULTIPLIER = r"(?:k|duizend|thousand|mln|mio|miljoen|million|m)\b"
# digits, optionally grouped by . , space or narrow/no-break space in threes, optionally a decimal part
_NUMBER = rf"(\d+(?:[.,\u00a0\u202f ]\d{{3}})*(?:[.,]\d+)?)(?:\s*({_MULTIPLIER}))?"
_NUMBER_RE = re.compile(rf"^{_NUMBER}$", re.IGNORECASE)

# magnitude words: (lowest count the word covers, highest count or None for open)
_MAGNITUDES = [
    (r"honderdduizenden|hundreds of thousands", 100_000, 999_999),
    (r"tienduizenden|tens of thousands", 10_000, 99_999),
    (r"duizenden|thousands", 1_000, 9_999),
    (r"honderden|hundreds", 100, 999),
    (r"miljoenen|millions", 1_000_000, None),
]
_MAGNITUDE = "|".join(f"(?:{words})" for words, _, _ in _MAGNITUDES)

_HEDGES = r"zo'n|ongeveer|circa|ca\.|rond de|rond|roughly|about|around|approximately|approx\.|~|±"
_UNIT = r"(?:\s+(?:volgers|followers|abonnees|subscribers))?\.?$"

_PATTERNS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.IGNORECASE), kind) for p, kind in [
    (rf"^(?:tussen(?: de)?|between)\s+{_NUMBER}\s+(?:en|and)\s+{_NUMBER}{_UNIT}", "between"),
    (rf"^{_NUMBER}\s*(?:-|tot en met|tot|t/m|to|through)\s*{_NUMBER}{_UNIT}", "between"),
    (rf"^(?:meer dan|more than|over|boven de)\s+{_NUMBER}{_UNIT}", "more-than"),
    (rf"^(?:minder dan|fewer than|less than|onder de|under)\s+{_NUMBER}{_UNIT}", "fewer-than"),
    (rf"^{_NUMBER}\s*(?:\+|of meer|or more|en meer|and more|en hoger|and up){_UNIT}", "at-least"),
    (rf"^(?:vanaf|ten minste|minstens|at least|from)\s+{_NUMBER}{_UNIT}", "at-least"),
    (rf"^(?:tot|up to|maximaal|at most)\s+{_NUMBER}{_UNIT}", "up-to"),
    (rf"^({_MAGNITUDE})(?:\s+(?:of|or|tot|to)\s+({_MAGNITUDE}))?{_UNIT}", "magnitude"),
]]


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s*[\u2010-\u2015\u2212]\s*", "-", text)      # en dash, em dash, minus -> '-'
    return " ".join(text.split())


def number(digits: str, multiplier: str | None = None) -> int:
    """One written number -> int. '1.000' and '1,000' are one thousand; '1,5' needs a multiplier ('1,5 miljoen')."""
    if re.fullmatch(r"\d{1,3}(?:([.,\u00a0\u202f ])\d{3})+", digits) and len(set(re.findall(r"\D", digits))) == 1:
        value = float(re.sub(r"\D", "", digits))           # grouped in threes: 5.000 / 5,000 / 5 000
    elif re.fullmatch(r"\d+", digits):
        value = float(digits)
    elif re.fullmatch(r"\d+[.,]\d+", digits):
        if not multiplier:
            raise TierParseError(f"'{digits}' is not a whole number of followers")
        value = float(digits.replace(",", "."))
    else:
        raise TierParseError(f"'{digits}' mixes separators; write it as 5000, 5.000 or 5,000")
    if multiplier:
        value = round(value * _MULTIPLIERS[multiplier.lower()], 6)     # 1.1 * 1000 is 1100.0000000000002
    if value != int(value):
        raise TierParseError(f"'{digits} {multiplier}' is not a whole number of followers")
    return int(value)


def parse_count(text: str) -> int:
    """A follower count typed by a reader or written by a source: 8000, 8.000, 8,000, 8 000, 8k, 1,5 miljoen."""
    cleaned = _normalise(text).rstrip(".")
    cleaned = re.sub(r"\s+(?:volgers|followers)$", "", cleaned, flags=re.IGNORECASE)
    match = _NUMBER_RE.match(cleaned)
    if not match:
        raise TierParseError(f"'{text}' is not a follower count; write a number such as 8000, 8.000, 8,000 or 8k")
    return number(match.group(1), match.group(2))


def _magnitude(word: str) -> tuple[int, int | None]:
    for words, low, high in _MAGNITUDES:
        if re.fullmatch(words, word, re.IGNORECASE):
            return low, high
    raise TierParseError(f"unknown magnitude word '{word}'")  # pragma: no cover - the pattern only admits known words


def parse_range(text: str) -> ParsedRange:
    """A range as a source writes it -> (min, max, hedged). Raises TierParseError when it cannot be read."""
    cleaned = _normalise(text)
    hedged = False
    hedge = re.match(rf"^(?:{_HEDGES})\s*", cleaned, re.IGNORECASE)
    if hedge:
        hedged, cleaned = True, cleaned[hedge.end():]
    for pattern, kind in _PATTERNS:
        match = pattern.match(cleaned)
        if not match:
            continue
        groups = match.groups()
        if kind == "between":
            low, high = number(groups[0], groups[1]), number(groups[2], groups[3])
            return ParsedRange(low, high, hedged)
        if kind == "magnitude":
            low, high = _magnitude(groups[0])
            if groups[1]:
                high = _magnitude(groups[1])[1]
            return ParsedRange(low, high, True)
        value = number(groups[0], groups[1])
        if kind == "more-than":
            return ParsedRange(value + 1, None, hedged)
        if kind == "fewer-than":
            return ParsedRange(None, value - 1, hedged)
        if kind == "at-least":
            return ParsedRange(value, None, hedged)
        return ParsedRange(None, value, hedged)     # up-to
    raise TierParseError(
        f"'{text}' is not a range this check can read; write it as the source does, e.g. '1.000 tot 100.000', "
        "'5,000-9,999', 'tussen 5.000 en 100.000', 'meer dan 50,000', 'minder dan 1.000' or '1 miljoen of meer'")


