#!/usr/bin/env python3
"""Build the offline copy: the whole site (both languages) as a zip that works opened from disk (file://).

Usage: kb offline [--project DIR] [--site-dir DIR] [--keep DIR]
Writes <site-dir>/downloads/influencer-kennisbank-offline.zip (site-dir defaults to the project's site/),
so running it after `make build` puts the zip next to the other trainer downloads.

How: the published configuration (mkdocs.yml) plus Material's `offline` plugin listed right after `i18n`
(otherwise the inlined search index holds one language). The plugin switches to file URLs (trainers.html
instead of trainers/) and inlines the search index; its web-worker polyfill comes from our vendored copy of
iframe-worker (docs/assets/vendor/, pinned version) instead of a CDN. The configuration is derived here rather
than in a second YAML file, because MkDocs' INHERIT replaces lists: a copy would have to repeat the whole
i18n plugin block and drift from it.
"""
from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from kb import ROOT
from kb.exports.build import DOWNLOADS, OFFLINE_ZIP

POLYFILL = "assets/vendor/iframe-worker-1.0.4/shim.js"
ZIP_FOLDER = "influencer-kennisbank"
README = """Influencer-kennisbank / Influencer Knowledge Base — offline

NL  Open index.html in deze map met je browser (dubbelklikken). Alles werkt zonder internet:
    navigatie, zoeken, de quiz en de niveauwijzer. Engelse versie: en/index.html.

EN  Open en/index.html in this folder with your browser (double-click). Everything works without
    internet: navigation, search, the quiz and the tier lookup. Dutch version: index.html.
"""
# A tag that makes the browser load something from another host (a plain <a href> the reader clicks is fine).
OUTSIDE_LOAD = re.compile(r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=[\"']?(?:https?:)?//"
                          r"|<link\b(?=[^>]*\brel=[\"']?(?:stylesheet|preload|modulepreload|icon|manifest))"
                          r"[^>]*\bhref=[\"']?(?:https?:)?//"
                          r"|url\(\s*[\"']?(?:https?:)?//|@import\s+[\"']?(?:url\()?[\"']?(?:https?:)?//", re.I)

log = logging.getLogger("build_offline")


def offline_config(project: Path, site_dir: Path):
    """The published configuration with the offline plugin after i18n and the local polyfill."""
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    config_file = project / "mkdocs.yml"
    with open(config_file, "rb") as handle:
        raw = yaml_load(handle)
    plugins = list(raw.get("plugins", []))
    names = [p if isinstance(p, str) else next(iter(p)) for p in plugins]
    if "offline" not in names:
        plugins.insert(names.index("i18n") + 1 if "i18n" in names else len(plugins), "offline")
    extra = dict(raw.get("extra") or {})
    extra["polyfills"] = [*extra.get("polyfills", []), POLYFILL]
    return load_config(config_file=str(config_file), site_dir=str(site_dir), plugins=plugins, extra=extra)


def build_site(project: Path, site_dir: Path) -> None:
    """One strict build of the offline variant into site_dir (raises on any warning, like `mkdocs build`)."""
    from mkdocs.commands.build import build

    config = offline_config(project, site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def outside_loads(site_dir: Path) -> list[str]:
    """Every file that would make the browser load something from another host (must be none)."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in (".html", ".css", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in OUTSIDE_LOAD.finditer(text):
                found.append(f"{path.relative_to(site_dir)}: {text[match.start():match.end() + 40]!r}")
    return found


def write_zip(site_dir: Path, zip_path: Path) -> int:
    """Zip the site under one folder (so unzipping never scatters files); returns the number of files."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix != ".zip")
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{ZIP_FOLDER}/LEESMIJ-README.txt", README)
        for path in files:
            archive.write(path, f"{ZIP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return len(files)


def build_offline(project: Path, zip_path: Path, keep: Path | None = None) -> Path:
    """Build the offline site (into `keep`, or a temporary folder) and zip it to zip_path."""
    with tempfile.TemporaryDirectory(prefix="kb-offline-") as tmp:
        site_dir = keep or Path(tmp) / "site"
        build_site(project, site_dir)
        if not (site_dir / POLYFILL).is_file():
            raise SystemExit(f"the local web-worker polyfill {POLYFILL} is missing from the offline site")
        leaks = outside_loads(site_dir)
        if leaks:
            raise SystemExit("the offline copy would load files from another host:\n  " + "\n  ".join(leaks))
        count = write_zip(site_dir, zip_path)
    log.info(f"offline copy: {count} files, {zip_path.stat().st_size / 1e6:.1f} MB -> {zip_path}")
    return zip_path



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project folder (default: this repository)")
    parser.add_argument("--site-dir", type=Path, help="published site folder to put the zip in (default: site/)")
    parser.add_argument("--keep", type=Path, help="also keep the unzipped offline site in this folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    project = args.project.resolve()
    site_dir = (args.site_dir or project / "site").resolve()
    build_offline(project, site_dir / DOWNLOADS / OFFLINE_ZIP, args.keep.resolve() if args.keep else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
