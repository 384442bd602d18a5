"""The tier data on the site: the comparison (table, chart, findings), the lookup widget and tier entry sections.

Blocks `<!-- kb:tier-comparison -->` and `<!-- kb:tier-lookup -->` in docs/tiers.*.md call `comparison` and
`lookup`; term pages of tier entries call `entry_section`. Contributor text (as-written ranges, labels) goes
through `inline()` into Markdown and through escaped JSON into the widget, never into HTML as is.
"""
from __future__ import annotations

from kb.core.context import BuildContext, context
from kb.tiers import checks
from kb.core.markdown_text import inline
from kb.core.script_json import safe_json
from kb.tiers.chart import chart_svg
from kb.tiers.labels import LABELS, _join, t, tier_name  # noqa: F401 - LABELS: tier-lookup.js gets them
from kb.core.counts import format_count, span
from kb.tiers.load import TIER_ORDER, TierScheme

def _names(kb, keys: list[str], lang: str) -> str:
    by_key = {s.source: s for s in kb.tier_schemes}
    return _join([by_key[k].name(lang) for k in keys], lang)


# --- verdicts -----------------------------------------------------------------------------------------------

def verdict_text(kb, verdict: checks.Verdict, lang: str) -> str:
    """One source's answer in words, as the CLI prints it (tier-lookup.js builds the same from the same labels)."""
    scheme = next(s for s in kb.tier_schemes if s.source == verdict.source)
    if verdict.why == "no-numbers":
        return t("v_no_numbers", lang)
    if verdict.why == "in-tier":
        r = verdict.ranges[0]
        return t("v_in_tier", lang, tier=tier_name(r.tier, lang), range=r.normalised(lang))
    if verdict.why == "boundary":
        return t("v_boundary", lang, tiers=_join([tier_name(x, lang) for x in verdict.tiers], lang))
    low, high = checks.coverage(scheme)
    if verdict.why == "below":
        return t("v_below", lang, low=format_count(low, lang))
    if verdict.why == "above":
        return t("v_above", lang, high=format_count(high, lang))
    a, b = (tier_name(x, lang) for x in verdict.between) if verdict.between else ("–", "–")
    return t("v_gap", lang, a=a, b=b)


# --- Markdown tables shared by the page and `check_tiers.py --markdown` ------------------------------------

def _cell(scheme: TierScheme, tier: str, lang: str) -> str:
    r = scheme.get(tier)
    if r is None:
        return "–"
    if not scheme.has_numbers:
        return f"*{t('no_numbers', lang)}*"
    hedge = f" <small>({t('hedged', lang)})</small>" if r.hedged else ""
    return f"{inline(r.normalised(lang))}{hedge}<br><small>“{inline(r.as_written)}”</small>"


def sources_table(kb, lang: str) -> str:
    schemes = kb.tier_schemes
    used = [tier for tier in TIER_ORDER if any(s.get(tier) for s in schemes)]
    head = f"| {t('tier', lang)} | " + " | ".join(inline(s.name(lang)) for s in schemes) + " |"
    rows = [head, "|" + "---|" * (len(schemes) + 1)]
    for tier in used:
        rows.append(f"| **{tier_name(tier, lang)}** | " + " | ".join(_cell(s, tier, lang) for s in schemes) + " |")
    return "\n".join(rows)


def spread_table(kb, lang: str) -> str:
    schemes = kb.tier_schemes
    rows = [f"| {t('tier', lang)} | {t('lowest_lower', lang)} | {t('highest_lower', lang)} | {t('factor', lang)} "
            f"| {t('majority', lang)} |", "|---|---|---|---|---|"]
    for tier in TIER_ORDER:
        s = checks.spread(schemes, tier)
        if not s.ranges:
            continue
        bands, needed, of = checks.consensus(schemes, tier)
        if len(s.ranges) == 1:
            low = high = inline(_names(kb, [s.ranges[0][0].source], lang))
            low = f"{format_count(s.lowest, lang)} ({low})" if s.lowest is not None else "–"
            rows.append(f"| **{tier_name(tier, lang)}** | {low} | – | – | {t('one_source', lang)} |")
            continue
        band = (t("majority_cell", lang, band=" + ".join(span(lo, hi, lang) for lo, hi in bands), agree=needed,
                  of=of) if bands else t("no_consensus", lang))
        rows.append(f"| **{tier_name(tier, lang)}** "
                    f"| {format_count(s.lowest, lang)} ({inline(_names(kb, s.lowest_by, lang))}) "
                    f"| {format_count(s.highest, lang)} ({inline(_names(kb, s.highest_by, lang))}) "
                    f"| {s.ratio:g}× | {band} |")
    return "\n".join(rows)


