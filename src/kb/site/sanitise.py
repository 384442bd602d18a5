"""Defence in depth for pages built from contributor text: only harmless HTML survives (nh3/ammonia)."""
from __future__ import annotations

import nh3

_TAGS = {"a", "abbr", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "li", "nav", "ol", "p",
         "pre", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
         "figure", "figcaption", "caption", "dl", "dt", "dd", "hr"}
_ATTRIBUTES = {"*": {"class", "id", "title", "aria-label", "lang", "tabindex", "aria-hidden", "aria-current"}, "a": {"href"}, "th": {"scope"}}


def clean(html: str) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"https", "http", "mailto"},
                     link_rel=None, strip_comments=True)
