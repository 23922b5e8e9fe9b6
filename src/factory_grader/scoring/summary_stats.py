"""Figures over many compared workbooks, for the summary's charts (screen and workbook)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from factory_grader.domain.comparison import Entry


def counted(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.counts]


def tiers_by_city(entries: Sequence[Entry]) -> dict[str, Counter[str]]:
    """City -> tier id ("" for none reached) -> number of factories, cities sorted."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for e in counted(entries):
        table[e.city_key or "—"][e.tier] += 1
    return dict(sorted(table.items()))


def level_distribution(entries: Sequence[Entry]) -> Counter[int]:
    return Counter(e.level for e in counted(entries) if e.level is not None)


def subdomain_levels_by_industry(entries: Sequence[Entry], top: int = 5) -> dict[str, list[float]]:
    """The `top` industries with most factories -> average level reached per sub-domain."""
    groups: dict[str, list[list[int]]] = defaultdict(list)
    for e in counted(entries):
        if e.subdomain_levels.isdigit():
            groups[e.industry_key or "—"].append([int(ch) for ch in e.subdomain_levels])
    biggest = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    return {
        industry: [round(sum(col) / len(rows), 2) for col in zip(*rows, strict=True)]
        for industry, rows in biggest
    }


def score_vs_scenarios(entries: Sequence[Entry]) -> list[tuple[int, float]]:
    """(built scenarios, S) per factory."""
    return [
        (e.built, e.score_hundredths / 100)
        for e in counted(entries)
        if e.built is not None and e.score_hundredths is not None
    ]
