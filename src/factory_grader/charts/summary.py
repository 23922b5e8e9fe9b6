"""The officials' charts over many compared workbooks: the same Figures on screen and as PNG."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from factory_grader.charts.radar import level_axes

TIER_COLOURS = ("#b0bec5", "#64b5f6", "#1e88e5", "#8e24aa", "#c62828")


def tiers_by_city_figure(
    table: Mapping[str, Counter[str]], tier_names: Mapping[str, str], title: str, x_label: str
) -> Figure:
    """Horizontal stacked bars: a province has twenty cities and counties, too many to label
    side by side."""
    cities = list(table)[::-1]  # first city at the top
    fig = Figure(figsize=(7, max(3.5, 0.28 * len(cities) + 1.5)), layout="constrained")
    ax = fig.add_subplot()
    left = [0] * len(cities)
    for colour, (tier, name) in zip(TIER_COLOURS, tier_names.items(), strict=False):
        values = [table[c].get(tier, 0) for c in cities]
        ax.barh(cities, values, left=left, label=name, color=colour)
        left = [a + v for a, v in zip(left, values, strict=True)]
    ax.set_title(title)
    ax.set_xlabel(x_label)
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


def level_distribution_figure(
    counts: Mapping[int, int], level_names: Mapping[int, str], title: str, y_label: str
) -> Figure:
    fig = Figure(figsize=(6, 4), layout="constrained")
    ax = fig.add_subplot()
    levels = sorted(level_names)
    ax.bar(
        [level_names[lv] for lv in levels], [counts.get(lv, 0) for lv in levels], color="#1e88e5"
    )
    ax.set_title(title)
    ax.set_ylabel(y_label)
    ax.tick_params(axis="x", labelsize=8, labelrotation=30)
    return fig


def industry_radar_figure(
    averages: Mapping[str, Sequence[float]], labels: Sequence[str], title: str
) -> Figure:
    fig = Figure(figsize=(6.5, 6), layout="constrained")
    ax, angles = level_axes(fig, labels, 7)
    for industry, values in averages.items():
        ax.plot(angles, [*values, values[0]], linewidth=1.5, label=industry)
    # the title and legend above and below the whole figure: the spokes' labels stand outside
    # the axes, where an axes title or legend would sit on them
    fig.suptitle(title)
    fig.legend(loc="outside lower center", ncols=2, fontsize=7, frameon=False)
    return fig


def score_scatter_figure(
    points: Sequence[tuple[int, float]], title: str, x_label: str, y_label: str
) -> Figure:
    fig = Figure(figsize=(6, 4), layout="constrained")
    ax = fig.add_subplot()
    ax.scatter([p[0] for p in points], [p[1] for p in points], s=14, alpha=0.6, color="#1e88e5")
    ax.set_ylim(0, 5)
    ax.set_title(title)
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.grid(alpha=0.3)
    return fig
