"""The thin layer between MkDocs and the plain-Python knowledge base in src/kb/.

Everything the site shows is produced by kb.*; this file only says *when* (MkDocs events), *where* (the
current language) and what runs beside MkDocs on the machine's other core: the downloads and quiz banks
(kb.side_build) and, in `mkdocs build`, the English pages (mkdocs_parallel_languages.py). Moving to another
engine means rewriting this file, not the content logic.
"""
from __future__ import annotations

from html import escape as html_escape
import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.engines.mkdocs import incremental
from kb.engines.mkdocs import parallel
from kb.engines.mkdocs import search as search_per_language
from kb.engines.mkdocs import search_keys
from kb import LANGS
from kb.engines.mkdocs import serve_errors
from kb.site import blocks
from kb.site import load as knowledge_base
from kb.exports import build as exports
from kb.glossary import render as pages
from kb.site import page_sources
from kb.site import sanitise
from kb.site import files as site_files
from kb.core.context import BuildContext
from kb.core.data_file import CheckedFiles, stamps
from kb.core.urls import UrlStyle
from kb.core.urls import relative as relative_url
from kb.site.side_build import SideBuild, SideBuildFailed, Worker
from kb.core.problems import ValidationFailed
from kb.glossary.tooltips import Tooltips

log = logging.getLogger("mkdocs.hooks.kb")
TERM_TIPS_SCRIPT = "assets/term-tips.js"


@dataclass
class _HookState:
    """What the hook keeps between MkDocs events (and `mkdocs serve` rebuilds): one object, not loose globals."""

    fingerprint: tuple | None = None          # of the data the knowledge base was loaded from
    kb: object = None
    tooltips: dict = field(default_factory=dict)          # language -> Tooltips, per data version
    side_build: SideBuild | None = None
    next_worker: Worker | None = None         # `make serve`: the next side build's process, started ahead
    context: BuildContext = field(default_factory=BuildContext)   # URL style + what this build made once
    command: str | None = None                # 'serve' or 'build' (MkDocs' on_startup)
    dirty: bool = False                       # `make serve`: render again only what an edit changed
    rerender: incremental.Rerender = field(default_factory=incremental.Rerender)
    search_docs: dict = field(default_factory=dict)       # each language's search entries (dirty rebuilds)
    search_keys: tuple | None = None          # (the entries' names, the term pages' search keys)
    checked: CheckedFiles = field(default_factory=CheckedFiles)  # per data file, for `make serve`'s next load


_state = _HookState()


def _data_fingerprint(root: Path) -> tuple:
    """Changes whenever a data file, schema or hand-written page changes: then we validate again."""
    files = [p for d in ("glossary", "quiz", "docs") for p in (root / d).rglob("*")
             if p.is_file() and not _is_generated(root, p)]
    return stamps(sorted(files))


def _is_generated(root: Path, path: Path) -> bool:
    rel = path.relative_to(root).parts
    return rel[0] == "docs" and len(rel) > 1 and rel[1] in pages.GENERATED_DIRS


def on_startup(command: str, dirty: bool) -> None:
    parallel.configure(command, dirty)
    _state.command = command
    _state.dirty = command == "serve" and dirty


def on_serve(server, config, builder):
    """`make serve`: a rebuild that fails shows its messages in the open tab (kb.engines.mkdocs.serve_errors)."""
    return serve_errors.install(server)


def _preview() -> bool:
    """In `mkdocs serve` an unfinished new entry is a draft (left out, named in a notice); elsewhere an error."""
    return _state.command == "serve"


def on_pre_build(config) -> None:
    """Validate all data and (re)write the generated pages; a problem stops the build before anything is written.
    Then start what runs beside the build: downloads and quiz banks, and the English pages (`mkdocs build`)."""
    root = Path(config.config_file_path).resolve().parent
    if _state.dirty and not config.plugins["i18n"].building:        # the first language of this rebuild
        _state.rerender.rebuild_starts(root, pages.GENERATED_DIRS)
    fingerprint = _data_fingerprint(root)
    if fingerprint == _state.fingerprint:
        config.extra["kb_drafts"] = [list(d) for d in _state.kb.drafts]
        if _state.dirty:
            _state.rerender.clean(config.site_dir)
        return
    try:
        kb = knowledge_base.load(root, drafts=_preview(), checked=_state.checked if _preview() else None)
    except ValidationFailed as failed:
        _state.fingerprint = None
        raise PluginError(f"{failed}\n\nThe site was not built. Fix the problems above and save again.") from None
    if _state.side_build is not None:
        _state.side_build.discard()
    context = BuildContext(_state.context.urls)               # a new data version shares nothing made before
    worker, _state.next_worker = _state.next_worker, None
    side_build = SideBuild(kb, config.site_url or "", worker)   # downloads and quiz banks, on the other core
    exports.counts_come_from(kb, side_build.counts, context)
    changed = site_files.sync(Path(config.docs_dir), pages.generate(kb), pages.GENERATED_DIRS)
    log.info(f"knowledge base: {len(kb.entries)} entries, {changed} generated files updated")
    _state.fingerprint, _state.kb, _state.tooltips = fingerprint, kb, {}
    _state.side_build, _state.context = side_build, context
    if _state.dirty:
        _state.rerender.data_changed(kb)
        _state.rerender.clean(config.site_dir)
    config.extra["kb_drafts"] = [list(d) for d in kb.drafts]       # overrides/main.html shows them
    for file, count in kb.drafts:
        log.info(f"draft, left out of the preview: {file} ({count} placeholders left; make check lists them)")
    parallel.start(config, on_child=_forget_side_build)   # English pages, on another core


