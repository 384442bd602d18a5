"""Build the English pages on the machine's second core while the Dutch ones are built (`mkdocs build` only).

mkdocs-static-i18n builds each further language after the default one, in the same process: its
on_post_build calls `build(config)` again. That second build is as long as the first, so a bilingual
site takes twice the time of one language while the other core idles. Here the MkDocs hook forks the
process once the data is validated and the pages are generated (`start`); the child runs that same build
into a temporary folder, and where the i18n plugin would have built it (`build` below, patched into the
plugin) the parent waits for the child, moves its `<language>/` folder into the site and hands the plugin
the child's search entries, which the plugin then merges into the one search index as usual.

The site is the same as with the plugin's own sequential build (tests/build/test_parallel_build.py compares
them), with one fix: the sequential build let the English 404 page overwrite the Dutch one at the site
root. The root sitemap is joined as the sequential build leaves it: every language's pages. `mkdocs serve`, `--dirty`, systems without
fork() and KB_SEQUENTIAL_BUILD=1 keep the sequential build. This file is MkDocs-specific and optional:
deleting it (and its three calls in mkdocs_hook.py) leaves a slower build of the same site.
"""
from __future__ import annotations

import atexit
import gzip
import logging
import os
import pickle
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.kb")
_SEARCH_ENTRIES = "search-entries.pickle"
_HANDED_BACK = "handed-back.pickle"
_ERROR = "error.txt"
_state: dict = {"enabled": False, "children": {}, "original_build": None,
               "in_child": False, "hand_back": {}, "handed_back": {}}


def configure(command: str, dirty: bool) -> None:
    """Called on MkDocs' startup: only a one-off `mkdocs build` forks (a serving process has threads)."""
    _state["enabled"] = (command == "build" and not dirty and hasattr(os, "fork")
                         and not os.environ.get("KB_SEQUENTIAL_BUILD"))


def start(config, on_child) -> None:
    """From the default language's on_pre_build: fork one child per other language to build it now.

    `on_child` runs first in each child, to drop parent-only state (the hook's side build)."""
    i18n = config.plugins.get("i18n")
    if not _state["enabled"] or i18n is None or i18n.building or _state["children"]:
        return
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    if not others:
        return
    _patch_i18n_build()
    for lang in others:
        work = Path(tempfile.mkdtemp(prefix=f"kb-build-{lang}-"))
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:                                     # the child: build `lang`, report, never return
            _build_in_child(config, i18n, lang, work, on_child)
        _state["children"][lang] = (pid, work)
    atexit.register(_discard_children)


def _build_in_child(config, i18n, lang: str, work: Path, on_child) -> None:
    code = 1
    try:
        on_child()
        _state["children"].clear()
        _state["in_child"] = True
        i18n.current_language, i18n.building = lang, True   # as the plugin's own loop sets them
        config.site_dir = str(work)
        _state["original_build"](config, dirty=False)
        (work / _SEARCH_ENTRIES).write_bytes(pickle.dumps(i18n.search_entries))
        (work / _HANDED_BACK).write_bytes(pickle.dumps(_state["hand_back"]))
        code = 0
    except BaseException as error:                           # noqa: BLE001 - reported to the parent
        message = str(error) if isinstance(error, (PluginError, SystemExit)) else traceback.format_exc()
        (work / _ERROR).write_text(message or type(error).__name__, encoding="utf-8")
    finally:
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(code)                                       # no atexit handlers: they belong to the parent


def in_child() -> bool:
    """True in a forked process that builds one further language."""
    return _state["in_child"]


def hand_back(name: str, value) -> None:
    """In a forked process: something it worked out that the parent takes over with its pages (see
    `handed_back`); the parent would otherwise work it out itself, on one core, after both languages are built."""
    _state["hand_back"][name] = value


def handed_back(name: str) -> dict:
    """In the parent, once the children are collected: language -> what that language's child handed back."""
    return {lang: values[name] for lang, values in _state["handed_back"].items() if name in values}


def _patch_i18n_build() -> None:
    """The i18n plugin calls `build(config)` for each further language; make that call collect the child."""
    from mkdocs_static_i18n import plugin as i18n_plugin
    if _state["original_build"] is None:
        _state["original_build"] = i18n_plugin.build
        i18n_plugin.build = build


def build(config, dirty: bool = False) -> None:
    """Stands in for mkdocs' build() inside the i18n plugin: collect the language a child built, if any."""
    i18n = config.plugins["i18n"]
    lang = i18n.current_language
    if lang not in _state["children"]:
        return _state["original_build"](config, dirty=dirty)
    pid, work = _state["children"].pop(lang)
    _, status = os.waitpid(pid, 0)
    try:
        if os.waitstatus_to_exitcode(status) != 0:
            error = work / _ERROR
            said = error.read_text(encoding="utf-8") if error.exists() else f"exit status {status}"
            raise PluginError(f"The '{lang}' pages could not be built:\n{said}")
        i18n.search_entries.extend(pickle.loads((work / _SEARCH_ENTRIES).read_bytes()))
        _state["handed_back"][lang] = pickle.loads((work / _HANDED_BACK).read_bytes())
        target = Path(config.site_dir) / lang
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(work / lang), str(target))
        _join_sitemaps(Path(config.site_dir), work)
        log.info(f"'{lang}' pages built beside the default language, in a second process")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _join_sitemaps(site_dir: Path, work: Path) -> None:
    """The root sitemap lists the default language's pages; add the child's, as the sequential build's last
    run (which knows every language) would have. The hook copies it into `<lang>/` at the end, as it does then."""
    root, theirs = site_dir / "sitemap.xml", work / "sitemap.xml"
    if not (root.exists() and theirs.exists()):
        return
    ours, extra = root.read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8")
    start, end = extra.find("<url>"), extra.rfind("</urlset>")
    if start < 0 or end < 0 or "</urlset>" not in ours:
        return
    head = extra[:start]
    joined = ours[:ours.rfind("</urlset>")].rstrip() + "\n" + " " * (start - len(head.rstrip(" "))) \
        + extra[start:]
    root.write_text(joined, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(joined.encode("utf-8"), mtime=0))


def _discard_children() -> None:
    """A build that stopped early leaves no process and no temporary folder behind."""
    for pid, work in _state["children"].values():
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except OSError:
            pass
        shutil.rmtree(work, ignore_errors=True)
    _state["children"].clear()
