"""The Influencer Knowledge Base: data -> validated model -> Markdown pages.

Plain Python, no MkDocs imports: `kb.engines.mkdocs.hook` is the only file that knows the site engine.
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
