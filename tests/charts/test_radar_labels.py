"""The radar's spoke labels never overlap one another or leave the figure (issue 15 §2): the
form's real sub-domain names, the longest in both languages, drawn at the smallest size the
results page gives the chart and at larger ones, measured with the real renderer."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from factory_grader.charts.fonts import use_cjk_fonts
from factory_grader.charts.radar import radar_figure, wrap_label
from factory_grader.charts.summary import industry_radar_figure
from factory_grader.forms.library import shared_library
from factory_grader.ui.radar_view import MINIMUM_SIDE

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"


def _names(lang: str) -> list[str]:
    form = shared_library().maturity("cmmm-2020")
    return [s.name.get(lang) for s in form.subdomains]


def test_the_longest_names_are_the_ones_drawn() -> None:
    english = _names("en")
    assert "Warehousing and distribution" in english  # 28 characters, wrapped
    assert wrap_label("Warehousing and distribution") == "Warehousing\nand\ndistribution"
    assert wrap_label("计划与调度") == "计划与调度"  # short Chinese names stay on one line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("side", [MINIMUM_SIDE, 600, 900])
def test_spoke_labels_never_overlap(lang: str, side: int) -> None:
    use_cjk_fonts(FONT)
    names = _names(lang)
    fig = radar_figure(names, [2] * 20, 3, projected=[3] * 20)
    fig.set_dpi(100)
    fig.set_size_inches(side / 100, side / 100)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert len(boxes) == 20
    touching = [
        (names[i], names[j])
        for i, j in itertools.combinations(range(20), 2)
        if boxes[i].overlaps(boxes[j])
    ]
    assert touching == []
    outside = [
        names[i]
        for i, b in enumerate(boxes)
        if b.x0 < 0 or b.y0 < 0 or b.x1 > fig.bbox.x1 or b.y1 > fig.bbox.y1
    ]
    assert outside == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comparisons_radar_keeps_title_legend_and_labels_apart(lang: str) -> None:
    """汇总对比's radar by industry: the title and the legend of up to 8 industries never sit
    on a spoke's label (they did when the labels left the axes' own tick labels)."""
    use_cjk_fonts(FONT)
    names = _names(lang)
    averages = {
        f"C{13 + i} 行业名称很长的一个制造业"
        if lang == "zh"
        else f"C{13 + i} A rather long industry name": [2.0 + i / 10] * 20
        for i in range(8)
    }
    fig = industry_radar_figure(
        averages, names, "各行业平均成熟度等级" if lang == "zh" else "Average level by industry"
    )
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    labels = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    others = [fig._suptitle.get_window_extent(renderer)]  # type: ignore[union-attr]
    others += [t.get_window_extent(renderer) for t in fig.legends[0].get_texts()]
    touching = [names[i] for i, box in enumerate(labels) if any(box.overlaps(o) for o in others)]
    assert touching == []
    assert not any(a.overlaps(b) for a, b in itertools.combinations(labels, 2))
