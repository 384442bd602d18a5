"""Page-relative URLs for the few links that leave the Markdown world (form actions, files written after the
build, links the quiz script makes), so MkDocs cannot write them for us.

They depend on the URL style: the published site uses directory URLs (`/trainers/`), the offline copy file
URLs (`trainers.html`). The engine adapter says which one is being built: a `UrlStyle` in the build's
context (kb.core.context).
"""
from __future__ import annotations

from dataclasses import dataclass

from kb import LANGS

PUBLISHED_SITE = "https://influencer-kennisbank.github.io/"


@dataclass(frozen=True)
class UrlStyle:
    directory_urls: bool = True
    site_url: str = PUBLISHED_SITE         # with a trailing slash

    @classmethod
    def of(cls, directory_urls: bool, site_url: str | None) -> "UrlStyle":
        """The style of a build, from its configuration (a missing address keeps the published one)."""
        return cls(bool(directory_urls), site_url.rstrip("/") + "/" if site_url else PUBLISHED_SITE)

    def to_site_root(self, lang: str) -> str:
        """From a top-level page of `lang` (trainers, quiz) back to the site root."""
        depth = (0 if lang == LANGS[0] else 1) + (1 if self.directory_urls else 0)
        return "../" * depth

    def to_language_root(self) -> str:
        """From a top-level page (trainers, quiz) to the home of the same language."""
        return "../" if self.directory_urls else ""

    def page(self, name: str) -> str:
        """A page's path below its language root: 'glossary/trust' -> 'glossary/trust/' or 'glossary/trust.html'."""
        return f"{name}/" if self.directory_urls else f"{name}.html"
