"""The words of a tier question: a natural sentence per language that names the source as a noun phrase, the
source's ranges with their hedges ("zo'n 5.000 tot 50.000", "minder dan 1.000"), and an explanation that tells
three cases apart for every other source: it puts the count in a tier, it does not define that range, or the
count falls in a gap between two of its ranges (with hedged figures: a gap that is an artefact of the hedge).
"""
from __future__ import annotations

from kb.core import words
from kb.core.labels import pick
from kb.core.markdown_text import capitalise
from kb.tiers.load import TIER_ORDER
from kb.core.counts import format_count

LABELS: dict[str, dict[str, str]] = words.section("quiz.tier_wording")   # the words live in kb/core/words/{nl,en}.yaml


def _t(key: str, lang: str, **values) -> str:
    return pick(LABELS, key, lang, **values)


def with_article(tier: str, lang: str) -> str:
    """'een micro-influencer' / 'an all-star influencer' (English takes 'an' before the tier names' vowels)."""
    return _t("an_tier" if tier[:1].lower() in "aeio" else "a_tier", lang, tier=tier)


def source_phrase(kb, scheme, lang: str) -> str:
    """The source as a noun phrase for a sentence: tiers.yaml's `phrase`, else 'de bron ‘label’'."""
    if scheme.phrase.get(lang):
        return scheme.phrase[lang]
    label = scheme.label.get(lang) if scheme.label else ""
    return _t("source_fallback", lang, label=label or scheme.source)


def range_before_noun(r, lang: str) -> str:
    """The range as it stands before 'volgers' / 'followers': a range in words is a count noun, and English
    needs its 'of' then ('millions of followers')."""
    text = range_text(r, lang)
    return _t("range_in_words_before_noun", lang, range=text) if r.in_words.get(lang) else text


def range_text(r, lang: str) -> str:
    """A range in the source's way of saying it, in the reader's language, hedges kept."""
    if r.in_words.get(lang):
        return r.in_words[lang]
    written = (r.as_written or "").casefold()
    if r.min is not None and r.max is not None:
        text = _t("range_between", lang, min=_count(r.min, lang), max=_count(r.max, lang))
    elif r.min is not None:
        text = (_t("range_more_than", lang, n=_count(r.min - 1, lang))
                if written.startswith(("meer dan", "more than", "over ")) else
                _t("range_at_least", lang, n=_count(r.min, lang)))
    else:
        text = (_t("range_fewer_than", lang, n=_count(r.max + 1, lang))
                if written.startswith(("minder dan", "fewer than", "less than", "under ")) else
                _t("range_up_to", lang, n=_count(r.max, lang)))
    return _t("hedge", lang, range=text) if r.hedged else text


def _count(n: int, lang: str) -> str:
    """A count as the sources write it: whole millions in words (1 miljoen, 2 million), else digits."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return _t("millions", lang, n=n // 1_000_000)
    return format_count(n, lang)


def _numeric(scheme) -> list:
    return [r for r in scheme.by_rank() if r.has_numbers]


def stem(kb, scheme, count: int, lang: str) -> str:
    return _t("q_tier", lang, source=source_phrase(kb, scheme, lang), n=format_count(count, lang))


def explanation(kb, scheme, r, count: int, others: list, name, lang: str) -> str:
    """`name(tier, lang)` gives a tier's name. The question's own source first, then every other source."""
    tier = name(r.tier, lang)
    text = _t("x_own", lang, Source=capitalise(source_phrase(kb, scheme, lang)), range=range_before_noun(r, lang),
              a_tier=with_article(tier, lang))
    verdicts = [_verdict(kb, o, count, name, lang) for o in others if o.classify(count) != [r.tier]]
    if not verdicts:
        return f"{text} {_t('x_agree', lang)}"
    return f"{text} {_t('x_others', lang, n=format_count(count, lang), list='; '.join(verdicts))}"


def _verdict(kb, scheme, count: int, name, lang: str) -> str:
    source = source_phrase(kb, scheme, lang)
    tiers = scheme.classify(count)
    if tiers:
        first = scheme.get(tiers[0])
        tier = name(tiers[0], lang)
        if len(tiers) > 1:
            other = name(tiers[1], lang)
            return _t("x_in_two", lang, source=source, a_tier=with_article(tier, lang),
                      an_other=with_article(other, lang))
        return _t("x_in", lang, source=source, a_tier=with_article(tier, lang), range=range_text(first, lang))
    ranges = _numeric(scheme)
    lower = [x for x in ranges if x.max is not None and x.max < count]
    upper = [x for x in ranges if x.min is not None and x.min > count]
    if lower and upper:
        low, high = max(lower, key=lambda x: x.max), min(upper, key=lambda x: x.min)
        text = _t("x_gap", lang, source=source, lower=name(low.tier, lang), lower_range=range_text(low, lang),
                  upper=name(high.tier, lang), upper_range=range_text(high, lang))
        return text + (_t("x_gap_hedged", lang) if low.hedged or high.hedged else "")
    if len(ranges) > 1 and upper and upper[0] is ranges[0] and ranges[0].min is not None:
        return _t("x_below", lang, source=source, tier=name(ranges[0].tier, lang), n=_count(ranges[0].min, lang))
    if len(ranges) > 1 and lower and lower[-1] is ranges[-1] and ranges[-1].max is not None:
        return _t("x_above", lang, source=source, tier=name(ranges[-1].tier, lang), n=_count(ranges[-1].max, lang))
    listed = [_t("x_tier_in_list", lang, tier=name(x.tier, lang), range=range_text(x, lang)) for x in ranges]
    joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + LABELS["and"][lang] + listed[-1]
    return _t("x_undefined", lang, source=source, ranges=joined)


def feedback(kb, scheme, wrong_tier: str, name, lang: str) -> str:
    """Why a wrong tier is wrong for this source: its own range for that tier, or that it has no such tier."""
    source = source_phrase(kb, scheme, lang)
    tier = name(wrong_tier, lang)
    r = scheme.get(wrong_tier)
    if r is not None and r.has_numbers:
        return _t("f_defined", lang, source=source, range=range_before_noun(r, lang), a_tier=with_article(tier, lang))
    return _t("f_not_used", lang, source=source, tier=tier)


def defined_tiers(scheme) -> list[str]:
    """The tiers with numbers this source defines, smallest first."""
    return [r.tier for r in scheme.by_rank() if r.has_numbers and r.tier in TIER_ORDER]
