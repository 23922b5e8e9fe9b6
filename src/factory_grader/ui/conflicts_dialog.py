"""Open conflicts of the open assessment: both values, who saved the stored one and when, and
the choice of the final value (keep the stored one, use the one that was not saved, or enter
another)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.answer_values import (
    AnswerValue,
    ConditionValue,
    ItemKind,
    RequirementValue,
    split_item,
)
from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.records import Conflict
from factory_grader.ui.conflict_value_dialog import ConflictValueDialog
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.words import answer_words

if TYPE_CHECKING:
    from factory_grader.storage.assessment_store import AnswerSheet


class ConflictsDialog(QDialog):
    def __init__(self, ctx: AppContext, controller: Controller, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.controller = ctx, controller
        self.conflicts: list[Conflict] = []
        self.setWindowTitle(self.tr("Open conflicts"))
        self.explain = QLabel(
            self.tr(
                "Someone else changed these answers after you had loaded them, so your value was not saved. Choose the final value of each; an assessment with open conflicts cannot be finalised."
            )
        )
        self.explain.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Answer"),
                self.tr("Value not saved (by, at)"),
                self.tr("Stored value"),
                self.tr("Stored by, at"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.use_mine = QPushButton(self.tr("Use the value &not saved"))
        self.keep_stored = QPushButton(self.tr("&Keep the stored value"))
        self.enter_other = QPushButton(self.tr("&Enter another value…"))
        self.use_mine.clicked.connect(lambda: self._resolve(use_mine=True))
        self.keep_stored.clicked.connect(lambda: self._resolve(use_mine=False))
        self.enter_other.clicked.connect(self._enter_other)
        row = QHBoxLayout()
        row.addWidget(self.use_mine)
        row.addWidget(self.keep_stored)
        row.addWidget(self.enter_other)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(900, 420)
        self.load()

    def load(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        aid = session.assessment_id
        self.ctx.background.read(
            lambda: (service.conflicts(aid), service.sheet(aid)), self._show, self._failed
        )

    def _show(self, loaded: tuple[list[Conflict], AnswerSheet]) -> None:
        conflicts, sheet = loaded
        self.conflicts = list(conflicts)
        self.table.setRowCount(len(self.conflicts))
        tables: dict[ItemKind, dict[str, Any]] = {
            ItemKind.REQUIREMENT: sheet.requirements,
            ItemKind.SCENARIO: sheet.scenarios,
            ItemKind.CONDITION: sheet.conditions,
        }
        self.stored_values: list[AnswerValue] = []
        for r, c in enumerate(self.conflicts):
            kind, key = split_item(c.item)
            stored = tables[kind].get(key)  # the value stored now, and who stored it
            when = stored.at.astimezone().strftime("%Y-%m-%d %H:%M") if stored and stored.at else ""
            now = _as_value(stored.value) if stored else c.theirs
            self.stored_values.append(now)
            cells = [
                self._item_name(c.item),
                f"{answer_words(c.yours, self.ctx.lang)} · {c.by} "
                f"{c.at.astimezone().strftime('%Y-%m-%d %H:%M') if c.at else ''}",
                answer_words(now, self.ctx.lang),
                f"{stored.by} · {when}" if stored else "",
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(c.item if col == 0 else text)
                self.table.setItem(r, col, cell)
        for col in (1, 2, 3):  # wide enough for the header, not wider than a short answer
            self.table.resizeColumnToContents(col)
            width = self.table.horizontalHeader().sectionSizeHint(col)
            self.table.setColumnWidth(col, min(max(width, self.table.columnWidth(col) // 2), 260))
        self.table.resizeRowsToContents()
        if self.conflicts:
            self.table.selectRow(0)
        editable = self.ctx.session is not None and self.ctx.session.editable
        for b in (self.use_mine, self.keep_stored, self.enter_other):
            b.setEnabled(bool(self.conflicts) and editable)

    def _item_name(self, item: str) -> str:
        kind, _, key = item.partition(":")
        lib = self.ctx.library
        if lib is None or self.ctx.session is None:
            return item
        answers = self.ctx.session.answers
        if kind == "requirement" and (req := lib.form_for(answers).requirement(key)):
            return f"[{key}] {self.ctx.text(req.text)}"
        rules = lib.rules_for(answers)
        if kind == "condition" and key in {c.id for c in rules.conditions}:
            return self.ctx.text(rules.condition(key).text)
        if kind == "scenario":
            catalogue = lib.catalogue_for(answers)
            found = next((s for s in catalogue.scenarios if s.id == key), None)
            return self.ctx.text(found.name) if found else item
        return item

    def _enter_other(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.conflicts)):
            return
        dialog = ConflictValueDialog(self.stored_values[row], self.ctx.lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._resolve(use_mine=True, value=dialog.value())

    def _resolve(self, use_mine: bool, value: AnswerValue | None = None) -> None:
        """use_mine: store the value not saved (or the value entered); else keep the stored."""
        session, service = self.ctx.session, self.ctx.service
        row = self.table.currentRow()
        if session is None or service is None or not (0 <= row < len(self.conflicts)):
            return
        conflict = self.conflicts[row]
        if use_mine:
            key = split_item(conflict.item)[1]
            save = _edit_for(session, key, value if value is not None else conflict.yours)
            self.ctx.events.answers_changed.emit()

            def both() -> None:
                save()  # may conflict again: then a new conflict is kept, nothing is lost
                service.resolve_conflict(conflict.id)

            self.controller.persist(both, lambda _: self._done())
        else:
            self.ctx.background.write(
                lambda: service.resolve_conflict(conflict.id), lambda _: self._done(), self._failed
            )

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Open conflicts"), str(exc))

    def _done(self) -> None:
        self.ctx.events.assessment_opened.emit()
        self.ctx.events.conflicts_changed.emit()
        self.load()


def _as_value(stored: Any) -> AnswerValue:
    """The value an answer sheet holds — (grade, note), a ScenarioAnswer, True/False/None — as
    an answer value."""
    if isinstance(stored, tuple):
        grade, note = stored
        return RequirementValue(grade, note)
    if isinstance(stored, ScenarioAnswer):
        return stored
    return ConditionValue(stored)


def _edit_for(session: Any, key: str, value: AnswerValue) -> Any:
    """The session's edit that puts the chosen value in place (an edit like any other)."""
    if isinstance(value, RequirementValue):
        return session.set_requirement(key, value.grade, value.note)
    if isinstance(value, ScenarioAnswer):
        return session.set_scenario(key, value)
    return session.set_condition(key, value.holds)
