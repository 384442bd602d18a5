#!/usr/bin/env python3
"""Translation status of the glossary: which entries need a translator, and recording a review.

Usage:
  kb translations                      list every entry that needs a look (make translations)
  kb translations --strict             same, but exit 1 when a translation is out of date
  kb translations reviewed ID [ID…]    record that both languages of these entries match
  kb translations reviewed --all       … of every entry    (make translations-reviewed ID=…)
Out-of-date translations are warnings (exit 0) unless --strict; data problems exit 1 as in `make check`.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kb import LANGS, ROOT
from kb.site import load as knowledge_base
from kb.core import strict_yaml
from kb.glossary import translations as ts
from kb.core.problems import ValidationFailed, rel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a translation is out of date")
    parser.add_argument("action", nargs="?", choices=["report", "reviewed"], default="report")
    parser.add_argument("ids", nargs="*", help="entry ids (file names without .yaml), for 'reviewed'")
    parser.add_argument("--all", action="store_true", help="with 'reviewed': every entry")
    args = parser.parse_args(argv)
    try:
        kb = knowledge_base.load(args.root)
    except ValidationFailed as failed:
        print(str(failed), file=sys.stderr)
        print("\nFix these problems first (make check), then try again.", file=sys.stderr)
        return 1
    if args.action == "reviewed":
        return record(kb, args.ids, args.all)
    return show(kb, args.strict)


def show(kb, strict: bool) -> int:
    rows = ts.statuses(kb)
    counts = {state: sum(1 for s in rows if s.state == state) for state in ts.ORDER}
    print(ts.LABELS["summary"]["en"].format(total=len(rows), **counts))
    found = ts.warnings(kb)
    for problem in found:
        print(f"\nwarning: {problem}")
        if os.environ.get("GITHUB_ACTIONS") == "true":   # shows up on the pull request's changed file
            print(f"::warning file={problem.file},line={problem.line}::{problem.what}")
    never = [s.entry_id for s in rows if s.state == ts.UNREVIEWED]
    if never:
        print(f"\nNever reviewed together ({len(never)}): {', '.join(never)}")
    if found or never:
        print("\nAfter checking that both languages of an entry say the same: make translations-reviewed ID=<id>")
    stale = sum(1 for s in rows if s.state == ts.STALE)
    return 1 if strict and stale else 0


def record(kb, ids: list[str], every: bool) -> int:
    if every:
        ids = sorted(kb.entries)
    if not ids:
        print("Name the entry: make translations-reviewed ID=influencer (or ALL=1 for every entry).", file=sys.stderr)
        return 2
    unknown = [i for i in ids if i not in kb.entries]
    if unknown:
        print(f"Not recorded: no entry with the id {', '.join(unknown)} (ids are the file names in glossary/terms/ "
              "without '.yaml').", file=sys.stderr)
        return 2
    for entry_id in ids:
        entry = kb.entries[entry_id]
        prints = ts.status(entry).current
        path = entry.doc.path
        before = path.read_text(encoding="utf-8")
        after = ts.with_fingerprints(before, prints)
        _verify(path, before, after, prints)
        if after != before:
            path.write_text(after, encoding="utf-8")
            print(f"{rel(path)}: recorded the review (nl {prints['nl']}, en {prints['en']}).")
        else:
            print(f"{rel(path)}: already recorded.")
    return 0


def _verify(path: Path, before: str, after: str, prints: dict) -> None:
    """Refuse to write unless the new text reads back as the old data plus exactly these fingerprints."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp) / "old.yaml", Path(tmp) / "new.yaml"
        old.write_text(before, encoding="utf-8")
        new.write_text(after, encoding="utf-8")
        old_doc, _ = strict_yaml.load(old)
        new_doc, problems = strict_yaml.load(new)
    expected = {**old_doc.data, "translation": {lang: prints[lang] for lang in LANGS}}
    if problems or new_doc is None or new_doc.data != expected:
        raise SystemExit(f"{rel(path)}: could not add the translation line safely; nothing was written. "
                         "Add it by hand: translation: {nl: \"" + prints["nl"] + "\", en: \"" + prints["en"] + "\"}")


if __name__ == "__main__":
    sys.exit(main())
