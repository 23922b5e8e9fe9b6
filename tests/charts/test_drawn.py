"""What the charts draw, read back from the figures (issue 14 §6): labels, values, stacking, the
required ring; not only that a figure exists. Expectations are written out by hand."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle

from factory_grader.charts.radar import radar_figure
from factory_grader.charts.summary import (
    industry_radar_figure,
    level_distribution_figure,
    score_scatter_figure,
    tiers_by_city_figure,
)


def test_radar_spokes_values_and_the_required_ring() -> None:
    fig = radar_figure(["规划", "生产", "物流", "安全"], [1, 3, 2, 5], 3)
    ax = fig.axes[0]
    achieved, required = ax.get_lines()
    assert list(achieved.get_ydata()) == [1, 3, 2, 5, 1]  # closed: the first again last
    angles = list(achieved.get_xdata())
    assert angles == pytest.approx([0, math.pi / 2, math.pi, 3 * math.pi / 2, 0])
    assert list(required.get_ydata()) == [3, 3, 3, 3, 3]
    # each spoke's name outside the outer ring, aligned away from the centre
    placed = [(t.get_text(), t.get_position()[0], t.get_ha()) for t in ax.texts]
    assert [name for name, _, _ in placed] == ["规划", "生产", "物流", "安全"]
    assert [angle for _, angle, _ in placed] == pytest.approx(angles[:4])
    assert [ha for _, _, ha in placed] == ["center", "left", "center", "right"]
    assert ax.get_ylim() == (0, 5)
    assert ax.get_theta_direction() == -1  # clockwise, first spoke at the top
    assert ax.get_theta_offset() == pytest.approx(math.pi / 2)
    assert ax.get_legend() is None  # the screen writes the legend under the chart


def test_radar_draws_the_projection_dotted_between_reached_and_required() -> None:
    fig = radar_figure(["a", "b", "c"], [1, 2, 2], 3, projected=[2, 2, 3])
    _, projected, required = fig.axes[0].get_lines()
    assert list(projected.get_ydata()) == [2, 2, 3, 2]
    assert projected.get_linestyle() == ":" and required.get_linestyle() == "--"


def test_radar_without_a_next_tier_draws_no_ring() -> None:
    fig = radar_figure(["a", "b", "c"], [2, 2, 2], None)
    assert len(fig.axes[0].get_lines()) == 1


def test_tiers_by_city_stacks_each_citys_counts_in_tier_order() -> None:
    table = {
        "海口市": Counter({"basic": 3, "advanced": 1}),
        "三亚市": Counter({"none": 2, "basic": 1, "leading": 1}),
    }
    names = {"none": "未达", "basic": "基础级", "advanced": "先进级", "excellent": "卓越级",
             "leading": "领航级"}  # fmt: skip
    fig = tiers_by_city_figure(table, names, "各市县梯度", "家数")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    # drawn tier by tier, each tier's bars city by city, the first city (海口) at the top
    assert len(bars) == 10
    sanya = [(bars[2 * t].get_x(), bars[2 * t].get_width()) for t in range(5)]
    haikou = [(bars[2 * t + 1].get_x(), bars[2 * t + 1].get_width()) for t in range(5)]
    # (left, width) in tier order none, basic, advanced, excellent, leading
    assert sanya == [(0, 2), (2, 1), (3, 0), (3, 0), (3, 1)]
    assert haikou == [(0, 0), (0, 3), (3, 1), (4, 0), (4, 0)]
    assert bars[1].get_y() > bars[0].get_y()  # 海口 above 三亚
    assert [t.get_text() for t in ax.get_yticklabels()] == ["三亚市", "海口市"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(names.values())
    assert ax.get_title() == "各市县梯度" and ax.get_xlabel() == "家数"


def test_level_distribution_has_a_bar_for_every_level_even_an_empty_one() -> None:
    names = {1: "一级", 2: "二级", 3: "三级", 4: "四级", 5: "五级"}
    fig = level_distribution_figure({2: 7, 3: 2}, names, "等级分布", "家数")
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    assert heights == [0, 7, 2, 0, 0]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(names.values())


def test_industry_radar_draws_one_closed_line_per_industry() -> None:
    labels = ["a", "b", "c"]
    fig = industry_radar_figure({"C26": [1.0, 2.5, 3.0], "C34": [2.0, 2.0, 4.5]}, labels, "行业")
    lines = fig.axes[0].get_lines()
    assert [list(line.get_ydata()) for line in lines] == [
        [1.0, 2.5, 3.0, 1.0],
        [2.0, 2.0, 4.5, 2.0],
    ]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["C26", "C34"]


def test_score_scatter_puts_each_point_where_it_belongs() -> None:
    fig = score_scatter_figure([(3, 2.24), (5, 3.1)], "得分", "场景数", "S")
    (points,) = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    assert points.get_offsets().tolist() == [[3, 2.24], [5, 3.1]]
    assert fig.axes[0].get_ylim() == (0, 5)
