"""Anki: the glossary as flashcards, one deck per language, each term asked both ways.

Model and deck ids are fixed numbers derived from a name, and each note's guid comes from the entry id, so
importing a newer deck updates the learner's existing cards instead of adding duplicates.

Anki shows a field as HTML. Every field is plain text, HTML-escaped: the Markdown of a definition is read
first (a link [term](x.md) becomes its words, **bold** its words), so a card never shows Markdown signs and
no text from YAML can add a tag. The one link on a card is ours: "More in the knowledge base".
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
import html
import itertools
import json
import posixpath
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import BinaryIO

import markdown
import nh3

from kb import LANGS
from kb.core import words
from kb.exports.model import entry_url

_HREF = re.compile(r'href="([^"]*)"')
_CARD_TAGS = {"a", "b", "br", "code", "em", "i", "li", "ol", "p", "strong", "sub", "sup", "ul"}

TIMESTAMP = 1_767_225_600.0        # 2026-01-01: creation time Anki records for the generated notes and cards
LABELS = words.section("exports.anki")   # the words live in kb/core/words/{nl,en}.yaml


def stable_id(name: str) -> int:
    """A fixed 31-bit id from a name (Anki wants ids that never change between builds)."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) & 0x7FFFFFFF


def _model(lang: str):
    import genanki
    return genanki.Model(
        stable_id(f"influencer-kennisbank model {lang}"), LABELS["model"][lang],
        fields=[{"name": "Term"}, {"name": "Definition"}, {"name": "Link"}],
        templates=[
            {"name": LABELS["forward"][lang], "qfmt": "<div class=term>{{Term}}</div>",
             "afmt": "{{FrontSide}}<hr id=answer><div>{{Definition}}</div><p class=link>{{Link}}</p>"},
            {"name": LABELS["reverse"][lang],
             "qfmt": f"<p class=ask>{LABELS['which_term'][lang]}</p><div>{{{{Definition}}}}</div>",
             "afmt": "{{FrontSide}}<hr id=answer><div class=term>{{Term}}</div><p class=link>{{Link}}</p>"},
        ],
        css=".card{font-family:sans-serif;font-size:20px;text-align:left;max-width:40em;margin:auto}"
            ".term{font-weight:bold;font-size:1.3em}.ask{color:#555}.link{font-size:.8em}",
    )


def card_html(text: str, lang: str, site_url: str) -> str:
    """A definition written in Markdown as the HTML a card shows: emphasis kept, every link an absolute link to
    the published site (`[trust](trust.md)` -> <a href="https://…/glossary/trust/">trust</a>), never raw
    Markdown. Only harmless HTML survives (nh3), as on every generated page."""
    rendered = _markdown().reset().convert(text)
    rendered = re.sub(r"^<p>(.*)</p>$", r"\1", rendered.strip(), flags=re.DOTALL)
    rendered = _HREF.sub(lambda m: f'href="{html.escape(_published(m.group(1), lang, site_url), quote=True)}"',
                         rendered)
    return nh3.clean(rendered, tags=_CARD_TAGS, attributes={"a": {"href"}}, url_schemes={"https", "http"},
                     link_rel=None)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    """One converter for every card, reset before each (a new one per card, as markdown.markdown makes, set up
    its parser again each time: a third of the Anki decks' time at 1,000 entries)."""
    return markdown.Markdown()


def _published(href: str, lang: str, site_url: str) -> str:
    """A link of a glossary text (relative to docs/glossary/, to a .md file) as an address on the site."""
    href = html.unescape(href)
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
        return href
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join("glossary", path)) if path else "glossary/index.md"
    target = re.sub(r"(^|/)index\.md$", r"\1", target)
    target = re.sub(r"\.md$", "/", target)
    base = site_url.rstrip("/") + "/" + ("" if lang == LANGS[0] else f"{lang}/")
    return base + target.lstrip("./") + (f"#{anchor}" if anchor else "")


def notes(kb, lang: str, site_url: str) -> list:
    """One note per entry (Anki makes two cards from it: term→definition and definition→term)."""
    import genanki
    model = _model(lang)
    result = []
    for entry in kb.sorted_entries(lang):
        text = entry.text[lang]
        term = text.term + (f" ({text.abbreviation})" if text.abbreviation else "")
        url = entry_url(site_url, lang, entry.id)
        link = f'<a href="{html.escape(url)}">{html.escape(LABELS["read_more"][lang])}</a>'
        result.append(genanki.Note(model=model, fields=[html.escape(term), card_html(text.definition, lang, site_url),
                                                        link],
                                   guid=genanki.guid_for("influencer-kennisbank", lang, entry.id),
                                   tags=[entry.category]))
    return result


def write(kb, lang: str, target: Path | BinaryIO, site_url: str) -> int:
    """Write the deck to a path or binary stream; returns the number of notes (twice as many cards).

    Same file layout as genanki's Package.write_to_file, but the collection is built in memory (no temporary
    database on disk to sync: four times faster) and with a fixed timestamp, so a rebuild gives the same ids."""
    import genanki
    deck = genanki.Deck(stable_id(f"influencer-kennisbank deck {lang}"), LABELS["deck"][lang])
    for note in notes(kb, lang, site_url):
        deck.add_note(note)
    db = sqlite3.connect(":memory:")
    try:
        genanki.Package(deck).write_to_db(db.cursor(), TIMESTAMP, itertools.count(int(TIMESTAMP * 1000)))
        db.commit()
        collection = db.serialize()
    finally:
        db.close()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as apkg:
        apkg.writestr("collection.anki2", collection)
        apkg.writestr("media", json.dumps({}))
    return len(deck.notes)
