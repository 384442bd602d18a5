"""`make build` without a half-built site: build into a folder beside site/, move it into place on success.

    kb build [--root DIR] [--site-dir site] [--engine mkdocs|properdocs]

A strict MkDocs build that fails half-way (a warning, a side build that breaks) used to leave a site/ with
some pages new, some old and some missing, which looks like a valid site. Here the build writes into
`.site-building/`; only when it succeeds does that folder become site/ (two renames on one disk: no time).
When it fails, the partial folder is removed and site/ is what the last good build made, or absent.
`--engine properdocs` builds the same project with ProperDocs, the maintained fork of MkDocs 1.x
(`make build-properdocs`): it answers to `import mkdocs`, so the hook and the plugins run unchanged.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kb import ROOT
from kb.engines import end_of_life

ENGINES = ("mkdocs", "properdocs")       # the module run as `python -m <engine> build`
BUILDING = ".site-building"
REPLACED = ".site-replaced"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    parser.add_argument("--site-dir", default="site", help="where the finished site goes (default: site)")
    parser.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="the builder (default: mkdocs)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    site, building, replaced = root / args.site_dir, root / BUILDING, root / REPLACED
    for leftover in (building, replaced):
        shutil.rmtree(leftover, ignore_errors=True)
    may_build, line = end_of_life.check()
    print(line, file=sys.stderr)
    if not may_build:
        return 1
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}   # Material's banner: end_of_life.check says it once, dated
    result = subprocess.run([sys.executable, "-m", args.engine, "build", "--strict", "--clean",
                             "--site-dir", str(building)], cwd=root, env=env)
    if result.returncode != 0:
        shutil.rmtree(building, ignore_errors=True)
        state = f"{args.site_dir}/ is still the last good build" if site.exists() else f"there is no {args.site_dir}/"
        print(f"\nThe build failed; nothing was changed ({state}).", file=sys.stderr)
        return result.returncode
    if site.exists():
        site.rename(replaced)
    building.rename(site)
    shutil.rmtree(replaced, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
