"""Keep contributor text inert: Markdown yes, raw HTML, script links and attribute lists no.

Python-Markdown passes raw HTML and `javascript:` links straight through, so text from YAML is checked
here, at validation time, where the contributor gets a line number and a fix. (Term pages are sanitised
again after rendering, in depth.)
"""
from __future__ import annotations

import re

from kb.core.problems import Problem
from kb.core.strict_yaml import Document

_CHECKS = [
    # A tag starts with '<' directly followed by a letter, '/', '!' or '?' (HTML and Markdown both read
    # '< s' as the sign itself), so that is what is refused, and the fix below really works.
    (re.compile(r"</?[A-Za-z!?]"),
     "contains raw HTML ('{match}'); HTML is not allowed in the texts.",
     "write plain text with Markdown: **bold**, *italic*, [link text](https://…). To show the sign itself, "
     "write 'less than' or put a space after '<'."),
    (re.compile(r"\{\s*[:#.]|\{[^{}\n]*?[A-Za-z-]+\s*=|\{\s*on\w+"),    # also '*x*{x onclick=...}'
     "contains an attribute list ('{match}'), which can change how the page behaves.",
     "remove the curly-brace part; write the text without '{{…}}'."),
    (re.compile(r"!\["),
     "contains an image ('{match}'); a picture from another site would tell that site who reads the page.",
     "remove the image; link to the page instead: [description](https://…)."),
    (re.compile(r"&#?[A-Za-z0-9]+;"),
     "contains an HTML entity ('{match}').",
     "type the character itself (for example é, ë, & or a non-breaking space) instead of the code."),
]


# Where Markdown takes a link address: [text](address), ![alt](address) and [label]: address lines.
_LINK_TARGETS = re.compile(r"\]\(([^)]*)\)|^\s*\[[^\]]+\]:\s*(.+)$", re.MULTILINE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def _unsafe_link(text: str) -> str | None:
    """The first link address with a scheme other than http(s)/mailto. Browsers ignore tabs, line breaks and
    control characters inside a scheme ('java\tscript:'), so they are removed before looking."""
    for match in _LINK_TARGETS.finditer(text):
        target = re.sub(r"[\s\x00-\x1f]", "", match.group(1) or match.group(2) or "").lower()
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1) not in _SAFE_SCHEMES:
            return scheme.group(0)
    return None


# A web address we are willing to print: https, a host name, then only the characters RFC 3986 allows
# outside quotes and angle brackets (no space, no < > " ' ` { } | \\ ^, no control characters).
_SAFE_URL = re.compile(r"https://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
                       r"(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9\-._~%!$&*+,;=:@/?#()]*)?")


def check_url(doc: Document, path: tuple, url: object) -> list[Problem]:
    """A `url:` field is printed as a link: it must be a plain https:// address and nothing else."""
    if not isinstance(url, str) or not url.startswith("https://") or _SAFE_URL.fullmatch(url):
        return []                                   # (the schema already reports a url not starting https://)
    bad = next((ch for ch in url if not re.fullmatch(r"[A-Za-z0-9\-._~%!$&*+,;=:@/?#()]", ch)), None)
    what = (f"contains the character {bad!r}, which a web address cannot hold" if bad
            else "is not a plain https:// web address")
    return [doc.problem(path, f"'{_name(path)}' {what} ('{url[:60]}').",
                        "write the address exactly as the browser's address bar shows it, starting with https:// "
                        "and without spaces, quotes or angle brackets.")]


def check_text(doc: Document, path: tuple, text: object) -> list[Problem]:
    """Problems with one text value; `path` locates it in the document."""
    if not isinstance(text, str):
        return []
    problems = []
    scheme = _unsafe_link(text)
    if scheme:
        problems.append(doc.problem(path, f"'{_name(path)}' contains a '{scheme}' link, which could run code in the "
                                          "reader's browser.",
                                    f"link only to https:// addresses or to another entry; remove the '{scheme}' part."))
    for pattern, what, fix in _CHECKS:
        match = pattern.search(text)
        if match:
            found = match.group(0)
            problems.append(doc.problem(path, f"'{_name(path)}' " + what.format(match=found), fix.format(match=found)))
    return problems


def check_all_texts(doc: Document, node: object = None, path: tuple = ()) -> list[Problem]:
    """Walk a whole document and check every text in it."""
    node = doc.data if node is None and not path else node
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in check_all_texts(doc, value, path + (key,))]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in check_all_texts(doc, value, path + (i,))]
    if isinstance(node, str) and path and path[-1] == "url":
        return check_url(doc, path, node)
    if isinstance(node, str):
        return check_text(doc, path, node)
    return []


def _name(path: tuple) -> str:
    names = [str(p) for p in path if not isinstance(p, int)]
    return names[-1] if names else "text"
