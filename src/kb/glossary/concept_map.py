"""The concept map: how the entries connect (their `related` links), drawn at build time as a static SVG.

Layout (deterministic, no randomness, no outside library): every entry is a dot on one circle, grouped by
category into coloured sectors (categories in CATEGORY_ORDER, entries A-Z in the page's language inside a
sector); each related pair is one curve bent towards the centre, so links between categories cross the
middle and links inside a category stay near the rim. Every dot is a link to its term page. The colours only
help: the legend names every category, and the page carries the same information as text (each entry with
the entries it refers to and the entries that refer to it), which is also what a phone reader scrolls.

Block `concept-map` (kb.site.blocks) renders the page; `neighbourhood` gives a term page its own connections.
"""
from __future__ import annotations

import html
import math
from collections import defaultdict

from kb.core import words
from kb.core.collation import fold
from kb.core.labels import pick, t
from kb.core.markdown_text import capitalise, inline
from kb.core.context import BuildContext, context
from kb.core.urls import UrlStyle
from kb.glossary.load import Entry, KnowledgeBase

PAGE = "concept-map"                 # docs/concept-map.<lang>.md
CATEGORY_ORDER = ("actor", "practice", "concept", "theory", "metric", "tier", "regulation", "case")
COLOURS = {                           # Okabe-Ito based: distinguishable with the common colour-vision types
    "actor": "#0072b2", "practice": "#cc79a7", "concept": "#009e73", "theory": "#d55e00",
    "metric": "#e69f00", "tier": "#56b4e9", "regulation": "#7a1f5c", "case": "#5f5f5f",
}
DARK_COLOURS = {                      # in the dark scheme these two were too faint (under 3:1 against the background)
    "regulation": "#f0e442", "case": "#bdbdbd",
}
RADIUS = 250                         # circle the dots sit on
LABEL_GAP = 9                        # dot to label
LABEL_CHARS = 30                     # longer names are shortened on the map (the full name is the link's title)
CHAR_W = 6.6                         # average width of a character at the label size
GAP_SLOTS = 2                        # empty places between two categories
BEND = 0.18                          # 0: curves through the centre, 1: straight lines

# the words live in kb/core/words/{nl,en}.yaml
LABELS: dict[str, dict[str, str]] = words.section("glossary.concept_map")


def _label(key: str, lang: str, **values) -> str:
    return pick(LABELS, key, lang, **values)


def categories(kb: KnowledgeBase) -> list[str]:
    """The categories in use, in map order (unknown ones at the end, A-Z)."""
    used = {e.category for e in kb.entries.values()}
    return [c for c in CATEGORY_ORDER if c in used] + sorted(used - set(CATEGORY_ORDER))


def dark_rules() -> list[str]:
    """CSS for the dark scheme (Material's slate): the categories whose light colour is too faint there. Inside the
    map's own <style>, which also reaches the legend's swatches below the map."""
    dark = '[data-md-color-scheme="slate"]'
    return [f"{dark} path.k-{cat}{{stroke:{c}}}{dark} circle.k-{cat}{{fill:{c}}}"
            f"{dark} .kb-map__swatch.k-{cat}{{background:{c}!important}}" for cat, c in sorted(DARK_COLOURS.items())]


def colour(category: str) -> str:
    return COLOURS.get(category, "#5f5f5f")


def edges(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """Every related pair once (either direction), as sorted id pairs, sorted."""
    pairs = {tuple(sorted((e.id, r))) for e in kb.entries.values() for r in e.related if r in kb.entries}
    return sorted(pairs)


def ordered(kb: KnowledgeBase, lang: str) -> list[Entry]:
    """The entries in the map's order: by category, then A-Z in `lang`."""
    rank = {c: i for i, c in enumerate(categories(kb))}
    return sorted(kb.entries.values(), key=lambda e: (rank[e.category], fold(e.text[lang].term), e.id))


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1].rstrip(" ,-") + "…"


