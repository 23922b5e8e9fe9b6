"""Radar of the 20 sub-domains: the level each has reached against the level the next tier needs
(and, on the results page, the level each would reach once the ticked steps are done)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any, cast

from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from factory_grader.domain.maturity_model import LEVELS

#: A spoke's label is wrapped to lines of about this many characters: Latin letters take half a
#: CJK character's width, so both languages' longest names (信息安全, "Warehousing and
#: distribution") take about the same room and never reach the next spoke's label.
LABEL_WIDTH = {"latin": 14, "cjk": 6}


def wrap_label(label: str) -> str:
    """The label on as many lines as it needs to stay narrow."""
    if label.isascii():
        return "\n".join(textwrap.wrap(label, LABEL_WIDTH["latin"], break_long_words=False))
    width = LABEL_WIDTH["cjk"]
    return "\n".join(label[i : i + width] for i in range(0, len(label), width))


def level_axes(
    fig: Figure, labels: Sequence[str], fontsize: float
) -> tuple[PolarAxes, list[float]]:
    """Polar axes with one spoke per sub-domain and rings for levels 1–5, first spoke at the
    top, clockwise. Each label sits outside its spoke, aligned away from the centre (left of a
    spoke on the left, right of one on the right), so neighbours do not overlap. Returns the
    axes and the spokes' angles (closed: the first again last)."""
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    ax = cast(PolarAxes, fig.add_subplot(projection="polar"))
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 5)
    ax.set_yticks(list(LEVELS))
    ax.set_xticks(angles[:-1])
    ax.set_xticklabels([""] * n)
    ax.tick_params(axis="y", labelsize=fontsize)
    for angle, label in zip(angles, labels, strict=False):
        across = math.sin(angle)  # clockwise from the top: > 0 on the right
        up = math.cos(angle)
        ha = "center" if abs(across) < 0.3 else ("left" if across > 0 else "right")
        va = "center" if abs(up) < 0.8 else ("bottom" if up > 0 else "top")
        ax.text(
            angle,
            5.35,
            wrap_label(label),
            ha=ha,
            va=va,
            fontsize=fontsize,
            linespacing=1.0,
            clip_on=False,
        )
    return ax, angles


#: The line styles of radar_figure, for a legend drawn beside it (the screen draws its own, so
#: the chart keeps its room for the spokes' labels).
ACHIEVED_STYLE: dict[str, Any] = {"color": "#1565c0", "linewidth": 2}
PROJECTED_STYLE: dict[str, Any] = {"color": "#2e7d32", "linewidth": 2, "linestyle": ":"}
REQUIRED_STYLE: dict[str, Any] = {"color": "#c62828", "linewidth": 1.5, "linestyle": "--"}


def label_fontsize(labels: Sequence[str]) -> float:
    """Latin names are longer than Chinese ones: a point smaller keeps them apart."""
    return 7 if all(label.isascii() for label in labels) else 8


def radar_figure(
    labels: list[str],
    achieved: list[int],
    required: int | None,
    size: tuple[float, float] = (5.5, 5.5),
    projected: list[int] | None = None,
) -> Figure:
    """The levels reached (filled), those once the ticked steps are done (dotted) and the level
    the next tier needs (dashed ring). No legend: the caller says which line is which."""
    fig = Figure(figsize=size, layout="tight")
    ax, angles = level_axes(fig, labels, label_fontsize(labels))
    n = len(labels)
    values = [*achieved, achieved[0]]
    ax.plot(angles, values, **ACHIEVED_STYLE)
    ax.fill(angles, values, color=ACHIEVED_STYLE["color"], alpha=0.2)
    if projected is not None:
        ax.plot(angles, [*projected, projected[0]], **PROJECTED_STYLE)
    if required:
        ax.plot(angles, [required] * (n + 1), **REQUIRED_STYLE)
    return fig
