"""How much of the question bank the quiz lint flags, per kind and language; before and after a change.

    .venv/bin/python -m kb.cli.quiz_report [--before REV] [--samples N]

Without --before it reports the bank of this checkout. With --before it also builds the bank with the
kb/quiz/bank.py of git revision REV (run against today's data) and reports both, so a change to the generator
can be measured; the lint is today's in both. --samples prints N seeded sample questions per kind and language.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

from kb import LANGS, ROOT
from kb.site import load as knowledge_base
from kb.quiz import bank as quiz_bank
from kb.quiz import lint


def _old_bank(kb, rev: str):
    """The bank the generator of revision `rev` makes from today's data, shaped for the lint: its options are
    matched back to entry ids by their text, so the also-right rule can judge them."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:src/kb/quiz/bank.py"], check=True,
                            capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "old_bank.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("kb_old_bank", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["kb_old_bank"] = module                # dataclasses look their module up by name
        try:
            spec.loader.exec_module(module)
            old = module.build(kb)
        finally:
            del sys.modules["kb_old_bank"]
    origin = {i.id: f"{i.file}:{i.line}" for i in kb.quiz_items}
    questions = {}
    for lang in LANGS:
        by_text = {}
        for e in kb.entries.values():
            for text in (e.text[lang].term, e.text["nl"].term, e.text["en"].term):
                by_text.setdefault(text.casefold(), e.id)
        questions[lang] = [SimpleNamespace(
            id=q.id, kind=q.kind, lang=lang, prompt=q.prompt, stimulus=q.stimulus, options=q.options,
            answer=q.answer, link=q.link, origin=origin.get(q.id.split(":", 1)[1], ""),
            option_ids=[by_text.get(o.casefold(), "") for o in q.options]) for q in old.questions[lang]]
    return SimpleNamespace(questions=questions)


def table(kb, bank, title: str) -> str:
    share = lint.share_flagged(kb, bank)
    kinds = sorted({k for per in share.values() for k in per})
    lines = [title, f"{'kind':<18}" + "".join(f"{lang + ' flagged':>22}" for lang in LANGS)]
    totals = {lang: [0, 0] for lang in LANGS}
    for kind in kinds:
        cells = ""
        for lang in LANGS:
            flagged, total = share[lang].get(kind, (0, 0))
            totals[lang][0] += flagged
            totals[lang][1] += total
            cells += f"{flagged:>6} of {total:<4} {100 * flagged / total if total else 0:5.1f} %  "
        lines.append(f"{kind:<18}{cells}")
    lines.append(f"{'all':<18}" + "".join(f"{f:>6} of {t:<4} {100 * f / t if t else 0:5.1f} %  "
                                        for f, t in totals.values()))
    return "\n".join(lines)


def samples(bank, n: int) -> str:
    out = []
    for lang in LANGS:
        for kind in sorted({q.kind for q in bank.questions[lang]}):
            pool = [q for q in bank.questions[lang] if q.kind == kind]
            out.append(f"\n### {lang} · {kind} ({len(pool)} questions)\n")
            for q in random.Random(f"samples|{kind}").sample(pool, min(n, len(pool))):
                stem = f"{q.prompt} “{q.stimulus}”" if q.stimulus else q.prompt
                out.append(f"- **{stem}**  ")
                out.append("  " + " · ".join(f"**{o}** ✓" if i == q.answer else o for i, o in enumerate(q.options)))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="git revision whose generator to measure as 'before'")
    parser.add_argument("--samples", type=int, default=0, help="sample questions per kind and language")
    args = parser.parse_args(argv)
    kb = knowledge_base.load(ROOT)
    if args.before:
        print(table(kb, _old_bank(kb, args.before), f"BEFORE (generator of {args.before}, today's data)"))
        print()
    bank = quiz_bank.build(kb)
    print(table(kb, bank, "AFTER (this checkout)"))
    dropped = {lang: sum(1 for reasons in bank.dropped.values() if any(r.startswith(lang) for r in reasons))
               for lang in LANGS}
    print(f"\nnot generated (skipped, see Bank.skipped): {len(bank.skipped)} per language; dropped by the checks "
          f"after generation: " + ", ".join(f"{lang} {n}" for lang, n in dropped.items()))
    if args.samples:
        print(samples(bank, args.samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
