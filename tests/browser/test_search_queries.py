"""What a reader types finds the right page: the query table tests/data/search-queries.yaml, typed into the
search box of the served site in Chromium, one language after the other. The ranking comes from the term
pages' search keys (kb.engines.mkdocs.search_keys); tests/build/test_search_keys.py checks the same on the keys
alone, for every name of every entry, without a browser."""
from __future__ import annotations

import pytest

from search_steps import LANG_DIRS, misses, query_table

pytestmark = pytest.mark.browser


def test_the_table_has_thirty_queries_per_language():
    table = query_table()
    assert set(table) == set(LANG_DIRS)
    for lang, rows in table.items():
        assert len({r["query"] for r in rows}) >= 30, lang
        assert all(r["page"].endswith("/") and not r["page"].startswith(("/", "en/")) for r in rows), lang


@pytest.mark.parametrize("lang", list(LANG_DIRS))
def test_each_query_lists_its_page_first(page, site_url, lang):
    page.goto(site_url + LANG_DIRS[lang])
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    failed = misses(page, query_table()[lang], site_url + LANG_DIRS[lang])
    assert not failed, "\n".join(failed)


def test_a_wrong_row_is_reported(page, site_url):
    """The check can fail: a page that is not first for its query is named, with what came first."""
    page.goto(site_url)
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    failed = misses(page, [{"query": "influencer", "page": "glossary/trust/"}], site_url)
    assert len(failed) == 1 and "glossary/influencer/" in failed[0], failed
