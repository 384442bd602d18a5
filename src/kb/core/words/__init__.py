"""The UI words of the site, one data file per language (nl.yaml, en.yaml), loaded once through the strict loader."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kb.core import strict_yaml

HERE = Path(__file__).parent
LANGS = ("nl", "en")


@lru_cache(maxsize=None)
def load(lang: str) -> dict:
    """The nested word tree of one language; a broken file raises with every file:line problem."""
    doc, problems = strict_yaml.load(HERE / f"{lang}.yaml")
    if problems or doc is None or not isinstance(doc.data, dict):
        raise ValueError("\n".join(str(p) for p in problems) or f"{lang}.yaml: not a mapping")
    return doc.data


def section(dotted: str) -> dict[str, dict[str, str]]:
    """The keys under `dotted` (e.g. "core.labels") as {key: {"nl": ..., "en": ...}}, the shape modules use."""
    trees = {}
    for lang in LANGS:
        node = load(lang)
        for part in dotted.split("."):
            node = node[part]
        trees[lang] = node
    return {key: {lang: trees[lang][key] for lang in LANGS} for key in trees[LANGS[0]]}
