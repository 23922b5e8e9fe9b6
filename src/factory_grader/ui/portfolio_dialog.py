"""客户档案 (issue 16): every factory with its assessments over time — a table of T0, T1, …
with S, level and tier, the trend of S drawn, 修订对比 between any two of them, and opening one.
Loaded on the worker thread (verdicts no longer stored are computed once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.charts.fonts import use_cjk_fonts
from factory_grader.charts.trend import trend_figure
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.ui.context import AppContext
from factory_grader.ui.error_words import error_text
from factory_grader.ui.resources import resources_root
from factory_grader.wording import NO_TIER, level_name, short_level, tier_name

if TYPE_CHECKING:
    from factory_grader.services.portfolio import Client


class PortfolioDialog(QDialog):
    #: the user wants this assessment opened (the window opens it)
    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clients: list[Client] = []
        use_cjk_fonts(resources_root() / "fonts" / "wqy-microhei.ttc")
        self.setWindowTitle(self.tr("Clients and their assessments"))
        self.factories = QListWidget()
        self.factories.setAccessibleName(self.tr("Factories"))
        self.factories.setWordWrap(True)  # long company names wrap, never scroll sideways
        self.factories.currentRowChanged.connect(self._show_client)
        self.state = QLabel(self.tr("Loading…"))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Revision"), self.tr("Date"), "S", self.tr("Level"), self.tr("Tier")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Assessments over time"))
        self.chart_box = QVBoxLayout()
        self.canvas: FigureCanvasQTAgg | None = None
        self.compare_button = QPushButton(self.tr("What &changed between two…"))
        self.compare_button.clicked.connect(self._compare)
        self.open_button = QPushButton(self.tr("&Open the selected one"))
        self.open_button.clicked.connect(self._open)
        actions = QHBoxLayout()
        actions.addWidget(self.compare_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(self.chart_box, 1)
        right_layout.addLayout(actions)
        split = QSplitter()
        split.addWidget(self.factories)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 700])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        room = self.screen().availableGeometry()  # as large as is useful, never off the screen
        self.resize(min(1000, room.width() - 40), min(640, room.height() - 60))
        self._enable()
        self.load()

    def load(self) -> None:
        service = self.ctx.service
        if service is None:
            return
        from factory_grader.services.portfolio import clients

        self.ctx.background.read(lambda: clients(service), self._loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.state.setText(error_text(exc, self.ctx.lang))

    def _loaded(self, found: list[Client]) -> None:
        self.clients = found
        self.factories.clear()
        for c in found:
            item = QListWidgetItem(
                self.tr("{name} · {n} assessments").format(name=c.name, n=len(c.timeline))
            )
            self.factories.addItem(item)
        self.state.setText("" if found else self.tr("No assessments stored yet."))
        if found:
            self.factories.setCurrentRow(0)

    def client(self) -> Client | None:
        row = self.factories.currentRow()
        return self.clients[row] if 0 <= row < len(self.clients) else None

    def _tier(self, summary_rules: str, tier: str | None) -> str:
        lib = self.ctx.library
        if tier is None or lib is None:
            return self.ctx.text(NO_TIER)
        return tier_name(lib.rules(summary_rules), tier, self.ctx.lang)

    def _show_client(self) -> None:
        client, lib = self.client(), self.ctx.library
        self.table.setRowCount(0)
        self._enable()
        if client is None or lib is None:
            return
        tiers = []
        for n, (s, v) in enumerate(client.timeline):
            form = lib.maturity(s.form_id)
            tier = self._tier(s.rules_id, v.tier)
            tiers.append(tier)
            when = (s.finalised_at or s.updated_at).astimezone().strftime("%Y-%m-%d")
            status = self.tr("final") if s.finalised_at else self.tr("draft")
            values = (
                f"T{n}",
                self.tr("{id} · revision {rev} ({status})").format(
                    id=s.id, rev=s.revision, status=status
                ),
                when,
                format_hundredths(v.score_hundredths),
                level_name(form, v.level, self.ctx.lang),
                tier,
            )
            self.table.insertRow(n)
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, s.id)
                self.table.setItem(n, c, cell)
        self.table.selectRow(len(client.timeline) - 1)
        figure = trend_figure(
            [f"T{n}" for n in range(len(client.timeline))],
            [v.score_hundredths / 100 for _, v in client.timeline],
            [
                f"{short_level(v.level, self.ctx.lang)} · {tier}"
                for (_, v), tier in zip(client.timeline, tiers, strict=True)
            ],
        )
        canvas = FigureCanvasQTAgg(figure)
        canvas.setMinimumHeight(180)
        canvas.setAccessibleName(self.tr("Trend of S"))
        if self.canvas is not None:
            self.chart_box.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.chart_box.addWidget(canvas)
        self._enable()

    def _enable(self) -> None:
        client = self.client()
        self.compare_button.setEnabled(client is not None and len(client.timeline) > 1)
        self.open_button.setEnabled(client is not None)

    def _compare(self) -> None:
        client = self.client()
        if client is None:
            return
        from factory_grader.ui.revision_dialog import RevisionDialog

        dialog = RevisionDialog(self.ctx, [s for s, _ in client.timeline], self)
        dialog.exec()
        dialog.deleteLater()

    def _open(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()
