"""The real tier data: it says what the five sources say, and the cross-check finds what we know is there."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import tiers as check_tiers
from kb import ROOT
from kb.tiers import checks


@pytest.fixture(scope="module")
def loaded():
    kb, problems, _other = check_tiers.load_tier_data(ROOT)
    assert problems == [], "\n".join(map(str, problems))
    return kb


def _scheme(kb, key):
    return next(s for s in kb.tier_schemes if s.source == key)


def test_every_as_written_range_is_the_sources_own_words(loaded, seeds_dir):
    SEEDS = seeds_dir
    for scheme in loaded.tier_schemes:
        seed = (SEEDS / loaded.sources[scheme.source].seed).read_text(encoding="utf-8")
        for r in scheme.tiers:
            if r.as_written is not None:
                assert r.as_written in seed, f"{scheme.source} {r.tier}: '{r.as_written}' is not in the source"


def test_data_matches_the_five_sources(loaded):
    table = {s.source: [(r.tier, r.min, r.max, r.hedged) for r in s.by_rank()] for s in loaded.tier_schemes}
    assert table == {
        "thesis-micro-influencers": [("nano", None, None, False), ("micro", None, None, False),
                                     ("macro", None, None, False), ("mega", None, None, False)],
        "quantumrun-2023": [("nano", 500, 999, False), ("micro", 1000, 4999, False), ("mid-tier", 5000, 9999, False),
                            ("macro", 10000, 24999, False), ("mega", 25000, 49999, False),
                            ("all-star", 50001, None, False)],
        "franky-column": [("micro", 5000, 100000, False)],
        "retailinnovatie-rotterdam": [("nano", 100, 5000, False), ("micro", 5000, 50000, True),
                                      ("macro", 100000, None, True)],
        "jouwweb-wat-is-een-influencer": [("nano", None, 999, False), ("micro", 1000, 100000, False),
                                          ("macro", 100000, 1000000, False), ("mega", 1000000, None, False)],
    }
    assert not _scheme(loaded, "thesis-micro-influencers").has_numbers


def test_5000_followers_gets_different_tiers_from_different_sources(loaded):
    verdicts = {v.source: v.tiers for v in checks.classify(loaded.tier_schemes, 5000)}
    assert verdicts["quantumrun-2023"] == ["mid-tier"]
    assert verdicts["franky-column"] == ["micro"]
    assert verdicts["retailinnovatie-rotterdam"] == ["nano", "micro"]     # a shared boundary
    assert verdicts["jouwweb-wat-is-een-influencer"] == ["micro"]
    assert verdicts["thesis-micro-influencers"] == []


def test_mega_starts_forty_times_higher_in_one_source_than_in_another(loaded):
    mega = checks.spread(loaded.tier_schemes, "mega")
    assert (mega.lowest, mega.highest, mega.ratio) == (25_000, 1_000_000, 40)


def test_known_overlaps_gaps_and_consensus(loaded):
    found = checks.findings(loaded.tier_schemes)
    gaps = {(f.source, f.min, f.max) for f in found if f.kind == "gap"}
    assert gaps == {("quantumrun-2023", 50_000, 50_000), ("retailinnovatie-rotterdam", 50_001, 99_999)}
    overlaps = {(f.source, f.min) for f in found if f.kind == "overlap"}
    assert overlaps == {("retailinnovatie-rotterdam", 5000), ("jouwweb-wat-is-een-influencer", 100_000),
                        ("jouwweb-wat-is-een-influencer", 1_000_000)}
    micro = next(f for f in found if f.kind == "consensus" and f.tier == "micro")
    assert micro.detail["bands"] == [[5000, 50_000]] and (micro.detail["agree"], micro.detail["of"]) == (3, 4)


def _run(*args):
    return subprocess.run([sys.executable, "-m", "kb", "tiers", *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_default_table_and_exit_zero_on_expected_disagreement():
    result = _run()
    assert result.returncode == 0, result.stderr
    assert "WHERE THE SOURCES DISAGREE" in result.stdout and "factor 40" in result.stdout


@pytest.mark.parametrize("notation", ["8000", "8.000", "8,000", "8k"])
def test_cli_classify_accepts_every_notation(notation):
    result = _run("--json", "--classify", notation)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["classify"]["followers"] == 8000
    tiers = {v["source"]: v["tiers"] for v in data["classify"]["verdicts"]}
    assert tiers["quantumrun-2023"] == ["mid-tier"] and tiers["franky-column"] == ["micro"]
    assert data["classify"]["agree"] is False


def test_cli_json_shape():
    data = json.loads(_run("--json").stdout)
    assert {"sources", "findings", "classify"} <= set(data)
    assert data["classify"] is None
    source = next(s for s in data["sources"] if s["id"] == "franky-column")
    assert source["title"] and source["tiers"] == [{"tier": "micro", "min": 5000, "max": 100000, "hedged": False,
                                                    "as_written": "tussen 5.000 en 100.000",
                                                    "locator": source["tiers"][0]["locator"]}]
    assert all({"kind", "message"} <= set(f) for f in data["findings"])


def test_cli_markdown_and_bad_count():
    markdown = _run("--markdown", "--lang", "nl")
    assert markdown.returncode == 0 and markdown.stdout.startswith("| Niveau |")
    bad = _run("--classify", "veel")
    assert bad.returncode == 2 and "8k" in bad.stderr
