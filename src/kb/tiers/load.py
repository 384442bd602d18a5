"""Tier schemes: each source's follower ranges per influencer tier (glossary/tiers.yaml).

The data model is fixed here so the tier pages, the cross-check and the quiz share one shape. `load` is the
gate: every range is stored twice (integers and the source's words) and both must agree, so a changed number
without the source's words fails `make check` and the build with the file and line.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kb import LANGS
from kb.core.data_file import read_data_file
from kb.core.problems import Problem, rel
from kb.core.counts import format_count, span
from kb.tiers.parse import _NUMBER, TierParseError, number, parse_range

TIER_ORDER = ("nano", "micro", "mid-tier", "macro", "mega", "all-star")


@dataclass
class TierRange:
    tier: str                 # one of TIER_ORDER
    min: int | None           # lowest follower count in the tier; None = open (no lower bound given)
    max: int | None           # highest follower count in the tier; None = open ("or more")
    as_written: str | None    # the range exactly as the source wrote it; None when the source gives no numbers
    hedged: bool = False      # the source hedges ("roughly", "hundreds of thousands or millions")
    locator: str = ""
    in_words: dict[str, str] = field(default_factory=dict)   # language -> the range in words, if the source
                                                             # gives words, not numbers ("honderdduizenden")

    def contains(self, followers: int) -> bool:
        return (self.min is None or followers >= self.min) and (self.max is None or followers <= self.max)

    @property
    def has_numbers(self) -> bool:
        return self.min is not None or self.max is not None

    def normalised(self, lang: str) -> str:
        """The range as integers in the reader's notation: '5.000–100.000', '1.000.000 of meer', 'tot 999'."""
        if not self.has_numbers:
            return ""
        return ("± " if self.hedged else "") + span(self.min, self.max, lang)


@dataclass
class TierScheme:
    source: str                           # key in glossary/sources.yaml
    tiers: list[TierRange] = field(default_factory=list)   # in the source's own order
    has_numbers: bool = True              # False for a source that names tiers without follower counts
    label: dict[str, str] = field(default_factory=dict)    # short name per language, for tables and charts
    phrase: dict[str, str] = field(default_factory=dict)   # the source as a noun phrase in a sentence, per language
    in_quiz: bool = True                  # False: shown in the comparison, but no tier question asks about it

    def classify(self, followers: int) -> list[str]:
        return [r.tier for r in self.tiers if (r.min is not None or r.max is not None) and r.contains(followers)]

    def by_rank(self) -> list[TierRange]:
        """The tiers smallest first, whatever order the source used."""
        return sorted(self.tiers, key=lambda r: TIER_ORDER.index(r.tier))

    def get(self, tier: str) -> TierRange | None:
        return next((r for r in self.tiers if r.tier == tier), None)

    def name(self, lang: str) -> str:
        return self.label.get(lang) or self.source


def load(paths, kb, problems: list[Problem]) -> list[TierScheme]:
    """The validated tier schemes of glossary/tiers.yaml; every mistake becomes a Problem with file:line."""
    if not paths.tiers_file.exists():
        problems.append(Problem(rel(paths.tiers_file), 0, 0, "the tier data file is missing.",
                                "restore glossary/tiers.yaml from the repository."))
        return []
    doc = read_data_file(paths.tiers_file, "tiers.schema.json", paths, problems)
    if doc is None:
        return []
    schemes: list[TierScheme] = []
    seen: set[str] = set()
    for i, item in enumerate(doc.data["schemes"]):
        key = item["source"]
        if kb.sources and key not in kb.sources:
            close = difflib.get_close_matches(key, list(kb.sources), n=1)
            problems.append(doc.problem(("schemes", i, "source"), f"the source '{key}' is not in glossary/sources.yaml.",
                                        (f"did you mean '{close[0]}'? " if close else "")
                                        + "use a key from glossary/sources.yaml, or add the work there first."))
        if key in seen:
            problems.append(doc.problem(("schemes", i, "source"), f"there is already a scheme for '{key}'.",
                                        "keep one scheme per source: merge the two lists of tiers."))
        seen.add(key)
        scheme = TierScheme(key, [], item.get("has_numbers", True), dict(item["label"]), dict(item.get("phrase", {})),
                            item.get("in_quiz", True))
        for j, raw in enumerate(item["tiers"]):
            scheme.tiers.append(_tier_range(doc, ("schemes", i, "tiers", j), raw, scheme.has_numbers, problems))
        problems.extend(_check_order(doc, ("schemes", i, "tiers"), scheme))
        schemes.append(scheme)
    problems.extend(check_entries(kb, schemes))
    return schemes


