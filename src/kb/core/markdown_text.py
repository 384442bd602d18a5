"""Small helpers to put contributor text into generated Markdown safely and to make plain-text summaries."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|\*|`|(?<!\w)__?|__?(?!\w)")   # an underscore inside a word (utm_source) stays
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u017F0-9'\"(])")


def plain(text: str) -> str:
    """Markdown -> one line of plain text (links keep their words)."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def first_sentence(text: str, limit: int = 220) -> str:
    """The short definition shown on hover and in lists: the first sentence, cut at a word if long. Cached: a
    definition is summed up on its own page, on every page that relates to it, in the A-Z list, the quiz and
    the downloads (five times per entry and language at 1,000 entries, `make bench`)."""
    flat = plain(text)
    sentence = _SENTENCE_END.split(flat, maxsplit=1)[0]
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return sentence


def inline(text: str) -> str:
    """Plain text (a term, a locator) placed inside Markdown: HTML-escaped, Markdown signs neutralised."""
    escaped = html.escape(text, quote=True)
    return re.sub(r"([\\`*_\[\]{}#|])", r"\\\1", escaped)


def front_matter(**fields: str) -> str:
    """YAML front matter; JSON strings are valid YAML and need no further escaping."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def capitalise(term: str) -> str:
    """'parasociale interactie' -> 'Parasociale interactie' for headings; 'eWOM' stays as written."""
    return term[:1].upper() + term[1:] if term[:1].islower() and not term[1:2].isupper() else term
