"""The whole knowledge base of one project copy: glossary, tier data, quiz items and the hand-written pages,
validated together; all problems or none.

Order of checks per file: strict YAML -> JSON Schema -> text safety -> cross-references (ids, sources, terms).
A file that fails an earlier step is left out of the later ones, so one typo gives one message.
"""
from __future__ import annotations

from pathlib import Path

from kb import LANGS, ROOT
from kb.core.data_file import CheckedFiles, Paths
from kb.core.problems import Problem, ValidationFailed, rel
from kb.glossary import load as glossary
from kb.glossary.load import KnowledgeBase
from kb.quiz import bank as quiz_bank
from kb.site import markers
from kb.tiers import load as tiers

LANG_NAMES = glossary.LANG_NAMES


def load(root: Path = ROOT, drafts: bool = False, checked: CheckedFiles | None = None) -> KnowledgeBase:
    """The whole knowledge base of the project at `root`; raises ValidationFailed listing every problem.

    drafts=True (the preview, `make serve`): an entry whose only problems are placeholders left from
    `make new-entry` is a draft: left out of the site and listed in kb.drafts, not a problem. Everywhere else
    (make check, make build, CI) a placeholder is an error. `checked`: what earlier loads found in the files
    that have not changed since (the preview loads again after every edit)."""
    paths = Paths(Path(root), checked)
    problems: list[Problem] = []
    kb = glossary.load_glossary(paths, problems, drafts)
    kb.tier_schemes = tiers.load(paths, kb, problems)
    kb.quiz_items = quiz_bank.load(paths, kb, problems)
    kb.quiz_left_out = quiz_bank.load_left_out(paths, problems)
    problems.extend(_check_docs_pairs(paths))
    if (paths.root / "docs").is_dir():
        problems.extend(markers.check_markers(paths.root / "docs"))   # a marker only the build would trip on
    if problems:
        raise ValidationFailed(problems)
    return kb


def _check_docs_pairs(paths: Paths) -> list[Problem]:
    """Every hand-written page exists in both languages (a missing translation is an error, not a fallback)."""
    problems = []
    docs = paths.root / "docs"
    if not docs.is_dir():
        return problems
    for page in sorted(docs.rglob("*.md")):
        if any(part in ("glossary", "sources") for part in page.relative_to(docs).parts[:1]):
            continue   # generated
        parts = page.name.split(".")
        if len(parts) < 3 or parts[-2] not in LANGS:
            problems.append(Problem(rel(page), 0, 0, "a page must say its language in its name.",
                                    f"rename it to {parts[0]}.nl.md (Dutch) or {parts[0]}.en.md (English)."))
            continue
        for other in LANGS:
            twin = page.with_name(".".join(parts[:-2] + [other, "md"]))
            if not twin.exists():
                problems.append(Problem(rel(page), 0, 0, f"this page has no {LANG_NAMES[other]} version.",
                                        f"add {rel(twin)} with the translated text."))
    return problems
