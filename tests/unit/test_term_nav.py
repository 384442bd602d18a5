"""Term-page navigation and the concept map as plain Python: breadcrumb, previous/next in A-Z order, mention
links, the definitions file, and a deterministic concept-map SVG whose every node links to its page."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from kb import LANGS
from kb.core import urls as site_urls
from kb.glossary import concept_map, term_nav
from kb.glossary.load import Entry, KnowledgeBase, LangText
from kb.glossary.tooltips import Tooltips, definitions_script


def entry(id_, term, category="concept", related=(), en=None):
    nl = LangText(term, f"Definitie van {term}. Meer.", None, [])
    return Entry(id_, category, list(related), [], {"nl": nl, "en": LangText(en or term, f"Def of {en or term}.",
                                                                           None, [])})


KB = KnowledgeBase(None, {e.id: e for e in [
    entry("trust", "vertrouwen", "concept", ["influencer"], en="trust"),
    entry("influencer", "influencer", "actor", ["trust", "niche"]),
    entry("niche", "niche", "concept", [], en="niche"),
    entry("ad", "advertentie", "practice", ["influencer"], en="ad"),
]}, {})


@pytest.mark.parametrize("lang, expected", [("nl", ["ad", "influencer", "niche", "trust"]),
                                            ("en", ["ad", "influencer", "niche", "trust"])])
def test_neighbours_follow_the_az_order_of_the_language(lang, expected):
    ids = [e.id for e in KB.sorted_entries(lang)]
    assert ids == expected
    first, last = KB.entries[ids[0]], KB.entries[ids[-1]]
    assert term_nav.neighbours(KB, first, lang)[0] is None and term_nav.neighbours(KB, last, lang)[1] is None
    assert [e.id for e in term_nav.neighbours(KB, KB.entries[ids[1]], lang)] == [ids[0], ids[2]]


def test_the_dutch_order_differs_where_the_names_do():
    kb = KnowledgeBase(None, {e.id: e for e in [entry("a", "zebra", en="apple"), entry("b", "appel", en="zoo")]}, {})
    assert [e.id for e in kb.sorted_entries("nl")] == ["b", "a"]
    assert [e.id for e in kb.sorted_entries("en")] == ["a", "b"]


@pytest.mark.parametrize("lang", LANGS)
def test_breadcrumb_and_pager_are_labelled_links(lang):
    crumbs = term_nav.breadcrumb(KB.entries["influencer"], lang)
    assert "(index.md)" in crumbs and "(index.md#category-actor)" in crumbs and 'aria-current="page"' in crumbs
    pager = term_nav.pager(KB, KB.entries["influencer"], lang)
    assert "(ad.md){ .kb-pager__prev }" in pager and "(niche.md){ .kb-pager__next }" in pager
    assert 'aria-label="' in pager


def test_mentions_become_links_and_a_linked_term_is_not_linked_twice():
    tips = Tooltips(KB, "en")
    href = lambda entry_id: f"../{entry_id}/"
    assert tips.annotate("<p>trust and niche</p>", href=href) == \
        '<p><a class="kb-mention" href="../trust/">trust</a> and <a class="kb-mention" href="../niche/">niche</a></p>'
    assert tips.annotate('<p><a href="../trust/">belief</a>, trust</p>', href=href) == \
        '<p><a href="../trust/">belief</a>, trust</p>'
    assert tips.annotate("<nav><p>trust</p></nav><figure>niche</figure>", href=href) == \
        "<nav><p>trust</p></nav><figure>niche</figure>"


@pytest.mark.parametrize("page_url, target, expected", [
    ("glossary/trust/", "glossary/niche/", "../niche/"),
    ("", "glossary/niche/", "glossary/niche/"),
    ("en/quiz/", "en/glossary/niche/", "../glossary/niche/"),
    ("glossary/trust.html", "glossary/niche.html", "niche.html"),
    ("en/index.html", "en/glossary/niche.html", "glossary/niche.html"),
])
def test_relative_links_in_both_url_styles(page_url, target, expected):
    assert site_urls.relative(page_url, target) == expected


def test_definitions_file_is_safe_script_data():
    kb = KnowledgeBase(None, {"x": entry("x", "x</script><b>")}, {})
    script = definitions_script(kb, "nl")
    assert "</script>" not in script and "<b>" not in script
    data = json.loads(script.split(" = ", 2)[-1].rstrip(";\n"))
    assert data["x"]["t"] == "X</script><b>"


@pytest.mark.parametrize("lang", LANGS)
def test_the_concept_map_is_deterministic_valid_svg_with_a_link_per_node(lang):
    first, second = concept_map.svg(KB, lang), concept_map.svg(KB, lang)
    assert first == second
    root = ET.fromstring(first)
    ns = "{http://www.w3.org/2000/svg}"
    links = root.findall(f"{ns}a")
    assert sorted(re.search(r"glossary/([a-z]+)", a.get("href")).group(1) for a in links) == sorted(KB.entries)
    assert len(root.findall(f"{ns}g/{ns}path")) == len(concept_map.edges(KB)) == 3
    assert all(a.find(f"{ns}title") is not None for a in links), "every node names its term and category"


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_alternative_lists_both_directions(lang):
    text = concept_map.as_text(KB, lang)
    line = next(l for l in text.splitlines() if "{ #map-niche }" in l)
    assert "(glossary/influencer.md)" in line.split("←")[1], "niche is referred to by influencer"
    hood = concept_map.neighbourhood(KB, KB.entries["trust"], lang)
    assert "(influencer.md)" in hood and "../concept-map.md#map-trust" in hood
