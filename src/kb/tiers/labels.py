"""Every word of the tier pages, the chart and the lookup widget, in both languages (a test checks both exist)."""
from __future__ import annotations

from kb.core import words

from kb.core.labels import pick

LABELS: dict[str, dict[str, str]] = words.section("tiers.labels")   # the words live in kb/core/words/{nl,en}.yaml


def t(key: str, lang: str, **values) -> str:
    return pick(LABELS, key, lang, **values)


def tier_name(tier: str, lang: str) -> str:
    return t("tier_" + tier, lang)


def _join(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {t('and', lang)} " + items[-1]
