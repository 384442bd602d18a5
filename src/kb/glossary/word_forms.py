"""The word forms a reader may type for a term: plain Python, no search engine.

`phrase_forms("parasociale interactie", "nl")` gives the whole phrase written together, in each spelling a
reader may use ("parasocialeinteractie", plural "parasocialeinteracties"), and `word_forms` gives the forms of
each word in it ("parasociale", "parasociaal", "interactie", "interacties"). The rules are a handful of regular
Dutch and English patterns, not a dictionary: a rule that makes a word no one types does no harm (nobody
searches for it), a missing rule means a reader's form is not found. Forms are lowercase; accents are kept,
and also dropped ("beïnvloeder" and "beinvloeder"), as are apostrophes ("drie r's", "drie rs").

- Dutch adjectives before a noun: "sociale" <-> "sociaal", "fysieke" <-> "fysiek", "persoonlijk" ->
  "persoonlijke", "gesponsorde" -> "gesponsord", "positieve" -> "positief".
- Dutch nouns in -ie/-iteit and their adjective: "homofilie" -> "homofiel", "authenticiteit" -> "authentiek".
- Plurals of the last word: Dutch -s, -en, -heden, -'s, -ën; English -s, -es, -ies.
- Compounds: "micro-influencer", "micro influencer" and "microinfluencer" are the same phrase; a Dutch
  compound is also split after a word the glossary uses on its own ("merkambassadeur" -> "ambassadeur").
"""
from __future__ import annotations

import re
import unicodedata

VOWELS = "aeiouy"
_DIGRAPHS = ("aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ij", "ui", "au", "ou")
# Dutch nouns whose related adjective is not a prefix of them: homofilie -> homofiel.
_NL_NOUN_ADJECTIVE = (("filie", "fiel"), ("fobie", "foob"), ("iciteit", "iek"), ("iviteit", "ief"))
_EN_NOUN_ADJECTIVE = (("ibility", "ible"), ("ability", "able"), ("phily", "philic"), ("phily", "philous"))
# Short words that never make a search key on their own (articles, prepositions: "drie R's van invloed").
STOPWORDS = {
    "nl": {"de", "het", "een", "van", "als", "met", "op", "in", "en", "of", "voor", "tegenover", "aan", "bij",
           "uit", "naar", "om", "te", "door"},
    "en": {"the", "a", "an", "of", "as", "with", "on", "in", "and", "or", "for", "to", "towards", "by", "at",
           "from", "all"},
}


def normalise(text: str) -> str:
    """Lowercase, one space between words, typographic apostrophes made plain."""
    return " ".join(text.casefold().replace("\u2019", "'").replace("\u2018", "'").split())


def unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def spellings(word: str) -> set[str]:
    """The word as written, without accents and without apostrophes."""
    out = {word, unaccented(word)}
    out |= {w.replace("'", "") for w in out}
    return {w for w in out if w}


def words(phrase: str) -> list[str]:
    """The words of a phrase as the search engine splits them (spaces and hyphens), without the punctuation
    around them that no reader types ("(confluentials" -> "confluentials"; a lone "&" is no word)."""
    return [w for w in (_EDGES.sub("", w) for w in re.split(r"[\s\-]+", normalise(phrase))) if w]


_EDGES = re.compile(r"^[^\w']+|[^\w']+$")


def _is_vowel(ch: str) -> bool:
    return ch in VOWELS


def nl_uninflected(word: str) -> set[str]:
    """'sociale' -> 'sociaal', 'fysieke' -> 'fysiek', 'positieve' -> 'positief', 'grijze' -> 'grijs'."""
    if len(word) < 4 or not word.endswith("e") or word.endswith(("ee", "ie")):
        return set()
    stem = word[:-1]
    if stem.endswith("v"):
        return {stem[:-1] + "f"}
    if stem.endswith("z"):
        return {stem[:-1] + "s"}
    # an open syllable: a single vowel before a single consonant is long, and doubles when the -e goes
    if len(stem) >= 3 and not _is_vowel(stem[-1]) and stem[-2] in "aeou" and stem[-3:-1] not in _DIGRAPHS:
        return {stem[:-1] + stem[-2] + stem[-1]}
    return {stem}


def nl_inflected(word: str) -> set[str]:
    """'persoonlijk' -> 'persoonlijke', 'sociaal' -> 'sociale', 'actief' -> 'actieve', 'grijs' -> 'grijze'."""
    if len(word) < 4 or word.endswith("e") or _is_vowel(word[-1]):
        return set()
    if word[-3:-1] in ("aa", "ee", "oo", "uu") and not _is_vowel(word[-1]):
        return {word[:-3] + word[-2:] + "e"}          # sociaal -> sociale
    if word.endswith("f") and _is_vowel(word[-2]):
        return {word[:-1] + "ve"}
    if word.endswith("s") and _is_vowel(word[-2]):
        return {word[:-1] + "ze", word + "e"}
    return {word + "e"}


