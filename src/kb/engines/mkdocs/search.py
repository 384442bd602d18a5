"""One search index per language, so a Dutch search lists Dutch pages and an English search English ones.

mkdocs-static-i18n merges every language into the one index Material writes (`search/search_index.json`), and
every page, /en/ included, loads that index from the site root: an English query also listed the Dutch pages
that mention the word. After the build, `split` writes the default language's entries to the root index and
each other language's to `<lang>/search/search_index.json` (locations made relative to that folder, and the
language's own stemmer), plus the inlined `search_index.js` the offline copy reads from disk. `point_base`
makes the pages of that language look there: Material finds the index (and the sitemap its language switcher
reads) relative to the `base` in the page's `__config`. MkDocs-specific, used by kb.engines.mkdocs.hook.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")')


def point_base(output: str, lang: str) -> str:
    """A page of `lang` (not the default language): Material's base becomes the language's own folder. With
    the trailing slash: Material resolves `search/search_index.json` against it as a URL."""
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/') or '.'}/{lang}/{m.group(3)}", output,
                            count=1)


def split(site_dir: Path, default: str, languages) -> None:
    """Rewrite the merged index as one index per language (a no-op if the site has no search index)."""
    merged = site_dir / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]
    docs: dict[str, list[dict]] = {lang: [] for lang in (default, *others)}
    for doc in index["docs"]:
        lang = next((other for other in others if doc["location"].startswith(f"{other}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1:]}
        docs[lang].append(doc)
    inline = (site_dir / "search" / "search_index.js").exists()       # the offline copy (Material's plugin)
    for lang, entries in docs.items():
        folder = site_dir / "search" if lang == default else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({**index, "config": {**index["config"], "lang": [lang]}, "docs": entries},
                          ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if inline:
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
