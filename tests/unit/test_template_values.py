"""Every value our theme overrides print is escaped, or is a fixed text of the theme (its translations, the
page's base address). Values that come from our data reach Material's own templates only through page.meta,
which the engine adapter escapes (tests/build/test_security_holes.py builds a site to prove it)."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT

# Fixed texts of the theme, and values that never hold contributor text: the site's own configuration
# (mkdocs.yml, reviewed like code; its extra_javascript printed by Material's script_tag), fixed asset paths, page addresses MkDocs computes, loop counters, and the two page.meta values
# the engine adapter escapes before the theme sees them (description, author: kb.engines.mkdocs.hook).
TRUSTED = re.compile(r"^(lang\.t\(.*\)|home|base_url|mkdocs_version|loop\.[a-z0-9_ %.]+"
                     r"|page\.meta\.(description|author)|page\.canonical_url|page\.(previous|next)_page\.url \| url"
                     r"|config\.[a-z_.]+( \| url)?|'[a-z0-9_./-]+' \| url|script \| script_tag|alt\.(link \| url|lang \| d\(.*\))"
                     r"|option\.[a-z_.]+|(scheme|primary|accent) \| replace\(' ', '-'\))$")
OVERRIDES = sorted((ROOT / "overrides").rglob("*.html"))


@pytest.mark.parametrize("template", OVERRIDES, ids=[p.relative_to(ROOT).as_posix() for p in OVERRIDES])
def test_every_printed_value_is_escaped_or_fixed(template):
    text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
    values = [v.strip() for v in re.findall(r"\{\{(.*?)\}\}", text, re.S)]
    bare = [v for v in values if not TRUSTED.match(v) and not re.search(r"\|\s*e(scape)?\s*$", v)]
    assert not bare, f"{template.name} prints without escaping: {bare}"