def _forget_side_build() -> None:
    """In a forked build process: the side build belongs to the parent."""
    _state.side_build = None


# Compiled page templates, kept between builds: compiling Material's templates took ~0.7 s of every build of
# every language (and of every `make serve` rebuild, which makes a new template environment each time). Jinja
# checks each template's source against its cached code, so an edited template is compiled again.
TEMPLATE_CACHE = ".cache/jinja"


def on_env(env, config, files):
    root = Path(config.config_file_path).resolve().parent
    (root / TEMPLATE_CACHE).mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(root / TEMPLATE_CACHE))
    return env


def on_config(config):
    """The trainers' page links to files and the quiz by hand: tell it the URL style (the offline copy differs)."""
    _state.context.urls = UrlStyle.of(config.use_directory_urls, config.site_url)
    if _state.dirty:
        incremental.allow_dirty_builds(config)
    i18n = config.plugins.get("i18n")
    if i18n is not None and hasattr(i18n, "reconfigure_search_duplicates"):
        # Each language gets its own index (search_per_language.split), so there are no duplicates to drop;
        # the plugin's own dedup would also be quadratic (1.5 s of a 1,000-entry build).
        i18n.reconfigure_search_duplicates = lambda entries: None
    return config


@event_priority(-150)      # after the i18n plugin's (-100), which builds or collects the other languages first
def on_post_build(config) -> None:
    """Put the trainers' downloads and the quiz banks, made beside the build (kb.side_build), into the site;
    they are never committed. At the very end, every other language gets the sitemap (Material's language
    switcher asks for `<language>/sitemap.xml`) and each language its own search index."""
    site_dir = Path(config.site_dir)           # the i18n plugin keeps site_dir at the root for every language
    i18n = config.plugins["i18n"]
    counts = None
    if _state.side_build is not None:
        try:
            counts = _state.side_build.finish(site_dir)
        except SideBuildFailed as failed:
            _state.fingerprint = None
            raise PluginError(f"{failed}\n\nThe site was not built completely. Fix the problem and build again.") \
                from None
    if i18n.building:                          # a language built inside the i18n plugin's loop: not the end yet
        if parallel.in_child():                # its search keys, worked out on this core (see _search_keys)
            lang = _language(config)
            own = _phrases(lang)
            parallel.hand_back("search_keys", (own, _page_keys(own, lang)))
        return
    for lang in i18n.build_languages:
        if lang != i18n.default_language and (site_dir / "sitemap.xml").exists() and (site_dir / lang).is_dir():
            shutil.copyfile(site_dir / "sitemap.xml", site_dir / lang / "sitemap.xml")
    keys = _search_keys() if i18n.default_language in i18n.build_languages else {}   # serve-en: no keys
    keep = _state.search_docs if _state.dirty and not _state.rerender.everything else None
    _state.search_docs = search_per_language.split(site_dir, i18n.default_language, i18n.build_languages, keys,
                                                   keep=keep)
    _state.rerender.done()
    if _preview() and _state.next_worker is None:       # ready for the next edit (kb.site.side_build.Worker)
        _state.next_worker = Worker()
    if counts:
        log.info("trainer downloads: " + ", ".join(f"{lg} GIFT {c.gift}, Kahoot {c.kahoot} (+{c.kahoot_left_out} "
                                                   f"left out), Anki {c.anki_notes}" for lg, c in counts.items()))


def _search_keys() -> dict:
    """Each language's search keys for the term pages. They depend on the entries' names only, so a `make serve`
    rebuild after an edit that kept every name reuses them. In `mkdocs build` the English process has worked
    out its own (kb.engines.mkdocs.parallel.hand_back): at 1,000 entries that is 0.5 s less after both
    languages are built, while only this process runs."""
    if _state.kb is None:
        return {}
    phrases = {lang: _phrases(lang) for lang in LANGS}
    if _state.search_keys is None or _state.search_keys[0] != phrases:
        handed = parallel.handed_back("search_keys")
        _state.search_keys = (phrases, {lang: handed[lang][1] if handed.get(lang, (None,))[0] == phrases[lang]
                                        else _page_keys(phrases[lang], lang) for lang in LANGS})
    return _state.search_keys[1]


def _phrases(lang: str) -> dict:
    """Entry id -> its names as search phrases (kb.engines.mkdocs.search_keys.entry_phrases)."""
    return {e.id: tuple(search_keys.entry_phrases(e, lang)) for e in _state.kb.entries.values()}


def _page_keys(phrases: dict, lang: str) -> dict:
    return search_keys.page_keys({i: list(p) for i, p in phrases.items()}, lang)


