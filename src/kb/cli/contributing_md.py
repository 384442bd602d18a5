#!/usr/bin/env python3
"""Write CONTRIBUTING.md (what GitHub shows) from the site's English guide, docs/contributing.en.md.

One text, two places: edit the site page, then run `kb contributing-md`. A test fails when
CONTRIBUTING.md is out of step. Usage: kb contributing-md [--check]
"""
from __future__ import annotations

import re
import sys

from kb import ROOT

PAGE = ROOT / "docs" / "contributing.en.md"
TARGET = ROOT / "CONTRIBUTING.md"
NOTE = ("> **Nederlands:** deze handleiding staat in het Nederlands in "
        "[docs/contributing.nl.md](docs/contributing.nl.md) en op de site onder *Meewerken*.\n"
        ">\n"
        "> This file is generated from [docs/contributing.en.md](docs/contributing.en.md) by "
        "`kb contributing-md`: edit that page, then run the script.\n")
HEADING = re.compile(r"^(#{1,6}) (.+?) \{#([a-z0-9-]+)\}$", re.MULTILINE)


def github_slug(title: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def render(page_text: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n+", "", page_text, flags=re.DOTALL)
    anchors = {m.group(3): github_slug(m.group(2)) for m in HEADING.finditer(body)}
    body = HEADING.sub(lambda m: f"{m.group(1)} {m.group(2)}", body)
    body = re.sub(r"\]\(#([a-z0-9-]+)\)", lambda m: f"](#{anchors.get(m.group(1), m.group(1))})", body)
    title, _, rest = body.partition("\n")
    return f"{title}\n\n{NOTE}{rest}"


def main(argv: list[str]) -> int:
    text = render(PAGE.read_text(encoding="utf-8"))
    if "--check" in argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print("CONTRIBUTING.md is out of date: run kb contributing-md", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"Wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
