#!/usr/bin/env python3
"""Cross-check the sources' influencer tier thresholds (glossary/tiers.yaml) and classify a follower count.

Usage: kb tiers [--json | --markdown] [--classify N] [--lang en|nl] [--root DIR]
       (also: make tiers ARGS="--classify 8000")
N may be written 8000, 8.000, 8,000 or 8k.
Exit code 0 when the data is sound (the sources may still disagree: that is a finding, not an error),
1 when the tier data has errors (a range that does not match the source's words, min > max, unordered tiers,
an unknown source or tier), 2 when N cannot be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kb import ROOT
from kb.glossary import load as catalog
from kb.tiers import load as tiers
from kb.tiers import checks
from kb.core.problems import Problem
from kb.core.counts import format_count, span
from kb.tiers.parse import TierParseError, parse_count
from kb.tiers.render import markdown_report, verdict_text


def load_tier_data(root: Path) -> tuple[catalog.KnowledgeBase, list[Problem], list[Problem]]:
    """Sources, entries and tier schemes only; (kb, problems that concern the tiers, other problems)."""
    paths = catalog.Paths(Path(root))
    before: list[Problem] = []
    kb = catalog.load_glossary(paths, before)
    tier_problems: list[Problem] = []
    kb.tier_schemes = tiers.load(paths, kb, tier_problems)
    tier_files = {"glossary/sources.yaml", "glossary/tiers.yaml", "glossary/schema/tiers.schema.json"}
    tier_files |= {f"glossary/terms/{e.id}.yaml" for e in kb.entries.values() if e.category == "tier"}
    relevant = [p for p in before if p.file in tier_files]
    other = [p for p in before if p.file not in tier_files]
    return kb, sorted(set(tier_problems + relevant)), other


def classify_json(kb, followers: int, lang: str) -> dict:
    verdicts = checks.classify(kb.tier_schemes, followers)
    return {"followers": followers, "verdicts": [
        {"source": v.source, "tiers": v.tiers, "why": v.why,
         "ranges": [{"tier": r.tier, "min": r.min, "max": r.max, "as_written": r.as_written} for r in v.ranges],
         "text": verdict_text(kb, v, lang)} for v in verdicts],
        "agree": len({tuple(v.tiers) for v in verdicts if v.tiers}) <= 1}


def as_json(kb, problems: list[Problem], followers: int | None, lang: str) -> dict:
    sources = []
    for scheme in kb.tier_schemes:
        sources.append({"id": scheme.source, "title": scheme.name(lang), "has_numbers": scheme.has_numbers,
                        "tiers": [{"tier": r.tier, "min": r.min, "max": r.max, "as_written": r.as_written,
                                   "hedged": r.hedged, "locator": r.locator} for r in scheme.tiers]})
    findings = [{"kind": "data-error", "message": p.what, "file": p.file, "line": p.line, "fix": p.fix}
                for p in problems]
    findings += [f.as_dict() for f in checks.findings(kb.tier_schemes)]
    return {"sources": sources, "findings": findings,
            "classify": classify_json(kb, followers, lang) if followers is not None else None,
            "ok": not problems}


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def readable(kb, lang: str) -> str:
    schemes = kb.tier_schemes
    out = ["TIER THRESHOLDS BY SOURCE (followers; both ends included)", ""]
    for scheme in schemes:
        out.append(f"{scheme.name(lang)}  [{scheme.source}]")
        if not scheme.has_numbers:
            out.append("  names " + ", ".join(r.tier for r in scheme.tiers) + " without follower counts")
        for r in scheme.tiers if scheme.has_numbers else []:
            out.append(f"  {r.tier:<9} {r.normalised(lang):<22} \"{r.as_written}\"{'  (hedged)' if r.hedged else ''}")
        out.append("")
    out.append("PER TIER (where the sources let each tier begin)")
    for tier in tiers.TIER_ORDER:
        s = checks.spread(schemes, tier)
        if not s.ranges:
            continue
        head = f"  {tier:<9} {len(s.ranges)} source{'s' if len(s.ranges) != 1 else ''}: "
        if not s.ratio:
            out.append(head + f"only {s.ranges[0][0].source}, from {span(s.lowest, None, lang)}")
            continue
        bands, needed, of = checks.consensus(schemes, tier)
        band = (" and ".join(span(lo, hi, lang) for lo, hi in bands) + f" ({needed} of {of} agree)"
                if bands else "none")
        out.append(head + f"lower bound from {format_count(s.lowest, lang)} ({', '.join(s.lowest_by)}) to "
                   f"{format_count(s.highest, lang)} ({', '.join(s.highest_by)}), factor {s.ratio:g}")
        out.append(f"  {'':<9} majority band: {band}")
    out.append("")

    found = checks.findings(schemes)
    for kind, title in (("overlap", "OVERLAPS (a count in two tiers of one source)"),
                        ("gap", "GAPS (counts between two tiers of one source)"),
                        ("coverage", "COVERAGE (where a source's tiers start and end)")):
        out.append(title)
        out += [f"  - {f.message}" for f in found if f.kind == kind] or ["  none"]
        out.append("")
    segments = [seg for seg in checks.segments(schemes) if seg.disagree]
    out.append(f"WHERE THE SOURCES DISAGREE ({len(segments)} stretches of follower counts)")
    keys = [s.source for s in checks.numeric(schemes)]
    rows = [["followers"] + [kb_name(kb, k, lang) for k in keys]]
    for seg in segments:
        rows.append([span(seg.low, seg.high, lang)] + ["+".join(seg.verdicts[k]) or "-" for k in keys])
    out += [table(rows), ""]
    return "\n".join(out)


def kb_name(kb, key: str, lang: str) -> str:
    return next(s.name(lang) for s in kb.tier_schemes if s.source == key)


def readable_classify(kb, followers: int, lang: str) -> str:
    verdicts = checks.classify(kb.tier_schemes, followers)
    out = [f"{format_count(followers, lang)} FOLLOWERS, SOURCE BY SOURCE"]
    for v in verdicts:
        out.append(f"  {kb_name(kb, v.source, lang):<38} {verdict_text(kb, v, lang)}")
    named = {tuple(v.tiers) for v in verdicts if v.tiers}
    out.append("")
    if len(named) <= 1:
        out.append("The sources that place this count agree." if named else "No source places this count.")
    else:
        counts = {answer: sum(tuple(v.tiers) == answer for v in verdicts) for answer in named}
        said = ", ".join(f"{'+'.join(a)} ({n} source{'s' if n != 1 else ''})"
                         for a, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        out.append(f"The sources disagree: {said}.")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print one JSON object (sources, findings, classify)")
    form.add_argument("--markdown", action="store_true", help="print the comparison as Markdown")
    parser.add_argument("--classify", metavar="N", help="which tier(s) N followers fall in, per source")
    parser.add_argument("--lang", choices=("en", "nl"), default="en", help="language of names and numbers")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    args = parser.parse_args(argv)
    followers = None
    if args.classify is not None:
        try:
            followers = parse_count(args.classify)
        except TierParseError as err:
            print(f"--classify: {err}", file=sys.stderr)
            return 2
    kb, problems, other = load_tier_data(args.root)
    if args.json:
        print(json.dumps(as_json(kb, problems, followers, args.lang), ensure_ascii=False, indent=2))
    elif problems:
        pass
    elif args.markdown:
        print(markdown_report(kb, args.lang))
    else:
        print(readable(kb, args.lang) if followers is None else readable_classify(kb, followers, args.lang))
    if other:
        print(f"note: {len(other)} other problem(s) in the glossary do not concern the tiers; "
              "run 'make check' to see them.", file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"Found {count} error{'s' if count != 1 else ''} in the tier data.\n\n"
              + "\n\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