def layout(kb: KnowledgeBase, lang: str) -> tuple[float, dict[str, float]]:
    """(centre, {entry id: angle in radians}); angle 0 is straight up, clockwise."""
    slots: dict[str, int] = {}
    slot, previous = 0, None
    for entry in ordered(kb, lang):
        if previous is not None and entry.category != previous:
            slot += GAP_SLOTS
        slots[entry.id] = slot
        slot += 1
        previous = entry.category
    total = slot + GAP_SLOTS
    longest = max((len(_short(capitalise(e.text[lang].term))) for e in kb.entries.values()), default=0)
    centre = RADIUS + LABEL_GAP + longest * CHAR_W + 12
    return centre, {eid: 2 * math.pi * s / total for eid, s in slots.items()}


def _point(centre: float, radius: float, angle: float) -> tuple[float, float]:
    return centre + radius * math.sin(angle), centre - radius * math.cos(angle)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def term_href(entry_id: str, urls: UrlStyle) -> str:
    """From the concept-map page (top level of its language) to a term page, in the build's URL style."""
    return urls.to_language_root() + urls.page(f"glossary/{entry_id}")


def svg(kb: KnowledgeBase, lang: str, urls: UrlStyle | None = None) -> str:
    """The whole map as one <svg> element (one line per element, no blank lines: safe inside Markdown)."""
    urls = urls or UrlStyle()
    centre, angle = layout(kb, lang)
    size = 2 * centre
    by_id = kb.entries
    parts = [f'<svg class="kb-map__svg" viewBox="0 0 {size:.0f} {size:.0f}" width="{size:.0f}" '
             f'height="{size:.0f}" role="group" aria-label="{_esc(_label("map_label", lang))}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    # highlighting on hover/focus: every edge carries the classes of both ends
    rules = [".kb-map__svg:has(.kb-map__node:hover) .kb-map__edge,"
             ".kb-map__svg:has(.kb-map__node:focus-visible) .kb-map__edge{stroke-opacity:.07}"]
    rules += [f".kb-map__svg:has(.n-{eid}:hover) .e-{eid},.kb-map__svg:has(.n-{eid}:focus-visible) .e-{eid}"
              "{stroke-opacity:1;stroke-width:2.2}" for eid in sorted(by_id)]
    rules += dark_rules()
    parts.append("<style>" + "".join(rules) + "</style>")
    # category sectors: a coloured arc inside the ring of dots
    members: dict[str, list[float]] = defaultdict(list)
    for eid, a in angle.items():
        members[by_id[eid].category].append(a)
    step = min((b - a for a, b in zip(sorted(angle.values()), sorted(angle.values())[1:])), default=0.1)
    for cat in categories(kb):
        lo, hi = min(members[cat]) - step * .45, max(members[cat]) + step * .45
        (x1, y1), (x2, y2) = _point(centre, RADIUS - 10, lo), _point(centre, RADIUS - 10, hi)
        large = 1 if hi - lo > math.pi else 0
        parts.append(f'<path class="kb-map__sector k-{cat}" d="M{x1:.1f} {y1:.1f}'
                     f'A{RADIUS - 10} {RADIUS - 10} 0 {large} 1 '
                     f'{x2:.1f} {y2:.1f}" stroke="{colour(cat)}"><title>{_esc(t("cat_" + cat, lang))}</title></path>')
    # the connections, under the dots
    parts.append('<g class="kb-map__edges" fill="none">')
    place = {e.id: n for n, e in enumerate(ordered(kb, lang))}       # an edge takes the colour of its first end
    for a, b in edges(kb):
        (x1, y1), (x2, y2) = _point(centre, RADIUS - 14, angle[a]), _point(centre, RADIUS - 14, angle[b])
        cx, cy = centre + ((x1 + x2) / 2 - centre) * BEND, centre + ((y1 + y2) / 2 - centre) * BEND
        first = a if place[a] <= place[b] else b
        parts.append(f'<path class="kb-map__edge e-{a} e-{b} k-{by_id[first].category}" '
                     f'd="M{x1:.1f} {y1:.1f}Q{cx:.1f} {cy:.1f} {x2:.1f} '
                     f'{y2:.1f}" stroke="{colour(by_id[first].category)}"/>')
    parts.append("</g>")
    # the dots and their names, each a link
    for entry in ordered(kb, lang):
        a = angle[entry.id]
        x, y = _point(centre, RADIUS, a)
        lx, ly = _point(centre, RADIUS + LABEL_GAP, a)
        degrees = math.degrees(a) - 90
        right = math.sin(a) >= -1e-9
        rotate = degrees if right else degrees + 180
        anchor = "start" if right else "end"
        name = capitalise(entry.text[lang].term)
        title = f"{name} — {t('cat_' + entry.category, lang)}"
        parts.append(f'<a class="kb-map__node n-{entry.id}" href="{_esc(term_href(entry.id, urls))}">'
                     f'<title>{_esc(title)}</title>'
                     f'<circle class="k-{entry.category}" cx="{x:.1f}" cy="{y:.1f}" r="4.5" '
                     f'fill="{colour(entry.category)}"/>'
                     f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" dominant-baseline="central" '
                     f'transform="rotate({rotate:.2f} {lx:.1f} {ly:.1f})">{_esc(_short(name))}</text></a>')
    parts.append("</svg>")
    return "\n".join(parts)


def legend(kb: KnowledgeBase, lang: str) -> str:
    items = "".join(f'<li><span class="kb-map__swatch k-{c}" style="background:{colour(c)}" aria-hidden="true"></span>'
                    f'{_esc(t("cat_" + c, lang))}</li>' for c in categories(kb))
    return f'<ul class="kb-map__legend" aria-label="{_esc(_label("legend", lang))}">{items}</ul>'


def render(kb: KnowledgeBase, lang: str, ctx: BuildContext | None = None) -> str:
    """Block `concept-map`: the map in a scroll container, its legend, then every connection as text."""
    ctx = context(ctx)
    caption = _label("caption", lang, n=len(kb.entries), e=len(edges(kb)))
    figure = (f'<figure class="kb-map" id="map">\n'
              f'<a class="kb-map__skip" href="#connections-as-text">{_esc(_label("skip", lang))}</a>\n'
              f'{legend(kb, lang)}\n'
              f'<div class="kb-map__scroll" tabindex="0" role="region" aria-label="{_esc(_label("scroll", lang))}">\n'
              f'{svg(kb, lang, ctx.urls)}\n</div>\n'
              f'<figcaption>{_esc(caption)}</figcaption>\n</figure>\n')
    return figure + "\n" + as_text(kb, lang)


def as_text(kb: KnowledgeBase, lang: str) -> str:
    """The text alternative, in Markdown (links MkDocs resolves for every language and URL style)."""
    back = kb.referenced_by()
    out = [f"## {_label('as_text', lang)} {{#connections-as-text}}\n", _label("as_text_intro", lang) + "\n"]
    by_cat: dict[str, list[Entry]] = defaultdict(list)
    for entry in ordered(kb, lang):
        by_cat[entry.category].append(entry)

    def links(ids) -> str:
        names = sorted(ids, key=lambda i: fold(kb.entries[i].text[lang].term))
        return ", ".join(f"[{inline(capitalise(kb.entries[i].text[lang].term))}](glossary/{i}.md)" for i in names) \
            or _label("none", lang)

    for cat in categories(kb):
        out.append(f"### {t('cat_' + cat, lang)} {{#map-category-{cat}}}\n")
        for entry in by_cat[cat]:
            term = inline(capitalise(entry.text[lang].term))
            out.append(f"- **[{term}](glossary/{entry.id}.md)**{{ #map-{entry.id} }}<br>"
                       f"→ {_label('refers_to', lang)}: {links(entry.related)}<br>"
                       f"← {_label('referred_by', lang)}: {links(back.get(entry.id, []))}")
        out.append("")
    return "\n".join(out)


def neighbourhood(kb: KnowledgeBase, entry: Entry, lang: str) -> str:
    """A term page's own connections beyond 'See also': the entries that point to it, and its place on the map
    (Markdown for a page under glossary/)."""
    back = sorted(kb.referenced_by().get(entry.id, []), key=lambda i: fold(kb.entries[i].text[lang].term))
    out = [f"## {_label('connections', lang)} {{#connections}}\n", f"**{_label('incoming', lang)}:** "]
    if back:
        out[-1] += ", ".join(f"[{inline(capitalise(kb.entries[i].text[lang].term))}]({i}.md)" for i in back)
    else:
        out[-1] = _label("no_incoming", lang)
    out[-1] += "\n"
    out.append(f"[{_label('on_map', lang)} →](../{PAGE}.md#map-{entry.id})\n")
    return "\n".join(out)
