#!/usr/bin/env python3
"""Write the files the site links to but MkDocs does not render: the trainers' downloads (GIFT, Kahoot, Anki),
the quiz's question bank and the hover definitions per language, into a folder laid out like the built site.

Usage: kb build-downloads --out DIR [--root DIR] [--site-url URL]

Every site build runs this beside MkDocs, in a second process (kb.side_build), handing it the data it has
validated already and asking for the counts the trainers' page shows as soon as they are known, before the
files are written. Exit code 1 and the list of problems on stderr when the data does not validate.
"""
from __future__ import annotations

import argparse
import json
import pickle
import shutil
import signal
import sys
from dataclasses import asdict
from pathlib import Path

from kb import LANGS, ROOT
from kb.core.context import BuildContext
from kb.core.urls import UrlStyle
from kb.site import load as knowledge_base
from kb.exports import build as exports
from kb.quiz import page as quiz_page
from kb.glossary import tooltips
from kb.quiz import practice
from kb.core.problems import ValidationFailed
from kb.site.side_build import ORDERS_ON_STDIN


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (like the site's root)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    parser.add_argument("--site-url", default="", help="address of the published site, for links in downloads")
    parser.add_argument("--validated", type=Path, help=argparse.SUPPRESS)   # kb.side_build: the parent's data
    parser.add_argument("--counts-to", type=Path, help=argparse.SUPPRESS)   # kb.side_build: where to put counts
    args = parser.parse_args(argv)
    if args.validated:
        kb = pickle.loads(args.validated.read_bytes())
    else:
        try:
            kb = knowledge_base.load(args.root)
        except ValidationFailed as failed:
            print(str(failed), file=sys.stderr)
            return 1
    ctx = BuildContext(UrlStyle.of(True, args.site_url))      # the bank is built once, for counts and files
    counts = {lang: asdict(c) for lang, c in exports.counts(kb, ctx, args.site_url).items()}
    if args.counts_to:                                    # written whole, then renamed: never read half-written
        partial = args.counts_to.with_suffix(".partial")
        partial.write_text(json.dumps(counts), encoding="utf-8")
        partial.replace(args.counts_to)
    for lang in LANGS:
        target = args.out / quiz_page.BANK_FILE.format(lang=lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(quiz_page.bank_script(kb, lang, ctx), encoding="utf-8")
        (args.out / tooltips.DEFINITIONS_FILE.format(lang=lang)).write_text(
            tooltips.definitions_script(kb, lang), encoding="utf-8")
        (args.out / practice.DECK_FILE.format(lang=lang)).write_text(practice.deck_script(kb, lang, ctx),
                                                                      encoding="utf-8")
    exports.write_all(kb, args.out / exports.DOWNLOADS, args.site_url, ctx)
    if not args.counts_to:
        for lang, c in counts.items():
            print(f"{lang}: GIFT {c['gift']}, Kahoot {c['kahoot']} (+{c['kahoot_left_out']} left out), "
                  f"Anki {c['anki_notes']} notes, quiz bank {c['bank']} questions")
        print(f"written into {args.out}")
    return 0


def main_on_orders(ready: Path) -> int:
    """kb.site.side_build's worker: started ahead of its work, its imports done by now, it says so (`ready`) and
    waits for its arguments, one JSON line on stdin. None (stdin closed: the build was discarded, or `make serve`
    ended without cleaning up) or SIGTERM while it waits means it is not needed: its folder goes with it. Ctrl-C
    reaches the whole process group; while it waits, `make serve` itself stops it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    line = ""
    try:
        ready.write_text("", encoding="utf-8")
        line = sys.stdin.readline()
    except SystemExit:
        pass
    if not line.strip():
        shutil.rmtree(ready.parent, ignore_errors=True)
        return 0
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return main(json.loads(line))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == ORDERS_ON_STDIN:
        sys.exit(main_on_orders(Path(sys.argv[2])))
    sys.exit(main())
