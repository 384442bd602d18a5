"""`make serve`'s rebuilds, in this process and without the web server: for `make bench` and the build tests.

`mkdocs serve --dirty` calls on_startup once, then, on every change, loads the config again and calls
mkdocs.commands.build.build(dirty=True) into the same temporary folder; plugins and the hook module keep their
state between rebuilds. The i18n plugin reads `--dirty` from the command line, so it is put there. Run one
session per process: the hook's state is the process's.

    python -m kb.engines.mkdocs.serve_session PROJECT SITE [FILE|OLD|NEW ...]
builds PROJECT into SITE, then per edit replaces OLD by NEW in FILE (relative to PROJECT), rebuilds and
copies SITE to SITE.1, SITE.2, ...; prints one JSON line: the seconds of each build.
"""
from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def hook_state():
    """The hook's state, which lives as long as this process (MkDocs loads hooks/mkdocs_hook.py, which imports
    the hook module, so this is the object the rebuilds use)."""
    from kb.engines.mkdocs import hook
    return hook._state


class ServeSession:
    def __init__(self, project: Path, site: Path):
        from mkdocs.config import load_config

        self.project, self.site = project, site
        if "--dirty" not in sys.argv:
            sys.argv.append("--dirty")
        load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)).plugins.on_startup(
            command="serve", dirty=True)

    def settle(self) -> None:
        """Wait, as a contributor's next save would, until the process for the next rebuild's downloads has
        started (kb.site.side_build.Worker: the hook starts it when a rebuild is done; it takes about 0.4 s)."""
        worker = hook_state().next_worker
        if worker is not None:
            worker.wait_ready()

    def rebuild(self) -> tuple[float, float]:
        """One rebuild, as the watcher triggers it: (wall seconds, CPU seconds)."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        start, start_cpu = time.perf_counter(), time.process_time()
        build(config, serve_url=SERVE_URL, dirty=True)
        return time.perf_counter() - start, time.process_time() - start_cpu


def edit(project: Path, spec: str) -> None:
    """`FILE|OLD|NEW`: replace the first OLD in FILE by NEW (OLD must be there)."""
    name, old, new = spec.split("|")
    path = project / name
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{name}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def main(argv: list[str]) -> int:
    project, site, edits = Path(argv[0]).resolve(), Path(argv[1]).resolve(), argv[2:]
    logging.disable(logging.WARNING)
    session = ServeSession(project, site)
    seconds = [round(session.rebuild()[0], 3)]
    for number, spec in enumerate(edits, start=1):
        session.settle()
        edit(project, spec)
        seconds.append(round(session.rebuild()[0], 3))
        shutil.copytree(site, site.with_name(f"{site.name}.{number}"))
    print(json.dumps({"seconds": seconds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
