"""Start: the factories and their assessments; new, open, new revision, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.ui.context import AppContext
from factory_grader.ui.pages.base import Page

COLUMNS = 7


class StartPage(Page):
    open_requested = Signal(int)
    new_requested = Signal()
    example_requested = Signal()
    import_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[dict[str, Any]] = []
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self._open())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()

        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.example_button = QPushButton()
        self.example_button.clicked.connect(self.example_requested)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_requested)
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.revision_button = QPushButton()
        self.revision_button.clicked.connect(self._new_revision)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)

        buttons = QHBoxLayout()
        for b in (
            self.open_button,
            self.new_button,
            self.example_button,
            self.import_button,
            self.revision_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.filler = QWidget()  # takes the table's room while there is no table to show
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.filler)
        self.retranslate()
        self._update_buttons()
        ctx.events.assessments_changed.connect(self.when_visible(self.reload))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Factories and assessments"))
        self.search.setPlaceholderText(self.tr("Search by factory name or credit code"))
        self.search.setAccessibleName(self.tr("Search assessments"))
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Factory"),
                self.tr("Credit code"),
                self.tr("Status"),
                self.tr("Revision"),
                self.tr("Last change"),
                self.tr("Level"),
                self.tr("Tier"),
            ]
        )
        self.empty.setText(
            self.tr(
                "No assessment yet. Load the example factory to look around, or start a new one."
            )
        )
        self.new_button.setText(self.tr("&New assessment…"))
        self.example_button.setText(self.tr("Load the &example factory"))
        self.import_button.setText(self.tr("&Import answers file or workbook…"))
        self.open_button.setText(self.tr("&Open"))
        self.revision_button.setText(self.tr("Duplicate as new &revision"))
        self.delete_button.setText(self.tr("&Delete…"))
        self._fill()

    # --- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        service = self.ctx.service
        if service is None:
            return
        self.status.setText(self.tr("Loading…"))

        def load() -> list[dict[str, Any]]:
            from factory_grader.services.scoring_service import score_answers

            rows = []
            for summary in service.list_assessments():
                result = score_answers(service.library, service.answers(summary.id))
                rows.append({"summary": summary, "result": result})
            return rows

        self.ctx.background.run(load, self._loaded, self._failed)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.status.setText("")
        self._fill()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def _fill(self) -> None:
        lib = self.ctx.library
        self.table.setRowCount(0)
        self.empty.setVisible(not self.rows and self.ctx.service is not None)
        self.table.setVisible(bool(self.rows))
        self.filler.setVisible(not self.rows)
        for row in self.rows:
            s, result = row["summary"], row["result"]
            rules = lib.rules(s.rules_id) if lib else None
            form = lib.maturity(s.form_id) if lib else None
            tier = result.tier.tier
            tier_name = self.ctx.text(rules.tier(tier).name) if rules and tier else self.tr("none")
            level = self.ctx.text(form.band_for_level(result.maturity.level).name) if form else ""
            status = self.tr("final") if s.status.value == "final" else self.tr("draft")
            values = [
                s.factory_name,
                s.credit_code or "",
                status,
                str(s.revision),
                s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                level,
                tier_name,
            ]
            r = self.table.rowCount()
            self.table.insertRow(r)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._filter(self.search.text())
        self._update_buttons()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for r in range(self.table.rowCount()):
            hay = " ".join(self.table.item(r, c).text() for c in (0, 1)).casefold()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    def selected(self) -> dict[str, Any] | None:
        items = self.table.selectedItems()
        if not items:
            return None
        aid = items[0].data(Qt.ItemDataRole.UserRole)
        return next((row for row in self.rows if row["summary"].id == aid), None)

    def _update_buttons(self) -> None:
        row = self.selected()
        ready = self.ctx.service is not None
        for b in (self.new_button, self.example_button, self.import_button):
            b.setEnabled(ready)
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.revision_button.setEnabled(row is not None)

    # --- actions ------------------------------------------------------------------------------

    def _open(self) -> None:
        row = self.selected()
        if row:
            self.open_requested.emit(row["summary"].id)

    def _new_revision(self) -> None:
        row, service = self.selected(), self.ctx.service
        if not row or service is None:
            return
        aid = row["summary"].id
        self.ctx.background.run(
            lambda: service.new_revision(aid),
            lambda new: (
                self.ctx.events.assessments_changed.emit(),
                self.open_requested.emit(new.id),
            ),
            self._failed,
        )

    def _delete(self) -> None:
        row, service = self.selected(), self.ctx.service
        if not row or service is None:
            return
        from PySide6.QtWidgets import QMessageBox  # loaded when needed: start-up time

        s = row["summary"]
        answer = QMessageBox.warning(
            self,
            self.tr("Delete assessment"),
            self.tr(
                "Delete revision {rev} of the assessment of {name}? Its answers and evidence list are removed; this cannot be undone."
            ).format(rev=s.revision, name=s.factory_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.background.run(
            lambda: service.delete(s.id),
            lambda _: self.ctx.events.assessments_changed.emit(),
            self._failed,
        )
