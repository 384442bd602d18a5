"""kb.engines.mkdocs.search_keys: on the keys alone (the arithmetic of Material's worker, in Python), every
term, synonym and abbreviation of every entry ranks its own page first, in both languages; and the built
indexes carry the keys on term pages only, in a handful of fields. The browser side:
tests/browser/test_search_queries.py."""
from __future__ import annotations

import json

import pytest
import yaml

from conftest import DATA
from kb import LANGS, ROOT
from kb.engines.mkdocs import search, search_keys
from kb.engines.mkdocs.search_keys import Phrase, page_keys, rank
from kb.site import load


@pytest.fixture(scope="module")
def kb():
    return load.load(ROOT)


def _names(kb, lang):
    for entry in kb.entries.values():
        for phrase in search_keys.entry_phrases(entry, lang):
            yield entry.id, phrase.text


@pytest.mark.parametrize("lang", LANGS)
def test_every_name_ranks_its_own_page_first(kb, lang):
    keys = page_keys({e.id: search_keys.entry_phrases(e, lang) for e in kb.entries.values()}, lang)
    wrong = []
    for pid, name in _names(kb, lang):
        for query in search_keys.name_queries([name]):         # also typed with spaces for hyphens
            ranked = rank(keys, query)
            if not search_keys.first(ranked, pid):
                wrong.append(f"{query!r} -> {pid}: {ranked[:3]}")
    assert not wrong, "names that do not rank their own page first:\n" + "\n".join(wrong)


def test_settling_puts_a_name_inside_a_longer_name_first():
    """"nano-influencer" is inside the two Rotterdam case names: the levels alone tie or lose, settling wins."""
    pages = {"nano-influencer": [Phrase("nano-influencer", True, "en")],
             "influencer": [Phrase("influencer", True, "en")],
             "case": [Phrase("the customer as nano-influencer (confluentials)", True, "en")]}
    keys = page_keys(pages, "en")
    for query in ("nano-influencer", "nano influencer", "influencer", "confluentials"):
        assert search_keys.first(rank(keys, query), {"confluentials": "case"}.get(query, query.replace(" ", "-")))


SMALL = {
    "influencer": [Phrase("influencer", True, "nl")],
    "influencer-tier": [Phrase("influencerniveau", True, "nl"), Phrase("influencercategorie", False, "nl"),
                        Phrase("influencer tier", False, "en")],
    "micro-influencer": [Phrase("micro-influencer", True, "nl"), Phrase("micro", False, "nl")],
    "engagement": [Phrase("engagement", True, "en")],
    "engagement-rate": [Phrase("engagement rate", True, "en"), Phrase("engagement ratio", False, "en")],
}


@pytest.mark.parametrize("query, first", [
    ("influencer", "influencer"), ("influencers", "influencer"), ("influencer tier", "influencer-tier"),
    ("influencerniveaus", "influencer-tier"), ("micro-influencer", "micro-influencer"),
    ("micro influencer", "micro-influencer"), ("microinfluencer", "micro-influencer"),
    ("engagement", "engagement"), ("engagement rate", "engagement-rate"), ("engagement ratio", "engagement-rate"),
])
def test_an_exact_name_beats_a_longer_name_that_starts_with_it(query, first):
    assert rank(page_keys(SMALL, "nl"), query)[0][0] == first


def test_a_prefix_scores_no_more_than_the_best_key_under_it():
    keys = page_keys({"p": [Phrase("brand partnership", True, "en"), Phrase("brand collaboration", False, "en")],
                      "q": [Phrase("brand resonance", True, "en")], "r": [Phrase("resonance", True, "en")]}, "en")
    scores = dict(rank(keys, "brand"))
    assert scores["p"] <= max(keys["p"].values()) * 1.05, "two keys under 'brand' do not add up"
    assert rank(keys, "brand resonance")[0][0] == "q"


def test_keys_are_unique_per_page_except_the_bare_ones(kb):
    keys = page_keys({e.id: search_keys.entry_phrases(e, "nl") for e in kb.entries.values()}, "nl")
    suffixed = [t for page in keys.values() for t in page if "_" in t]
    assert len(suffixed) == len(set(suffixed)), "a shared key would share lunr's idf"
    bare = {t for page in keys.values() for t in page if "_" not in t}
    assert {"micro", "nano", "mid"} <= bare and "influencer" in bare, "heads of hyphenated names, typed exactly"


def test_add_keys_touches_term_pages_only():
    docs = [{"location": "glossary/trust/", "title": "Trust", "text": "t"},
            {"location": "glossary/trust/#sources", "title": "Sources", "text": "s"},
            {"location": "glossary/trust.html", "title": "Trust", "text": "t"},
            {"location": "glossary/", "title": "A-Z", "text": "x"}, {"location": "tiers/", "title": "T", "text": ""}]
    out = search.add_keys(docs, {"trust": {"kb_a": "trust_1 trust_1"}})
    assert out[0]["kb_a"] == out[2]["kb_a"] == "trust_1 trust_1" and out[0]["boost"] == search.TERM_PAGE_BOOST
    assert all("kb_a" not in d and "boost" not in d for d in (out[1], out[3], out[4]))


def test_the_built_indexes_carry_the_keys_in_a_few_fields(built_site):
    for folder in ("", "en/"):
        index = json.loads((built_site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        extra = [f for f in index["config"]["fields"] if f not in ("title", "text", "tags")]
        assert 3 <= len(extra) <= 10, f"every field costs the worker time: {extra}"
        with_keys = {d["location"] for d in index["docs"] if any(f in d for f in extra)}
        assert "glossary/micro-influencer/" in with_keys
        assert all(loc.startswith("glossary/") and "#" not in loc and loc != "glossary/" for loc in with_keys)
    html = (built_site / "glossary" / "micro-influencer" / "index.html").read_text(encoding="utf-8")
    assert "microinfluencers_" not in html and "kb_a" not in html, "the keys are never shown"
