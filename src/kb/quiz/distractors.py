"""Which glossary entries may be wrong options for a question about an entry, best first.

Only the entries students are known to confuse with it: its confusables (glossary/confusables.yaml), then the
confusables of its confusables in its own category. A blind review (December 2026) rejected the questions whose
wrong options came from the rest of the category or from related entries: a metric offered for a person, a law
for a quality. Never offered: an entry that is also right for it (also_right in confusables.yaml), an entry
whose term or synonym is one of its own names, or an entry whose term holds its term or is held by it
(influencer / micro-influencer: broader or narrower), in either language.
"""
from __future__ import annotations


from kb import LANGS
from kb.core.collation import fold
from kb.quiz.giveaway import letters
from kb.tiers.load import TIER_ORDER



def names(entry, lang: str) -> list[str]:
    """The term, its synonyms and abbreviation in one language."""
    text = entry.text[lang]
    return [text.term] + list(text.synonyms) + ([text.abbreviation] if text.abbreviation else [])


class Index:
    """The glossary arranged once per bank, so each question finds its candidates without sorting it again
    (a bank of a thousand entries stays linear)."""

    def __init__(self, kb):
        self.kb = kb
        self.everyone = sorted(kb.entries.values(), key=lambda e: e.id)
        self.folded = {e.id: {lang: {fold(n) for n in names(e, lang)} for lang in LANGS} for e in self.everyone}
        self.letters = {e.id: {lang: letters(e.text[lang].term) for lang in LANGS} for e in self.everyone}
        self._also_right: dict[str, set[str]] = {}
        self._excluded: dict[tuple[str, str], bool] = {}

    def excluded(self, entry, other) -> bool:
        """True when `other` may never be a wrong option for a question about `entry`."""
        key = (entry.id, other.id)
        if key not in self._excluded:
            self._excluded[key] = self._decide(entry, other)
        return self._excluded[key]

    def _decide(self, entry, other) -> bool:
        if entry.id not in self._also_right:
            self._also_right[entry.id] = self.kb.also_right_for(entry.id)
        if other.id == entry.id or other.id in self._also_right[entry.id]:
            return True
        for lang in LANGS:
            if self.folded[entry.id][lang] & self.folded[other.id][lang]:
                return True                               # a synonym of one is a name of the other
            short, long_ = sorted((self.letters[entry.id][lang], self.letters[other.id][lang]), key=len)
            if len(short) >= 4 and short in long_:
                return True                               # broader or narrower: influencer / micro-influencer
        return False

    def candidates(self, entry):
        """Every entry that may be a wrong option for `entry`, best first (see the module's docstring); lazy, so
        a question that needs three looks at few more."""
        by_id = self.kb.entries
        confused = [by_id[i] for i in self.kb.confused_with(entry.id) if i in by_id]
        second = [by_id[j] for c in confused for j in self.kb.confused_with(c.id) if j in by_id]
        seen: set[str] = set()
        for e in (*confused, *(e for e in second if e.category == entry.category)):
            if e.id not in seen:
                seen.add(e.id)
                if not self.excluded(entry, e):
                    yield e


def tier_candidates(right: str, defined: list[str], elsewhere: set[str]) -> list[str]:
    """Wrong tiers for a tier question about one source, best first: the tiers other sources put the same count
    in (what a student who half-remembers the figures would pick: two million followers is mega on one page,
    all-star in another scheme), then this source's own other tiers (the question is about its figures: a blind
    review rejected "30,000 followers: nano, mid-tier?" for a source without a mid-tier, and asked for its
    next level instead), then the tiers nearest to the answer on the scale (so it is not simply the largest or
    smallest tier offered). Mega and all-star are both offered where a source keeps them apart."""
    at = TIER_ORDER.index(right)

    def key(t: str):
        return (t not in elsewhere, t not in defined, abs(TIER_ORDER.index(t) - at), TIER_ORDER.index(t))
    return sorted((t for t in TIER_ORDER if t != right), key=key)
