"""Radar of the 20 sub-domains: the level each has reached against the level the next tier needs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import cast

from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from factory_grader.domain.maturity_model import LEVELS


def level_axes(
    fig: Figure, labels: Sequence[str], fontsize: float
) -> tuple[PolarAxes, list[float]]:
    """Polar axes with one spoke per sub-domain and rings for levels 1–5, first spoke at the
    top, clockwise. Returns the axes and the spokes' angles (closed: the first again last)."""
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    ax = cast(PolarAxes, fig.add_subplot(projection="polar"))
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 5)
    ax.set_yticks(list(LEVELS))
    ax.set_xticks(angles[:-1])
    ax.set_xticklabels(labels, fontsize=fontsize)
    return ax, angles


def radar_figure(
    labels: list[str],
    achieved: list[int],
    required: int | None,
    achieved_label: str,
    required_label: str,
    size: tuple[float, float] = (5.5, 5.5),
) -> Figure:
    fig = Figure(figsize=size, layout="tight")
    ax, angles = level_axes(fig, labels, 8)
    n = len(labels)
    values = [*achieved, achieved[0]]
    ax.plot(angles, values, color="#1565c0", linewidth=2, label=achieved_label)
    ax.fill(angles, values, color="#1565c0", alpha=0.2)
    if required:
        ax.plot(angles, [required] * (n + 1), color="#c62828", linestyle="--", label=required_label)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, fontsize=8, frameon=False)
    return fig
