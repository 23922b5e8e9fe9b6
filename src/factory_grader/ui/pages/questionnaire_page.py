"""The questionnaire: element → domain → sub-domain tree with completion marks, and the chosen
sub-domain's requirements grouped by level. Every change is saved at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.maturity_model import Grade, MaturityForm, Requirement
from factory_grader.domain.records import RequirementNote
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.pages.base import Page, clear_layout
from factory_grader.ui.requirement_row import RequirementRow
from factory_grader.wording import requirement_number

SEARCH_LIMIT = 60
SEARCH_PAUSE_MS = 250  # typing pauses this long: the cards are rebuilt
ROLE_SUBDOMAIN = Qt.ItemDataRole.UserRole


class QuestionnairePage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.rows: list[RequirementRow] = []
        self.attachment_counts: dict[str, int] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(200)
        self.tree.setMaximumWidth(330)
        self.tree.currentItemChanged.connect(lambda item, _: self._show_item(item))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        # The cards are rebuilt once typing pauses, not at every key (a rebuild takes longer
        # than a keystroke: characters typed meanwhile were lost).
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(SEARCH_PAUSE_MS)
        self.search_pause.timeout.connect(lambda: self._show_item(self.tree.currentItem()))
        self.search.textChanged.connect(lambda _: self.search_pause.start())
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)  # Esc clears the search
        # 下一个未答: N, or the button, across sub-domains (not while typing: a text field
        # keeps its letters)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next_unanswered)
        jump = QShortcut(QKeySequence(Qt.Key.Key_N), self, self.next_unanswered)
        jump.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.progress = QProgressBar()
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        self.cards = QScrollArea()
        self.cards.setWidgetResizable(True)
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards.setWidget(self.list_widget)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.next_button)
        top.addWidget(self.progress, 1)
        right_layout.addLayout(top)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.cards, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        ctx.events.assessment_opened.connect(self.load)
        ctx.events.answers_changed.connect(self._update_marks)
        self.retranslate()

    @property
    def form(self) -> MaturityForm | None:
        session, lib = self.ctx.session, self.ctx.library
        return lib.form_for(session.answers) if session and lib else None

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search requirements (Ctrl+F)"))
        self.next_button.setText(self.tr("Next unanswered (N)"))
        self.search.setAccessibleName(self.tr("Search requirements"))
        self.tree.setAccessibleName(self.tr("Questionnaire sections"))
        self.progress.setAccessibleName(self.tr("Questionnaire completeness"))
        self.progress.setFormat(self.tr("%v of %m answered"))
        self.hint.setText(
            self.tr(
                "Keys: 1 fully met, 2 mostly, 3 partly, 4 not met, 5 not applicable; J/K or ↓/↑ move. Every change is saved at once."
            )
        )
        if self.form is not None:
            self.load()

    # --- building -----------------------------------------------------------------------------

    def load(self) -> None:
        form, session = self.form, self.ctx.session
        if form is None or session is None:
            return
        current = self._current_subdomain() or form.subdomains[0].id
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items: dict[str, QTreeWidgetItem] = {}
        for element in form.elements:
            el_item = QTreeWidgetItem([self.ctx.text(element.name)])
            self.tree.addTopLevelItem(el_item)
            self._items[f"el:{element.id}"] = el_item
            for domain in (d for d in form.domains if d.element_id == element.id):
                subs = [s for s in form.subdomains if s.domain_id == domain.id]
                parent = el_item
                if len(subs) > 1 or subs[0].name != domain.name:
                    parent = QTreeWidgetItem(el_item, [self.ctx.text(domain.name)])
                    self._items[f"dom:{domain.id}"] = parent
                for sub in subs:
                    item = QTreeWidgetItem(parent, [self.ctx.text(sub.name)])
                    item.setData(0, ROLE_SUBDOMAIN, sub.id)
                    self._items[sub.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._load_attachment_counts()
        self._update_marks()
        self.tree.setCurrentItem(self._items[current])
        self._show_item(self._items[current])

    def _load_attachment_counts(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        aid = session.assessment_id

        def count() -> dict[str, int]:
            counts: dict[str, int] = {}
            for a in service.attachments(aid):
                counts[a.requirement_id] = counts.get(a.requirement_id, 0) + 1
            return counts

        def loaded(counts: dict[str, int]) -> None:
            self.attachment_counts = counts
            self._refresh_rows()

        self.ctx.background.read(count, loaded, lambda exc: None)

    def _applicable(self, form: MaturityForm) -> list[Requirement]:
        session = self.ctx.session
        assert session is not None
        return [r for r in form.requirements if session.answers.industry_type in r.applies_to]

    def _update_marks(self) -> None:
        form, session = self.form, self.ctx.session
        if form is None or session is None or not hasattr(self, "_items"):
            return
        answers = session.answers
        done: dict[str, int] = {}
        total: dict[str, int] = {}
        for r in self._applicable(form):
            total[r.subdomain_id] = total.get(r.subdomain_id, 0) + 1
            done[r.subdomain_id] = done.get(r.subdomain_id, 0) + (answers.grade(r.id) is not None)
        for sub in form.subdomains:
            have, need = done.get(sub.id, 0), total.get(sub.id, 0)
            mark = "✓ " if need and have == need else ""
            label = f"{mark}{self.ctx.text(sub.name)}  ({have}/{need})"
            self._items[sub.id].setText(0, label)
            self._items[sub.id].setToolTip(0, label)  # the full text where a narrow tree elides it
        self.progress.setRange(0, sum(total.values()))
        self.progress.setValue(sum(done.values()))

    def _current_subdomain(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE_SUBDOMAIN) if item is not None else None

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        form, session = self.form, self.ctx.session
        if form is None or session is None:
            return
        needle = self.search.text().strip().casefold()
        if needle:
            shown = [
                r
                for r in self._applicable(form)
                if needle
                in f"{r.id} {r.text.zh} {r.text.en} {r.evidence.zh} {r.evidence.en}".casefold()
            ][:SEARCH_LIMIT]
            self.heading.setText(self.tr("Search: {n} requirement(s)").format(n=len(shown)))
        else:
            if item is None:
                return
            sub_id = item.data(0, ROLE_SUBDOMAIN)
            if sub_id is None:  # an element or domain: show its first sub-domain
                child = item.child(0)
                while child is not None and child.data(0, ROLE_SUBDOMAIN) is None:
                    child = child.child(0)
                if child is not None:
                    self.tree.setCurrentItem(child)
                return
            sub = form.subdomain(sub_id)
            self.heading.setText(self.ctx.text(sub.name))
            shown = [r for r in self._applicable(form) if r.subdomain_id == sub_id]
        self._build_rows(shown)
        if not needle:  # a sub-domain chosen: its first unanswered requirement in view
            QTimer.singleShot(0, self._show_first_unanswered)

    def _show_first_unanswered(self) -> None:
        session = self.ctx.session
        row = next(
            (
                r
                for r in self.rows
                if session is not None and session.answers.grade(r.requirement.id) is None
            ),
            None,
        )
        if row is not None:
            self.cards.ensureWidgetVisible(row)

    def _build_rows(self, requirements: list[Requirement]) -> None:
        for row in self.rows:
            row.hide()  # gives up focus now; deleted once control returns to the event loop
            row.deleteLater()
        self.rows = []
        clear_layout(self.list_layout)
        editable = self.ctx.session is not None and self.ctx.session.editable
        form = self.form
        assert form is not None
        level = None
        for r in requirements:
            if r.level != level and not self.search.text().strip():
                level = r.level
                header = QLabel(self._level_name(r.level))
                header.setObjectName("levelHeader")
                self.list_layout.addWidget(header)
            row = RequirementRow(r, self.ctx.lang, requirement_number(form, r.id, self.ctx.lang))
            row.grade_chosen.connect(self._grade_chosen)
            row.note_changed.connect(self._note_changed)
            row.attachments_requested.connect(self._attachments)
            row.step_requested.connect(lambda step, row=row: self._move(row, step))
            row.refused.connect(self._refused)
            row.set_editable(editable)
            self.rows.append(row)
            self.list_layout.addWidget(row)
            row.show()  # visible at once, so keyboard focus can move to it right away
        self.list_layout.addStretch(1)
        self._refresh_rows()

    def _level_name(self, level: int) -> str:
        form = self.form
        return self.ctx.text(form.band_for_level(level).name) if form else ""

    def _refresh_rows(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        for row in self.rows:
            rid = row.requirement.id
            row.show_answer(
                session.answers.grade(rid), session.note(rid), self.attachment_counts.get(rid, 0)
            )

    # --- changes ------------------------------------------------------------------------------

    def _grade_chosen(self, requirement_id: str, grade: Grade | None) -> None:
        self.controller.set_grade(requirement_id, grade)

    def _note_changed(self, requirement_id: str, note: RequirementNote) -> None:
        self.controller.set_note(requirement_id, note)

    def _attachments(self, requirement_id: str) -> None:
        from factory_grader.ui.attachments_dialog import AttachmentsDialog

        AttachmentsDialog(self.ctx, requirement_id, self).exec()
        self._load_attachment_counts()

    def _refused(self) -> None:
        session = self.ctx.session
        revision = session.summary.revision if session is not None else 0
        self.controller.status_message.emit(
            self.tr(
                "Revision {rev} is final and cannot change. To change answers, reopen it as a new revision (Finalise page)."
            ).format(rev=revision)
        )

    # --- keyboard -----------------------------------------------------------------------------

    def _move(self, row: RequirementRow, step: int) -> None:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            self._focus_row(index)
            return
        if self.search.text().strip():
            return
        # past the end (or start) of this sub-domain: on to the next (or previous) one
        form = self.form
        sub_ids = [s.id for s in form.subdomains] if form else []
        current = self._current_subdomain()
        if current not in sub_ids:
            return
        target = sub_ids.index(current) + step
        if 0 <= target < len(sub_ids):
            self.tree.setCurrentItem(self._items[sub_ids[target]])
            self._focus_row(0 if step > 0 else len(self.rows) - 1)

    def _focus_row(self, index: int) -> None:
        if self.rows:
            row = self.rows[index]
            row.setFocus(Qt.FocusReason.OtherFocusReason)
            self.cards.ensureWidgetVisible(row)

    def focus_first(self) -> None:
        self._focus_row(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):  # keys 1-5 work at once
            QTimer.singleShot(0, self._focus_first_unanswered_here)

    def _focus_first_unanswered_here(self) -> None:
        session = self.ctx.session
        if session is None or not self.rows or not self.isVisible():
            return
        unanswered = [
            i
            for i, row in enumerate(self.rows)
            if session.answers.grade(row.requirement.id) is None
        ]
        self._focus_row(unanswered[0] if unanswered else 0)

    def next_unanswered(self) -> None:
        """The next requirement without an answer after the one with the focus, in the
        questionnaire's order, across sub-domains (from the start again at the end)."""
        form, session = self.form, self.ctx.session
        if form is None or session is None:
            return
        order = self._applicable(form)
        focus = QApplication.focusWidget()
        here = next(
            (
                row
                for row in self.rows
                if focus is not None and (row is focus or row.isAncestorOf(focus))
            ),
            None,
        )
        start = order.index(here.requirement) + 1 if here is not None else 0
        after = order[start:] + order[:start]
        target = next((r for r in after if session.answers.grade(r.id) is None), None)
        if target is None:
            self.controller.status_message.emit(self.tr("Every requirement is answered."))
            return
        self.reveal(target.id)

    def reveal(self, subject: str) -> None:
        """The requirement's card, selected, in its sub-domain (a search is cleared)."""
        form = self.form
        target = form.requirement(subject) if form is not None else None
        if target is None or target.subdomain_id not in self._items:
            return
        if self.search.text():
            self.search.clear()
            self.search_pause.stop()
        self.tree.setCurrentItem(self._items[target.subdomain_id])
        self._show_item(self.tree.currentItem())
        index = next((i for i, row in enumerate(self.rows) if row.requirement.id == subject), None)
        if index is not None:
            self._focus_row(index)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
