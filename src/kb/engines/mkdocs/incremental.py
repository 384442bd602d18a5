"""`make serve` renders again only what an edit changed (MkDocs' dirty build), not every page of both languages.

MkDocs' `--dirty` renders a page when its source is newer than its HTML. The generated pages are rewritten only
when their text changes (kb.site.files.sync), so an edited entry's own pages, the A–Z list and the concept map
are newer and rendered again by MkDocs itself. What else an edit changes is decided here:

- the names of the entries (terms, synonyms, abbreviations, in either language), the set of entries, the
  drafts, mkdocs.yml, a template in overrides/ or a hand-written page: any page may change (a term is linked
  differently, a draft notice, the layout, a title in the navigation) -> the site folder is emptied and every
  page rendered again, as in a full build (so the page of a deleted entry goes too);
- any other data change: a page with generated blocks (quiz, tiers, handout, translations, trainers) is
  rendered again if its blocks now say something else. The trainers' page always is: its blocks show what the
  downloads hold, which are counted beside the build, and comparing them first would make every page wait.
A page that is not rendered again is still read for its title, which the pages around it show.
The hover definitions, downloads and quiz banks are files of their own, remade per data version anyway.

Material's search index of a dirty build holds only the pages rendered in it (and it merges languages wrongly
when it keeps its previous index), so its own memory is switched off and kb.engines.mkdocs.search.split keeps
each language's entries of the pages not rendered again.
"""
from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kb.core.data_file import stamps

EVERYTHING = "everything"
_DIRTY_WARNING = "A 'dirty' build is being performed"


def names(kb) -> tuple:
    """What every page's links depend on: each entry's names in each language, and the drafts."""
    return (tuple(sorted((entry.id, lang, text.term, text.abbreviation, tuple(text.synonyms))
                         for entry in kb.entries.values() for lang, text in sorted(entry.text.items()))),
            tuple(tuple(d) for d in kb.drafts))


def frame(root: Path, generated_dirs) -> tuple:
    """What every page is framed by: mkdocs.yml, the templates and the hand-written pages (their titles are in
    every page's navigation). A change there changes every page's HTML."""
    files = [root / "mkdocs.yml", *(p for p in sorted((root / "overrides").rglob("*")) if p.is_file()),
             *(p for p in sorted((root / "docs").rglob("*.md"))
               if p.relative_to(root / "docs").parts[0] not in generated_dirs)]
    return stamps(files)


@dataclass
class Rerender:
    """What the current rebuild renders beside what MkDocs finds newer (one decision for both languages)."""

    what: str | None = None                   # EVERYTHING, "blocks" or None
    block_pages: dict[str, tuple] = field(default_factory=dict)   # src_uri -> what its blocks said
    names: tuple | None = None
    frame: tuple | None = None
    cleaned: bool = False                     # the site folder was emptied in this rebuild
    writing: bool = False                     # this rebuild got past the data check: pages may be written

    def data_changed(self, kb) -> None:
        """Called when the data was loaded again: decide what beyond the newer files must be rendered."""
        new_names = names(kb)
        self.what = EVERYTHING if self.names is None or new_names != self.names else (self.what or "blocks")
        self.names = new_names

    def rebuild_starts(self, root: Path, generated_dirs) -> None:
        """Called once per rebuild, first: an edit of a template or a hand-written page re-renders every page."""
        self.cleaned = self.writing = False
        new_frame = frame(root, generated_dirs)
        if new_frame != self.frame:
            self.what, self.frame = EVERYTHING, new_frame

    def clean(self, site_dir: str) -> None:
        """Every page renders again: start from an empty folder, as a full build does (a deleted entry's page
        must not stay behind)."""
        if self.everything and not self.cleaned:
            for child in (Path(site_dir).iterdir() if Path(site_dir).is_dir() else ()):   # the folder stays: served
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            self.cleaned = True

    def forget_pages(self, files, said: Callable[[str], tuple | None]) -> None:
        """After a data change: delete the HTML of the pages whose generated blocks changed, so MkDocs renders
        them. `said(page's Markdown)`: what its blocks say now; None when that cannot be known yet."""
        self.writing = True
        if self.what is None:
            return
        for file in files.documentation_pages():
            before = self.block_pages.get(file.src_uri)
            if before is None or not os.path.isfile(file.abs_dest_path):
                continue
            if self.everything or said(Path(file.abs_src_path).read_text(encoding="utf-8")) != before:
                os.remove(file.abs_dest_path)

    @property
    def everything(self) -> bool:
        return self.what == EVERYTHING

    def rendered(self, src_uri: str, said: tuple) -> None:
        """A page was rendered: remember what its generated blocks said, if it has any."""
        if said:
            self.block_pages[src_uri] = said

    def failed(self) -> None:
        """A rebuild failed. Bad data stops it before anything is written; a failure after that may leave pages
        and the search index out of step, so the next rebuild renders everything."""
        if self.writing:
            self.what = EVERYTHING

    def done(self) -> None:
        self.what, self.cleaned = None, False


def read_titles(nav, config) -> None:
    """A page not rendered again still names the pages around it (navigation, previous/next): MkDocs leaves
    the title of a page it does not read empty ('None'), so the pages without a title in mkdocs.yml are read."""
    for page in nav.pages:
        if page.markdown is None and not page.file.is_modified():
            page.read_source(config)


class _HideDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; the site is strict, so that warning would stop `make serve`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


def allow_dirty_builds(config) -> None:
    """Let a strict `mkdocs serve --dirty` build, and keep Material's search from merging old indexes."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _HideDirtyWarning) for f in logger.filters):
        logger.addFilter(_HideDirtyWarning())
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and hasattr(search, "is_dirty"):
        search.is_dirty = False
