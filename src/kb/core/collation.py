"""Sort and compare terms the way a reader expects: accents and case folded, 'ë' filed under 'e'."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)          # the quiz compares the same few thousand names and definitions many times
def fold(text: str) -> str:
    """'Éénmalig Merk' -> 'eenmalig merk': for sorting and for spotting the same name twice."""
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(folded.replace("-", " ").split())


def initial(text: str) -> str:
    """The A-Z heading a term is listed under; digits and signs go under '#'."""
    first = fold(text)[:1].upper()
    return first if "A" <= first <= "Z" else "#"
