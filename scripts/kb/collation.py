"""Sort and compare terms the way a reader expects: accents and case folded, 'ë' filed under 'e'."""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'Éénmalig Merk' -> 'eenmalig merk': for sorting and for spotting the same name twice."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("-", " ").split())


def initial(text: str) -> str:
    """The A-Z heading a term is listed under; digits and signs go under '#'."""
    first = fold(text)[:1].upper()
    return first if "A" <= first <= "Z" else "#"
