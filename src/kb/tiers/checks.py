"""What the tier data says when you put the sources side by side: overlaps, gaps, spread, disagreement, consensus.

Errors in the data (a range that does not match the source's words, unordered tiers) are Problems raised by
kb.tiers.load. What is computed here are *findings*: facts about the sources, which the tier page shows and
`kb tiers` prints. A finding never fails the check: the sources are allowed to disagree.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kb.core.counts import format_count, span
from kb.tiers.load import TIER_ORDER, TierRange, TierScheme

OPEN = None   # an open bound in the intervals below


@dataclass
class Finding:
    kind: str                   # overlap, gap, coverage, spread, disagreement, consensus, no-numbers
    message: str                # one English sentence
    source: str | None = None
    tier: str | None = None
    min: int | None = None      # the follower counts the finding is about
    max: int | None = None
    detail: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in (None, {})}


def numeric(schemes: list[TierScheme]) -> list[TierScheme]:
    return [s for s in schemes if s.has_numbers and any(r.has_numbers for r in s.tiers)]


# --- one source on its own ---------------------------------------------------------------------------------

def overlaps(scheme: TierScheme) -> list[tuple[TierRange, TierRange, int, int | None]]:
    """Pairs of tiers of one source that share follower counts, with the shared interval."""
    ranges = [r for r in scheme.by_rank() if r.has_numbers]
    found = []
    for i, a in enumerate(ranges):
        for b in ranges[i + 1:]:
            low = max(_low(a), _low(b))
            high = min(_high(a), _high(b))
            if low <= high:
                found.append((a, b, int(low), None if high == float("inf") else int(high)))
    return found


def gaps(scheme: TierScheme) -> list[tuple[TierRange, TierRange, int, int]]:
    """Follower counts between two tiers of one source that neither covers."""
    ranges = [r for r in scheme.by_rank() if r.has_numbers]
    found = []
    for a, b in zip(ranges, ranges[1:]):
        if a.max is not None and b.min is not None and b.min > a.max + 1:
            found.append((a, b, a.max + 1, b.min - 1))
    return found


def coverage(scheme: TierScheme) -> tuple[int | None, int | None]:
    """The lowest and highest count any tier of the source covers (None = open)."""
    ranges = [r for r in scheme.tiers if r.has_numbers]
    low = None if any(r.min is None for r in ranges) else min(r.min for r in ranges)
    high = None if any(r.max is None for r in ranges) else max(r.max for r in ranges)
    return low, high


def _low(r: TierRange) -> float:
    return 0 if r.min is None else r.min


def _high(r: TierRange) -> float:
    return float("inf") if r.max is None else r.max


# --- sources compared ------------------------------------------------------------------------------------

@dataclass
class Spread:
    tier: str
    ranges: list[tuple[TierScheme, TierRange]]
    lowest: int | None = None                 # lowest lower bound given
    lowest_by: list[str] = field(default_factory=list)
    highest: int | None = None                # highest lower bound given
    highest_by: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.lowest and self.highest and len(self.ranges) > 1:
            return self.highest / self.lowest
        return None


def spread(schemes: list[TierScheme], tier: str) -> Spread:
    result = Spread(tier, [(s, s.get(tier)) for s in numeric(schemes) if s.get(tier)])
    bounds = [(r.min, s.source) for s, r in result.ranges if r.min is not None]
    if bounds:
        result.lowest = min(b for b, _ in bounds)
        result.highest = max(b for b, _ in bounds)
        result.lowest_by = [src for b, src in bounds if b == result.lowest]
        result.highest_by = [src for b, src in bounds if b == result.highest]
    return result


def breakpoints(schemes: list[TierScheme]) -> list[int]:
    """Every follower count where some source's verdict can change."""
    points = {0}
    for scheme in numeric(schemes):
        for r in scheme.tiers:
            if r.min is not None:
                points.add(r.min)
            if r.max is not None:
                points.add(r.max + 1)
    return sorted(points)


@dataclass
class Segment:
    """Follower counts low..high (high None = open) on which every source's verdict is the same."""
    low: int
    high: int | None
    verdicts: dict[str, tuple[str, ...]]      # source key -> tiers (empty: no tier)

    @property
    def named(self) -> set[tuple[str, ...]]:
        return {v for v in self.verdicts.values() if v}

    @property
    def disagree(self) -> bool:
        return len(self.named) > 1


def segments(schemes: list[TierScheme]) -> list[Segment]:
    points = breakpoints(schemes)
    found: list[Segment] = []
    for i, low in enumerate(points):
        high = points[i + 1] - 1 if i + 1 < len(points) else None
        verdicts = {s.source: tuple(sorted(s.classify(low), key=TIER_ORDER.index)) for s in numeric(schemes)}
        if found and found[-1].verdicts == verdicts:
            found[-1].high = high
        else:
            found.append(Segment(low, high, verdicts))
    return found


