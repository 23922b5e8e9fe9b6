"""The management report's charts besides the radar: each sub-domain's level as bars against
the level the next tier needs, and S over the revisions of an assessment (T0 → T1 → …)."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from factory_grader.charts.radar import ACHIEVED_STYLE, REQUIRED_STYLE
from factory_grader.domain.maturity_model import LEVELS
from factory_grader.domain.text import Lang


def bars_figure(
    labels: Sequence[str], achieved: Sequence[int], required: int | None, lang: Lang
) -> Figure:
    """One bar per sub-domain (its level reached), the level needed as a dashed line; the
    value written at the end of each bar, so the chart reads without the radar."""
    fig = Figure(figsize=(7.0, 0.22 * len(labels) + 0.9), layout="tight")
    ax = fig.add_subplot()
    rows = list(range(len(labels)))[::-1]
    below = [required is not None and a < required for a in achieved]
    colours = ["#ef9a9a" if b else ACHIEVED_STYLE["color"] for b in below]
    ax.barh(rows, achieved, color=colours, height=0.6)
    for y, value in zip(rows, achieved, strict=True):
        ax.text(value + 0.05, y, str(value), va="center", fontsize=7)
    ax.set_yticks(rows, list(labels), fontsize=8)
    ax.set_xlim(0, max(LEVELS) + 0.4)
    ax.set_xticks(list((0, *LEVELS)))
    ax.set_xlabel("等级" if lang == "zh" else "Level", fontsize=8)
    if required:
        ax.axvline(required, **{**REQUIRED_STYLE, "linewidth": 1.2})
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def trend_figure(labels: Sequence[str], scores: Sequence[float], tiers: Sequence[str]) -> Figure:
    """S per revision, each point labelled with its value and tier (and, where the caller puts
    it in `tiers`, the level)."""
    fig = Figure(figsize=(6.5, 2.6), layout="tight")
    ax = fig.add_subplot()
    xs = list(range(len(labels)))
    ax.plot(xs, scores, marker="o", **ACHIEVED_STYLE)
    for x, s, tier in zip(xs, scores, tiers, strict=True):
        ax.annotate(
            f"{s:.2f}\n{tier}",
            (x, s),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=7,
        )
    ax.set_xticks(xs, list(labels))
    ax.set_ylim(0, max(LEVELS) + 0.6)
    ax.set_ylabel("S")
    ax.spines[["top", "right"]].set_visible(False)
    return fig