def _language(config) -> str:
    return config.plugins["i18n"].current_language


@event_priority(-110)     # after the i18n plugin's (-100), which gives each file its language's place
def on_files(files, config):
    """A dirty `make serve` rebuild: the pages an edit changes beyond their own source (kb.engines.mkdocs.
    incremental) lose their HTML, so MkDocs renders them again."""
    if _state.dirty:
        lang = _language(config)

        def said_now(markdown: str) -> tuple | None:
            if blocks.names_in(markdown) & blocks.WAITS_FOR_DOWNLOADS:     # known only once they are counted
                return None
            return blocks.said(markdown, _state.kb, lang, "", _state.context)
        _state.rerender.forget_pages(files, said_now)
    return files


def on_build_error(error) -> None:
    if _state.dirty:
        _state.rerender.failed()


@event_priority(-110)
def on_nav(nav, config, files):
    if _state.dirty:
        incremental.read_titles(nav, config)
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = _language(config)
    expanded = blocks.expand(markdown, _state.kb, lang, page.file.src_uri, _state.context)
    if _state.dirty:
        _state.rerender.rendered(page.file.src_uri, blocks.said(markdown, _state.kb, lang, page.file.src_uri,
                                                                _state.context))
    return expanded


def _is_generated_index(page) -> bool:
    parts = Path(page.file.src_uri).parts
    return len(parts) == 2 and parts[0] in pages.GENERATED_DIRS and parts[1].startswith("index.")


def on_page_content(html: str, page, config, files) -> str:
    """Generated pages (terms, A-Z, sources) are built from contributor text: sanitise their HTML once more, in
    depth. Then the first mention of each term gets its hover definition (not on the A-Z and sources pages:
    they list them all)."""
    if _is_generated_page(page):
        html = sanitise.clean(html)
    if _is_generated_index(page):
        return html
    lang = _language(config)
    tooltips = _state.tooltips.get(lang)
    if tooltips is None:   # built once per language and data version, not per page (it holds every term)
        tooltips = _state.tooltips[lang] = Tooltips(_state.kb, lang)
    own = Path(page.file.src_uri).name.split(".")[0] if _is_term_page(page) else None
    urls = _state.context.urls
    html = tooltips.annotate(html, own, href=lambda entry_id: relative_url(page.url, urls.term_page(lang, entry_id)))
    return html + _term_tips_script(html, page)


def _term_tips_script(html: str, page) -> str:
    """The hover-definition script (assets/term-tips.js), deferred, only on a page that links to a term page."""
    if not _is_term_page(page) and not re.search(r'<a [^>]*href="[^"]*glossary/[a-z0-9-]+(?:/|\.html)"', html):
        return ""
    return f'\n<script defer src="{relative_url(page.url, TERM_TIPS_SCRIPT)}"></script>\n'



def on_page_context(context, page, config, nav):
    """The theme prints page.meta values into HTML attributes without escaping them: escape them here, so a
    '"' in a definition's first sentence cannot end the <meta name="description"> attribute. (The title is
    text, not an attribute, and MkDocs reuses it as the page's title everywhere: a term cannot hold '<' — the
    validator refuses it — so it needs no escaping, and escaping it would show '&amp;' in the navigation.)
    The edit link goes to the file a contributor changes (kb.site.page_sources), never to a generated page.
    Term pages are not in the navigation (not_in_nav): mark the glossary's tab active while one is rendered."""
    page.edit_url = page_sources.edit_url(config.repo_url, page.file.src_uri)
    for key in ("description", "author"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html_escape(value, quote=True)
    _mark_glossary_tab(page, nav)
    return context


def _mark_glossary_tab(page, nav) -> None:
    """MkDocs activates the page being rendered (and its parents) and deactivates it afterwards; the glossary
    index, activated here for a term page, is set back on the next page that is not a term page."""
    index = next((p for p in nav.pages if _is_generated_index(p) and Path(p.file.src_uri).parts[0] == pages.GLOSSARY),
                 None)
    if index is not None and index is not page:
        index.active = _is_term_page(page)


def _is_generated_page(page) -> bool:
    parts = Path(page.file.src_uri).parts
    return len(parts) == 2 and parts[0] in pages.GENERATED_DIRS


def _is_term_page(page) -> bool:
    parts = Path(page.file.src_uri).parts
    return len(parts) == 2 and parts[0] == pages.GLOSSARY and not parts[1].startswith("index.")


_ROOT_ABSOLUTE_ALTERNATE = re.compile(r'(<a href=")/([^"]*)(" hreflang=)')


def on_post_page(output: str, page, config) -> str:
    """The i18n plugin gives the home pages root-absolute switcher links ('/en/'); make them page-relative,
    so the language switcher also works under a sub-path and in the offline copy opened from disk. Pages of
    the other languages look for their search index in their own folder."""
    up = "../" * page.url.count("/")
    output = _ROOT_ABSOLUTE_ALTERNATE.sub(lambda m: f"{m.group(1)}{(up + m.group(2)) or './'}{m.group(3)}", output)
    lang = _language(config)
    if lang != config.plugins["i18n"].default_language:
        output = search_per_language.point_base(output, lang)
    return output
