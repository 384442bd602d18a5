"""One explicit build context (kb.core.context) instead of module-level stores: what it shares, and with whom."""
from __future__ import annotations

import pytest

from kb import ROOT
from kb.core import urls
from kb.core.context import BuildContext
from kb.core.urls import UrlStyle
from kb.exports import build as exports
from kb.quiz import bank as quiz_bank
from kb.quiz import page as quiz_page
from kb.site import load as knowledge_base


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.load(ROOT)


def test_one_context_builds_the_question_bank_once_and_another_context_builds_its_own(kb):
    ctx = BuildContext()
    bank = quiz_bank.cached(kb, ctx)
    assert quiz_bank.cached(kb, ctx) is bank
    exports.counts(kb, ctx)
    assert ctx.made["bank"][1] is bank, "the exports use the same bank as the pages"
    other = BuildContext()
    assert quiz_bank.cached(kb, other) is not bank
    assert [q.id for q in quiz_bank.cached(kb, other).questions["nl"]] == [q.id for q in bank.questions["nl"]]


def test_a_newer_knowledge_base_never_gets_what_was_made_for_an_older_one(kb):
    ctx = BuildContext()
    bank = quiz_bank.cached(kb, ctx)
    newer = knowledge_base.load(ROOT)
    assert quiz_bank.cached(newer, ctx) is not bank


def test_counts_handed_over_by_the_side_build_are_asked_for_once(kb):
    ctx, asked = BuildContext(), []
    exports.counts_come_from(kb, lambda: asked.append(1) or {"nl": "n", "en": "e"}, ctx)
    assert "bank" not in ctx.made
    assert exports.counts(kb, ctx) == {"nl": "n", "en": "e"} == exports.counts(kb, ctx)
    assert asked == [1] and "bank" not in ctx.made, "this process never builds the bank itself"


@pytest.mark.parametrize(("style", "quiz_link"), [(UrlStyle.of(True, "https://example.org/kb"), "../glossary/{id}/"),
                                                   (UrlStyle.of(False, None), "glossary/{id}.html")])
def test_the_url_style_comes_from_the_context(kb, style, quiz_link):
    html = quiz_page.render(kb, "nl", BuildContext(style))
    assert f'"term_url":"{quiz_link}"' in html


def test_url_style_from_a_configuration():
    assert UrlStyle.of(True, "https://example.org/kb") == UrlStyle(True, "https://example.org/kb/")
    assert UrlStyle.of(False, None).site_url == urls.PUBLISHED_SITE


@pytest.mark.parametrize(("module", "name"), [(urls, "_style"), (exports, "_memo"), (quiz_bank, "_cache")])
def test_no_module_level_store_is_left(module, name):
    assert not hasattr(module, name)
