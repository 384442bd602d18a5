"""The search steps the query-table tests share (served site and offline copy): type a query into Material's
search box like a reader, and read the pages it lists, in order."""
from __future__ import annotations

import re
import time
from pathlib import Path

import yaml

QUERIES = Path(__file__).parent / "data" / "search-queries.yaml"
LANG_DIRS = {"nl": "", "en": "en/"}


def query_table() -> dict[str, list[dict]]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def page_of(href: str, root: str) -> str:
    """A result link as a served page path under `root`: 'glossary/trust/' (the offline copy's
    'glossary/trust.html' and 'index.html' are made the same)."""
    path = re.sub(r"[?#].*$", "", href)
    path = path[len(root):] if path.startswith(root) else path
    path = re.sub(r"(^|/)index\.html$", r"\1", path)
    return re.sub(r"\.html$", "/", path)


def search(tab, query: str, root: str, timeout_s: float = 10.0) -> list[str]:
    """Type `query` (after clearing the box) and return the listed pages, best first, once the list has
    stopped changing."""
    box = tab.locator("input.md-search__input")
    box.focus()
    box.press("Control+a")
    box.press("Backspace")
    tab.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=5000)
    box.fill(query)                      # one query, not one per letter: no earlier result can linger
    box.press("End")                     # Material searches on the key events of the box
    read = ("() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]"
            ".map(a => a.href)")
    deadline, last = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        tab.wait_for_timeout(200)
        now = tab.evaluate(read)
        if now and now == last:
            return [page_of(h, root) for h in now]
        last = now
    return [page_of(h, root) for h in (last or [])]


def misses(tab, rows: list[dict], root: str) -> list[str]:
    """Every row whose page is not within its `top` (1 unless given): one line each, with what came first."""
    out = []
    for row in rows:
        pages = search(tab, str(row["query"]), root)
        top = row.get("top", 1)
        if row["page"] not in pages[:top]:
            rank = pages.index(row["page"]) + 1 if row["page"] in pages else None
            out.append(f"{row['query']!r}: {row['page']} is {rank or 'not listed'} (top {top}); first: {pages[:3]}")
    return out
