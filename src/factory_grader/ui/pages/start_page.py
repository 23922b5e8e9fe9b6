"""Start: the factories and their assessments; new, open, new revision, delete.

The list appears at once from the verdicts stored with each assessment (services.verdicts);
rows without one say so and are scored in the background, a few at a time on the app's single
worker (so saves are never held up for long), each row filled in as its verdict arrives.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.records import AssessmentStatus
from factory_grader.ui.context import AppContext
from factory_grader.ui.pages.base import Page
from factory_grader.ui.start_model import ID_ROLE, StartFilter, StartRow, StartTableModel

if TYPE_CHECKING:
    from factory_grader.domain.records import AssessmentSummary, Verdict
    from factory_grader.services.verdicts import ListedAssessment

# Assessments scored per background job: about a tenth of a second, so a save queued meanwhile
# waits no longer than that.
BATCH = 25
LEVEL, TIER = 5, 6


class StartPage(Page):
    open_requested = Signal(int)
    new_requested = Signal()
    example_requested = Signal()
    import_requested = Signal()
    #: a listing has been shown (or failed): what waits for the first screen can follow
    listed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = StartTableModel(self)
        self.model.tooltip = self._tooltip
        self.proxy = StartFilter(self)
        self.proxy.setSourceModel(self.model)
        self._generation = 0  # one per listing: a verdict found for an older one is dropped
        self._pending: list[int] = []  # ids still to score, in the order the user sees them
        self._scoring = False
        self._loading = False
        self._again = False  # asked to list again while a listing was being read
        self._listed = False  # "no assessment yet" only once a listing said so
        self._early = False  # the rows read before the database was open for work
        self._sized = False
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as listed until a click
        header.setSortIndicatorClearable(True)  # a third click goes back to that order
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _: self._open())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
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
        self.compare_revisions_button = QPushButton()  # 修订对比: a series with 2+ revisions
        self.compare_revisions_button.clicked.connect(self._compare_revisions)

        # Two rows: what acts on the selected assessment, and what makes a new one (in one
        # row they made the page wider than a 150 % screen leaves it, in English)
        selected = QHBoxLayout()
        for b in (self.open_button, self.revision_button, self.compare_revisions_button):
            selected.addWidget(b)
        selected.addStretch(1)
        selected.addWidget(self.delete_button)
        making = QHBoxLayout()
        for b in (self.new_button, self.example_button, self.import_button):
            making.addWidget(b)
        making.addStretch(1)
        buttons = QVBoxLayout()
        buttons.addLayout(making)  # first: with nothing listed yet, the way in
        buttons.addLayout(selected)
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
        # a verdict changes with the answers: listed again when next shown (after the saves)
        ctx.events.answers_changed.connect(self.when_visible(self.reload))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Factories and assessments"))
        self.search.setPlaceholderText(self.tr("Search by factory name or credit code"))
        self.search.setAccessibleName(self.tr("Search assessments"))
        self.table.setAccessibleName(self.tr("Assessments"))
        final, draft = self.tr("final"), self.tr("draft")
        self.model.set_columns(
            [
                (
                    self.tr("Factory"),
                    lambda r: r.summary.factory_name,
                    lambda r: r.summary.factory_name,
                ),
                (
                    self.tr("Credit code"),
                    lambda r: r.summary.credit_code or "",
                    lambda r: r.summary.credit_code or None,
                ),
                (
                    self.tr("Status"),
                    lambda r: final if r.summary.status is AssessmentStatus.FINAL else draft,
                    lambda r: r.summary.status.value,
                ),
                (
                    self.tr("Revision"),
                    lambda r: str(r.summary.revision),
                    lambda r: r.summary.revision,
                ),
                (
                    self.tr("Last change"),
                    lambda r: r.summary.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    lambda r: r.summary.updated_at,
                ),
                (
                    self.tr("Level"),
                    self._level_text,
                    lambda r: r.verdict.level if r.verdict else None,
                ),
                (self.tr("Tier"), self._tier_text, self._tier_rank),
            ],
            (LEVEL, TIER),
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
        self.compare_revisions_button.setText(self.tr("Compare re&visions…"))
        self._sized = False  # other words, other widths: the columns fit the new language
        self._fill()
        self._show_status()

    # --- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """List the stored assessments with their stored verdicts (no rescoring), then score
        the rest in the background."""
        service = self.ctx.service
        if service is None:
            return
        if self._loading:  # one listing at a time (a slow one must not take every reader)
            self._again = True
            return
        self._generation += 1
        self._pending = []
        self._loading, self._again, self._early = True, False, False
        self._show_status()
        generation = self._generation

        def load() -> list[ListedAssessment]:
            from factory_grader.services.verdicts import list_with_verdicts

            return list_with_verdicts(service)

        self.ctx.background.read(load, lambda rows: self._loaded(generation, rows), self._failed)

    def show_early(self, listed: list[ListedAssessment]) -> None:
        """The rows read before the database is open for work (services.verdicts.early_list):
        shown at once; nothing is scored or changed until it is open (service_ready)."""
        if self._listed:  # (a listing through the open database came first)
            return
        self._listed = self._early = True
        self.model.replace_all(StartRow(x.summary, x.verdict) for x in listed)
        self._fill()
        self._show_status()

    def service_ready(self) -> None:
        """The database is open for work. Rows read early stand (the same query, moments ago,
        on a database at this schema): the verdicts still missing are scored now, and the rest
        of the window follows. Without them: listed now."""
        if not self._early:
            self.reload()
            return
        self._early = False
        try:
            self._pending = self._in_view_order(self.model.pending())
            self._score_next()
            self._update_buttons()
        finally:
            self.listed.emit()  # the rest of the window follows, whatever happened here

    def forget_early(self) -> None:
        """The database could not be opened: rows read early are not shown as if it could."""
        self.model.replace_all([])
        self._listed = self._early = False
        self._show_status()
        self._fill()

    def _loaded(self, generation: int, listed: list[ListedAssessment]) -> None:
        self._loading = False
        if generation != self._generation:
            return  # stopped meanwhile
        if self._again:  # something changed while this was read: list again, show that
            self.reload()
        self._listed = True
        try:
            keep = self.selected()
            self.model.replace_all(StartRow(x.summary, x.verdict) for x in listed)
            self._fill()
            if keep is not None:
                self.select(keep.id)
            self._pending = self._in_view_order(self.model.pending())
            self._score_next()
        finally:
            self.listed.emit()  # the rest of the window follows, whatever happened here

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if self._again:
            self.reload()
            return
        from factory_grader.ui.error_words import error_words

        self.status.setText(error_words(exc, self.ctx.lang).replace("\n\n", " "))
        self.listed.emit()

    def _in_view_order(self, ids: list[int]) -> list[int]:
        """From the first row on screen down, then the rows above it, then those filtered out."""
        top = max(self.table.rowAt(0), 0)

        def place(ident: int) -> tuple[int, int]:
            row = self.model.row_of(ident)
            shown = -1 if row is None else self.proxy.mapFromSource(self.model.index(row, 0)).row()
            if shown < 0:
                return (2, 0)
            return (0, shown) if shown >= top else (1, shown)

        return sorted(ids, key=place)

    def stop(self) -> None:
        """Score nothing more (the window closes, or its data is moved or restored): a batch
        already waiting to run does nothing."""
        self._generation += 1
        self._pending = []

    def _score_next(self) -> None:
        service = self.ctx.service
        if self._scoring or service is None or not self._pending:
            self._show_status()
            return
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        self._scoring = True
        self._show_status()
        generation = self._generation

        def work() -> dict[int, Verdict | Exception]:
            if generation != self._generation:
                return {}  # stopped (the window closes, the data moves) or listed again
            from factory_grader.services.verdicts import rescore

            return rescore(service, batch)

        def failed(exc: BaseException) -> None:  # the database failed: said in each row
            self._scored(generation, dict.fromkeys(batch, exc))

        # a read: the verdicts it writes back are a cache, stored only if the answers have not
        # changed meanwhile (services/verdicts.py), so it neither waits for nor shows as saving
        self.ctx.background.read(work, lambda found: self._scored(generation, found), failed)

    def _scored(self, generation: int, found: Mapping[int, Verdict | BaseException]) -> None:
        self._scoring = False
        if generation == self._generation:  # else listed again since, with what was stored
            self.model.set_verdicts(found)
        self._score_next()

    def _show_status(self) -> None:
        if self._loading:
            self.status.setText(self.tr("Loading…"))
        elif self._scoring or self._pending:
            left = len(self.model.pending())  # (the batch being scored included)
            self.status.setText(self.tr("Scoring {n} assessment(s)…").format(n=left))
        elif self._early:
            self.status.setText(self.tr("Opening the database…"))
        else:
            self.status.setText("")

    def _fill(self) -> None:
        rows = self.model.rowCount() > 0
        self.empty.setVisible(not rows and self._listed)
        self.table.setVisible(rows)
        self.filler.setVisible(not rows)
        header = self.table.horizontalHeader()
        if rows and not self._sized:  # once: later listings keep the user's widths
            self._sized = True
            header.setResizeContentsPrecision(50)  # (sampled: 15 ms)
            self.table.resizeColumnsToContents()
        if header.count():  # (after each reset: the header forgets a section's mode)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    # --- what the cells say ---------------------------------------------------------------------

    def _level_text(self, row: StartRow) -> str:
        if row.verdict is None:
            return self._unknown(row)
        lib = self.ctx.library
        try:
            form = lib.maturity(row.summary.form_id) if lib else None
        except Exception:  # a form this app does not have: the level as a number
            form = None
        if form is None:
            return str(row.verdict.level)
        return self.ctx.text(form.band_for_level(row.verdict.level).name)

    def _tier_text(self, row: StartRow) -> str:
        if row.verdict is None:
            return self._unknown(row)
        tier, lib = row.verdict.tier, self.ctx.library
        if tier is None:
            return self.tr("none")
        try:
            return self.ctx.text(lib.rules(row.summary.rules_id).tier(tier).name) if lib else tier
        except Exception:  # a rule set this app does not have: the tier's id
            return tier

    def _tier_rank(self, row: StartRow) -> int | None:
        if row.verdict is None:
            return None
        if row.verdict.tier is None:
            return 0
        try:
            lib = self.ctx.library
            return lib.rules(row.summary.rules_id).tier(row.verdict.tier).rank if lib else None
        except Exception:
            return None

    def _unknown(self, row: StartRow) -> str:
        return self.tr("cannot score") if row.problem else self.tr("scoring…")

    def _tooltip(self, row: StartRow) -> str | None:
        if row.problem:
            return self.tr("This assessment could not be scored: {problem}").format(
                problem=row.problem
            )
        if row.verdict is None:
            return self.tr("Being scored in the background")
        return None

    def selected(self) -> AssessmentSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_of(rows[0].data(ID_ROLE))
        return self.model.rows[row].summary if row is not None else None

    def select(self, assessment_id: int) -> None:
        row = self.model.row_of(assessment_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().select(index, flags)
            self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        row = self.selected()
        ready = self.ctx.service is not None
        for b in (self.new_button, self.example_button, self.import_button):
            b.setEnabled(ready)
        self.open_button.setEnabled(row is not None)  # (before the open: opened after it)
        self.delete_button.setEnabled(ready and row is not None)
        self.revision_button.setEnabled(ready and row is not None)
        self.compare_revisions_button.setEnabled(
            ready and row is not None and len(self._series(row)) > 1
        )

    def _series(self, row: AssessmentSummary) -> list[AssessmentSummary]:
        """Every listed revision of the selected one's assessment."""
        return [r.summary for r in self.model.rows if r.summary.series_id == row.series_id]

    # --- actions ------------------------------------------------------------------------------

    def _compare_revisions(self) -> None:
        row = self.selected()
        if row is None:
            return
        from factory_grader.ui.revision_dialog import RevisionDialog

        dialog = RevisionDialog(self.ctx, self._series(row), self)
        dialog.exec()
        dialog.deleteLater()  # (one each time it is opened, not kept)

    def _open(self) -> None:
        row = self.selected()
        if row:
            self.open_requested.emit(row.id)

    def _new_revision(self) -> None:
        row, service = self.selected(), self.ctx.service
        if not row or service is None:
            return
        aid = row.id

        def made(new: AssessmentSummary) -> None:
            self.ctx.events.assessments_changed.emit()
            self.open_requested.emit(new.id)

        self.ctx.background.write(lambda: service.new_revision(aid), made, self._failed)

    def _delete(self) -> None:
        row, service = self.selected(), self.ctx.service
        if not row or service is None:
            return
        from PySide6.QtWidgets import QMessageBox  # loaded when needed: start-up time

        s = row
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
