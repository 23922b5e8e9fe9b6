"""The radar chart on screen: the charts/ Figure in a Qt canvas (matplotlib loads on first use),
with its legend as a line of text under it (the chart keeps its room for the spokes' labels)."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from factory_grader.charts.fonts import use_cjk_fonts
from factory_grader.charts.radar import (
    ACHIEVED_STYLE,
    PROJECTED_STYLE,
    REQUIRED_STYLE,
    radar_figure,
)
from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult
from factory_grader.scoring.subdomain_level import achieved_level
from factory_grader.ui.context import AppContext
from factory_grader.ui.resources import resources_root

#: Below this the English spokes' labels would touch (tests/ui/test_radar_labels.py).
MINIMUM_SIDE = 440


class RadarView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        use_cjk_fonts(resources_root() / "fonts" / "wqy-microhei.ttc")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.layout_.addWidget(self.legend)
        self.setAccessibleName(self.tr("Radar chart of the 20 sub-domains"))

    def draw(
        self,
        result: AssessmentResult,
        answers: Answers,
        projected: AssessmentResult | None = None,
    ) -> None:
        """The levels reached; with projected, also those once the ticked steps are done."""
        lib = self.ctx.library
        assert lib is not None
        form, rules = lib.form_for(answers), lib.rules_for(answers)
        subs = form.subdomains
        achieved = [achieved_level(result.maturity.subdomain_scores[s.id]) for s in subs]
        ahead = (
            [achieved_level(projected.maturity.subdomain_scores[s.id]) for s in subs]
            if projected is not None
            else None
        )
        target = result.tier.next_tier or result.tier.tier
        required = rules.tier(target).min_level if target else None
        figure = radar_figure(
            [self.ctx.text(s.name) for s in subs], achieved, required, projected=ahead
        )
        canvas = FigureCanvasQTAgg(figure)
        canvas.setMinimumSize(MINIMUM_SIDE, MINIMUM_SIDE)
        if self.canvas is not None:
            self.layout_.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.layout_.insertWidget(0, canvas, 1)
        parts = [(ACHIEVED_STYLE, "━━", self.tr("Level reached"))]
        if ahead is not None:
            parts.append((PROJECTED_STYLE, "┅┅", self.tr("Once the ticked steps are done")))
        if required and result.tier.next_tier is None:  # the top tier: its own level
            parts.append((REQUIRED_STYLE, "╍╍", self.tr("Level the tier reached needs")))
        elif required:
            parts.append((REQUIRED_STYLE, "╍╍", self.tr("Level the next tier needs")))
        self.legend.setText(
            " &nbsp; ".join(
                f"<span style='color:{style['color']}'><b>{mark}</b></span> {text}"
                for style, mark, text in parts
            )
        )
