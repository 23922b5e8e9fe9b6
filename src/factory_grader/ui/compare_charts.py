"""The comparison's four charts on screen, each with a button to save it as PNG."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from factory_grader.charts import summary as charts
from factory_grader.charts.fonts import use_cjk_fonts
from factory_grader.domain.comparison import Entry
from factory_grader.forms.reference import shared_profile_lists
from factory_grader.scoring import summary_stats as stats
from factory_grader.ui.context import AppContext
from factory_grader.ui.resources import resources_root
from factory_grader.wording import NO_TIER


class CompareCharts(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        use_cjk_fonts(resources_root() / "fonts" / "wqy-microhei.ttc")
        self.entries: list[Entry] = []
        self.figures: list[Figure] = []
        self.grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self.save_buttons: list[QPushButton] = []

    def update_entries(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._draw()

    def retranslate(self) -> None:
        self._draw()

    def _builders(self) -> list[tuple[str, Callable[[], Figure]]]:
        lib = self.ctx.library
        assert lib is not None
        rules = lib.rules(lib.default_rules_id)
        form = lib.maturity(rules.form_id)
        tiers = {
            "": NO_TIER.get(self.ctx.lang),
            **{t.id: self.ctx.text(t.name) for t in rules.tiers},
        }
        levels = {b.level: self.ctx.text(b.name) for b in form.bands}
        factories = self.tr("Factories")
        e = self.entries
        lists = shared_profile_lists()

        def named(table: dict[str, Any], find: Callable[[str], Any]) -> dict[str, Any]:
            # grouped by code; each named in the UI's language (free text as typed)
            return {
                (self.ctx.text(item.name) if (item := find(key)) is not None else key): value
                for key, value in table.items()
            }

        return [
            (
                "tiers-by-city",
                lambda: charts.tiers_by_city_figure(
                    named(stats.tiers_by_city(e), lists.city),
                    tiers,
                    self.tr("Tiers by city"),
                    factories,
                ),
            ),
            (
                "levels",
                lambda: charts.level_distribution_figure(
                    stats.level_distribution(e), levels, self.tr("Maturity levels"), factories
                ),
            ),
            (
                "industry-radar",
                lambda: charts.industry_radar_figure(
                    named(stats.subdomain_levels_by_industry(e), lists.industry),
                    [self.ctx.text(s.name) for s in form.subdomains],
                    self.tr("Average level reached, by industry"),
                ),
            ),
            (
                "score-vs-scenarios",
                lambda: charts.score_scatter_figure(
                    stats.score_vs_scenarios(e),
                    self.tr("Score S against scenarios built"),
                    self.tr("Scenarios built"),
                    "S",
                ),
            ),
        ]

    def _draw(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.figures = []
        self.save_buttons = []
        for i, (name, build) in enumerate(self._builders()):
            figure = build()
            self.figures.append(figure)
            canvas = FigureCanvasQTAgg(figure)
            canvas.setMinimumSize(480, 380)
            button = QPushButton(self.tr("Save as PNG…"))
            button.clicked.connect(lambda _=False, f=figure, n=name: self.save(f, n))
            self.save_buttons.append(button)
            row, col = divmod(i, 2)
            self.grid.addWidget(canvas, row * 2, col)
            self.grid.addWidget(button, row * 2 + 1, col)

    def save(self, figure: Figure, name: str, target: Path | None = None) -> Path | None:
        if target is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save chart"),
                str(Path.home() / f"{name}.png"),
                self.tr("PNG images (*.png)"),
            )
            if not path:
                return None
            target = Path(path if path.lower().endswith(".png") else f"{path}.png")
        figure.savefig(target, dpi=150)
        return target
