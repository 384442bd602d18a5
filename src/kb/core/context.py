"""One build's context, passed to what needs it instead of module-level stores.

What a build knows beyond the data (its URL style and address) and what it has made once and shares (the
question bank, the export files, their counts; each kept with the knowledge base it was made from, so a newer
data version never gets an old result). The engine adapter keeps one per build process; a function called
without one makes a fresh default context (tests, tools): the same results, only nothing is shared.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.core.urls import UrlStyle


@dataclass
class BuildContext:
    urls: UrlStyle = field(default_factory=UrlStyle)
    made: dict[str, tuple] = field(default_factory=dict)     # what -> (knowledge base, …, result)


def context(ctx: BuildContext | None) -> BuildContext:
    """`ctx`, or a fresh default one."""
    return ctx if ctx is not None else BuildContext()
