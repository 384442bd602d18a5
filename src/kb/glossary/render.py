"""The knowledge base as Markdown pages: one per entry per language, an A-Z index and a sources page.

Output is a mapping {path under docs/: Markdown text}; any static-site engine can render it.
File names carry the language suffix (`x.nl.md`, `x.en.md`), as mkdocs-static-i18n expects.
"""
from __future__ import annotations

from collections import defaultdict

from kb import LANGS
from kb.tiers import render as tier_pages
from kb.glossary.load import Entry, KnowledgeBase
from kb.core.collation import fold, initial
from kb.core.labels import t
from kb.core.markdown_text import capitalise, first_sentence, front_matter, inline
from kb.glossary import concept_map, term_nav

GLOSSARY = "glossary"          # folders under docs/ that are generated whole (git-ignored)
SOURCES = "sources"
GENERATED_DIRS = (GLOSSARY, SOURCES)


def generate(kb: KnowledgeBase) -> dict[str, str]:
    pages: dict[str, str] = {}
    for lang in LANGS:
        for entry in kb.entries.values():
            pages[f"{GLOSSARY}/{entry.id}.{lang}.md"] = term_page(kb, entry, lang)
        pages[f"{GLOSSARY}/index.{lang}.md"] = index_page(kb, lang)
        pages[f"{SOURCES}/index.{lang}.md"] = sources_page(kb, lang)
    return pages


def term_page(kb: KnowledgeBase, entry: Entry, lang: str) -> str:
    text = entry.text[lang]
    other = [code for code in LANGS if code != lang][0]
    out = [front_matter(title=capitalise(text.term), description=first_sentence(text.definition))]
    out.append(term_nav.breadcrumb(entry, lang))
    out.append(f"# {inline(capitalise(text.term))} {{#term}}\n")
    facts = [f"{t('category', lang)}: [{t('cat_' + entry.category, lang)}](index.md#{_cat_anchor(entry.category)})"]
    if text.abbreviation:
        facts.append(f"{t('abbreviation', lang)}: **{inline(text.abbreviation)}**")
    facts.append(f"{t('other_language', lang)}: *{inline(entry.text[other].term)}*")
    out.append('<p class="kb-facts" markdown>' + " · ".join(facts) + "</p>\n")
    out.append(text.definition + "\n")
    if text.synonyms:
        out.append(f"**{t('synonyms', lang)}:** " + ", ".join(inline(s) for s in text.synonyms) + "\n")
    if text.example:
        out.append(f"## {t('example', lang)} {{#example}}\n\n{text.example}\n")
    if entry.tier:
        out.append(tier_pages.entry_section(kb, entry.tier, lang))
    if entry.related:
        out.append(f"## {t('related', lang)} {{#related}}\n")
        for rid in sorted(entry.related, key=lambda r: fold(kb.entries[r].text[lang].term)):
            target = kb.entries[rid].text[lang]
            out.append(f"- [{inline(capitalise(target.term))}]({rid}.md) — {inline(first_sentence(target.definition))}")
        out.append("")
    out.append(concept_map.neighbourhood(kb, entry, lang))
    out.append(f"## {t('sources', lang)} {{#sources}}\n")
    for key, locator in entry.sources:
        source = kb.sources[key]
        out.append(f"- [{inline(source.cite(lang))}](../{SOURCES}/index.md#{key}) — {inline(locator)}")
    out.append("")
    out.append(f'<p class="kb-edit" markdown>{t("edit_entry", lang, file="`glossary/terms/" + entry.id + ".yaml`")}</p>\n')
    out.append(term_nav.pager(kb, entry, lang))
    return "\n".join(out)


def index_page(kb: KnowledgeBase, lang: str) -> str:
    """A-Z list in the reader's language: terms, plus abbreviations and synonyms that point to them."""
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry in kb.entries.values():
        text = entry.text[lang]
        label = capitalise(text.term)
        line = (f"[{inline(label)}]({entry.id}.md){{ .kb-term }} <small>{t('cat_' + entry.category, lang)}</small>"
                f" — {inline(first_sentence(text.definition))}")
        rows[initial(text.term)].append((fold(text.term), line))
        for alias in ([text.abbreviation] if text.abbreviation else []) + text.synonyms:
            rows[initial(alias)].append((fold(alias), f"{inline(alias)} → *{t('see', lang)}* [{inline(label)}]({entry.id}.md)"))
    letters = sorted(rows, key=lambda c: (c == "#", c))
    out = [front_matter(title=t("glossary_title", lang), description=t("glossary_intro", lang)),
           f"# {t('glossary_title', lang)}\n", t("glossary_intro", lang) + "\n",
           f"*{t('entries_count', lang, n=len(kb.entries))}*\n"]
    jump = " ".join(f"[{c}](#letter-{_letter_anchor(c)})" for c in letters)
    out.append(f'<nav class="kb-az" aria-label="{t("jump_to_letter", lang)}" markdown>{jump}</nav>\n')
    for c in letters:
        out.append(f"## {c} {{#letter-{_letter_anchor(c)}}}\n")
        out.extend(f"- {line}" for _, line in sorted(rows[c]))
        out.append("")
    out.append(f"## {t('category', lang)} {{#categories}}\n")
    by_cat: dict[str, list[Entry]] = defaultdict(list)
    for entry in kb.sorted_entries(lang):
        by_cat[entry.category].append(entry)
    for cat in sorted(by_cat, key=lambda c: t("cat_" + c, lang)):
        links = ", ".join(f"[{inline(capitalise(e.text[lang].term))}]({e.id}.md)" for e in by_cat[cat])
        out.append(f"### {t('cat_' + cat, lang)} {{#{_cat_anchor(cat)}}}\n\n{links}\n")
    return "\n".join(out)


def sources_page(kb: KnowledgeBase, lang: str) -> str:
    cited_by: dict[str, list[Entry]] = defaultdict(list)
    for entry in kb.sorted_entries(lang):
        for key, _ in entry.sources:
            if entry not in cited_by[key]:
                cited_by[key].append(entry)
    out = [front_matter(title=t("sources_title", lang), description=t("sources_intro", lang)),
           f"# {t('sources_title', lang)}\n", t("sources_intro", lang) + "\n"]
    for kind, heading in (("document", "source_documents"), ("academic", "academic_sources"),
                          ("official", "official_sources"), ("industry", "industry_sources")):
        works = sorted((s for s in kb.sources.values() if s.kind == kind), key=lambda s: fold(s.cite(lang)))
        if not works:
            continue
        out.append(f"## {t(heading, lang)} {{#{kind}}}\n")
        for source in works:
            out.append(f"### {inline(_short_title(source.cite(lang)))} {{#{source.key}}}\n")
            citation = inline(source.cite(lang))
            if source.url:
                citation += f" <{source.url}>"
            if source.note.get(lang):
                citation += f" *{inline(source.note[lang])}*"
            out.append(citation + "\n")
            out.append(source.summary[lang] + "\n")
            if cited_by[source.key]:
                links = ", ".join(f"[{inline(capitalise(e.text[lang].term))}](../{GLOSSARY}/{e.id}.md)"
                                  for e in cited_by[source.key])
                out.append(f"{t('cited_by', lang)}: {links}\n")
    return "\n".join(out)


def _short_title(citation: str) -> str:
    """'Horton, D., & Wohl, R. R. (1956). Mass communication ...' -> 'Horton, D., & Wohl, R. R. (1956)'."""
    head = citation.split(").", 1)[0]
    return head + ")" if head != citation else citation[:80]


def _letter_anchor(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def _cat_anchor(category: str) -> str:
    return term_nav.category_anchor(category)
