"""Own words: find runs of words that a text shares with a source document.

The copy rule of the project: no run of RUN_LENGTH words of a seed may appear in our texts. Figures break a
run (a figure may be copied, a sentence may not), and the words of the works' own titles and citations are
allowed (a title is a name).
"""
from __future__ import annotations

import re
import unicodedata

RUN_LENGTH = 7


def words(text: str) -> list[str]:
    """Words only: case, accents, punctuation, line breaks and hyphens folded away."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", stripped)


def runs(text: str, n: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """Every run of n consecutive words; a figure (a word with a digit) ends a run."""
    found: set[tuple[str, ...]] = set()
    segment: list[str] = []
    for word in words(text) + ["0"]:
        if any(ch.isdigit() for ch in word):
            found.update(tuple(segment[i:i + n]) for i in range(len(segment) - n + 1))
            segment = []
        else:
            segment.append(word)
    return found


def shared_runs(text: str, seed_runs: dict[tuple[str, ...], str], allowed: set[tuple[str, ...]]) -> list[str]:
    """The runs of `text` that a seed holds too (as 'seed file: words'), titles and citations aside."""
    return sorted(f"{seed_runs[r]}: {' '.join(r)}" for r in runs(text) if r in seed_runs and r not in allowed)


def seed_runs(seeds: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Every run of every seed -> the seed's file name."""
    return {r: name for name, text in sorted(seeds.items()) for r in runs(text)}


def allowed_runs(citations: list[str]) -> set[tuple[str, ...]]:
    """Runs that may be shared: those inside the works' own citations (titles are names)."""
    return set().union(*(runs(c) for c in citations)) if citations else set()
