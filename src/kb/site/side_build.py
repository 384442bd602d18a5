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
ORDERS_ON_STDIN = "--orders-on-stdin"      # the child starts, imports, then reads its arguments (one JSON line)
READY_FILE = "ready"                       # the child writes it once its imports are done


class SideBuildFailed(Exception):
    """The second process did not finish; its message says why."""


class Worker:
    """A started kb.site.downloads process and its folder, waiting for its orders with its imports done.

    `make serve` starts the next one as soon as a rebuild is done (kb.engines.mkdocs.hook), so the rebuild after
    the next edit does not wait for Python to start and import: that was about 0.4 s of the 0.7 s the child
    needed before the trainers' page had its counts, and the page waited 0.22-0.31 s of every rebuild for them."""

    def __init__(self) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="kb-side-build-"))
        self.errors = (self.work / "errors.txt").open("w+", encoding="utf-8")   # a file, not a pipe: a long
        self.owner = os.getpid()                                                # problem list cannot block it
        self.process = subprocess.Popen([*COMMAND, ORDERS_ON_STDIN, str(self.work / READY_FILE)],
                                        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self.errors)
        atexit.register(self.discard)

    def order(self, args: list[str]) -> None:
        try:
            self.process.stdin.write((json.dumps(args) + "\n").encode("utf-8"))
            self.process.stdin.close()
        except BrokenPipeError:           # it has stopped already: its errors say why (SideBuild._fail)
            pass

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Until its imports are done (or it has stopped): `make bench` waits for it, as an editor would."""
        until = time.monotonic() + timeout
        while not (self.work / READY_FILE).exists() and self.process.poll() is None and time.monotonic() < until:
            time.sleep(0.01)

    def discard(self) -> None:
        """Stop the process if it still runs and remove its folder (finished, a newer data version, the end)."""
        if os.getpid() != self.owner:
            return
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.errors):
            try:
                stream.close()
            except BrokenPipeError:
                pass
        shutil.rmtree(self.work, ignore_errors=True)
        atexit.unregister(self.discard)     # a long `mkdocs serve` makes one per data change: let old ones go


class SideBuild:
    """One run of kb.site.downloads for one version of the data, by `worker` (a new one if not given)."""

    def __init__(self, kb, site_url: str, worker: Worker | None = None) -> None:
        self.worker = worker or Worker()
        self.work, self.process = self.worker.work, self.worker.process
        self.out = self.work / "site"
        validated = self.work / "knowledge-base.pickle"
        validated.write_bytes(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        self._counts_file = self.work / "counts.json"
        self._counts: dict[str, ExportCounts] | None = None
        self._files: dict[Path, bytes] | None = None
        self._started = time.monotonic()
        self.worker.order(["--validated", str(validated), "--out", str(self.out), "--site-url", site_url,
                           "--counts-to", str(self._counts_file)])

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
        self.worker.discard()

    def _ended(self) -> bool:
        """Has the child stopped? Only the process that started it can ask; a forked build process (see
        mkdocs_parallel_languages) waits for the counts file, up to a limit."""
        if os.getpid() == self.worker.owner:
            return self.process.poll() is not None
        return time.monotonic() - self._started > 300

    def _fail(self):
        if os.getpid() == self.worker.owner:
            self.process.wait()
        self.worker.errors.seek(0)
        said = self.worker.errors.read().strip() or f"exit code {self.process.returncode}"
        raise SideBuildFailed(f"The trainers' downloads and the quiz questions could not be made:\n{said}")