def per_source_list(kb, lang: str) -> str:
    lines = []
    for scheme in checks.numeric(kb.tier_schemes):
        name = inline(scheme.name(lang))
        for a, b, low, high in checks.overlaps(scheme):
            lines.append("- " + t("overlap", lang, source=f"**{name}**", range=span(low, high, lang),
                                  a=tier_name(a.tier, lang), b=tier_name(b.tier, lang)))
        for a, b, low, high in checks.gaps(scheme):
            lines.append("- " + t("gap", lang, source=f"**{name}**", range=span(low, high, lang),
                                  a=tier_name(a.tier, lang), b=tier_name(b.tier, lang)))
    return "\n".join(lines)


def disagreement_table(kb, lang: str) -> str:
    numeric = checks.numeric(kb.tier_schemes)
    rows = [f"| {t('followers', lang)} | " + " | ".join(inline(s.name(lang)) for s in numeric) + " |",
            "|" + "---|" * (len(numeric) + 1)]
    for seg in checks.segments(kb.tier_schemes):
        if seg.disagree:
            cells = [" + ".join(tier_name(x, lang) for x in seg.verdicts[s.source]) or "–" for s in numeric]
            rows.append(f"| {span(seg.low, seg.high, lang)} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _scrolling(table: str, label: str, lang: str, wrap: bool) -> str:
    """On the site a wide table scrolls inside a box that keyboard users can focus (WCAG 2.1.1); tier-lookup.js
    shows the box's hint above it when it does not fit."""
    if not wrap:
        return table
    return (f'<div class="kb-tier-table" tabindex="0" role="group" aria-label="{inline(label)}" '
            f'data-kb-scroll-hint="{inline(t("scroll_hint_table", lang))}" markdown>\n\n'
            f"{table}\n\n</div>")


def markdown_report(kb, lang: str, wrap: bool = False) -> str:
    """The comparison as Markdown (tables and lists; no HTML apart from <br>/<small> in cells unless `wrap`)."""
    return "\n\n".join([
        _scrolling(sources_table(kb, lang), t("table_caption", lang), lang, wrap), f"*{t('table_caption', lang)}*",
        f"### {t('spread_title', lang)} {{#spread}}", t("spread_intro", lang),
        _scrolling(spread_table(kb, lang), t("spread_title", lang), lang, wrap),
        f"### {t('per_source_title', lang)} {{#per-source}}", t("per_source_intro", lang), per_source_list(kb, lang),
        f"### {t('disagree_title', lang)} {{#disagreement}}", t("disagree_intro", lang),
        _scrolling(disagreement_table(kb, lang), t("disagree_title", lang), lang, wrap),
    ]) + "\n"


# --- blocks -------------------------------------------------------------------------------------------------

def comparison(kb, lang: str) -> str:
    """Block `tier-comparison`: the chart (static SVG), then the tables and findings it summarises."""
    figure = (f'<figure class="kb-tier-chart" id="tier-chart">\n'
              f'<div class="kb-tier-chart__scroll" tabindex="0" role="group" aria-label="{inline(t("chart_scroll", lang))}" '
              f'data-kb-scroll-hint="{inline(t("scroll_hint_chart", lang))}">\n'
              f'{chart_svg(kb, lang)}\n</div>\n'
              f'<figcaption>{inline(t("chart_caption", lang))}</figcaption>\n</figure>')
    return figure + "\n\n" + markdown_report(kb, lang, wrap=True)


def lookup_data(kb, lang: str) -> dict:
    keys = [k for k in LABELS if k.startswith(("v_", "lookup_", "tier_")) or k in ("and", "as_written_quote", "hedged")]
    return {
        "lang": lang,
        "labels": {k: LABELS[k][lang] for k in keys},
        "sources": [{"id": s.source, "name": s.name(lang), "hasNumbers": s in checks.numeric(kb.tier_schemes),
                     "tiers": [{"tier": r.tier, "rank": TIER_ORDER.index(r.tier), "min": r.min, "max": r.max,
                                "hedged": r.hedged, "asWritten": r.as_written, "range": r.normalised(lang)}
                               for r in s.by_rank()]}
                    for s in kb.tier_schemes],
    }


def lookup(kb, lang: str, ctx: BuildContext | None = None) -> str:
    """Block `tier-lookup`: a form that JavaScript (assets/tier-lookup.js) brings to life; invisible without it.
    Invisible, not `hidden`: the box keeps its place from the first paint, so nothing below it jumps when the
    script shows it (Lighthouse's layout shift)."""
    site_urls = context(ctx).urls
    return "\n".join([
        '<div class="kb-tier-lookup kb-tier-lookup--waiting" id="tier-lookup-widget">',
        '<form class="kb-tier-lookup__form" novalidate>',
        f'<label for="kb-tier-count">{inline(t("lookup_label", lang))}</label>',
        '<input id="kb-tier-count" name="followers" type="text" inputmode="decimal" autocomplete="off" '
        'spellcheck="false" aria-describedby="kb-tier-count-hint">',
        f'<button type="submit" class="md-button md-button--primary">{inline(t("lookup_button", lang))}</button>',
        f'<p id="kb-tier-count-hint" class="kb-tier-lookup__hint">{inline(t("lookup_hint", lang))}</p>',
        '</form>',
        '<div class="kb-tier-lookup__result" id="kb-tier-result" aria-live="polite"></div>',
        f'<script type="application/json" id="kb-tier-data">{safe_json(lookup_data(kb, lang))}</script>',
        '</div>',
        f'<noscript><p class="kb-tier-lookup__noscript">{inline(t("lookup_noscript", lang))}</p></noscript>',
        f'<script defer src="{site_urls.to_site_root(lang)}assets/tier-lookup.js"></script>',   # only here, deferred
    ]) + "\n"


def entry_section(kb, tier_id: str, lang: str) -> str:
    """A tier entry's table of every source's range, the spread in one sentence, and a link to the comparison."""
    schemes = [s for s in kb.tier_schemes if s.get(tier_id)]
    if not schemes:
        return ""
    out = [f"## {t('entry_title', lang)} {{#follower-counts}}\n",
           f"| {t('source', lang)} | {t('as_written', lang)} | {t('normalised', lang)} |", "|---|---|---|"]
    for scheme in schemes:
        r = scheme.get(tier_id)
        link = f"[{inline(scheme.name(lang))}](../sources/index.md#{scheme.source})"
        if not scheme.has_numbers:
            out.append(f"| {link} | *{t('no_numbers', lang)}* | – |")
            continue
        hedge = f" ({t('hedged', lang)})" if r.hedged else ""
        out.append(f"| {link} | “{inline(r.as_written)}” | {inline(r.normalised(lang))}{hedge} |")
    out.append("")
    s = checks.spread(kb.tier_schemes, tier_id)
    if s.ratio:
        out.append(t("entry_spread", lang, low=format_count(s.lowest, lang), low_by=inline(_names(kb, s.lowest_by, lang)),
                     high=format_count(s.highest, lang), high_by=inline(_names(kb, s.highest_by, lang)),
                     ratio=f"{s.ratio:g}"))
    elif s.ranges:
        out.append(t("entry_single", lang, source=inline(s.ranges[0][0].name(lang))))
    else:
        out.append(t("entry_none", lang))
    bands, needed, of = checks.consensus(kb.tier_schemes, tier_id)
    if bands:
        band = " + ".join(span(lo, hi, lang) for lo, hi in bands)
        out[-1] += " " + t("entry_consensus", lang, agree=needed, of=of, band=band, tier=tier_name(tier_id, lang))
    out.append(f"\n[{t('entry_link', lang)}](../tiers.md#comparison)\n")
    return "\n".join(out) + "\n"
