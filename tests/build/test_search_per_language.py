"""One search index per language (kb.engines.mkdocs.search): the split itself, on a small index,
and the built site's indexes. The browser side is in tests/browser/test_search.py."""
from __future__ import annotations

import json

from kb.engines.mkdocs import search

MERGED = {
    "config": {"lang": ["nl", "en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Home", "text": "welkom"},
        {"location": "glossary/trust/", "title": "Vertrouwen", "text": "vertrouwen (trust)"},
        {"location": "en/", "title": "Home", "text": "welcome"},
        {"location": "en/glossary/trust/#sources", "title": "Sources", "text": "trust"},
        {"location": "english-teaching/", "title": "Not a language folder", "text": "nl page"},
    ],
}


def test_split_gives_each_language_its_pages_with_its_own_stemmer(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    search.split(tmp_path, "nl", ["nl", "en"])
    nl = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in nl["docs"]] == ["", "glossary/trust/", "english-teaching/"]
    assert [d["location"] for d in en["docs"]] == ["", "glossary/trust/#sources"], "relative to en/"
    assert nl["config"]["lang"] == ["nl"] and en["config"]["lang"] == ["en"]
    assert nl["config"]["separator"] == en["config"]["separator"] == MERGED["config"]["separator"]
    assert not (tmp_path / "en" / "search" / "search_index.js").exists(), "only the offline copy inlines it"


def _docs(*locations: str) -> list[dict]:
    return [{"location": loc, "title": loc, "text": f"text of {loc}"} for loc in locations]


# (previous entries, entries of the pages rendered again, the merged entries): a page's entries are replaced
# in place, a page not rendered again keeps its entries, a new page comes last
MERGES = [
    (["", "a/", "a/#one", "b/"], ["a/", "a/#two"], ["", "a/", "a/#two", "b/"]),
    (["", "a/"], [], ["", "a/"]),
    (["", "a/"], ["c/", "c/#x"], ["", "a/", "c/", "c/#x"]),
    ([], ["", "a/"], ["", "a/"]),
]


def test_a_dirty_rebuild_keeps_the_entries_of_the_pages_it_did_not_render():
    for previous, rendered, expected in MERGES:
        fresh = {d["location"] for d in _docs(*rendered)}
        merged = search.merge(_docs(*previous), [{**d, "text": "new"} for d in _docs(*rendered)])
        assert [d["location"] for d in merged] == expected, (previous, rendered)
        assert all((d["text"] == "new") == (d["location"] in fresh) for d in merged)


def test_split_with_keep_returns_what_the_next_rebuild_keeps(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    first = search.split(tmp_path, "nl", ["nl", "en"])
    only_home = {**MERGED, "docs": [{"location": "en/", "title": "Home", "text": "welcome back"}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(only_home), encoding="utf-8")
    second = search.split(tmp_path, "nl", ["nl", "en"], keep=first)
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert second["nl"] == first["nl"]
    assert [(d["location"], d["text"]) for d in en["docs"]] == [("", "welcome back"), ("glossary/trust/#sources",
                                                                                          "trust")]


def test_split_also_inlines_the_offline_copys_index(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    (tmp_path / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    search.split(tmp_path, "nl", ["nl", "en"])
    for folder in (tmp_path / "search", tmp_path / "en" / "search"):
        inline = (folder / "search_index.js").read_text(encoding="utf-8")
        assert inline == "var __index = " + (folder / "search_index.json").read_text(encoding="utf-8")


def test_point_base_moves_only_materials_config_base():
    page = ('<a href="../../..">home</a><script id="__config" type="application/json">{"annotate": null, '
            '"base": "../../..", "features": []}</script>')
    moved = search.point_base(page, "en")
    assert '"base": "../../../en/"' in moved and '<a href="../../..">' in moved
    assert search.point_base(page.replace('"../../.."', '".."'), "en").count('"base": "../en/"') == 1


def test_the_built_site_has_one_index_per_language(built_site):
    nl = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert nl["config"]["lang"] == ["nl"] and en["config"]["lang"] == ["en"]
    nl_pages = {d["location"].split("#")[0] for d in nl["docs"]}
    en_pages = {d["location"].split("#")[0] for d in en["docs"]}
    assert "glossary/parasocial-interaction/" in nl_pages and "glossary/parasocial-interaction/" in en_pages
    assert not any(p.startswith("en/") for p in nl_pages | en_pages)
    titles = {d["location"]: d["title"] for d in en["docs"]}
    assert titles["glossary/trust/"] == "Trust" and "" in nl_pages and "" in en_pages
    page = (built_site / "en" / "glossary" / "trust" / "index.html").read_text(encoding="utf-8")
    assert '"base": "../../../en/"' in page, "English pages look for their index in en/"
