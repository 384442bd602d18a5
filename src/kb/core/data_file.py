"""One data file read the strict way: strict YAML -> its schema line -> JSON Schema -> text safety -> no
placeholders left. Every feature's loader (glossary, tiers, quiz) reads its files through `read_data_file`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kb.core import scaffold, schemas, strict_yaml, text_safety
from kb.core.problems import Problem, rel
from kb.core.strict_yaml import Document

SCHEMA_LINE = "# yaml-language-server: $schema="


def stamps(files) -> tuple:
    """Each file as (path, modification time in ns, size), None for a missing one: what tells whether a file
    changed since it was last read (the data check of `make serve`, the hook's data fingerprint)."""
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else None for f in files)


class CheckedFiles:
    """What read_data_file found in each file, kept while the file and its schema stay as they are: `make serve`
    loads the whole knowledge base again after every edit, and most files did not change. The documents are
    only read after loading, never changed, so one can serve several loads."""

    def __init__(self):
        self._found: dict[tuple, tuple] = {}

    def get(self, key: tuple, files: tuple[Path, ...]):
        hit = self._found.get(key)
        return hit[1] if hit is not None and hit[0] == stamps(files) else None

    def put(self, key: tuple, files: tuple[Path, ...], result: tuple) -> None:
        self._found[key] = (stamps(files), result)


@dataclass
class Paths:
    """Where the data of one project copy lives (tests and the benchmark use copies); `checked`: the results
    of earlier loads to reuse (the preview's), or None."""

    root: Path
    checked: CheckedFiles | None = None

    @property
    def glossary(self) -> Path:
        return self.root / "glossary"

    @property
    def terms(self) -> Path:
        return self.glossary / "terms"

    @property
    def schema(self) -> Path:
        return self.glossary / "schema"

    @property
    def sources_file(self) -> Path:
        return self.glossary / "sources.yaml"

    @property
    def tiers_file(self) -> Path:
        return self.glossary / "tiers.yaml"

    @property
    def quiz(self) -> Path:
        return self.root / "quiz"


def read_data_file(path: Path, schema_name: str, paths: Paths, problems: list[Problem],
                   drafts: list[tuple[str, int]] | None = None) -> Document | None:
    """Strict YAML + schema line + schema + text safety for one file. None if it cannot be used further.
    Given a `drafts` list, a file whose only problems are placeholders is added there instead."""
    if paths.checked is None:
        return _check(path, schema_name, paths, problems, drafts)
    key, files = (str(path), schema_name, drafts is not None), (path, _schema_path(path, schema_name, paths))
    hit = paths.checked.get(key, files)
    if hit is None:
        found: list[Problem] = []
        draft: list[tuple[str, int]] = []
        doc = _check(path, schema_name, paths, found, draft if drafts is not None else None)
        hit = (doc, tuple(found), tuple(draft))
        paths.checked.put(key, files, hit)
    doc, found, draft = hit
    problems.extend(found)
    if drafts is not None:
        drafts.extend(draft)
    return doc


def _check(path: Path, schema_name: str, paths: Paths, problems: list[Problem],
           drafts: list[tuple[str, int]] | None) -> Document | None:
    doc, found = strict_yaml.load(path)
    problems.extend(found)
    if doc is None:
        return None
    problems.extend(_check_schema_line(path, schema_name, paths))
    schema_problems = schemas.check(doc, _schema_path(path, schema_name, paths))
    already = {(p.line, p.col) for p in found}    # e.g. 5.000: said once by the YAML check, not again here
    schema_problems = [p for p in schema_problems if (p.line, p.col) not in already]
    problems.extend(schema_problems)
    unsafe = text_safety.check_all_texts(doc)
    problems.extend(unsafe)
    unfilled = scaffold.check(doc)          # placeholders left from `make new-entry`
    if unfilled and drafts is not None and not (found or schema_problems or unsafe):
        drafts.append((rel(path), len(unfilled)))
        return None
    problems.extend(unfilled)
    if found or schema_problems or unfilled:
        return None
    return doc


def _schema_path(path: Path, schema_name: str, paths: Paths) -> Path:
    return (paths.quiz / "schema" if path.is_relative_to(paths.quiz) else paths.schema) / schema_name


def _check_schema_line(path: Path, schema_name: str, paths: Paths) -> list[Problem]:
    """The first line tells editors which schema to use while a contributor types."""
    expected = os.path.relpath(_schema_path(path, schema_name, paths), path.parent).replace(os.sep, "/")
    want = SCHEMA_LINE + expected
    first = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    if first != want:
        return [Problem(rel(path), 1, 1, "the first line must name the file's schema, so editors can check it "
                                         "while you type.", f"make the first line exactly: {want}")]
    return []
