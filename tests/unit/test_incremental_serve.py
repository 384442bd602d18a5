"""What a `make serve` rebuild renders beside the files MkDocs finds newer (kb.engines.mkdocs.incremental).
The whole site after real edits is compared with a fresh build in tests/build/test_dirty_serve.py."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from kb.engines.mkdocs.incremental import EVERYTHING, Rerender


def _kb(term: str = "trust", synonyms: tuple = (), drafts: tuple = ()):
    text = SimpleNamespace(term=term, abbreviation=None, synonyms=list(synonyms))
    return SimpleNamespace(entries={"trust": SimpleNamespace(id="trust", text={"en": text})}, drafts=list(drafts))


# (the data of the next rebuild, what it renders beside the newer files)
STEPS = [
    ("a definition changed", _kb(), "blocks"),
    ("a synonym added", _kb(synonyms=("faith",)), EVERYTHING),
    ("a term renamed", _kb(term="trustworthiness", synonyms=("faith",)), EVERYTHING),
    ("an example changed", _kb(term="trustworthiness", synonyms=("faith",)), "blocks"),
    ("a new entry is a draft", _kb(term="trustworthiness", synonyms=("faith",), drafts=(("x.yaml", 2),)),
     EVERYTHING),
]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n")
    return tmp_path


def _first_build(project) -> Rerender:
    rerender = Rerender()
    rerender.rebuild_starts(project, ("glossary",))
    rerender.data_changed(_kb())
    assert rerender.everything, "the first build renders everything"
    rerender.done()
    return rerender


def test_each_kind_of_data_edit_renders_what_it_changes(project):
    rerender = _first_build(project)
    for what, kb, expected in STEPS:
        rerender.rebuild_starts(project, ("glossary",))
        rerender.data_changed(kb)
        assert rerender.what == expected, what
        rerender.done()


def test_a_hand_written_page_or_the_config_renders_everything(project):
    for changed in ("docs/about.md", "mkdocs.yml"):
        rerender = _first_build(project)
        (project / changed).write_text((project / changed).read_text() + "\nmore\n")
        rerender.rebuild_starts(project, ("glossary",))
        assert rerender.everything, changed


def test_a_generated_page_alone_changes_nothing_beyond_itself(project):
    rerender = _first_build(project)
    (project / "docs" / "glossary").mkdir()
    (project / "docs" / "glossary" / "trust.md").write_text("# Trust\n")
    rerender.rebuild_starts(project, ("glossary",))
    assert rerender.what is None


def test_a_failure_after_pages_were_written_renders_everything_next_time(project, tmp_path):
    rerender = _first_build(project)
    rerender.rebuild_starts(project, ("glossary",))
    rerender.failed()                                   # bad data: stopped before anything was written
    assert rerender.what is None
    rerender.data_changed(_kb())
    rerender.forget_pages(SimpleNamespace(documentation_pages=lambda: []), said=lambda markdown: None)
    rerender.failed()                                   # e.g. the downloads failed at the end of the build
    assert rerender.everything
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("old")
    rerender.rebuild_starts(project, ("glossary",))
    rerender.clean(str(site))
    assert site.is_dir() and not any(site.iterdir()), "the folder is emptied, not removed"


# (a block page, what its blocks said when it was last rendered, what they say now, rendered again?)
BLOCK_PAGES = [
    ("tiers.md", ("<table>tiers</table>",), ("<table>tiers</table>",), False),    # a definition edit: same tiers
    ("handout.md", ("every entry, old definition",), ("every entry, new definition",), True),
    ("trainers.md", ("GIFT, 117 kB",), None, True),            # waits for the downloads: always again
]


def test_after_a_data_edit_a_block_page_renders_again_only_if_its_blocks_say_something_else(project, tmp_path):
    rerender = _first_build(project)
    files = []
    for name, before, _, _ in BLOCK_PAGES:
        source, html = tmp_path / name, tmp_path / (name + ".html")
        source.write_text(f"# {name}\n\n<!-- kb:x -->\n")
        html.write_text("<p>rendered</p>")
        files.append(SimpleNamespace(src_uri=name, abs_src_path=str(source), abs_dest_path=str(html)))
        rerender.rendered(name, before)
    now = {name: said for name, _, said, _ in BLOCK_PAGES}
    rerender.rebuild_starts(project, ("glossary",))
    rerender.data_changed(_kb())
    assert rerender.what == "blocks"
    asked = []
    rerender.forget_pages(SimpleNamespace(documentation_pages=lambda: files),
                          said=lambda markdown: asked.append(markdown) or now[markdown.split()[1]])
    for (name, _, _, again), file in zip(BLOCK_PAGES, files):
        assert (not Path(file.abs_dest_path).exists()) == again, name
    assert len(asked) == len(BLOCK_PAGES), "each block page's blocks are asked for once"
