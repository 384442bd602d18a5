"""Tier schemes: each source's follower ranges per influencer tier (glossary/tiers.yaml).

The data model is fixed here so the tier pages, the cross-check and the quiz share one shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problem

TIER_ORDER = ("nano", "micro", "mid-tier", "macro", "mega", "all-star")


@dataclass
class TierRange:
    tier: str                 # one of TIER_ORDER
    min: int | None           # lowest follower count in the tier; None = open (no lower bound given)
    max: int | None           # highest follower count in the tier; None = open ("or more")
    as_written: str | None    # the range exactly as the source wrote it; None when the source gives no numbers
    hedged: bool = False      # the source hedges ("roughly", "hundreds of thousands or millions")
    locator: str = ""

    def contains(self, followers: int) -> bool:
        return (self.min is None or followers >= self.min) and (self.max is None or followers <= self.max)


@dataclass
class TierScheme:
    source: str                           # key in glossary/sources.yaml
    tiers: list[TierRange] = field(default_factory=list)   # in the source's own order
    has_numbers: bool = True              # False for a source that names tiers without follower counts

    def classify(self, followers: int) -> list[str]:
        return [r.tier for r in self.tiers if (r.min is not None or r.max is not None) and r.contains(followers)]


def load(paths, kb, problems: list[Problem]) -> list[TierScheme]:
    """The validated tier schemes of glossary/tiers.yaml (to be implemented by the tier work)."""
    return []


def entry_section(kb, tier_id: str, lang: str) -> str:
    """Markdown for a tier entry's page: every source's range for `tier_id` (filled in by the tier work)."""
    return ""
