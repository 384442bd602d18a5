"""Every word the generated pages show, in both languages. A test checks that no language is missing."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "glossary_title": {"nl": "Begrippen A–Z", "en": "Glossary A–Z"},
    "glossary_intro": {
        "nl": "Alle begrippen van de kennisbank op alfabet. Afkortingen en andere namen verwijzen naar het begrip "
              "waar ze bij horen. Beweeg over een onderstreept begrip (of geef het focus) om de korte definitie te zien.",
        "en": "Every term in the knowledge base, in alphabetical order. Abbreviations and other names point to the "
              "term they belong to. Hover over (or focus) an underlined term anywhere on the site to see its short "
              "definition.",
    },
    "jump_to_letter": {"nl": "Spring naar letter", "en": "Jump to letter"},
    "entries_count": {"nl": "{n} begrippen", "en": "{n} terms"},
    "see": {"nl": "zie", "en": "see"},
    "category": {"nl": "Categorie", "en": "Category"},
    "cat_actor": {"nl": "Actor", "en": "Actor"},
    "cat_concept": {"nl": "Concept", "en": "Concept"},
    "cat_theory": {"nl": "Theorie", "en": "Theory"},
    "cat_tier": {"nl": "Influencerniveau", "en": "Influencer tier"},
    "cat_metric": {"nl": "Meetwaarde", "en": "Metric"},
    "cat_practice": {"nl": "Praktijk", "en": "Practice"},
    "cat_regulation": {"nl": "Regelgeving", "en": "Regulation"},
    "cat_case": {"nl": "Praktijkcase", "en": "Case"},
    "abbreviation": {"nl": "Afkorting", "en": "Abbreviation"},
    "synonyms": {"nl": "Ook genoemd", "en": "Also called"},
    "other_language": {"nl": "In het Engels", "en": "In Dutch"},
    "example": {"nl": "Voorbeeld", "en": "Example"},
    "related": {"nl": "Zie ook", "en": "See also"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "edit_entry": {"nl": "Fout gezien of iets toe te voegen? Dit begrip staat in {file}.",
                   "en": "Spotted a mistake or something to add? This entry lives in {file}."},
    "sources_title": {"nl": "Bronnen", "en": "Sources"},
    "sources_intro": {
        "nl": "De kennisbank steunt op vijf brondocumenten en op de wetenschappelijke literatuur waar die op "
              "voortbouwen. Elk begrip verwijst naar de bron waar het vandaan komt; hier staat elke bron volledig, "
              "met de begrippen die haar citeren.",
        "en": "The knowledge base rests on five source documents and on the research literature behind them. Every "
              "term cites where it comes from; this page lists each work in full, with the terms that cite it.",
    },
    "source_documents": {"nl": "Brondocumenten", "en": "Source documents"},
    "academic_sources": {"nl": "Wetenschappelijke literatuur", "en": "Research literature"},
    "official_sources": {"nl": "Wetten, codes en toezichthouders", "en": "Laws, codes and regulators"},
    "industry_sources": {"nl": "Branche en bedrijven", "en": "Industry and companies"},
    "cited_by": {"nl": "Geciteerd bij", "en": "Cited in"},
}


def pick(table: dict[str, dict[str, str]], key: str, lang: str, **values) -> str:
    """The label `key` of a module's label table in `lang`, with {placeholders} filled in."""
    text = table[key][lang]
    return text.format(**values) if values else text


def t(key: str, lang: str, **values) -> str:
    """A label of the generated glossary pages (the table above)."""
    return pick(LABELS, key, lang, **values)
