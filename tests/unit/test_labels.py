"""Every label the site shows exists in both languages, in every module that defines labels."""
from __future__ import annotations

import importlib
import re
import pkgutil

import pytest

import kb
from kb import LANGS

MODULES = [importlib.import_module(m.name) for m in pkgutil.walk_packages(kb.__path__, "kb.")
           if not m.name.endswith("__main__")]
LABEL_SETS = [(module.__name__, module.LABELS) for module in MODULES if isinstance(getattr(module, "LABELS", None), dict)]


def test_there_are_label_sets():
    assert any(name == "kb.core.labels" for name, _ in LABEL_SETS)


@pytest.mark.parametrize("module, labels", LABEL_SETS, ids=[name for name, _ in LABEL_SETS])
def test_every_label_in_both_languages(module, labels):
    for key, texts in labels.items():
        assert set(texts) >= set(LANGS), f"{module}: label '{key}' lacks {set(LANGS) - set(texts)}"
        for lang in LANGS:
            assert isinstance(texts[lang], str) and texts[lang].strip(), f"{module}: label '{key}' empty in {lang}"
        placeholders = [sorted(re.findall(r"\{(\w+)\}", texts[lang])) for lang in LANGS]
        assert all(p == placeholders[0] for p in placeholders), f"{module}: '{key}' placeholders differ"
