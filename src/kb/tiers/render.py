"""The tier data on the site: the comparison (table, chart, findings), the lookup widget and tier entry sections.

Blocks `<!-- kb:tier-comparison -->` and `<!-- kb:tier-lookup -->` in docs/tiers.*.md call `comparison` and
`lookup`; term pages of tier entries call `entry_section`. Contributor text (as-written ranges, labels) goes
through `inline()` into Markdown and through escaped JSON into the widget, never into HTML as is.
"""
from __future__ import annotations

from kb.tiers import checks
from kb.core.labels import pick
from kb.core.markdown_text import inline
from kb.core.script_json import safe_json
from kb.tiers.chart import chart_svg
from kb.tiers.parse import format_count
from kb.tiers.load import TIER_ORDER, TierScheme

LABELS: dict[str, dict[str, str]] = {
    "tier_nano": {"nl": "nano", "en": "nano"},
    "tier_micro": {"nl": "micro", "en": "micro"},
    "tier_mid-tier": {"nl": "mid-tier", "en": "mid-tier"},
    "tier_macro": {"nl": "macro", "en": "macro"},
    "tier_mega": {"nl": "mega", "en": "mega"},
    "tier_all-star": {"nl": "all-star", "en": "all-star"},
    "tier": {"nl": "Niveau", "en": "Tier"},
    "source": {"nl": "Bron", "en": "Source"},
    "as_written": {"nl": "Zo staat het er", "en": "As written"},
    "normalised": {"nl": "Als getallen", "en": "As numbers"},
    "hedged": {"nl": "bij benadering", "en": "approximate"},
    "no_numbers": {"nl": "genoemd, zonder aantallen", "en": "named, no numbers"},
    "not_named": {"nl": "niet genoemd", "en": "not named"},
    "lowest_lower": {"nl": "Laagste ondergrens", "en": "Lowest lower bound"},
    "highest_lower": {"nl": "Hoogste ondergrens", "en": "Highest lower bound"},
    "factor": {"nl": "Factor", "en": "Factor"},
    "majority": {"nl": "Meerderheid het eens over", "en": "Majority agrees on"},
    "majority_cell": {"nl": "{band} ({agree} van {of})", "en": "{band} ({agree} of {of})"},
    "followers": {"nl": "Volgers", "en": "Followers"},
    "none": {"nl": "geen", "en": "none"},
    "table_caption": {"nl": "Volgersaantallen per niveau en per bron. Beide grenzen horen bij het niveau.",
                      "en": "Follower counts per tier and per source. Both ends belong to the tier."},
    "spread_title": {"nl": "Hoe ver de bronnen uit elkaar liggen", "en": "How far apart the sources are"},
    "spread_intro": {"nl": "Per niveau: waar de bronnen het niveau laten beginnen, en het aantal volgers waarover "
                           "de meeste bronnen die het niveau een getal geven het eens zijn.",
                     "en": "Per tier: where the sources let the tier begin, and the follower counts on which most "
                           "of the sources that give the tier a number agree."},
    "per_source_title": {"nl": "Overlap en gaten binnen één bron", "en": "Overlaps and gaps within one source"},
    "per_source_intro": {"nl": "Ook één bron is niet altijd sluitend: sommige aantallen vallen in twee niveaus "
                                "tegelijk, andere in geen enkel.",
                         "en": "Even a single source does not always add up: some counts fall in two tiers at "
                               "once, others in none."},
    "overlap": {"nl": "{source}: {range} volgers valt in {a} én in {b}.",
                "en": "{source}: {range} followers falls in both {a} and {b}."},
    "gap": {"nl": "{source}: {range} volgers valt in geen niveau (tussen {a} en {b}).",
            "en": "{source}: {range} followers falls in no tier (between {a} and {b})."},
    "disagree_title": {"nl": "Waar de bronnen elkaar tegenspreken", "en": "Where the sources contradict each other"},
    "disagree_intro": {"nl": "Voor deze aantallen volgers geven de bronnen een ander niveau ('–': de bron deelt "
                             "dit aantal niet in).",
                       "en": "For these follower counts the sources name different tiers ('–': the source does not "
                             "place this count)."},
    "no_consensus": {"nl": "geen meerderheid", "en": "no majority"},
    "one_source": {"nl": "één bron", "en": "one source"},
    # verdicts (also used by tier-lookup.js through the embedded JSON)
    "v_in_tier": {"nl": "{tier} ({range})", "en": "{tier} ({range})"},
    "v_boundary": {"nl": "op de grens: zowel {tiers}", "en": "on the boundary: both {tiers}"},
    "v_below": {"nl": "geen niveau: minder dan het kleinste niveau van deze bron (vanaf {low})",
                "en": "no tier: fewer than this source's smallest tier (from {low})"},
    "v_above": {"nl": "geen niveau: meer dan het grootste niveau van deze bron (tot en met {high})",
                "en": "no tier: more than this source's largest tier (up to {high})"},
    "v_gap": {"nl": "geen niveau: valt in het gat tussen {a} en {b}",
              "en": "no tier: falls in the gap between {a} and {b}"},
    "v_no_numbers": {"nl": "noemt de niveaus zonder volgersaantallen", "en": "names the tiers without follower counts"},
    "and": {"nl": "en", "en": "and"},
    "as_written_quote": {"nl": "in de bron: “{text}”", "en": "in the source: “{text}”"},
    # lookup widget
    "lookup_label": {"nl": "Aantal volgers", "en": "Number of followers"},
    "lookup_hint": {"nl": "Bijvoorbeeld 8000, 8.000, 8,000 of 8k.", "en": "For example 8000, 8.000, 8,000 or 8k."},
    "lookup_button": {"nl": "Vergelijk de bronnen", "en": "Compare the sources"},
    "lookup_noscript": {"nl": "De opzoekfunctie werkt met JavaScript. Zonder JavaScript vind je hetzelfde in de tabel "
                              "en de lijst hierboven.",
                        "en": "The lookup needs JavaScript. Without it, the table and the list above tell you the "
                              "same."},
    "lookup_invalid": {"nl": "Dat is geen aantal volgers. Typ een getal, zoals 8000, 8.000, 8,000 of 8k.",
                       "en": "That is not a number of followers. Type a number such as 8000, 8.000, 8,000 or 8k."},
    "lookup_heading": {"nl": "{n} volgers, bron per bron:", "en": "{n} followers, source by source:"},
    "lookup_agree": {"nl": "De bronnen die dit aantal indelen, zijn het eens: {tier}.",
                     "en": "The sources that place this count agree: {tier}."},
    "lookup_disagree": {"nl": "Het antwoord hangt af van de bron: {groups}.",
                        "en": "The answer depends on the source: {groups}."},
    "lookup_group": {"nl": "{tier} volgens {n} {sources}", "en": "{tier} according to {n} {sources}"},
    "lookup_source_one": {"nl": "bron", "en": "source"},
    "lookup_source_many": {"nl": "bronnen", "en": "sources"},
    "lookup_nobody": {"nl": "Geen enkele bron deelt dit aantal in.", "en": "No source places this count."},
    # chart
    "chart_title": {"nl": "Influencerniveaus per bron op een logaritmische as van volgersaantallen",
                    "en": "Influencer tiers per source on a logarithmic axis of follower counts"},
    "chart_desc": {"nl": "Eén rij per bron; elk niveau is een balk van de kleinste tot de grootste volgersaantal die de "
                         "bron noemt. Een pijl betekent: geen grens aan die kant. Een gestippelde rand: de bron geeft "
                         "het bij benadering. {summary} De tabel onder de grafiek geeft dezelfde gegevens als tekst.",
                   "en": "One row per source; each tier is a bar from the smallest to the largest follower count the "
                         "source gives. An arrow means: no bound on that side. A dashed outline: the source gives it "
                         "approximately. {summary} The table below the chart gives the same data as text."},
    "chart_caption": {"nl": "Elke stap op de as is tien keer zoveel volgers. Dezelfde gegevens staan in de tabel "
                            "hieronder.",
                      "en": "Each step on the axis is ten times as many followers. The table below holds the same "
                            "data."},
    "chart_scroll": {"nl": "Grafiek van de niveaus per bron (schuift opzij op een smal scherm)",
                     "en": "Chart of the tiers per source (scrolls sideways on a narrow screen)"},
    "chart_no_numbers": {"nl": "noemt {tiers}, zonder aantallen", "en": "names {tiers}, without numbers"},
    "chart_summary": {"nl": "Mega begint bij {low} volgers in de ene bron en bij {high} in een andere.",
                      "en": "Mega starts at {low} followers in one source and at {high} in another."},
    # tier entry section
    "entry_title": {"nl": "Volgersaantallen per bron", "en": "Follower counts by source"},
    "entry_spread": {"nl": "De laagste ondergrens is {low} ({low_by}), de hoogste {high} ({high_by}): een factor "
                           "{ratio}.",
                     "en": "The lowest lower bound is {low} ({low_by}), the highest {high} ({high_by}): a factor of "
                           "{ratio}."},
    "entry_single": {"nl": "Alleen {source} geeft dit niveau een getal.", "en": "Only {source} gives this tier a number."},
    "entry_consensus": {"nl": "Een meerderheid ({agree} van de {of} bronnen met getallen) noemt {band} volgers {tier}.",
                        "en": "A majority ({agree} of the {of} sources with numbers) calls {band} followers {tier}."},
    "entry_none": {"nl": "Geen van de bronnen geeft dit niveau een getal.",
                   "en": "None of the sources gives this tier a number."},
    "entry_link": {"nl": "Vergelijk alle bronnen en zoek een aantal volgers op",
                   "en": "Compare all sources and look up a follower count"},
}


