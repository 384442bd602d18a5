"""Hover definitions: the Markdown abbreviation lines (`*[term]: short definition`) a page needs.

Only the names that occur in the page are appended, so a page's cost does not grow with the glossary.
"""
from __future__ import annotations

import re
from functools import cached_property

from .catalog import KnowledgeBase
from .markdown_text import capitalise, first_sentence


class Tooltips:
    def __init__(self, kb: KnowledgeBase, lang: str):
        self.lang = lang
        self.definitions: dict[str, tuple[str, str]] = {}     # name as written -> (entry id, short definition)
        for entry in kb.entries.values():
            text = entry.text[lang]
            short = first_sentence(text.definition).replace("\n", " ")
            names = [text.term, capitalise(text.term)] + text.synonyms
            if text.abbreviation:
                names.append(text.abbreviation)
            for name in names:
                if "]" not in name and name not in self.definitions:
                    self.definitions[name] = (entry.id, short)

    @cached_property
    def _pattern(self) -> re.Pattern:
        return re.compile(r"(?<![\w-])(" + _prefix_tree(self.definitions) + r")(?![\w-])")

    def lines_for(self, markdown: str, own_id: str | None = None) -> str:
        """Abbreviation lines for the names found in `markdown` (not the page's own term)."""
        if not self.definitions:
            return ""
        found = {m.group(1) for m in self._pattern.finditer(markdown)}
        lines = [f"*[{name}]: {self.definitions[name][1]}" for name in sorted(found)
                 if self.definitions[name][0] != own_id]
        # one paragraph per line: Markdown re-scans the rest of a block after each definition it takes
        return "\n\n" + "\n\n".join(lines) + "\n" if lines else ""


def _prefix_tree(names) -> str:
    """One regex for many names, shaped as a prefix tree: at each position of the text only the branch that
    fits the next character is tried, so the cost per page no longer grows with the size of the glossary.
    Longer names win, as with a longest-first alternation: the optional tail is greedy and at most one
    branch fits the next character."""
    tree: dict = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return emit(tree)


_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
_NO_TOOLTIP_ZONES = re.compile(r"<(a|h[1-6])\b[^>]*>.*?</\1>", re.DOTALL)
# Markdown's abbr matches at word boundaries, so 'influencer' also lights up inside 'micro-influencer'.
_INSIDE_COMPOUND = re.compile(r'(?<=[\w-])<abbr title="[^"]*">([^<]*)</abbr>|<abbr title="[^"]*">([^<]*)</abbr>(?=-\w)')


def tidy(html: str) -> str:
    """One hover definition per term per page, none inside links, headings or compounds; reachable by keyboard."""
    html = _NO_TOOLTIP_ZONES.sub(lambda m: _ABBR.sub(r"\2", m.group(0)), html)
    html = _INSIDE_COMPOUND.sub(lambda m: m.group(1) or m.group(2), html)
    seen: set[str] = set()

    def first_only(match: re.Match) -> str:
        key = match.group(2).casefold()
        if key in seen:
            return match.group(2)
        seen.add(key)
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'
    return _ABBR.sub(first_only, html)
