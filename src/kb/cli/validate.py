#!/usr/bin/env python3
"""Check every data file (glossary/, quiz/) and hand-written page; list every problem with file:line and a fix.

Usage: kb validate [--root DIR]      (also: make check)
Exit code 0 when all is well, 1 when there are problems.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kb import ROOT
from kb.site import load as knowledge_base
from kb.core.problems import ValidationFailed
from kb.glossary.translations import warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder to check (default: this one)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        kb = knowledge_base.load(args.root)
    except ValidationFailed as failed:
        print(str(failed), file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    print(f"OK: {len(kb.entries)} entries, {len(kb.sources)} sources, {len(kb.tier_schemes)} tier schemes, "
          f"{len(kb.quiz_items)} quiz items checked in {seconds:.2f} s.")
    for warning in warnings(kb):            # out-of-date translations: reported, never blocking
        print(f"\nwarning: {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
