"""Page-relative URLs for the few links that leave the Markdown world (form actions, files written after the
build, links the quiz script makes), so MkDocs cannot write them for us.

They depend on the URL style: the published site uses directory URLs (`/trainers/`), the offline copy file
URLs (`trainers.html`). The MkDocs hook tells us which one is being built (`configure`).
"""
from __future__ import annotations

import posixpath

from kb import LANGS

_style = {"directory_urls": True, "site_url": "https://influencer-kennisbank.github.io/"}


def configure(directory_urls: bool, site_url: str | None) -> None:
    """Called by the MkDocs hook with the URL style and address of the build in progress."""
    _style["directory_urls"] = bool(directory_urls)
    if site_url:
        _style["site_url"] = site_url.rstrip("/") + "/"


def directory_urls() -> bool:
    return _style["directory_urls"]


def site_url() -> str:
    return _style["site_url"]


def to_site_root(lang: str) -> str:
    """From a top-level page of `lang` (trainers, quiz) back to the site root."""
    depth = (0 if lang == LANGS[0] else 1) + (1 if _style["directory_urls"] else 0)
    return "../" * depth


def to_language_root() -> str:
    """From a top-level page (trainers, quiz) to the home of the same language."""
    return "../" if _style["directory_urls"] else ""


def page(name: str) -> str:
    """A page's path below its language root: 'glossary/trust' -> 'glossary/trust/' or 'glossary/trust.html'."""
    return f"{name}/" if _style["directory_urls"] else f"{name}.html"


def relative(from_page_url: str, to_path: str) -> str:
    """A link from the page at `from_page_url` (as MkDocs gives page.url: 'glossary/trust/', 'en/quiz.html',
    '') to `to_path` below the site root ('en/glossary/trust/'), relative, keeping a trailing slash."""
    if from_page_url.endswith("/") or not from_page_url:
        base = from_page_url
    else:
        base = posixpath.dirname(from_page_url) + "/" if "/" in from_page_url else ""
    rel = posixpath.relpath(to_path, base.rstrip("/") or ".")
    return rel + "/" if to_path.endswith("/") and not rel.endswith("/") else rel


def term_page(lang: str, entry_id: str) -> str:
    """A term page's path below the site root, in the build's URL style."""
    return ("" if lang == LANGS[0] else f"{lang}/") + page(f"glossary/{entry_id}")
