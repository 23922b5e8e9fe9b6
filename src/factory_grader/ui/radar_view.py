"""The radar chart on screen: the charts/ Figure in a Qt canvas (matplotlib loads on first use)."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from factory_grader.charts.fonts import use_cjk_fonts
from factory_grader.charts.radar import radar_figure
from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult
from factory_grader.scoring.subdomain_level import achieved_level
from factory_grader.ui.context import AppContext
from factory_grader.ui.resources import resources_root


class RadarView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        use_cjk_fonts(resources_root() / "fonts" / "wqy-microhei.ttc")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None
        self.setAccessibleName(self.tr("Radar chart of the 20 sub-domains"))
        self.setMinimumSize(360, 360)

    def draw(self, result: AssessmentResult, answers: Answers) -> None:
        lib = self.ctx.library
        assert lib is not None
        form, rules = lib.form_for(answers), lib.rules_for(answers)
        subs = form.subdomains
        achieved = [achieved_level(result.maturity.subdomain_scores[s.id]) for s in subs]
        target = result.tier.next_tier or result.tier.tier
        required = rules.tier(target).min_level if target else None
        figure = radar_figure(
            [self.ctx.text(s.name) for s in subs],
            achieved,
            required,
            self.tr("Level reached"),
            self.tr("Level the next tier needs"),
        )
        canvas = FigureCanvasQTAgg(figure)
        if self.canvas is not None:
            self.layout_.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.layout_.addWidget(canvas)
