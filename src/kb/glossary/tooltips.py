"""Hover definitions: the first mention of each glossary term on a page becomes `<abbr title="…">`.

Done on the rendered HTML in one pass of one regex (a prefix tree of every name), outside links, headings,
code and hyphenated compounds, so a page's cost does not grow with the size of the glossary. Material's
`content.tooltips` shows the title on hover and on keyboard focus (hence tabindex="0").
"""
from __future__ import annotations

import html as html_lib
import re
from functools import cached_property

from kb.glossary.load import KnowledgeBase
from kb.core.markdown_text import capitalise, first_sentence

# Text inside these elements never gets a hover definition.
_SKIP = {"a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label", "option", "pre",
         "script", "select", "style", "svg", "textarea", "title"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)")


class Tooltips:
    def __init__(self, kb: KnowledgeBase, lang: str):
        self.lang = lang
        self.definitions: dict[str, tuple[str, str]] = {}     # name as written -> (entry id, short definition)
        for entry in kb.entries.values():
            text = entry.text[lang]
            short = html_lib.escape(first_sentence(text.definition).replace("\n", " "), quote=True)
            names = [text.term, capitalise(text.term)] + text.synonyms
            if text.abbreviation:
                names.append(text.abbreviation)
            for name in names:
                self.definitions.setdefault(html_lib.escape(name, quote=False), (entry.id, short))

    @cached_property
    def _pattern(self) -> re.Pattern:
        return re.compile(r"(?<![\w-])(" + _prefix_tree(self.definitions) + r")(?![\w-])")

    def annotate(self, html: str, own_id: str | None = None) -> str:
        """`html` with the first mention of each other entry wrapped in a focusable <abbr title>."""
        if not self.definitions:
            return html
        done = {own_id}
        skip_depth = 0
        parts = _TAG.split(html)

        def wrap(match: re.Match) -> str:
            name = match.group(1)
            entry_id, short = self.definitions[name]
            if entry_id in done:
                return name
            done.add(entry_id)
            return f'<abbr title="{short}" tabindex="0">{name}</abbr>'

        for i, part in enumerate(parts):
            if i % 2:                                   # a tag
                match = _TAG_NAME.match(part)
                if match and match.group(2).lower() in _SKIP and not part.endswith("/>"):
                    skip_depth += -1 if match.group(1) else 1
                    skip_depth = max(skip_depth, 0)
            elif part and not skip_depth:
                parts[i] = self._pattern.sub(wrap, part)
        return "".join(parts)


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