def t(key: str, lang: str, **values) -> str:
    return pick(LABELS, key, lang, **values)


def tier_name(tier: str, lang: str) -> str:
    return t("tier_" + tier, lang)


def _join(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {t('and', lang)} " + items[-1]


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
        band = (t("majority_cell", lang, band=" + ".join(checks.span(lo, hi, lang) for lo, hi in bands), agree=needed,
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
            lines.append("- " + t("overlap", lang, source=f"**{name}**", range=checks.span(low, high, lang),
                                  a=tier_name(a.tier, lang), b=tier_name(b.tier, lang)))
        for a, b, low, high in checks.gaps(scheme):
            lines.append("- " + t("gap", lang, source=f"**{name}**", range=checks.span(low, high, lang),
                                  a=tier_name(a.tier, lang), b=tier_name(b.tier, lang)))
    return "\n".join(lines)


def disagreement_table(kb, lang: str) -> str:
    numeric = checks.numeric(kb.tier_schemes)
    rows = [f"| {t('followers', lang)} | " + " | ".join(inline(s.name(lang)) for s in numeric) + " |",
            "|" + "---|" * (len(numeric) + 1)]
    for seg in checks.segments(kb.tier_schemes):
        if seg.disagree:
            cells = [" + ".join(tier_name(x, lang) for x in seg.verdicts[s.source]) or "–" for s in numeric]
            rows.append(f"| {checks.span(seg.low, seg.high, lang)} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _scrolling(table: str, label: str, wrap: bool) -> str:
    """On the site a wide table scrolls inside a box that keyboard users can focus (WCAG 2.1.1)."""
    if not wrap:
        return table
    return (f'<div class="kb-tier-table" tabindex="0" role="group" aria-label="{inline(label)}" markdown>\n\n'
            f"{table}\n\n</div>")


def markdown_report(kb, lang: str, wrap: bool = False) -> str:
    """The comparison as Markdown (tables and lists; no HTML apart from <br>/<small> in cells unless `wrap`)."""
    return "\n\n".join([
        _scrolling(sources_table(kb, lang), t("table_caption", lang), wrap), f"*{t('table_caption', lang)}*",
        f"### {t('spread_title', lang)} {{#spread}}", t("spread_intro", lang),
        _scrolling(spread_table(kb, lang), t("spread_title", lang), wrap),
        f"### {t('per_source_title', lang)} {{#per-source}}", t("per_source_intro", lang), per_source_list(kb, lang),
        f"### {t('disagree_title', lang)} {{#disagreement}}", t("disagree_intro", lang),
        _scrolling(disagreement_table(kb, lang), t("disagree_title", lang), wrap),
    ]) + "\n"


# --- blocks -------------------------------------------------------------------------------------------------

def comparison(kb, lang: str) -> str:
    """Block `tier-comparison`: the chart (static SVG), then the tables and findings it summarises."""
    figure = (f'<figure class="kb-tier-chart" id="tier-chart">\n'
              f'<div class="kb-tier-chart__scroll" tabindex="0" role="group" aria-label="{inline(t("chart_scroll", lang))}">\n'
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


def lookup(kb, lang: str) -> str:
    """Block `tier-lookup`: a form that JavaScript (assets/tier-lookup.js) brings to life; hidden without it."""
    return "\n".join([
        '<div class="kb-tier-lookup" id="tier-lookup-widget" hidden>',
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
        band = " + ".join(checks.span(lo, hi, lang) for lo, hi in bands)
        out[-1] += " " + t("entry_consensus", lang, agree=needed, of=of, band=band, tier=tier_name(tier_id, lang))
    out.append(f"\n[{t('entry_link', lang)}](../tiers.md#comparison)\n")
    return "\n".join(out) + "\n"
