"""Links inside contributor text that point at a page of this site must reach one.

MkDocs finds a broken relative link only while it builds, and then names the generated page, not the YAML
file and line the contributor wrote it on. This check finds the same links at `make check` time: every
`[text](target)` and `[label]: target` whose target has no scheme is resolved from the folder the text is
shown in (term pages in glossary/, the bibliography in sources/) and must name a page that is built.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path

from kb import LANGS
from kb.core.problems import Problem
from kb.core.strict_yaml import Document

_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*)?\)|^\s*\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SKIP = ("url", "citation", "seed", "key")       # fields that are never rendered as Markdown links


def pages(docs: Path, entry_ids, generated: tuple[str, str]) -> set[str]:
    """Every page address a link may name, as MkDocs resolves it (docs-relative, language suffix dropped):
    the term pages, the two generated indexes, the hand-written pages and any other file under docs/."""
    glossary, sources = generated
    found = {f"{glossary}/{i}.md" for i in entry_ids} | {f"{glossary}/index.md", f"{sources}/index.md"}
    if docs.is_dir():
        for path in docs.rglob("*"):
            if path.is_file():
                name = path.relative_to(docs).as_posix()
                parts = name.rsplit(".", 2)
                if len(parts) == 3 and parts[1] in LANGS and parts[2] == "md":
                    name = f"{parts[0]}.md"
                found.add(name)
    return found


def check(doc: Document, shown_in: str, known: set[str]) -> list[Problem]:
    """Every internal link of `doc` that names no page, at its line; `shown_in` is the docs folder its texts
    appear in ('glossary' for an entry)."""
    return list(_walk(doc, doc.data, (), shown_in, known))


def _walk(doc: Document, node, path: tuple, shown_in: str, known: set[str]):
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _SKIP:
                yield from _walk(doc, value, path + (key,), shown_in, known)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(doc, value, path + (i,), shown_in, known)
    elif isinstance(node, str) and ("](" in node or "]:" in node):
        for match in _TARGET.finditer(node):
            target = match.group(1) if match.group(1) is not None else match.group(2)
            page = _resolve(target, shown_in)
            if page is not None and page not in known and _checkable(page, known):
                yield _broken(doc, path, target, page, known, shown_in)


def _checkable(page: str, known: set[str]) -> bool:
    """A link to a hand-written page is judged only in a project that has hand-written pages (a test's data
    copy without docs/ pages cannot tell)."""
    return page.startswith(("glossary/", "sources/")) or any(not k.startswith(("glossary/", "sources/"))
                                                             and k.endswith(".md") for k in known)


def _resolve(target: str, shown_in: str) -> str | None:
    """The docs-relative page a relative link names, or None for a web address, an anchor or a mail link."""
    address = target.split("#", 1)[0].split("?", 1)[0]
    if not address or _SCHEME.match(address) or address.startswith("//"):
        return None
    if address.startswith("/"):
        return address                               # never a page: MkDocs wants relative links
    joined = posixpath.normpath(posixpath.join(shown_in, address))
    return f"{joined}/index.md".lstrip("./") if address.endswith("/") else joined


def _broken(doc: Document, path: tuple, target: str, page: str, known: set[str], shown_in: str) -> Problem:
    name = next((str(p) for p in reversed(path) if not isinstance(p, int)), "text")
    stem = posixpath.basename(page).removesuffix(".md")
    by_stem = {posixpath.basename(k).removesuffix(".md"): k for k in sorted(known, reverse=True)
               if k.endswith(".md") and not k.endswith("index.md")}
    near = difflib.get_close_matches(stem, list(by_stem), n=1)
    close = by_stem[near[0]] if near else None
    fix = f"did you mean '{posixpath.relpath(close, shown_in)}'? " if close else ""
    return doc.problem(path, f"'{name}' links to '{target}', which is not a page of the site.",
                       fix + "link to an entry by its file name, e.g. [influencer](influencer.md); to a "
                             "hand-written page with ../, e.g. [tiers](../tiers.md); or to a full https:// "
                             "address.")
