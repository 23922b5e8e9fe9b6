"""The workshop's participants: name, department, role and the sub-domains each is asked about
(empty: every requirement); typed in, or read from a CSV file (services/participants_file.py).
Saved on OK; removing someone who has returned grades asks first (their grades go too)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.errors import InputError
from factory_grader.ui.context import AppContext
from factory_grader.ui.error_words import error_text

if TYPE_CHECKING:
    from factory_grader.domain.workshop import NewParticipant, Participant

COLUMNS = 4


class ParticipantsDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        assessment_id: int,
        people: list[Participant],
        parent: QWidget | None = None,
    ) -> None:
        """people: as the workshop page loaded them (nothing is read on the GUI thread)."""
        super().__init__(parent)
        from factory_grader.services.workshop import WorkshopService

        assert ctx.service is not None
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.workshop = WorkshopService(ctx.service)
        self.people = people
        self.removed: list[int] = []
        self.saving = False
        self.setWindowTitle(self.tr("Participants"))
        self.hint = QLabel(
            self.tr(
                "Sub-domains: the sub-domains, domains or elements this person is asked about, separated by 、 or ; (empty: every requirement)."
            )
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Department"), self.tr("Role"), self.tr("Sub-domains")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Participants"))
        for p in self.people:
            self._add_row(p.name, p.department, p.role, self._subdomain_text(p), p.id)
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(lambda: self._add_row("", "", "", "", None, edit=True))
        remove = QPushButton(self.tr("&Remove selected"))
        remove.clicked.connect(self.remove_selected)
        load = QPushButton(self.tr("Read a &CSV file…"))
        load.clicked.connect(self.read_csv)
        self.suggest_button = QPushButton(self.tr("Sub-domains from the &department"))
        self.suggest_button.setToolTip(
            self.tr(
                "Fill the empty sub-domain cells from each department's name (生产部 → 生产's sub-domains)"
            )
        )
        self.suggest_button.clicked.connect(self.suggest)
        row = QHBoxLayout()
        for b in (add, remove, load, self.suggest_button):
            row.addWidget(b)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _subdomain_text(self, p: Participant) -> str:
        if p.subdomains is None or self.ctx.library is None or self.ctx.session is None:
            return ""
        form = self.ctx.library.form_for(self.ctx.session.answers)
        names = {s.id: self.ctx.text(s.name) for s in form.subdomains}
        return "、".join(names.get(s, s) for s in p.subdomains)

    def _add_row(
        self, name: str, dept: str, role: str, subs: str, pid: int | None, edit: bool = False
    ) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, value in enumerate((name, dept, role, subs)):
            cell = QTableWidgetItem(value)
            if c == 0:
                cell.setData(Qt.ItemDataRole.UserRole, pid)  # the stored participant, None: new
                if pid is not None:  # a stored name stays (their returned grades are by it)
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, c, cell)
        if edit:
            self.table.setCurrentCell(r, 0)
            self.table.editItem(self._cell(r, 0))

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """A cell's item, made if the row has none there yet (a row being typed)."""
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(row, column, item)
        return item

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        stored = [self._cell(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]
        returned = [p.name for p in self.people if p.id in stored and p.returned_at is not None]
        if returned:
            answer = QMessageBox.question(
                self,
                self.tr("Remove participants?"),
                self.tr(
                    "{names} returned grades. Removing them removes their grades too. Remove?"
                ).format(names="、".join(returned)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        for r in rows:
            self.table.removeRow(r)
        self.removed += [p for p in stored if p is not None]

    def suggest(self) -> None:
        """Each empty sub-domain cell from the department's name, where it names one."""
        from factory_grader.services.participants_file import suggested_subdomains

        if self.ctx.library is None or self.ctx.session is None:
            return
        form = self.ctx.library.form_for(self.ctx.session.answers)
        names = {s.id: self.ctx.text(s.name) for s in form.subdomains}
        for r in range(self.table.rowCount()):
            if self._cell(r, 3).text().strip():
                continue  # what someone chose stays
            found = suggested_subdomains(self._cell(r, 1).text(), form)
            if found:
                self._cell(r, 3).setText("、".join(names[s] for s in found))

    def read_csv(self) -> None:
        from factory_grader.services.participants_file import read_participants_csv

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Participants list"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        if not path or self.ctx.library is None or self.ctx.session is None:
            return
        form = self.ctx.library.form_for(self.ctx.session.answers)
        try:
            people = read_participants_csv(Path(path), form)
        except InputError as exc:
            QMessageBox.warning(self, self.tr("Participants list"), error_text(exc, self.ctx.lang))
            return
        names = {s.id: self.ctx.text(s.name) for s in form.subdomains}
        have = {self._cell(r, 0).text(): r for r in range(self.table.rowCount())}
        for p in people:
            subs = "、".join(names[s] for s in p.subdomains) if p.subdomains is not None else ""
            if p.name in have:
                r = have[p.name]
                for c, value in ((1, p.department), (2, p.role), (3, subs)):
                    self._cell(r, c).setText(value)
            else:
                self._add_row(p.name, p.department, p.role, subs, None)

    def rows(self) -> list[NewParticipant]:
        """The table as participants; a problem names the row (raised as WorkshopError)."""
        from factory_grader.domain.workshop import FIELD_LIMIT, NewParticipant, WorkshopError
        from factory_grader.services.participants_file import subdomains_from_text

        assert self.ctx.library is not None and self.ctx.session is not None
        form = self.ctx.library.form_for(self.ctx.session.answers)
        out: list[NewParticipant] = []
        seen: set[str] = set()
        for r in range(self.table.rowCount()):
            name, dept, role, subs = (
                " ".join(self._cell(r, c).text().split()) for c in range(COLUMNS)
            )
            if not name and not dept and not role and not subs:
                continue
            if not name or name in seen or max(len(name), len(dept), len(role)) > FIELD_LIMIT:
                raise WorkshopError(
                    f"row {r + 1}: a name is needed, once, of at most {FIELD_LIMIT} characters",
                    f"第 {r + 1} 行：需要姓名，不能重复，最多 {FIELD_LIMIT} 个字",
                )
            seen.add(name)
            out.append(NewParticipant(name, dept, role, subdomains_from_text(subs, form, name)))
        return out

    def save(self) -> None:
        """All or nothing, on the writer thread; the dialog closes once it is stored and stays
        open (nothing changed) when it cannot be."""
        try:
            people = self.rows()
        except InputError as exc:
            self._failed(exc)
            return
        workshop, aid, removed = self.workshop, self.assessment_id, tuple(self.removed)
        self.setEnabled(False)
        self.saving = True
        self.ctx.background.write(
            lambda: workshop.replace_participants(aid, people, removed),
            lambda _: self.accept(),
            self._failed,
        )

    def reject(self) -> None:
        if not self.saving:  # (while it is being stored, it closes when stored)
            super().reject()

    def accept(self) -> None:
        self.saving = False
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.setEnabled(True)
        QMessageBox.warning(self, self.tr("Participants"), error_text(exc, self.ctx.lang))
