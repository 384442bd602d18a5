"""One search index per language, so a Dutch search lists Dutch pages and an English search English ones.

mkdocs-static-i18n merges every language into the one index Material writes (`search/search_index.json`), and
every page, /en/ included, loads that index from the site root: an English query also listed the Dutch pages
that mention the word. After the build, `split` writes the default language's entries to the root index and
each other language's to `<lang>/search/search_index.json` (locations made relative to that folder, and the
language's own stemmer), plus the inlined `search_index.js` the offline copy reads from disk. `point_base`
makes the pages of that language look there: Material finds the index (and the sitemap its language switcher
reads) relative to the `base` in the page's `__config`. MkDocs-specific, used by kb.engines.mkdocs.hook.

While splitting, each term page's entry gets its search keys (kb.engines.mkdocs.search_keys: its term,
synonyms and abbreviation in the word forms a reader types), in fields Material's worker indexes but never
shows, and a boost over prose pages (`TERM_PAGE_BOOST`, on the page itself, not on its sections).
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

from kb.engines.mkdocs import search_keys

TERM_PAGE_BOOST = 2
_TAGS = re.compile(r"<[^>]*>")
_TERM_PAGE = re.compile(r"glossary/(?P<id>[^/#.]+)(?:/|\.html)")
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")')


def point_base(output: str, lang: str) -> str:
    """A page of `lang` (not the default language): Material's base becomes the language's own folder. With
    the trailing slash: Material resolves `search/search_index.json` against it as a URL."""
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/') or '.'}/{lang}/{m.group(3)}", output,
                            count=1)


def add_keys(docs: list[dict], keys: dict[str, dict[str, str]]) -> list[dict]:
    """Term pages (`glossary/<id>/`, offline `glossary/<id>.html`) get their key fields and the boost."""
    out = []
    for doc in docs:
        match = _TERM_PAGE.fullmatch(doc["location"])
        if match and match["id"] in keys:
            doc = {**doc, **keys[match["id"]], "boost": TERM_PAGE_BOOST}
        out.append(doc)
    return out


def lunr_idf(docs: list[dict], keys: dict[str, dict[str, float]]):
    """lunr's idf of a word in an index of `docs` (its own formula; a word counts once per field it is in),
    for the bare keys; `idf(None)`: a word in one field of one document (every suffixed key)."""
    needed = {token for weights in keys.values() for token in weights if "_" not in token}
    tokens: dict[str, int] = {}
    for doc in docs:
        for field in ("title", "text"):
            # lunr's tokens: split at white space and hyphens (str.split is many times faster than a regex)
            for word in needed.intersection(_TAGS.sub(" ", doc.get(field, "")).casefold().replace("-", " ").split()):
                tokens[word] = tokens.get(word, 0) + 1
    for weights in keys.values():
        for token in weights:
            if "_" not in token:
                tokens[token] = tokens.get(token, 0) + 1
    total = len(docs)

    def idf(word: str | None) -> float:
        df = 1 if word is None else max(1, tokens.get(word, 0))
        return math.log(1 + abs((total - df + 0.5) / (df + 0.5)))
    return idf


def split(site_dir: Path, default: str, languages, keys: dict[str, dict[str, dict[str, float]]] | None = None,
          keep: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Rewrite the merged index as one index per language (a no-op if the site has no search index).
    `keys`: {language: {entry id: {key: weight}}} (kb.engines.mkdocs.search_keys.page_keys).
    `keep`: each language's entries of the previous build (a dirty `make serve` rebuild, whose merged index
    holds only the pages it rendered again): they stay, in their place, for every page not rendered now.
    Returns each language's entries, without keys, for the next rebuild's `keep`."""
    merged = site_dir / "search" / "search_index.json"
    if not merged.exists():
        return {}
    index = json.loads(merged.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]
    docs: dict[str, list[dict]] = {lang: [] for lang in (default, *others)}
    for doc in index["docs"]:
        lang = next((other for other in others if doc["location"].startswith(f"{other}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1:]}
        docs[lang].append(doc)
    if keep:
        docs = {lang: merge(keep.get(lang, []), entries) for lang, entries in docs.items()}
    inline = (site_dir / "search" / "search_index.js").exists()       # the offline copy (Material's plugin)
    for lang, entries in docs.items():
        folder = site_dir / "search" if lang == default else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        config = {**index["config"], "lang": [lang]}
        lang_keys = (keys or {}).get(lang)
        if lang_keys:
            lang_keys, extra_fields = search_keys.fields(lang_keys, lunr_idf(entries, lang_keys))
            entries = add_keys(entries, lang_keys)
            config["fields"] = {**config["fields"], **extra_fields}
        data = json.dumps({**index, "config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if inline:
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
    return docs


def _page(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


def merge(previous: list[dict], rendered: list[dict]) -> list[dict]:
    """The previous entries with those of each page rendered again replaced in place (a page's entries are
    its own and its sections'), and the pages that are new at the end: the order a full build gives."""
    fresh: dict[str, list[dict]] = {}
    for doc in rendered:
        fresh.setdefault(_page(doc), []).append(doc)
    out, placed = [], set()
    for doc in previous:
        page = _page(doc)
        if page not in fresh:
            out.append(doc)
        elif page not in placed:
            out.extend(fresh[page])
            placed.add(page)
    return out + [doc for page, entries in fresh.items() if page not in placed for doc in entries]
