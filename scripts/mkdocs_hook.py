"""The thin layer between MkDocs and the plain-Python knowledge base in scripts/kb/.

Everything the site shows is produced by kb.*; this file only says *when* (MkDocs events) and *where*
(the current language). Moving to another engine means rewriting this file, not the content logic.
"""
from __future__ import annotations

import logging
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb import blocks, catalog, exports, pages, sanitise, site_files, trainer_page   # noqa: E402
from kb.problems import ValidationFailed                             # noqa: E402
from kb.tooltips import Tooltips                                     # noqa: E402

log = logging.getLogger("mkdocs.hooks.kb")
_state: dict = {"fingerprint": None, "kb": None, "tooltips": {}}


def _data_fingerprint(root: Path) -> tuple:
    """Changes whenever a data file, schema or hand-written page changes: then we validate again."""
    files = [p for d in ("glossary", "quiz", "docs") for p in (root / d).rglob("*")
             if p.is_file() and not _is_generated(root, p)]
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


def _is_generated(root: Path, path: Path) -> bool:
    rel = path.relative_to(root).parts
    return rel[0] == "docs" and len(rel) > 1 and rel[1] in pages.GENERATED_DIRS


def on_pre_build(config) -> None:
    """Validate all data and (re)write the generated pages; a problem stops the build before anything is written."""
    root = Path(config.config_file_path).resolve().parent
    fingerprint = _data_fingerprint(root)
    if fingerprint == _state["fingerprint"]:
        return
    try:
        kb = catalog.load(root)
    except ValidationFailed as failed:
        _state["fingerprint"] = None
        raise PluginError(f"{failed}\n\nThe site was not built. Fix the problems above and save again.") from None
    changed = site_files.sync(Path(config.docs_dir), pages.generate(kb), pages.GENERATED_DIRS)
    log.info(f"knowledge base: {len(kb.entries)} entries, {changed} generated files updated")
    _state.update(fingerprint=fingerprint, kb=kb, tooltips={})


def on_config(config):
    """The trainers' page links to files and the quiz by hand: tell it the URL style (the offline copy differs)."""
    trainer_page.configure(config.use_directory_urls, config.site_url)
    i18n = config.plugins.get("i18n")
    if i18n is not None and hasattr(i18n, "reconfigure_search_duplicates"):
        i18n.reconfigure_search_duplicates = lambda entries: _drop_search_duplicates(i18n.build_languages, entries)
    return config


def _drop_search_duplicates(languages, entries: list[dict]) -> None:
    """What mkdocs-static-i18n 1.3 does after the last language build, in linear instead of quadratic time
    (1.5 s of a 1,000-entry build): drop a /<lang>/ search entry whose title and text equal those of a
    default-language entry at the same path."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    translated: dict[tuple, list[dict]] = {}
    for entry in entries:
        if entry["location"].startswith(prefixes):
            translated.setdefault((entry["title"], entry["text"]), []).append(entry)
    duplicates = {id(twin) for entry in entries if not entry["location"].startswith(prefixes)
                  for twin in translated.get((entry["title"], entry["text"]), ())
                  if twin["location"].endswith(entry["location"])}
    entries[:] = [entry for entry in entries if id(entry) not in duplicates]


def on_post_build(config) -> None:
    """Write the trainers' downloads (GIFT, Kahoot, Anki) once, into the site root; they are never committed.
    In each other language's build, give that language its sitemap too: Material's language switcher asks
    for `<language>/sitemap.xml` and would otherwise get a 404."""
    lang = _language(config)
    if lang != config.plugins["i18n"].default_language:
        root_sitemap = Path(config.site_dir) / "sitemap.xml"     # the i18n plugin keeps site_dir at the root
        if root_sitemap.exists():
            shutil.copyfile(root_sitemap, Path(config.site_dir) / lang / "sitemap.xml")
        return
    if _state["kb"] is None:
        return
    counts = exports.write_all(_state["kb"], Path(config.site_dir) / exports.DOWNLOADS, config.site_url or "")
    log.info("trainer downloads: " + ", ".join(f"{lang} GIFT {c.gift}, Kahoot {c.kahoot} (+{c.kahoot_left_out} "
                                               f"left out), Anki {c.anki_notes}" for lang, c in counts.items()))


def _language(config) -> str:
    return config.plugins["i18n"].current_language


def on_page_markdown(markdown: str, page, config, files) -> str:
    return blocks.expand(markdown, _state["kb"], _language(config), page.file.src_uri)


def _is_generated_index(page) -> bool:
    parts = Path(page.file.src_uri).parts
    return len(parts) == 2 and parts[0] in pages.GENERATED_DIRS and parts[1].startswith("index.")


def on_page_content(html: str, page, config, files) -> str:
    """Term pages are built from contributor text: sanitise their HTML once more, in depth. Then the first
    mention of each term gets its hover definition (not on the A-Z and sources pages: they list them all)."""
    if _is_term_page(page):
        html = sanitise.clean(html)
    if _is_generated_index(page):
        return html
    lang = _language(config)
    tooltips = _state["tooltips"].get(lang)
    if tooltips is None:   # built once per language and data version, not per page (it holds every term)
        tooltips = _state["tooltips"][lang] = Tooltips(_state["kb"], lang)
    own = Path(page.file.src_uri).name.split(".")[0] if _is_term_page(page) else None
    return tooltips.annotate(html, own)


def _is_term_page(page) -> bool:
    parts = Path(page.file.src_uri).parts
    return len(parts) == 2 and parts[0] == pages.GLOSSARY and not parts[1].startswith("index.")


_ROOT_ABSOLUTE_ALTERNATE = re.compile(r'((?:<a|<link rel="alternate") href=")/([^"]*)(" hreflang=)')


def on_post_page(output: str, page, config) -> str:
    """The i18n plugin gives the home pages root-absolute switcher links ('/en/'); make them page-relative,
    so the language switcher also works under a sub-path and in the offline copy opened from disk."""
    up = "../" * page.url.count("/")
    return _ROOT_ABSOLUTE_ALTERNATE.sub(lambda m: f"{m.group(1)}{(up + m.group(2)) or './'}{m.group(3)}", output)
