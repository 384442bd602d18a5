"""The files the site links to but MkDocs does not render (trainers' downloads, quiz question banks), made in
a second process while MkDocs renders the pages.

Made in line, they cost a 1,000-entry build about 1.5 s on its one busy core; beside it, on the machine's
other core, they cost the build nothing it waits for. The child is kb.site.downloads. It gets the
knowledge base this process has validated (pickled: reading it again would take longer than the pages that
come before the trainers' page) and writes the counts that page shows into a file of their own, before it
writes the downloads, so any process of the build can read them (also the forked one that builds the
English pages, see kb.engines.mkdocs.parallel).
"""
from __future__ import annotations

import atexit
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.exports.build import ExportCounts

COMMAND = [sys.executable, "-m", "kb.site.downloads"]     # the child process (tests replace it)


class SideBuildFailed(Exception):
    """The second process did not finish; its message says why."""


class SideBuild:
    """One run of kb.site.downloads for one version of the data."""

    def __init__(self, kb, site_url: str) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="kb-side-build-"))
        self.out = self.work / "site"
        validated = self.work / "knowledge-base.pickle"
        validated.write_bytes(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        self._counts_file = self.work / "counts.json"
        self._errors = (self.work / "errors.txt").open("w+", encoding="utf-8")   # a file, not a pipe: a long
        self._counts: dict[str, ExportCounts] | None = None                       # problem list cannot block it
        self._files: dict[Path, bytes] | None = None
        self._owner, self._started = os.getpid(), time.monotonic()
        self.process = subprocess.Popen(
            [*COMMAND, "--validated", str(validated), "--out", str(self.out),
             "--site-url", site_url, "--counts-to", str(self._counts_file)],
            stdout=subprocess.DEVNULL, stderr=self._errors)
        atexit.register(self.discard)

    def counts(self) -> dict[str, ExportCounts]:
        """What each download holds, per language; waits until the child has counted, if need be."""
        while self._counts is None:
            if self._counts_file.exists():
                data = json.loads(self._counts_file.read_text(encoding="utf-8"))
                self._counts = {lang: ExportCounts(**c) for lang, c in data.items()}
            elif self._ended():
                self._fail()
            else:
                time.sleep(0.01)
        return self._counts

    def finish(self, site_dir: Path) -> dict[str, ExportCounts]:
        """Wait for the child, then write its files into the built site (again on every later build of the same
        data, as `mkdocs serve` does: they are kept in memory, so no temporary folder outlives the build)."""
        counts = self.counts()
        if self._files is None:
            if self.process.wait() != 0:
                self._fail()
            self._files = {p.relative_to(self.out): p.read_bytes() for p in self.out.rglob("*") if p.is_file()}
            self.discard()
        for rel_path, data in self._files.items():
            (site_dir / rel_path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / rel_path).write_bytes(data)
        return counts

    def discard(self) -> None:
        """Stop the child if it still runs and remove its folder (when finished, a newer data version, the end)."""
        if os.getpid() != self._owner:
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._errors.close()
        shutil.rmtree(self.work, ignore_errors=True)
        atexit.unregister(self.discard)     # a long `mkdocs serve` makes one per data change: let old ones go

    def _ended(self) -> bool:
        """Has the child stopped? Only the process that started it can ask; a forked build process (see
        mkdocs_parallel_languages) waits for the counts file, up to a limit."""
        if os.getpid() == self._owner:
            return self.process.poll() is not None
        return time.monotonic() - self._started > 300

    def _fail(self):
        if os.getpid() == self._owner:
            self.process.wait()
        self._errors.seek(0)
        said = self._errors.read().strip() or f"exit code {self.process.returncode}"
        raise SideBuildFailed(f"The trainers' downloads and the quiz questions could not be made:\n{said}")
