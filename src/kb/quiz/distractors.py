"""Which glossary entries may be wrong options for a question about an entry, best first.

Order: the entries students confuse with it (glossary/confusables.yaml), then its related entries (both ways),
then the rest of its category in a seeded order (details in `candidates`). Never offered: an entry that is also right for it (also_right
in confusables.yaml), an entry whose term or synonym is one of its own names, or an entry whose term holds its
term or is held by it (influencer / micro-influencer: broader or narrower), in either language.
"""
from __future__ import annotations

import random

from kb import LANGS
from kb.core.collation import fold
from kb.quiz.giveaway import contains_term
from kb.tiers.load import TIER_ORDER


def names(entry, lang: str) -> list[str]:
    """The term, its synonyms and abbreviation in one language."""
    text = entry.text[lang]
    return [text.term] + list(text.synonyms) + ([text.abbreviation] if text.abbreviation else [])


def excluded(kb, entry, other) -> bool:
    """True when `other` may never be a wrong option for a question about `entry`."""
    if other.id == entry.id or other.id in kb.also_right_for(entry.id):
        return True
    for lang in LANGS:
        own = {fold(n) for n in names(entry, lang)}
        theirs = {fold(n) for n in names(other, lang)}
        if own & theirs:
            return True                                   # a synonym of one is a name of the other
        if contains_term(entry.text[lang].term, other.text[lang].term):
            return True                                   # broader or narrower: influencer / micro-influencer
    return False


def candidates(kb, entry, rng: random.Random) -> list:
    """Every entry that may be a wrong option for `entry`, best first (see the module's docstring): confusables;
    related entries of its own category; the confusables of its confusables in its category (the tiers next to
    the neighbouring tier); the other related entries; the rest of its category, in a seeded order."""
    by_id = kb.entries
    everyone = sorted(by_id.values(), key=lambda e: e.id)
    confused = [by_id[i] for i in kb.confused_with(entry.id) if i in by_id]
    related = [by_id[i] for i in entry.related if i in by_id]
    related += [e for e in everyone if entry.id in e.related]
    second = [by_id[j] for c in confused for j in kb.confused_with(c.id) if j in by_id]
    same = [e for e in everyone if e.category == entry.category]
    rng.shuffle(same)
    near = [e for e in related + second if e.category == entry.category]
    ordered = list({e.id: e for e in confused + near + related + same}.values())
    return [e for e in ordered if not excluded(kb, entry, e)]


def others(kb, entry, taken: set[str]) -> list:
    """Every other entry that may be a wrong option, in id order: where the best candidates all lack a word the
    stem shares with the answer, one of these may share it (brand partnership / brand awareness)."""
    return [e for e in sorted(kb.entries.values(), key=lambda e: e.id)
            if e.id not in taken and not excluded(kb, entry, e)]


def tier_candidates(right: str, defined: list[str], also_right: set[str]) -> list[str]:
    """Wrong tiers for a tier question: the tiers the source itself defines, nearest to the right one first,
    then the other tiers by distance; never one that is also right (mega / all-star)."""
    at = TIER_ORDER.index(right)
    others = [t for t in TIER_ORDER if t != right and t not in also_right]
    return sorted(others, key=lambda t: (t not in defined, abs(TIER_ORDER.index(t) - at), TIER_ORDER.index(t)))
