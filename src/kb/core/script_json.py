"""Data for JavaScript inside a page: JSON that no text from YAML can break out of.

`json.dumps` leaves `</script>`, `<!--` and the line separators U+2028/U+2029 as they are; inside a
<script> element the first ends the element and the second opens a comment, and old JavaScript engines
end a string at U+2028. Every one of them becomes a \\u escape, which JSON.parse turns back into the same
character: the reader sees the text as written, and nothing runs.
"""
from __future__ import annotations

import json

_ESCAPES = {"&": "\\u0026", "<": "\\u003c", ">": "\\u003e", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def safe_json(data) -> str:
    """JSON that cannot end a <script> element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text
