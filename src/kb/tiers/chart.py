"""A static SVG of every source's tier ranges on a logarithmic follower axis, drawn at build time.

Readable without JavaScript and in greyscale print: every bar carries its tier name as text and a tier-specific
hatching, hedged ranges have a dashed outline, open ends an arrow. Colours only help; they never carry meaning
alone. tier-lookup.js may move the marker line to the count a reader typed (data-* attributes give the scale).
"""
from __future__ import annotations

import html
import math

from kb.core.counts import format_count, short_count
from kb.tiers import checks
from kb.tiers.labels import _join as join_words, t, tier_name

WIDTH = 720
X0, X1 = 16, 690                  # plot area (room on the right for the last tick label)
LOG_MIN, LOG_MAX = 1.5, 7.0       # about 32 to 10 million followers
ROW = 66                          # height of one source's row
TOP = 8
BAR_Y, BAR_H = 22, 24             # bar position inside a row
CHAR_W = 6.4                      # average width of a character at the label size, for fitting labels

# tier -> (background, ink, pattern drawing inside an 8x8 tile)
PATTERNS = {
    "nano": ("#fbe9f3", "#7a1f5c", '<circle cx="4" cy="4" r="1.3" fill="{ink}"/>'),
    "micro": ("#dff0ee", "#0b6e69", '<path d="M-2 2 2-2M0 8 8 0M6 10 10 6" stroke="{ink}" stroke-width="1.2"/>'),
    "mid-tier": ("#fff1cf", "#7a5200", '<path d="M0 4H8" stroke="{ink}" stroke-width="1.2"/>'),
    "macro": ("#e9e5f7", "#4b3b8f", '<path d="M-2 6 2 10M0 0 8 8M6-2 10 2" stroke="{ink}" stroke-width="1.2"/>'),
    "mega": ("#e3ecfa", "#1f4e8c", '<path d="M0 0 8 8M8 0 0 8" stroke="{ink}" stroke-width="1"/>'),
    "all-star": ("#eeeeee", "#333333", '<path d="M4 0V8" stroke="{ink}" stroke-width="1.4"/>'),
}


def x_of(followers: float) -> float:
    value = math.log10(max(followers, 10 ** LOG_MIN))
    return X0 + (min(value, LOG_MAX) - LOG_MIN) / (LOG_MAX - LOG_MIN) * (X1 - X0)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _defs() -> str:
    parts = []
    for tier, (background, ink, drawing) in PATTERNS.items():
        parts.append(f'<pattern id="kb-tier-fill-{tier}" width="8" height="8" patternUnits="userSpaceOnUse">'
                     f'<rect width="8" height="8" fill="{background}"/>{drawing.format(ink=ink)}</pattern>')
    parts.append('<marker id="kb-tier-arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" '
                 'orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" fill="currentColor"/></marker>')
    return "<defs>" + "".join(parts) + "</defs>"


def _axis(height: float, lang: str) -> str:
    parts = []
    for power in range(2, 8):
        x = x_of(10 ** power)
        label = short_count(10 ** power, lang)
        parts.append(f'<line class="kb-tier-chart__grid" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{height - 30}"/>')
        parts.append(f'<text class="kb-tier-chart__tick" x="{x:.1f}" y="{height - 16}" text-anchor="middle">{label}</text>')
    title = t("chart_axis", lang)
    parts.append(f'<text class="kb-tier-chart__tick" x="{X1}" y="{height - 2}" text-anchor="end">{title}</text>')
    return "".join(parts)


def _bar(r, y: float, lang: str, tier_label: str) -> str:
    left = X0 if r.min is None else x_of(r.min)
    right = X1 if r.max is None else x_of(r.max + 1)
    width = max(right - left, 3)
    dashed = ' stroke-dasharray="5 3"' if r.hedged else ""
    label = ("± " if r.hedged else "") + tier_label
    parts = [f'<rect class="kb-tier-chart__bar" x="{left:.1f}" y="{y + BAR_Y}" width="{width:.1f}" height="{BAR_H}" '
             f'fill="url(#kb-tier-fill-{r.tier})"{dashed}><title>{_esc(label)}: {_esc(r.normalised(lang))}</title></rect>']
    mid = y + BAR_Y + BAR_H / 2
    if r.min is None:
        parts.append(f'<line class="kb-tier-chart__open" x1="{left + 14:.1f}" x2="{left + 2:.1f}" y1="{mid}" y2="{mid}" '
                     'marker-end="url(#kb-tier-arrow)"/>')
    if r.max is None:
        parts.append(f'<line class="kb-tier-chart__open" x1="{right - 14:.1f}" x2="{right - 2:.1f}" y1="{mid}" y2="{mid}" '
                     'marker-end="url(#kb-tier-arrow)"/>')
    fits = len(label) * CHAR_W + 8 <= width - (14 if r.min is None or r.max is None else 0)
    centre = (left + right) / 2
    ty = mid + 4 if fits else y + BAR_Y + BAR_H + 13
    parts.append(f'<text class="kb-tier-chart__label" x="{centre:.1f}" y="{ty:.1f}" text-anchor="middle">{_esc(label)}</text>')
    return "".join(parts)


def chart_svg(kb, lang: str) -> str:
    """The chart as one <svg> element (no blank lines, so Markdown keeps it as a raw HTML block)."""
    schemes = kb.tier_schemes
    height = TOP + ROW * len(schemes) + 34
    mega = checks.spread(schemes, "mega")
    summary = (t("chart_summary", lang, low=format_count(mega.lowest, lang), high=format_count(mega.highest, lang))
               if mega.ratio else "")
    parts = [f'<svg class="kb-tier-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-labelledby="kb-tier-chart-title kb-tier-chart-desc" data-x0="{X0}" data-x1="{X1}" '
             f'data-log-min="{LOG_MIN}" data-log-max="{LOG_MAX}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="kb-tier-chart-title">{_esc(t("chart_title", lang))}</title>',
             f'<desc id="kb-tier-chart-desc">{_esc(t("chart_desc", lang, summary=summary))}</desc>',
             _defs(), _axis(height, lang)]
    for i, scheme in enumerate(schemes):
        y = TOP + i * ROW
        parts.append(f'<text class="kb-tier-chart__source" x="{X0}" y="{y + 14}">{_esc(scheme.name(lang))}</text>')
        if scheme not in checks.numeric(schemes):
            names = join_words([tier_name(r.tier, lang) for r in scheme.tiers], lang)
            parts.append(f'<text class="kb-tier-chart__note" x="{X0}" y="{y + BAR_Y + 17}">'
                         f'{_esc(t("chart_no_numbers", lang, tiers=names))}</text>')
            continue
        for r in scheme.by_rank():
            if r.has_numbers:
                parts.append(_bar(r, y, lang, tier_name(r.tier, lang)))
    parts.append(f'<g id="kb-tier-marker" class="kb-tier-chart__marker" visibility="hidden">'
                 f'<line x1="0" x2="0" y1="{TOP}" y2="{height - 30}"/>'
                 f'<text x="0" y="{TOP + 10}" dx="4"></text></g>')
    parts.append("</svg>")
    return "\n".join(parts)
