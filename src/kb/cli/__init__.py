"""The `kb` command: one entry point for every tool of the project (the Makefile's targets call it).

    kb validate [--root DIR]            check all data (make check); `kb check` is the same
    kb tiers [--classify N] [--json]    cross-check the tier thresholds (make tiers)
    kb new-entry ID                     write a skeleton glossary entry (make new-entry)
    kb translations [reviewed ID…]      translation status (make translations)
    kb build [--root DIR]               the site into site/, moved into place only when the build succeeds
    kb offline                          the offline copy (make offline)
    kb bench                            the build benchmark (make bench)
    kb build-downloads --out DIR        the trainers' downloads and quiz banks, without a site build
    kb contributing-md [--check]        write CONTRIBUTING.md from docs/contributing.en.md
    kb copy-check [SEEDS_DIR]           7-word runs shared with a source document
    kb ensure-browser                   which Chromium the browser tests use (make test runs it first)

Each command's module is imported only when it runs, so `kb validate` never loads the site engine.
"""
from __future__ import annotations

import sys
from importlib import import_module

# command -> module with a main(argv) -> int
COMMANDS: dict[str, str] = {
    "validate": "kb.cli.validate",
    "check": "kb.cli.validate",
    "tiers": "kb.cli.tiers",
    "new-entry": "kb.cli.new_entry",
    "translations": "kb.cli.translations",
    "build": "kb.engines.mkdocs.safe_build",
    "offline": "kb.engines.mkdocs.offline",
    "bench": "kb.engines.mkdocs.bench",
    "build-downloads": "kb.site.downloads",
    "contributing-md": "kb.cli.contributing_md",
    "copy-check": "kb.cli.copy_check",
    "ensure-browser": "kb.cli.ensure_browser",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"kb: unknown command '{name}'. Commands: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    return import_module(COMMANDS[name]).main(rest)