def nl_plurals(word: str) -> set[str]:
    """'influencer' -> 'influencers', 'relatie' -> 'relaties', 'beroemdheid' -> 'beroemdheden',
    'doelgroep' -> 'doelgroepen', 'ratio' -> "ratio's", 'categorie' -> 'categorieën', 'persoon' -> 'personen'."""
    if len(word) < 3 or not word.isalpha() or word.endswith("s"):
        return set()
    if word.endswith("heid"):
        return {word[:-4] + "heden"}
    if word.endswith("ie"):
        return {word + "s"}
    if word.endswith(("e", "el", "em", "en", "er", "eur", "eau", "je")):
        return {word + "s"}
    if word[-3:-1] in ("aa", "ee", "oo", "uu") and not _is_vowel(word[-1]):
        return {word[:-2] + word[-1] + "en"}
    return {word + "en"}


def en_plurals(word: str) -> set[str]:
    """'influencer' -> 'influencers', 'celebrity' -> 'celebrities', 'bias' -> 'biases'."""
    if len(word) < 3 or not word.isalpha() or (word.endswith("s") and not word.endswith("ss")):
        return set()
    if word.endswith("y") and not _is_vowel(word[-2]):
        return {word[:-1] + "ies"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    return {word + "s"}


def noun_adjectives(word: str, lang: str) -> set[str]:
    table = _NL_NOUN_ADJECTIVE if lang == "nl" else _EN_NOUN_ADJECTIVE
    return {word[: -len(end)] + other for end, other in table if word.endswith(end) and len(word) > len(end) + 2}


def word_forms(word: str, lang: str, *, last: bool) -> set[str]:
    """Forms of one word of a phrase. The last word is the noun (it gets plurals); a Dutch word before it may
    be an adjective (its other ending): 'niche' alone is not an inflected 'nich'."""
    out = {word}
    if lang == "nl" and not last:
        out |= nl_uninflected(word) | nl_inflected(word)
    out |= noun_adjectives(word, lang)
    if last:
        out |= (nl_plurals if lang == "nl" else en_plurals)(word)
    return {s for form in out for s in spellings(form)}


def phrase_forms(phrase: str, lang: str) -> set[str]:
    """The phrase written as one word: with or without spaces or hyphens it is one key ("micro-influencer",
    "micro influencer" and "microinfluencer"), plus the plural; a one-word phrase also gets its other forms
    ("homofilie" -> "homofiel")."""
    ws = words(phrase)
    if not ws:
        return set()
    joined = "".join(ws)
    head = "".join(ws[:-1])
    out = {joined} | {head + plural for plural in (nl_plurals if lang == "nl" else en_plurals)(ws[-1])}
    if len(ws) == 1:
        out |= noun_adjectives(joined, lang)
    return {s for form in out for s in spellings(form)}


def part_forms(phrase: str, lang: str, vocabulary: set[str] = frozenset()) -> set[str]:
    """The forms of each word of a phrase of more than one word ("parasociale", "parasociaal",
    "interactie", "interacties"), and the head of a compound after a word from `vocabulary`
    ("merkambassadeur" -> "ambassadeur" when "merk" is in it)."""
    ws = words(phrase)
    out: set[str] = set()
    for i, w in enumerate(ws):
        last = i == len(ws) - 1
        if len(ws) > 1 and w in STOPWORDS[lang]:
            out.add(w)                  # "of" in "number of followers": a reader types it, lunr matches it
        elif len(ws) > 1 and len(w) > 1:
            out |= word_forms(w, lang, last=last)
        for head in compound_heads(w, vocabulary):
            out |= word_forms(head, lang, last=last)
    return out


def compound_heads(word: str, vocabulary: set[str]) -> set[str]:
    """'merkambassadeur' -> {'ambassadeur'} if 'merk' is a known word (the longest known first part counts);
    'betrokkenheidspercentage' -> {'percentage'} (the linking s); and a known word the compound ends in:
    'merkwaardepiramide' -> {'piramide'}. Both parts have at least four letters."""
    heads = set()
    for cut in range(len(word) - 4, 3, -1):
        first, rest = word[:cut], word[cut:]
        if first in vocabulary:
            heads.add(rest[1:] if rest[0] == "s" and rest[1:] in vocabulary else rest)
            break
    for cut in range(4, len(word) - 3):
        if word[cut:] in vocabulary:
            heads.add(word[cut:])
    return heads - {word}
