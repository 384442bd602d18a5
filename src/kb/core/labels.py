"""Every word the generated glossary pages show, in both languages, read from the per-language data files."""
from __future__ import annotations

from kb.core import words

LABELS: dict[str, dict[str, str]] = words.section("core.labels")   # the words live in kb/core/words/{nl,en}.yaml


def pick(table: dict[str, dict[str, str]], key: str, lang: str, **values) -> str:
    """The label `key` of a module's label table in `lang`, with {placeholders} filled in."""
    text = table[key][lang]
    return text.format(**values) if values else text


def t(key: str, lang: str, **values) -> str:
    """A label of the generated glossary pages (the table above)."""
    return pick(LABELS, key, lang, **values)