def _tier_range(doc, path: tuple, raw: dict, has_numbers: bool, problems: list[Problem]) -> TierRange:
    found = TierRange(raw["tier"], raw.get("min"), raw.get("max"), raw.get("as_written"), raw.get("hedged", False),
                      raw["locator"], dict(raw.get("in_words", {})))
    if not has_numbers:
        for name in ("min", "max", "as_written", "hedged"):
            if name in raw:
                problems.append(doc.problem(path + (name,), f"'{name}' is given, but this scheme says "
                                            "'has_numbers: false'.",
                                            f"remove the '{name}' line, or remove 'has_numbers: false' if the "
                                            "source does give follower counts.", key=True))
        return TierRange(raw["tier"], None, None, None, False, raw["locator"])
    missing = [name for name in ("min", "max", "as_written") if name not in raw]
    for name in missing:
        problems.append(doc.problem(path, f"the tier '{found.tier}' has no '{name}'.",
                                    "every tier of a source with numbers needs min, max (null when open) and "
                                    "as_written (the source's own words for the range)."))
    if missing:
        return found
    try:
        parsed = parse_range(found.as_written)
    except TierParseError as err:
        problems.append(doc.problem(path + ("as_written",), f"the as-written range cannot be read: {err}.",
                                    "copy the range exactly as the source writes it."))
        return found
    for name in ("min", "max"):
        want, have = getattr(parsed, name), getattr(found, name)
        if want != have:
            problems.append(doc.problem(path + (name,), f"{name} is {_show(have)}, but the as-written range "
                                        f"'{found.as_written}' gives {_show(want)}.",
                                        f"if the source really says '{found.as_written}', write "
                                        f"'{name}: {_show(want, yaml=True)}'. If {_show(have, yaml=True)} is "
                                        "right, 'as_written' must show the source's own words for it: change "
                                        "both together, never only the number."))
    if parsed.hedged != found.hedged:
        word = "hedges" if parsed.hedged else "does not hedge"
        problems.append(doc.problem(path + (("hedged",) if "hedged" in raw else ("as_written",)),
                                    f"the as-written range '{found.as_written}' {word}, but 'hedged' is "
                                    f"{str(found.hedged).lower()}.",
                                    f"write 'hedged: {str(parsed.hedged).lower()}'."))
    if found.min is not None and found.max is not None and found.min > found.max:
        problems.append(doc.problem(path + ("min",), f"min ({found.min}) is larger than max ({found.max}).",
                                    "swap the two numbers, or check them against the source."))
    return found


def _show(value: int | None, yaml: bool = False) -> str:
    if value is None:
        return "null" if yaml else "open (null)"
    return str(value)


def _check_order(doc, path: tuple, scheme: TierScheme) -> list[Problem]:
    """Tiers listed smallest-first or largest-first, each tier once, and larger tiers start higher."""
    problems = []
    ranks = [TIER_ORDER.index(r.tier) for r in scheme.tiers]
    for j, rank in enumerate(ranks):
        if rank in ranks[:j]:
            problems.append(doc.problem(path + (j, "tier"), f"the tier '{scheme.tiers[j].tier}' appears twice in "
                                        f"the scheme of '{scheme.source}'.", "keep one of the two."))
            return problems
    steps = [b - a for a, b in zip(ranks, ranks[1:])]
    if steps and not (all(s > 0 for s in steps) or all(s < 0 for s in steps)):
        rising = sum(s > 0 for s in steps) >= sum(s < 0 for s in steps)     # the direction most steps take
        bad = next(k for k, s in enumerate(steps) if (s > 0) != rising) + 1
        problems.append(doc.problem(path + (bad, "tier"), f"the tiers of '{scheme.source}' are not in order "
                                    f"('{scheme.tiers[bad].tier}' is out of place).",
                                    "list the tiers smallest first (nano, micro, mid-tier, macro, mega, all-star) "
                                    "or largest first, as the source does."))
        return problems
    numeric = [r for r in scheme.by_rank() if r.has_numbers]
    for lower, upper in zip(numeric, numeric[1:]):
        low_a, low_b = _low(lower), _low(upper)
        high_a, high_b = _high(lower), _high(upper)
        if not (low_a < low_b and high_a < high_b):
            j = scheme.tiers.index(upper)
            problems.append(doc.problem(path + (j, "min"), f"the tiers of '{scheme.source}' do not ascend: "
                                        f"'{upper.tier}' ({upper.normalised('en')}) should start and end above "
                                        f"'{lower.tier}' ({lower.normalised('en')}).",
                                        "check both ranges against the source; a larger tier needs larger numbers."))
    return problems


