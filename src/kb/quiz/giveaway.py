"""Does a question's stem give its answer away? Plain-Python word matching for Dutch and English.

A stem word gives the answer away when it matches a word of the right option and no word of any wrong option.
Two words match when, after folding case and accents and a light stemming (plural, -ing, -ed, -heid, …):
- they are the same stem ("volgers" / "volger"), or
- one stem of at least 5 letters begins or ends the other word (7 letters: anywhere in it): a compound part
  ("piramide" in "merkwaardepiramide", "volgers" in "volgersaantal", "marketing" in "influencermarketing",
  but not "social" in "associations"), or
- they start with the same 6 letters and the shorter stem has at most 3 more ("persuade" / "persuasion",
  "investering" / "investment").
Function words (de, het, the, of, …) never count. The same rules tell near-duplicate options apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kb.core.collation import fold

MIN_WORD = 4                 # a shorter stem word counts only in capitals (an abbreviation: PSI, ROI)
MIN_PART = 5                 # a stem this long counts when it is part of a longer word (compound part)
MIN_MIDDLE = 7               # a part inside a word (not at its start or end) counts from this length
MIN_PREFIX = 6               # two words sharing this many first letters are one word family

STOPWORDS = {
    "nl": set("""de het een en of in op met voor van die dat dit deze is zijn was waren wordt worden werd als door
        naar te aan om bij ook niet maar wat hoe wie welk welke dan er zo nog al wel meer minder veel vaak hun haar
        hij zij ze je jij u we wij ons onze zich zelf tot uit over onder tussen na sinds tegen zonder iets iemand
        elk elke ieder iedere andere ander kan kunnen moet moeten mag mogen zal zullen heeft hebben had hadden
        geen alleen waar waarbij waarin waarmee waardoor daar hier dus toch omdat want even beter zoals bijvoorbeeld
        gaat gaan doet doen komt komen staat staan ene twee""".split()),
    "en": set("""the a an and or of in on at to for with by from as is are was were be been being it its this that
        these those which who whom whose what how when where why not no but also than then so such their they them
        he she his her you your we our us one ones can could may might must will would should has have had do does
        did into onto over under between after before about against without more most less many much some any each
        every other another own same very often only just even there here both either neither two""".split()),
}
_SUFFIXES = {
    "nl": ("heden", "heid", "ingen", "ing", "ende", "end", "ers", "er", "en", "es", "s", "e", "t"),
    "en": ("ations", "ation", "ness", "ings", "ing", "ies", "ied", "ed", "es", "s", "e"),
}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=65536)            # pure functions of their text: a bank asks the same thing many times
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text).replace("-", " ").replace("’", "'")))


def words(text: str) -> list[str]:
    """The folded words of a text, in order (hyphens and apostrophes split compounds: mid-tier -> mid, tier)."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """A light stem: the longest listed suffix removed when at least 4 letters stay ("volgers" -> "volg")."""
    for suffix in _SUFFIXES.get(lang, _SUFFIXES["en"]):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def content_words(text: str, lang: str) -> list[str]:
    """The words that carry meaning: no function words, no single letters or numbers."""
    return list(_content_words(text, lang))


@lru_cache(maxsize=65536)
def _content_words(text: str, lang: str) -> tuple[str, ...]:
    stop = STOPWORDS.get(lang, set()) | STOPWORDS["en"]
    return tuple(w for w in _words(text) if w not in stop and len(w) > 1 and not w.isdigit())


@lru_cache(maxsize=262144)
def same_family(a: str, b: str, lang: str) -> bool:
    """True when two folded words are one stem, a compound part of each other, or share a long beginning."""
    if a == b:
        return True
    sa, sb = stem(a, lang), stem(b, lang)
    if sa == sb:
        return True
    for part, whole in ((a, b), (sa, b), (b, a), (sb, a)):
        if len(part) >= MIN_PART and (whole.startswith(part) or whole.endswith(part) or whole[:-1].endswith(part)
                                      or (len(part) >= MIN_MIDDLE and part in whole)):
            return True
    prefix = len(_common_prefix(sa, sb))
    return prefix >= MIN_PREFIX and min(len(sa), len(sb)) - prefix <= 3


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def shared(text_words: list[str], other: str, lang: str) -> list[str]:
    """The words of `text_words` that match some content word of `other`."""
    others = _content_words(other, lang)
    return [w for w in text_words if any(same_family(w, o, lang) for o in others)]


def giveaways(stem_text: str, right: str, wrong: list[str], lang: str, ignore: set[str] = frozenset()) -> list[str]:
    """The stem's words that match the right option and none of the wrong ones (each once, in stem order).

    `ignore`: folded words of a fixed lead-in ("Which term matches this description?"), never counted. Words of
    fewer than 4 letters count only when written in capitals (PSI, ROI): "new" or "job" give nothing away."""
    capitals = {fold(w) for w in re.findall(r"\b[A-Z]{2,3}\b", stem_text)}
    candidates = [w for w in dict.fromkeys(content_words(stem_text, lang))
                  if w not in ignore and (len(w) >= MIN_WORD or w in capitals)]
    hits = shared(candidates, right, lang)
    return [w for w in hits if not any(shared([w], option, lang) for option in wrong)]


@lru_cache(maxsize=65536)
def _normalised(text: str) -> str:
    return "".join(_words(text))


def near_duplicate(a: str, b: str, lang: str) -> bool:
    """Two options a student cannot tell apart: equal once folded and stripped of punctuation, or the same
    words in another order or form ("brand association" / "brand associations")."""
    na, nb = _normalised(a), _normalised(b)
    if na == nb:
        return True
    sa, sb = _stems(a, lang), _stems(b, lang)           # every word counts here: "post A" is not "post B"
    return bool(sa) and sa == sb


@lru_cache(maxsize=65536)
def _stems(text: str, lang: str) -> tuple[str, ...]:
    return tuple(sorted(stem(w, lang) for w in _words(text)))


def letters(text: str) -> str:
    """The folded letters and digits of a text, without spaces or punctuation ('Micro-influencer' -> 'microinfluencer')."""
    return _normalised(text)


def contains_term(a: str, b: str) -> bool:
    """One term holds the other (influencer / micro-influencer, resonantie / merkresonantie): broader or
    narrower, so never a wrong option for the other."""
    na, nb = _normalised(a), _normalised(b)
    short, long_ = sorted((na, nb), key=len)
    return len(short) >= 4 and short in long_
