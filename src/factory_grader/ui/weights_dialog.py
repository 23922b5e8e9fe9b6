"""The effective weight of every sub-domain in every level score, after 不适用 parts are left out
and the rest rescaled: what makes one 生产 sub-domain weigh 1/84 of a level."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.maturity_model import LEVELS, MaturityForm
from factory_grader.domain.results import MaturityResult
from factory_grader.scoring.rounding import format_weight
from factory_grader.ui.context import AppContext


class WeightsDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        form: MaturityForm,
        maturity: MaturityResult,
        weights_id: str | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weights of the sub-domains"))
        explain = QLabel(
            self.tr(
                "Each level score is the weighted mean of the domain scores at that level, and "
                "a domain's score is the mean of its sub-domains. Parts answered 'not "
                "applicable' are left out and the rest share their weight. With the default "
                "weights (every domain the same) a sub-domain of Production, one of its seven, "
                "weighs 1/84 of a level when all twelve domains count. Weights in use: {name}."
            ).format(name=ctx.text(form.weights_name(weights_id)))
            + " "
            + ctx.text(form.weights_note_for(weights_id))
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(len(form.subdomains), len(LEVELS))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Level {n}").format(n=level) for level in LEVELS]
        )
        self.table.setVerticalHeaderLabels([ctx.text(s.name) for s in form.subdomains])
        for row, sub in enumerate(form.subdomains):
            for col, value in enumerate(maturity.subdomain_weights[sub.id]):
                self.table.setItem(row, col, QTableWidgetItem(format_weight(value)))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Weights of the sub-domains"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)
