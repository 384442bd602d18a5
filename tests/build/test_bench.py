"""The benchmark's inputs and the performance fixes it led to — checked for correctness, never timed.

Timing lives in `make bench` (kb.engines.mkdocs.bench); here: the synthetic entries are valid and build, the faster
hover-definition regex finds exactly what the plain one found, and the linear search-index dedup keeps
exactly what mkdocs-static-i18n's own one keeps.
"""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from kb.engines.mkdocs import bench
from kb.engines.mkdocs import bench_corpus
from conftest import build_site
from kb import LANGS
from kb.site import load as knowledge_base
from kb.core.collation import fold
from kb.glossary.tooltips import Tooltips

ROOT = Path(__file__).resolve().parents[2]
EXTRA = 20


@pytest.fixture(scope="module")
def synthetic_project(tmp_path_factory) -> Path:
    """The real project plus 20 synthetic entries, in a throw-away copy."""
    real = len(list((ROOT / "glossary" / "terms").glob("*.yaml")))
    return bench_corpus.make_project(tmp_path_factory.mktemp("bench") / "p", real + EXTRA)


def test_synthetic_entries_validate_and_have_both_languages(synthetic_project):
    kb = knowledge_base.load(synthetic_project)         # raises ValidationFailed with every problem
    synthetic = [e for e in kb.entries.values() if e.id.startswith(bench_corpus.PREFIX)]
    assert len(synthetic) == EXTRA
    for entry in synthetic:
        assert set(entry.related) <= set(kb.entries) and len(entry.related) == 3
        assert all(key in kb.sources for key, _ in entry.sources)
        for lang in LANGS:
            words = len(entry.text[lang].definition.split()) + len(entry.text[lang].example.split())
            assert 140 <= words <= 260, (entry.id, lang, words)
            # the related terms occur in the text, so hover definitions have something to do
            mentioned = [r for r in entry.related if kb.entries[r].text[lang].term in entry.text[lang].definition]
            assert mentioned, (entry.id, lang)


def test_synthetic_entries_build_strictly(synthetic_project, tmp_path):
    site = tmp_path / "site"
    result = build_site(synthetic_project, site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    pages = bench.term_pages(site)
    assert sum(1 for p in pages if p.parent.name.startswith(bench_corpus.PREFIX)) == 2 * EXTRA
    size_kb, where = bench.largest_term_page_kb(site)
    assert 0 < size_kb and where.endswith("index.html")


def test_the_engine_floor_builds(synthetic_project, tmp_path):
    """make bench's engine floor (the generated pages built without our hook) gives a figure, not None: it
    failed in strict mode, as pages without their generated blocks link to anchors that are not there."""
    if not (synthetic_project / "docs" / "glossary").is_dir():
        assert build_site(synthetic_project, tmp_path / "site").returncode == 0
    seconds = bench.engine_floor(synthetic_project, repeat=1)
    assert seconds is not None and seconds > 0


def test_generator_is_deterministic_and_names_are_unique():
    keys = ["a-source", "b-source"]
    first, second = bench_corpus.entries(300, keys), bench_corpus.entries(300, keys)
    assert first == second
    for lang in LANGS:
        names = [fold(e[lang]["term"]) for e in first.values()]
        names += [fold(s) for e in first.values() for s in e[lang].get("synonyms", [])]
        assert len(names) == len(set(names))
    with pytest.raises(ValueError):
        bench_corpus.terms(len(bench_corpus.QUALIFIERS) * len(bench_corpus.NOUNS) + 1)


def test_make_project_leaves_the_real_project_alone(tmp_path):
    before = sorted(p.name for p in (ROOT / "glossary" / "terms").iterdir())
    project = bench_corpus.make_project(tmp_path / "p", len(before) + 3)
    assert sorted(p.name for p in (ROOT / "glossary" / "terms").iterdir()) == before
    assert len(list((project / "glossary" / "terms").glob("*.yaml"))) == len(before) + 3
    assert not (project / "docs" / "glossary").exists()        # generated pages are not copied


@pytest.mark.parametrize("lang", LANGS)
def test_prefix_tree_finds_what_a_longest_first_alternation_finds(synthetic_project, lang):
    """kb.tooltips compiles its names as a prefix tree for speed; the matches must not change."""
    kb = knowledge_base.load(synthetic_project)
    tips = Tooltips(kb, lang)
    names = sorted(tips.definitions, key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    texts = [e.text[lang].definition + "\n" + (e.text[lang].example or "") for e in kb.entries.values()]
    texts += [" ".join(names), "-".join(names), "x".join(names), "".join(names)]
    for text in texts:
        assert [m.span(1) for m in tips._pattern.finditer(text)] == [m.span(1) for m in plain.finditer(text)]
    assert any(tips._pattern.search(t) for t in texts[:-4])


def test_verdicts_and_js_weight(tmp_path):
    verdicts = bench.verdicts({"build_1000": 8.4, "growth_1000_500": 2.5})
    assert verdicts["build_1000"]["verdict"] == "PASS"
    assert verdicts["growth_1000_500"]["verdict"] == "FAIL"
    assert verdicts["build_real"]["verdict"] == "n/a"
    assets = tmp_path / "docs" / "assets"
    (assets / "vendor").mkdir(parents=True)
    (assets / "a.js").write_text("x" * 5000)
    (assets / "vendor" / "big.js").write_text("y" * 90000)     # vendored: not the site's own JS
    total, sizes = bench.site_js_gz_kb(tmp_path)
    assert list(sizes) == ["a.js"] and 0 < total < 1


def test_the_js_budget_counts_what_one_page_loads(tmp_path):
    """Issue 14: no page loads more than 12 KB gzipped of the site's own JS; Material's bundle, vendored code and
    the data scripts fetched later are not the site's own."""
    assets = tmp_path / "docs" / "assets"
    assets.mkdir(parents=True)
    (assets / "quiz.js").write_bytes(random.Random(1).randbytes(10240))   # does not compress: about 10 KB
    (assets / "tips.js").write_text("x" * 5000)
    site = tmp_path / "site"
    (site / "quiz").mkdir(parents=True)
    (site / "index.html").write_text('<script src="assets/tips.js"></script>'
                                     '<script src="assets/javascripts/bundle.js"></script>')
    (site / "quiz" / "index.html").write_text('<script defer src="../assets/quiz.js"></script>'
                                              '<script src="../assets/tips.js"></script>'
                                              '<script src="../assets/vendor/qr.js"></script>')
    weight, where = bench.page_js_gz_kb(site, tmp_path)
    assert where == "quiz/index.html"
    assert 10 < weight < 11


def test_the_real_site_stays_within_the_js_budget_per_page(built_site):
    weight, where = bench.page_js_gz_kb(built_site)
    assert weight <= bench.BUDGETS["page_js_gz_kb"][0], f"{where} loads {weight:.1f} KB of the site's own JS"


@pytest.mark.parametrize("entry", ["advertising-literacy", "micro-influencer"])
def test_the_serve_measurement_edits_a_real_entry_into_valid_yaml(entry):
    """`make bench` times a serve rebuild after editing a real entry; the edit must leave the file valid."""
    text = (ROOT / "glossary" / "terms" / f"{entry}.yaml").read_text(encoding="utf-8")
    edited = bench.edit_definition(text)
    data = yaml.safe_load(edited)
    assert data["nl"]["definition"].startswith("Edited. ") and edited.count("Edited. ") == 1


def test_the_serve_measurement_edits_a_plain_definition():
    assert bench.edit_definition("nl:\n  definition: Een tekst.\n") == "nl:\n  definition: Edited. Een tekst.\n"
