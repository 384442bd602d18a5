"""The skeleton of a new glossary entry, and the check that none of its placeholders is left.

`make new-entry ID=…` writes a file that is valid YAML and follows the schema, so an editor shows no red
while the contributor types. Its placeholders (texts with TODO, ids and keys starting with 'todo-') are
refused by the validator, so a half-filled entry cannot be merged.
"""
from __future__ import annotations

import re

from kb.core.problems import Problem
from kb.core.strict_yaml import Document

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TODO_WORD = re.compile(r"\bTODO\b")
TODO_ID_PREFIX = "todo-"

SKELETON = """\
# yaml-language-server: $schema=../schema/entry.schema.json
# A new glossary entry. Replace every TODO (and the todo-… ids), then run: make check
# The check refuses this file while a TODO is left. Guide: CONTRIBUTING.md (docs/contributing.en.md).
id: {id}{id_pad} # = the file name; never change it once the entry is published
category: concept                # one of: actor, concept, theory, tier, metric, practice
related: [todo-related-entry]    # ids (file names without .yaml) of entries to read next, e.g. [influencer]
sources:                         # keys from glossary/sources.yaml, each with where in the work it is
  - {{key: todo-source-key, locator: "TODO: section title or page, e.g. p. 12"}}
nl:
  term: "TODO: de Nederlandse term"
  # abbreviation: AB             # optional: a short form
  # synonyms: [andere naam]      # optional: other names for the same concept
  definition: >-
    TODO: de definitie in je eigen woorden. De eerste zin verschijnt als je over het begrip beweegt,
    dus laat die op zichzelf staan.
  # example: >-                  # optional: an example from practice
  #   Een voorbeeld uit de praktijk.
en:
  term: "TODO: the English term"
  # abbreviation: AB
  # synonyms: [other name]
  definition: >-
    TODO: the definition in your own words. The first sentence is shown when a reader hovers the term,
    so make it stand on its own.
  # example: >-
  #   An example from practice.
"""


def skeleton(entry_id: str) -> str:
    """The text of glossary/terms/<entry_id>.yaml as `make new-entry` writes it."""
    return SKELETON.format(id=entry_id, id_pad=" " * max(1, 28 - len(entry_id)))


def suggest_id(text: str) -> str:
    """A well-formed id close to what someone typed: 'Brand Safety' -> 'brand-safety'."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(part for part in re.split(r"[^a-z0-9]+", plain) if part)


def check(doc: Document) -> list[Problem]:
    """Every placeholder from the skeleton still in the file, each at its own line."""
    return list(_walk(doc, doc.data, ()))


def _walk(doc: Document, node, path: tuple):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(doc, value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(doc, value, path + (i,))
    elif isinstance(node, str):
        name = next((str(p) for p in reversed(path) if not isinstance(p, int)), "text")
        if node.startswith(TODO_ID_PREFIX):
            yield doc.problem(path, f"'{name}' still holds the placeholder '{node}' from the new-entry skeleton.",
                              _id_fix(name))
        elif TODO_WORD.search(node):
            yield doc.problem(path, f"'{name}' still contains the placeholder TODO from the new-entry skeleton.",
                              "replace the whole text, TODO included, with your own words.")


def _id_fix(name: str) -> str:
    if name == "related":
        return ("write the id of an existing entry (a file name in glossary/terms/ without '.yaml'), "
                "e.g. related: [influencer].")
    if name == "key":
        return "write the key of a work in glossary/sources.yaml, e.g. key: horton-wohl-1956."
    return "replace it with a real value."
