"""Hover definitions: the first mention of each glossary term on a page becomes a link to the term's page
(`<a class="kb-mention" href="…">`), so what shows a definition can always be clicked too. The site's
tooltip (docs/assets/term-tips.js) shows the short definition of every link to a term page, these and the
hand-written ones alike, on hover and on keyboard focus, from the definitions file `definitions_script`
writes per language. Without a link target (`href` not given) a mention becomes `<abbr title="…">`, as before.

Done on the rendered HTML in one pass of one regex (a prefix tree of every name), outside links, headings,
code and hyphenated compounds, so a page's cost does not grow with the size of the glossary.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from functools import cached_property

from typing import Callable

from kb.glossary.load import KnowledgeBase
from kb.core.markdown_text import capitalise, first_sentence

DEFINITIONS_FILE = "assets/kb-definitions-{lang}.js"     # in the built site, one per language

# Text inside these elements never gets a hover definition.
_SKIP = {"a", "abbr", "button", "code", "figure", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label", "option", "pre",
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
    def _ids(self) -> dict[str, str]:
        """Each entry id as it appears in an escaped href -> the id."""
        return {html_lib.escape(i, quote=True): i for i in sorted({entry_id for entry_id, _ in self.definitions.values()})}

    @cached_property
    def _pattern(self) -> re.Pattern:
        return re.compile(r"(?<![\w-])(" + _prefix_tree(self.definitions) + r")(?![\w-])")

    def annotate(self, html: str, own_id: str | None = None, href: Callable[[str], str] | None = None) -> str:
        """`html` with the first mention of each other entry made a link to its page (`href(entry id)` gives
        the URL), or without `href` wrapped in a focusable <abbr title>."""
        if not self.definitions:
            return html
        done = {own_id}
        if href is not None:                  # a term the page links to already gets no second link
            href, linked = _by_template(href, self._ids)
            done |= linked(set(_HREF.findall(html)))
        skip_depth = 0
        parts = _TAG.split(html)

        def wrap(match: re.Match) -> str:
            name = match.group(1)
            entry_id, short = self.definitions[name]
            if entry_id in done:
                return name
            done.add(entry_id)
            if href is not None:
                return f'<a class="kb-mention" href="{html_lib.escape(href(entry_id), quote=True)}">{name}</a>'
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


_HREF = re.compile(r'href="([^"]*)"')
_SLOT = "\x00"


def _by_template(href: Callable[[str], str], ids: dict[str, str]) -> tuple[Callable[[str], str],
                                                                  Callable[[set[str]], set[str]]]:
    """`href` worked out once per page, and which entries a set of the page's (escaped) hrefs points to. The URL
    of one term page from this page is the same for every entry but for the id: a relative path computed for
    each of 1,000 entries on each of 2,000 pages made this step 44 % of a large build (`make bench`); escaping
    every entry's URL to compare it with the page's links was the next 4 %, so each link is read back instead."""
    template = href(_SLOT)
    if template.count(_SLOT) != 1:
        return href, lambda present: {i for i in ids.values() if html_lib.escape(href(i), quote=True) in present}
    before, after = (html_lib.escape(part, quote=True) for part in template.split(_SLOT))

    def linked(present: set[str]) -> set[str]:
        found = (link[len(before):len(link) - len(after)] for link in present
                 if len(link) >= len(before) + len(after) and link.startswith(before) and link.endswith(after))
        return {ids[middle] for middle in found if middle in ids}
    return (lambda entry_id: template.replace(_SLOT, entry_id)), linked


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


def definitions(kb: KnowledgeBase, lang: str) -> dict[str, dict[str, str]]:
    """entry id -> {"t": term, "d": short definition} in plain text, for the site's tooltip."""
    return {entry.id: {"t": capitalise(entry.text[lang].term),
                       "d": first_sentence(entry.text[lang].definition).replace("\n", " ")}
            for entry in kb.sorted_entries(lang)}


def definitions_script(kb: KnowledgeBase, lang: str) -> str:
    """The definitions file of `lang`: a script that hands them to term-tips.js (window.kbDefinitions); a
    script element loads it, which also works in the offline copy opened from disk."""
    data = json.dumps(definitions(kb, lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = (data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return (f"window.kbDefinitions = window.kbDefinitions || {{}};\n"
            f"window.kbDefinitions[{json.dumps(lang)}] = {data};\n")
