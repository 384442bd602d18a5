"""The trainers' downloads and the quiz banks, made in a second process beside the MkDocs build (kb.side_build)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from kb import LANGS
from kb.site import load as knowledge_base
from kb.exports import build as exports
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page
from kb.site import side_build
from kb.site.side_build import SideBuild, SideBuildFailed

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/kb/"


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.load(ROOT)


def test_the_second_process_writes_what_the_site_links_to_and_counts_as_this_one(kb, tmp_path):
    job = SideBuild(kb, SITE)
    try:
        counts = job.finish(tmp_path)
    finally:
        job.discard()
    assert counts == exports.counts(kb, site_url=SITE), "the trainers' page would show other numbers than the files hold"
    for lang in LANGS:
        for kind in ("gift", "kahoot", "anki"):
            assert (tmp_path / exports.DOWNLOADS / exports.file_name(kind, lang)).stat().st_size > 0
        script = (tmp_path / quiz_page.BANK_FILE.format(lang=lang)).read_text(encoding="utf-8")
        shipped = json.loads(re.search(rf'\["{lang}"\] = (.*);\n', script).group(1))
        assert shipped == [q.to_json() for q in quiz_bank.build(kb).questions[lang]]
    assert not job.work.exists(), "the temporary folder is removed"


def test_a_failing_second_process_says_why(kb, tmp_path, monkeypatch):
    broken = tmp_path / "broken.py"
    broken.write_text("import sys\nprint('glossary/terms/trust.yaml:3: something is wrong', file=sys.stderr)\n"
                      "sys.exit(1)\n", encoding="utf-8")
    monkeypatch.setattr(side_build, "COMMAND", [sys.executable, str(broken)])
    job = SideBuild(kb, SITE)
    try:
        with pytest.raises(SideBuildFailed, match=r"(?s)could not be made:\nglossary/terms/trust\.yaml:3: something"):
            job.counts()
    finally:
        job.discard()


def test_a_worker_started_ahead_waits_with_its_imports_done_then_does_the_same_work(kb, tmp_path):
    worker = side_build.Worker()                    # `make serve` starts the next one after each rebuild
    worker.wait_ready()
    assert (worker.work / side_build.READY_FILE).exists() and worker.process.poll() is None, \
        "the worker should wait for its orders once its imports are done"
    job = SideBuild(kb, SITE, worker)
    try:
        counts = job.finish(tmp_path)
    finally:
        job.discard()
    assert counts == exports.counts(kb, site_url=SITE)
    assert (tmp_path / exports.DOWNLOADS / exports.file_name("gift", "nl")).stat().st_size > 0
    assert not worker.work.exists()


def test_a_worker_that_gets_no_orders_ends_quietly_and_leaves_nothing_behind():
    worker = side_build.Worker()
    worker.wait_ready()
    worker.process.stdin.close()       # no orders: not needed after all (or `make serve` was killed)
    assert worker.process.wait(timeout=30) == 0
    worker.errors.seek(0)
    assert worker.errors.read() == ""
    assert not worker.work.exists(), "a worker nobody needs removes its own folder"
    worker.discard()


def test_a_waiting_worker_stopped_by_sigterm_removes_its_folder():
    worker = side_build.Worker()
    worker.wait_ready()
    worker.process.terminate()         # `make serve` ended by SIGTERM to its process group
    assert worker.process.wait(timeout=30) == 0
    assert not worker.work.exists()
    worker.discard()


def kb_of():
    return knowledge_base.load(ROOT)


def test_the_command_line_writes_the_same_files(tmp_path):
    from kb.site import downloads as build_downloads
    assert build_downloads.main(["--out", str(tmp_path), "--site-url", SITE]) == 0
    assert {p.name for p in (tmp_path / exports.DOWNLOADS).iterdir()} == set(exports.render_all(kb_of(), SITE)) >= {
        exports.file_name(kind, lang) for kind in ("gift", "kahoot", "anki") for lang in LANGS}
    assert all((tmp_path / quiz_page.BANK_FILE.format(lang=lang)).exists() for lang in LANGS)
