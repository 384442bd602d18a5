"""Page-relative URLs for the few links that leave the Markdown world (form actions, files written after the
build, links the quiz script makes), so MkDocs cannot write them for us.

They depend on the URL style: the published site uses directory URLs (`/trainers/`), the offline copy file
URLs (`trainers.html`). The MkDocs hook tells us which one is being built (`configure`).
"""
from __future__ import annotations

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
