"""The Influencer Knowledge Base: data -> validated model -> Markdown pages.

One folder per feature, one file per role (model, load, render, …). The layers, lowest first; a module
imports its own layer and the ones below, never one above, and there is no import circle
(tests/unit/test_architecture.py reads every import, also those inside functions):

    core          problems, strict YAML, schemas, text safety, data files, collation, Markdown text, labels, urls
    glossary      the entries: model + load (load.py), render (term pages, A-Z, sources), term_nav, concept_map,
                  handout, tooltips, translations
    tiers         the tier data: load (model + checks of entries), parse, checks, render, chart, labels
    quiz          bank (questions generated from the glossary and tiers), distractors, giveaway, checks, lint,
                  tier_wording, page
    exports       model (the question shape), build, gift, kahoot, anki, page (trainers)
    site          load (the whole knowledge base), blocks, files, sanitise, side build, downloads
    engines       engines/mkdocs/: the only folder that imports MkDocs (hook, parallel build, search, offline, bench)
    cli           the `kb` command

glossary and tiers are one layer, as are quiz and exports (they may import each other, without circles).
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_DIR = ROOT / "glossary"
TERMS_DIR = GLOSSARY_DIR / "terms"
SCHEMA_DIR = GLOSSARY_DIR / "schema"
QUIZ_DIR = ROOT / "quiz"
DOCS_DIR = ROOT / "docs"

LANGS = ("nl", "en")          # the first is the default language, built at the site root
DEFAULT_LANG = LANGS[0]
