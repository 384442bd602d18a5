"""Which entries need a translator: one language changed after both were last reviewed together.

An entry may carry `translation: {nl: "<8 hex>", en: "<8 hex>"}`: the fingerprints of both language blocks
at the moment someone checked that they say the same thing (`make translations-reviewed ID=…` writes it).
Compared with today's text:
- both fingerprints match: reviewed;
- one language changed, the other did not: the unchanged language is *stale* (it may miss what was added);
- both changed: review both again;
- no stored fingerprints: never reviewed together.
A *missing* language block is not a status here: the schema makes it an error, so the site never builds.
Stale is a warning, not an error: fixing a typo in one language must not block a pull request.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from kb import LANGS
from kb.core import words
from kb.core.problems import Problem

OK, STALE, CHANGED, UNREVIEWED = "reviewed", "stale", "changed", "unreviewed"
ORDER = (STALE, CHANGED, UNREVIEWED, OK)

# the words live in kb/core/words/{nl,en}.yaml
LABELS: dict[str, dict[str, str]] = words.section("glossary.translations")

# {page language: {language: its name inside a sentence of the page}}, e.g. _WORDS["nl"]["en"] == "Engelse"
_WORDS = {page: {lang: LABELS[f"lang_{lang}"][page] for lang in LANGS} for page in LANGS}


@dataclass(frozen=True)
class Status:
    entry_id: str
    state: str                      # one of ORDER
    current: dict                   # language -> fingerprint of today's text
    stale: str | None = None        # the language that is out of date (state STALE)
    changed: str | None = None      # the language that changed (state STALE)


def fingerprint(text) -> str:
    """8 hex digits that change whenever the wording of one language block changes (not its line breaks)."""
    fields = {"term": text.term, "abbreviation": text.abbreviation, "synonyms": list(text.synonyms),
              "definition": text.definition, "example": text.example}
    normal = {k: (" ".join(v.split()) if isinstance(v, str) else v) for k, v in fields.items()}
    blob = json.dumps(normal, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]


def status(entry) -> Status:
    current = {lang: fingerprint(entry.text[lang]) for lang in LANGS}
    stored = entry.translation or {}
    if not all(stored.get(lang) for lang in LANGS):
        return Status(entry.id, UNREVIEWED, current)
    same = {lang: stored[lang] == current[lang] for lang in LANGS}
    if all(same.values()):
        return Status(entry.id, OK, current)
    if not any(same.values()):
        return Status(entry.id, CHANGED, current)
    changed = next(lang for lang in LANGS if not same[lang])
    stale = next(lang for lang in LANGS if same[lang])
    return Status(entry.id, STALE, current, stale=stale, changed=changed)


def statuses(kb) -> list[Status]:
    """Every entry's status, the ones that need work first."""
    return sorted((status(e) for e in kb.entries.values()), key=lambda s: (ORDER.index(s.state), s.entry_id))


def warnings(kb) -> list[Problem]:
    """Stale and changed entries as Problems (file:line of the entry), for the command line and CI."""
    out = []
    for st in statuses(kb):
        entry = kb.entries[st.entry_id]
        if st.state == STALE:
            stale, changed = _WORDS["en"][st.stale], _WORDS["en"][st.changed]
            out.append(entry.doc.problem(
                (st.stale,), f"the {stale} text may be out of date: the {changed} text changed after both were "
                             "last reviewed together.",
                f"update the {stale} block so it says the same as the {changed} one, then run: "
                f"make translations-reviewed ID={st.entry_id}", key=True))
        elif st.state == CHANGED:
            out.append(entry.doc.problem(
                ("translation",), "both languages changed after they were last reviewed together.",
                f"check that the Dutch and English blocks still say the same, then run: "
                f"make translations-reviewed ID={st.entry_id}", key=True))
    return out


def report(kb, lang: str) -> str:
    """The maintainers' page block (`<!-- kb:translation-status -->`): a summary and a table, work first."""
    rows = statuses(kb)
    if not rows:
        return LABELS["none"][lang]
    counts = {state: sum(1 for s in rows if s.state == state) for state in ORDER}
    lines = [LABELS["summary"][lang].format(total=len(rows), **counts), ""]
    lines.append(f"| {LABELS['col_term'][lang]} | {LABELS['col_status'][lang]} | {LABELS['col_todo'][lang]} |")
    lines.append("|---|---|---|")
    for st in rows:
        entry = kb.entries[st.entry_id]
        term = _cell(entry.text[lang].term)
        state, todo = _describe(st, lang)
        lines.append(f"| [{term}](glossary/{st.entry_id}.md) | {state} | {todo} |")
    return "\n".join(lines) + "\n"


def _describe(st: Status, lang: str) -> tuple[str, str]:
    names = _WORDS[lang]
    if st.state == STALE:
        state = LABELS["state_stale"][lang].format(lang=names[st.stale])
        todo = LABELS["todo_stale"][lang].format(stale=names[st.stale], changed=names[st.changed])
    else:
        state = LABELS[f"state_{st.state}"][lang]
        todo = LABELS[f"todo_{st.state}"][lang]
    if st.state != OK:
        todo += f" `make translations-reviewed ID={st.entry_id}`"
    return state, todo


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


# --- recording a review in the YAML file, without reformatting it -------------------------------------------

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def with_fingerprints(text: str, prints: dict) -> str:
    """`text` (an entry file) with its `translation:` line set to `prints`; every other line stays as it was.

    An existing `translation:` (one line, or a block of indented lines) is replaced; otherwise the line goes
    just above the Dutch block. Values are quoted: '12345678' unquoted would be read as a number.
    """
    line = ("translation: {" + ", ".join(f'{lang}: "{prints[lang]}"' for lang in LANGS) + "}"
            "  # written by make translations-reviewed; do not edit by hand")
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if _top_key(ln) == "translation"), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and lines[end].startswith((" ", "\t")):
            end += 1
        lines[start:end] = [line]
    else:
        at = next((i for i, ln in enumerate(lines) if _top_key(ln) == LANGS[0]), len(lines))
        lines.insert(at, line)
    return "\n".join(lines)


def _top_key(line: str) -> str | None:
    match = _TOP_KEY.match(line)
    return match.group(1) if match else None
