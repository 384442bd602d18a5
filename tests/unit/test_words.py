"""The per-language word files (src/kb/core/words/*.yaml): same keys, no empty value, same placeholders; and no
UI word left in a Python module as a {"nl": ..., "en": ...} literal."""
import ast
import re
import string
from pathlib import Path

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


# --- no UI words left in Python ---------------------------------------------------------------------------------
# A dict literal {"nl": "<text>", "en": "<text>"} in a module is a UI word that belongs in the word files. The
# source is parsed (not imported), so a table inside a function is found too.

SRC = Path(__file__).resolve().parents[2] / "src"
WORDS_PACKAGE = Path(words.__file__).parent
# Bilingual literals that are not UI words, keyed by (file under src/, its Dutch value): the reason each may stay.
NOT_UI_WORDS = {
    # English names of the two languages inside English validation messages for contributors (never on a page).
    ("kb/glossary/load.py", "Dutch"): "LANG_NAMES: language names in contributor messages",
    # The description of a language block in the JSON schemas for editors; schemas are English throughout.
    ("kb/core/schemas.py", "the Dutch block: term and definition"): "schema description for editors",
}


def bilingual_literals(source: str) -> list[tuple[int, str]]:
    """(line, Dutch value) of every dict literal whose keys are exactly "nl" and "en", each a string constant."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict) or len(node.keys) != 2:
            continue
        pairs = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
        if set(pairs) == set(words.LANGS) and all(isinstance(v, ast.Constant) and isinstance(v.value, str)
                                                  for v in pairs.values()):
            found.append((node.lineno, pairs["nl"].value))
    return found


def _modules():
    for path in sorted((SRC / "kb").rglob("*.py")):
        if WORDS_PACKAGE not in path.parents:
            yield path.relative_to(SRC).as_posix(), path


LITERALS = [(name, line, nl) for name, path in _modules()
            for line, nl in bilingual_literals(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("source, expected", [
    ('X = {"nl": "Ja", "en": "Yes"}', [(1, "Ja")]),
    ('X = {"en": "Yes", "nl": ("Ja, " "zeker")}', [(1, "Ja, zeker")]),          # either order, implicit join
    ('def f():\n    return {"k": {"nl": "Ja", "en": "Yes"}}', [(2, "Ja")]),      # nested, inside a function
    ('X = {"nl": ("a", "b"), "en": ("c",)}', []),                                # not text
    ('X = {"nl": f"{n} ja", "en": "yes"}', []),                                  # not a constant
    ('X = {"nl": "Ja", "en": "Yes", "de": "Ja"}', []),                           # not exactly nl and en
    ('X = {"nl": "Ja", **rest}', []),
])
def test_bilingual_literal_detector(source, expected):
    assert bilingual_literals(source) == expected


def test_no_ui_words_in_python():
    offenders = [f"src/{name}:{line}: {nl!r}" for name, line, nl in LITERALS if (name, nl) not in NOT_UI_WORDS]
    assert not offenders, ("UI words belong in src/kb/core/words/{nl,en}.yaml (read them with "
                           "words.section(...)):\n" + "\n".join(offenders))


def test_not_ui_words_list_is_current():
    stale = set(NOT_UI_WORDS) - {(name, nl) for name, _, nl in LITERALS}
    assert not stale, f"NOT_UI_WORDS lists literals that are gone (remove them): {sorted(stale)}"


ASSETS = SRC.parent / "docs" / "assets"
# A JavaScript object holding words per language ({nl: "…", en: "…"}): the site's scripts get their words from the
# page (the blocks write them from src/kb/core/words), so none may carry its own.
_JS_WORDS = re.compile(r"""\bnl\s*:\s*["'{]""")


def test_no_ui_words_in_the_sites_scripts():
    offenders = [f"docs/assets/{path.name}:{n}: {line.strip()[:80]}" for path in sorted(ASSETS.glob("*.js"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if _JS_WORDS.search(line)]
    assert not offenders, "words for the page belong in src/kb/core/words/{nl,en}.yaml:\n" + "\n".join(offenders)


@pytest.mark.parametrize("line, found", [('  var OWN = {progress: {nl: "Voortgang", en: "Progress"}};', True),
                                         ("  var W = { nl: { chart: 'grafiek' } };", True),
                                         ('  var lang = document.documentElement.lang === "nl" ? "nl" : "en";', False)])
def test_js_words_detector(line, found):
    assert bool(_JS_WORDS.search(line)) is found
