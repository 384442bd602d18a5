"""Finding your way on a term page: a breadcrumb line back to the A-Z list and the entry's category, and
previous / next in the A-Z order of the page's language.

Plain Markdown/HTML inside the generated term page (kb.glossary.render), so any engine shows it; the
glossary tab of the site's navigation is marked active by the engine adapter (kb.engines.mkdocs.hook).
"""
from __future__ import annotations

from kb.core import words
from kb.core.labels import pick, t
from kb.core.markdown_text import capitalise, inline
from kb.glossary.load import Entry, KnowledgeBase

# the words live in kb/core/words/{nl,en}.yaml
LABELS: dict[str, dict[str, str]] = words.section("glossary.term_nav")


def category_anchor(category: str) -> str:
    """The id of a category's heading on the A-Z page."""
    return f"category-{category}"


def neighbours(kb: KnowledgeBase, entry: Entry, lang: str) -> tuple[Entry | None, Entry | None]:
    """The entries before and after `entry` in the A-Z list of `lang` (None at either end)."""
    ordered = kb.sorted_entries(lang)
    i = kb.az_position(lang, entry.id)
    return (ordered[i - 1] if i > 0 else None), (ordered[i + 1] if i + 1 < len(ordered) else None)


def breadcrumb(entry: Entry, lang: str) -> str:
    """'Begrippen A–Z › Theorie › Parasociale interactie', the first two as links (pages under glossary/)."""
    term = inline(capitalise(entry.text[lang].term))
    az = pick(LABELS, "back_to_az", lang)
    cat = t("cat_" + entry.category, lang)
    return (f'<nav class="kb-crumbs" aria-label="{pick(LABELS, "crumbs", lang)}" markdown>'
            f'[← {az}](index.md){{ .kb-crumbs__az }} <span aria-hidden="true">›</span> '
            f'[{cat}](index.md#{category_anchor(entry.category)}) <span aria-hidden="true">›</span> '
            f'<span aria-current="page">{term}</span></nav>\n')


def pager(kb: KnowledgeBase, entry: Entry, lang: str) -> str:
    """Links to the previous and next term in A-Z order, as a labelled navigation block."""
    before, after = neighbours(kb, entry, lang)
    parts = []
    for other, key, cls, arrow_l, arrow_r in ((before, "previous", "prev", "← ", ""),
                                             (after, "next", "next", "", " →")):
        if other is None:
            continue
        label = pick(LABELS, key, lang)
        name = inline(capitalise(other.text[lang].term))
        parts.append(f'[<span class="kb-pager__dir">{arrow_l}{label}{arrow_r}</span> '
                     f'<span class="kb-pager__term">{name}</span>]({other.id}.md){{ .kb-pager__{cls} }}')
    return (f'<nav class="kb-pager" aria-label="{pick(LABELS, "pager", lang)}" markdown>'
            + " ".join(parts) + "</nav>\n")