def _low(r: TierRange) -> float:
    return -1 if r.min is None else r.min


def _high(r: TierRange) -> float:
    return float("inf") if r.max is None else r.max


# --- the site's own tier entries -------------------------------------------------------------------------

_FOLLOWER_WORD = re.compile(r"volger|follower|abonnee|subscriber", re.IGNORECASE)
_NOT_FOLLOWERS = re.compile(r"^(?:\s*[-–]\s*\d+)?\s*-?\s*(?:%|procent|percent|jaar|jarig|years?|keer|times)",
                            re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_COUNT_IN_TEXT = re.compile(_NUMBER, re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def allowed_bounds(schemes: list[TierScheme]) -> set[int]:
    """Numbers a tier entry may mention: a bound some source gives (also as 'more than 50,000' / 'fewer than 1,000')."""
    bounds: set[int] = set()
    for scheme in schemes:
        for r in scheme.tiers:
            if r.min is not None:
                bounds |= {r.min, r.min - 1}
            if r.max is not None:
                bounds |= {r.max, r.max + 1}
    return bounds


def follower_numbers(text: str) -> list[tuple[str, int]]:
    """(as written, value) of every follower-sized number in a sentence about followers: not percentages, ages
    or years."""
    found = []
    for sentence in _SENTENCE.split(text):
        if not _FOLLOWER_WORD.search(sentence):
            continue
        for match in _COUNT_IN_TEXT.finditer(sentence):
            if _NOT_FOLLOWERS.match(sentence[match.end():]) or (_YEAR.match(match.group(0)) and not match.group(2)):
                continue
            try:
                value = number(match.group(1), match.group(2))
            except TierParseError:
                continue
            if value >= 100:       # smaller numbers ("3 of the 5 sources") are never a tier bound
                found.append((match.group(0).strip(), value))
    return found


def check_entries(kb, schemes: list[TierScheme]) -> list[Problem]:
    """A tier entry explains a tier no source leaves out, and states no follower count that no source gives."""
    problems: list[Problem] = []
    named = {r.tier for s in schemes for r in s.tiers}
    bounds = allowed_bounds(schemes)
    for entry in sorted(kb.entries.values(), key=lambda e: e.id):
        if entry.category != "tier" or entry.doc is None:
            continue
        if entry.tier and schemes and entry.tier not in named:
            problems.append(entry.doc.problem(("tier",), f"no source in glossary/tiers.yaml defines the tier "
                                              f"'{entry.tier}'.", "use a tier a source names, or add the source's "
                                              "scheme to glossary/tiers.yaml first."))
        for lang in LANGS:
            for field_name in ("definition", "example"):
                text = getattr(entry.text[lang], field_name) or ""
                for written, value in follower_numbers(text):
                    if value not in bounds:
                        problems.append(entry.doc.problem(
                            (lang, field_name), f"the {field_name} of tier entry '{entry.id}' ({lang}) states "
                            f"'{written}' followers, but no source in glossary/tiers.yaml gives "
                            f"{format_count(value, 'en')} as a bound.",
                            "tier entries explain the idea in words: the page lists every source's range "
                            "beneath the text. Remove the number, or use a bound a source gives."))
    return problems
