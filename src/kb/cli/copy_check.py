"""List every 7-word run that our YAML texts and hand-written pages share with a source document.

    .venv/bin/kb copy-check [SEEDS_DIR]      (default: ../shared/seeds)
Exit 1 when any run is found. The test suite applies the same rule to the built site.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from kb import LANGS, ROOT
from kb.glossary.own_words import allowed_runs, seed_runs, shared_runs


def _strings(node, skip=("citation", "url", "seed", "locator", "key")):
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in skip:
                yield from _strings(v, skip)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, skip)
    elif isinstance(node, str):
        yield node


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    seeds = Path(argv[0]) if argv else ROOT.parent / "shared" / "seeds"
    held = seed_runs({f.name: f.read_text(encoding="utf-8") for f in sorted(seeds.glob("*.txt"))})
    sources = yaml.safe_load((ROOT / "glossary" / "sources.yaml").read_text(encoding="utf-8"))
    works = sources["sources"]
    allowed = allowed_runs([s["citation"] for s in works]
                           + [s[lang]["citation"] for s in works for lang in LANGS if "citation" in s[lang]])
    found = 0
    files = sorted((ROOT / "glossary").rglob("*.yaml")) + sorted((ROOT / "quiz").glob("*.yaml"))
    for path in files:
        text = "\n".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
        for hit in shared_runs(text, held, allowed):
            print(f"{path.relative_to(ROOT)}: {hit}")
            found += 1
    for path in sorted((ROOT / "docs").glob("*.md")):
        for hit in shared_runs(path.read_text(encoding="utf-8"), held, allowed):
            print(f"{path.relative_to(ROOT)}: {hit}")
            found += 1
    print(f"{found} shared 7-word runs" if found else "no shared 7-word runs")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
