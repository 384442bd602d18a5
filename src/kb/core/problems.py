"""One shape for every mistake a contributor can make: where, what is wrong, and how to fix it."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kb import ROOT


@dataclass(frozen=True, order=True)
class Problem:
    file: str          # path relative to the project root, with forward slashes
    line: int          # 1-based; 0 when the problem is about the whole file
    col: int           # 1-based; 0 when unknown
    what: str          # what is wrong, in plain words
    fix: str = ""      # what to write instead

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        text = f"{where}: {self.what}"
        if self.fix:
            text += f"\n    How to fix: {self.fix}"
        return text


class ValidationFailed(Exception):
    """Raised with every problem of a run, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_report(self.problems))


def rel(path: Path | str) -> str:
    """A path as a contributor sees it in the repository (also for copies of the project made by tests)."""
    path = Path(os.path.abspath(path))        # not resolve(): a link is named as the link, not as its target
    for parent in (ROOT, *path.parents):
        if path.is_relative_to(parent) and (parent / "glossary").is_dir() and (parent / "docs").is_dir():
            return path.relative_to(parent).as_posix()
    return path.as_posix()


def format_report(problems: list[Problem]) -> str:
    count = len(problems)
    head = f"Found {count} problem{'s' if count != 1 else ''} in the data."
    return head + "\n\n" + "\n\n".join(str(p) for p in problems)
