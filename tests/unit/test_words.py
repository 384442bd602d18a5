"""The per-language word files (src/kb/core/words/*.yaml): same keys, no empty value, same placeholders."""
import string

import pytest

from kb.core import words


def _flat(tree, prefix=""):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


FLAT = {lang: dict(_flat(words.load(lang))) for lang in words.LANGS}


def test_same_keys():
    nl, en = set(FLAT["nl"]), set(FLAT["en"])
    assert not nl - en, f"missing in en.yaml: {sorted(nl - en)}"
    assert not en - nl, f"missing in nl.yaml: {sorted(en - nl)}"


@pytest.mark.parametrize("lang", words.LANGS)
def test_no_empty_value(lang):
    empty = [k for k, v in FLAT[lang].items() if not isinstance(v, str) or not v.strip()]
    assert not empty, f"{lang}.yaml: empty or non-text value at {empty}"


def _fields(text):
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})


@pytest.mark.parametrize("key", sorted(FLAT["nl"]))
def test_placeholders_match(key):
    if key in FLAT["en"]:
        assert _fields(FLAT["nl"][key]) == _fields(FLAT["en"][key]), f"{key}: placeholders differ between nl and en"
