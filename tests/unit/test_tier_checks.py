"""Per-source and cross-source checks on small hand-made schemes whose overlaps and gaps are known."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.tiers import checks
from kb.tiers.load import TierRange, TierScheme

FIXTURE = json.loads((Path(__file__).resolve().parents[1] / "data" / "tiers" / "handmade.json").read_text(encoding="utf-8"))
EXPECTED = FIXTURE["expected"]


def _schemes() -> list[TierScheme]:
    return [TierScheme(key, [TierRange(t, lo, hi, f"{lo}-{hi}") for t, lo, hi in tiers], True, {"en": key, "nl": key})
            for key, tiers in FIXTURE["schemes"].items()] + [
        TierScheme("words-only", [TierRange("micro", None, None, None)], False, {"en": "words", "nl": "woorden"})]


@pytest.fixture
def schemes():
    return _schemes()


def _by_key(schemes, key):
    return next(s for s in schemes if s.source == key)


@pytest.mark.parametrize("key", FIXTURE["schemes"])
def test_overlaps_and_gaps_per_source(schemes, key):
    scheme = _by_key(schemes, key)
    assert [[a.tier, b.tier, lo, hi] for a, b, lo, hi in checks.overlaps(scheme)] == EXPECTED["overlaps"][key]
    assert [[a.tier, b.tier, lo, hi] for a, b, lo, hi in checks.gaps(scheme)] == EXPECTED["gaps"][key]
    assert list(checks.coverage(scheme)) == EXPECTED["coverage"][key]


@pytest.mark.parametrize("tier", EXPECTED["spread"])
def test_spread_lowest_highest_lower_bound_and_ratio(schemes, tier):
    s = checks.spread(schemes, tier)
    assert [s.lowest, s.highest, s.ratio] == EXPECTED["spread"][tier]


@pytest.mark.parametrize("tier", EXPECTED["consensus"])
def test_majority_band(schemes, tier):
    bands, needed, of = checks.consensus(schemes, tier)
    assert [[list(b) for b in bands], needed, of] == EXPECTED["consensus"][tier]


@pytest.mark.parametrize("followers", EXPECTED["classify"])
def test_classify_says_why(schemes, followers):
    verdicts = {v.source: v for v in checks.classify(schemes, int(followers))}
    for key, (tiers, why) in EXPECTED["classify"][followers].items():
        assert (verdicts[key].tiers, verdicts[key].why) == (tiers, why), key
    assert verdicts["words-only"].why == "no-numbers"


def test_gap_verdict_names_the_tiers_on_either_side(schemes):
    verdict = next(v for v in checks.classify(schemes, 1500) if v.source == "gappy")
    assert verdict.between == ("nano", "micro")


def test_disagreement_segments_cover_known_stretches(schemes):
    disputed = [(seg.low, seg.high) for seg in checks.segments(schemes) if seg.disagree]
    # 1000: shared says nano+micro, clean micro; 10000: shared micro+macro, others macro
    assert (1000, 1000) in disputed and (10000, 10000) in disputed
    assert all(not seg.disagree for seg in checks.segments(schemes) if seg.low == 2000)


def test_findings_kinds_and_messages(schemes):
    found = checks.findings(schemes)
    kinds = {f.kind for f in found}
    assert {"overlap", "gap", "coverage", "spread", "consensus", "disagreement", "no-numbers"} <= kinds
    gap = next(f for f in found if f.kind == "gap")
    assert (gap.source, gap.min, gap.max) == ("gappy", 1000, 1999)
    assert "1,000–1,999" in gap.message
    assert all(f.as_dict()["kind"] and f.as_dict()["message"] for f in found)