def consensus(schemes: list[TierScheme], tier: str) -> tuple[list[tuple[int, int | None]], int, int]:
    """Bands where a majority of the sources that give numbers for `tier` agree; (bands, needed, of)."""
    ranges = [s.get(tier) for s in numeric(schemes) if s.get(tier) and s.get(tier).has_numbers]
    needed = len(ranges) // 2 + 1
    if len(ranges) < 2:
        return [], max(needed, 2), len(ranges)
    bands: list[tuple[int, int | None]] = []
    points = breakpoints(schemes)
    for i, low in enumerate(points):
        high = points[i + 1] - 1 if i + 1 < len(points) else None
        if sum(r.contains(low) for r in ranges) >= needed:
            if bands and bands[-1][1] is not None and bands[-1][1] + 1 == low:
                bands[-1] = (bands[-1][0], high)
            else:
                bands.append((low, high))
    return bands, needed, len(ranges)


@dataclass
class Verdict:
    source: str
    tiers: list[str]
    why: str          # no-numbers, in-tier, boundary, below, above, gap
    ranges: list[TierRange] = field(default_factory=list)
    between: tuple[str, str] | None = None     # for a gap: the tiers on either side


def classify(schemes: list[TierScheme], followers: int) -> list[Verdict]:
    """Each source's tier(s) for a follower count, and why when there is none or more than one."""
    verdicts = []
    for scheme in schemes:
        if scheme not in numeric(schemes):
            verdicts.append(Verdict(scheme.source, [], "no-numbers"))
            continue
        hits = [r for r in scheme.tiers if r.has_numbers and r.contains(followers)]
        if hits:
            verdicts.append(Verdict(scheme.source, [r.tier for r in scheme.by_rank() if r in hits],
                                    "boundary" if len(hits) > 1 else "in-tier", hits))
            continue
        low, high = coverage(scheme)
        why = "below" if low is not None and followers < low else "above" if high is not None and followers > high else "gap"
        between = next(((a.tier, b.tier) for a, b, lo, hi in gaps(scheme) if lo <= followers <= hi), None)
        verdicts.append(Verdict(scheme.source, [], why, [], between))
    return verdicts


# --- all findings in one list ------------------------------------------------------------------------------

def findings(schemes: list[TierScheme]) -> list[Finding]:
    out: list[Finding] = []
    for scheme in schemes:
        if scheme not in numeric(schemes):
            names = ", ".join(r.tier for r in scheme.tiers)
            out.append(Finding("no-numbers", f"{scheme.name('en')} names tiers ({names}) without follower counts.",
                               scheme.source))
            continue
        for a, b, low, high in overlaps(scheme):
            out.append(Finding("overlap", f"{scheme.name('en')}: {span(low, high)} followers fall in both "
                               f"'{a.tier}' and '{b.tier}'.", scheme.source, f"{a.tier}/{b.tier}", low, high))
        for a, b, low, high in gaps(scheme):
            out.append(Finding("gap", f"{scheme.name('en')}: {span(low, high)} followers fall in no tier "
                               f"(between '{a.tier}' and '{b.tier}').", scheme.source, f"{a.tier}/{b.tier}", low, high))
        low, high = coverage(scheme)
        if low is not None and low > 0:
            out.append(Finding("coverage", f"{scheme.name('en')}: no tier below {format_count(low, 'en')} followers.",
                               scheme.source, None, 0, low - 1))
        if high is not None:
            out.append(Finding("coverage", f"{scheme.name('en')}: no tier above {format_count(high, 'en')} followers.",
                               scheme.source, None, high + 1, None))
    for tier in TIER_ORDER:
        s = spread(schemes, tier)
        if not s.ranges:
            continue
        ranges = {sch.source: {"min": r.min, "max": r.max, "as_written": r.as_written} for sch, r in s.ranges}
        if s.ratio:
            message = (f"'{tier}': lower bounds run from {format_count(s.lowest, 'en')} ({', '.join(s.lowest_by)}) to "
                       f"{format_count(s.highest, 'en')} ({', '.join(s.highest_by)}), a factor of {s.ratio:g}.")
        else:
            message = f"'{tier}': only {len(s.ranges)} source gives numbers."
        out.append(Finding("spread", message, None, tier, s.lowest, s.highest,
                           {"ratio": s.ratio, "ranges": ranges}))
        bands, needed, of = consensus(schemes, tier)
        if bands:
            text = " and ".join(span(lo, hi) for lo, hi in bands)
            out.append(Finding("consensus", f"'{tier}': {needed} of the {of} sources that give numbers agree on "
                               f"{text} followers.", None, tier, bands[0][0], bands[-1][1],
                               {"bands": [list(b) for b in bands], "agree": needed, "of": of}))
        elif of >= 2:
            out.append(Finding("consensus", f"'{tier}': no count on which a majority of the {of} sources agree.",
                               None, tier, detail={"bands": [], "agree": needed, "of": of}))
    for seg in segments(schemes):
        if seg.disagree:
            said = "; ".join(f"{src}: {'+'.join(v) if v else 'none'}" for src, v in seg.verdicts.items())
            out.append(Finding("disagreement", f"{span(seg.low, seg.high)} followers: {said}.", None, None,
                               seg.low, seg.high, {"verdicts": {k: list(v) for k, v in seg.verdicts.items()}}))
    return out
