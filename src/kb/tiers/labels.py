"""Every word of the tier pages, the chart and the lookup widget, in both languages (a test checks both exist)."""
from __future__ import annotations

from kb.core.labels import pick

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
