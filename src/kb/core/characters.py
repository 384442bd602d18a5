"""Characters a contributor cannot see, and characters no output format can hold.

Every text value read from YAML passes `check`. Three kinds of character are refused, each with the place,
the character's code and name, and a fix:
- control characters and lone surrogates (from an escape such as "\\x0b" or "\\ud800" in a double-quoted
  text): a web page, a spreadsheet cell (Kahoot) and a UTF-8 file cannot hold them, so the build would fail
  half-way;
- invisible characters: zero-width spaces and joiners, soft hyphens, word joiners, a byte-order mark inside
  a text, and the bidirectional controls that reorder what a reader sees ("Trojan source");
- a word that mixes alphabets, such as a Cyrillic 'а' in a Latin term: it looks right, but search, sorting
  and links treat it as another word.
"""
from __future__ import annotations

import re
import unicodedata

# C0 controls except tab, line feed and carriage return; DEL; C1 controls; surrogates; the two non-characters.
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile("[\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff" + _BIDI + "]")
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN")     # alphabets with letters that look like Latin ones


def describe(char: str) -> str:
    """'U+0430 CYRILLIC SMALL LETTER A' — the code a contributor can search for in an editor."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _kind(char: str) -> str:
    if 0xD800 <= ord(char) <= 0xDFFF:
        return "a lone surrogate"
    return "a non-character" if ord(char) in (0xFFFE, 0xFFFF) else "a control character"


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return first if first in _SCRIPTS else None


def problem_in(text: str, invisible: bool = True) -> tuple[str, str, int] | None:
    """(what, fix, 0-based index) for the first refused character in `text`, or None; `what` is worded to
    follow the field's name. With invisible=False only the characters no output can hold are looked for."""
    bad = _UNHOLDABLE.search(text)
    if bad:
        return (f"contains {_kind(bad.group())} ({describe(bad.group())}) at position {bad.start() + 1}, which "
                "a web page, a spreadsheet cell and a quiz file cannot hold.",
                "remove it: retype the text around it, and do not write escapes such as \\x0b or \\ud800 in "
                "quotes.", bad.start())
    if not invisible:
        return None
    hidden = _INVISIBLE.search(text)
    if hidden:
        kind = "a direction control that reorders what the reader sees" if hidden.group() in _BIDI \
            else "an invisible character"
        return (f"contains {kind} ({describe(hidden.group())}) at position {hidden.start() + 1}.",
                "delete it: put the cursor just after the character before it and press Delete until the next "
                "visible character moves; or retype the word.", hidden.start())
    if text.isascii():
        return None
    for word in _WORD.finditer(text):
        scripts = {s for s in map(_script, word.group()) if s}
        if len(scripts) > 1:
            main = "LATIN" if "LATIN" in scripts else sorted(scripts)[0]
            odd = next(ch for ch in word.group() if _script(ch) not in (None, main))
            return (f"mixes alphabets in the word '{word.group()}': {describe(odd)} looks like a "
                    f"{main.title()} letter but is not one.",
                    f"retype the word '{word.group()}' on a keyboard set to one alphabet; a look-alike letter "
                    "makes search, sorting and links miss it.", word.start())
    return None
