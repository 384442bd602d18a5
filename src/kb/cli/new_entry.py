#!/usr/bin/env python3
"""Write the skeleton of a new glossary entry: glossary/terms/<id>.yaml.

Usage: kb new-entry brand-safety      (also: make new-entry ID=brand-safety)
Exit code 0 when the file was written; 2 when the id is missing, malformed or already taken.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kb import ROOT
from kb.glossary.load import Paths
from kb.core.problems import rel
from kb.core.scaffold import ID_PATTERN, TODO_ID_PREFIX, skeleton, suggest_id

USAGE = "make new-entry ID=brand-safety"


def refusal(entry_id: str, paths: Paths) -> str | None:
    """Why `entry_id` cannot be used, in a contributor's words; None when it can."""
    if not entry_id.strip():
        return f"give the id of the new entry, e.g.: {USAGE}"
    if not ID_PATTERN.match(entry_id):
        hint = suggest_id(entry_id)
        text = (f"'{entry_id}' is not a valid id. An id uses only lowercase letters a-z, digits and single "
                "hyphens between words (no spaces, capitals, accents or underscores).")
        return text + (f" Did you mean: make new-entry ID={hint}" if hint else "")
    if entry_id.startswith(TODO_ID_PREFIX):
        return f"'{entry_id}' starts with '{TODO_ID_PREFIX}', which the skeleton uses for placeholders; choose another id."
    for existing in (paths.terms / f"{entry_id}.yaml", paths.terms / f"{entry_id}.yml"):
        if existing.exists():
            return (f"{rel(existing)} already exists. Edit that file to improve the entry, "
                    "or choose another id for a different concept.")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", nargs="?", default="", help="the new entry's id, e.g. brand-safety")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    args, unknown = parser.parse_known_args(argv)
    if unknown:             # an id such as '-brand' looks like an option; judge it as an id instead
        args.id = args.id or unknown[0]
    paths = Paths(args.root)
    reason = refusal(args.id, paths)
    if reason:
        print(f"Not written: {reason}", file=sys.stderr)
        return 2
    target = paths.terms / f"{args.id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(skeleton(args.id), encoding="utf-8")
    print(f"Wrote {rel(target)}.\n"
          "Next: open it, replace every TODO (both the Dutch 'nl' and the English 'en' block), then run\n"
          "  make check    to see what is still missing, and\n"
          "  make serve    to see the page at http://127.0.0.1:8000/glossary/" + args.id + "/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
