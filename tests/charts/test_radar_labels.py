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
