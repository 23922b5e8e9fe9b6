"""Finalise: what is unanswered or flagged comes first; finalising freezes this revision."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.error_words import error_words
from factory_grader.ui.page_names import PageName
from factory_grader.ui.pages.base import Page
from factory_grader.wording import requirement_number

ROLE_PLACE = Qt.ItemDataRole.UserRole


class FinalisePage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        # an item names a problem: a click (or Enter) goes to where it is fixed
        self.items.itemClicked.connect(self._go)
        self.items.itemActivated.connect(self._go)
        self.finalise_button = QPushButton()
        self.finalise_button.clicked.connect(self.finalise)
        self.reopen_button = QPushButton()
        self.reopen_button.clicked.connect(self.reopen)
        self.conflicts_button = QPushButton()
        self.conflicts_button.clicked.connect(controller.conflicts_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflicts_button)
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        ctx.events.assessment_opened.connect(self.when_visible(self.refresh))
        ctx.events.answers_changed.connect(self.when_visible(self.refresh))
        ctx.events.conflicts_changed.connect(self.when_visible(self.refresh))
        controller.conflicts_counted.connect(lambda _: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check and finalise"))
        self.finalise_button.setText(self.tr("&Finalise this revision…"))
        self.reopen_button.setText(self.tr("Reopen as a new revision"))
        self.conflicts_button.setText(self.tr("Open &conflicts…"))
        self.items.setAccessibleName(self.tr("Items to check"))
        self.refresh()

    def refresh(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        self.items.clear()
        if session is None or lib is None:
            return
        answers = session.answers
        form, rules = lib.form_for(answers), lib.rules_for(answers)
        unanswered = [
            r
            for r in form.requirements
            if answers.industry_type in r.applies_to and answers.grade(r.id) is None
        ]
        flagged = [rid for rid, n in answers.notes.items() if n.review]
        open_conditions = [c for c in rules.conditions if answers.conditions.get(c.id) is None]
        lang = self.ctx.lang
        for r in unanswered:
            self._add(
                self.tr("Unanswered: {number} {text}").format(
                    number=requirement_number(form, r.id, lang), text=self.ctx.text(r.text)
                ),
                PageName.QUESTIONNAIRE,
                r.id,
            )
        for rid in flagged:
            req = form.requirement(rid)
            self._add(
                self.tr("Marked for review: {number} {text}").format(
                    number=requirement_number(form, rid, lang),
                    text=self.ctx.text(req.text) if req else "",
                ),
                PageName.QUESTIONNAIRE,
                rid,
            )
        for c in open_conditions:
            self._add(
                self.tr("Condition not answered: {text}").format(text=self.ctx.text(c.text)),
                PageName.CONDITIONS,
                c.id,
            )
        final = not session.editable
        if final:
            when = session.summary.finalised_at
            self.state.setText(
                self.tr(
                    "Revision {rev} is final (since {when}). It can no longer change; reopen it to work on a new revision."
                ).format(
                    rev=session.summary.revision,
                    when=when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "",
                )
            )
        else:
            self.state.setText(
                self.tr(
                    "{u} unanswered requirement(s), {f} marked for review, {c} condition(s) not answered. Unanswered requirements count as not met."
                ).format(u=len(unanswered), f=len(flagged), c=len(open_conditions))
            )
        conflicts = self.controller.open_conflicts
        if conflicts and not final:
            item = QListWidgetItem(
                self.tr(
                    "{n} open conflict(s): someone else changed these answers after you; choose the final values before finalising."
                ).format(n=conflicts)
            )
            item.setData(ROLE_PLACE, ("conflicts", ""))
            self.items.insertItem(0, item)
        self.conflicts_button.setVisible(bool(conflicts))
        self.finalise_button.setEnabled(not final)
        self.reopen_button.setEnabled(final)

    def _add(self, text: str, page: PageName, subject: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ROLE_PLACE, (page.value, subject))
        hint = self.tr("Click to go where this is answered")
        item.setToolTip(f"{subject}\n{hint}")
        self.items.addItem(item)

    def _go(self, item: QListWidgetItem) -> None:
        place = item.data(ROLE_PLACE)
        if not place:
            return
        page, subject = place
        if page == "conflicts":
            self.controller.conflicts_requested.emit()
        else:
            self.controller.reveal(PageName(page), subject)

    def finalise(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None or not session.editable:
            return
        if self.controller.open_conflicts:
            QMessageBox.information(
                self,
                self.tr("Finalise"),
                self.tr(
                    "This revision has {n} open conflict(s). Choose the final value of each first (Open conflicts…)."
                ).format(n=self.controller.open_conflicts),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Finalise"),
            self.tr(
                "Freeze revision {rev}? Its answers can no longer change; to change them later you reopen it as a new revision."
            ).format(rev=session.summary.revision),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        aid, revision = session.assessment_id, session.summary.revision

        def finalised(_: object) -> None:
            self._reopen_session(aid)
            self._offer_export(revision)

        self.ctx.background.run(lambda: service.finalise(aid), finalised, self._failed)

    def _offer_export(self, revision: int) -> None:
        """The next step after finalising is sending the workbook: offer it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Finalised"))
        box.setText(
            self.tr(
                "Revision {rev} is final. Export the submission workbook now? (File → Export submission workbook… does it later too.)"
            ).format(rev=revision)
        )
        export = box.addButton(self.tr("Export workbook…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(export)
        box.exec()
        if box.clickedButton() is export:
            self.controller.export_requested.emit()

    def reopen(self) -> None:
        """Reopening makes a new draft revision: say which number before doing it."""
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        aid, revision = session.assessment_id, session.summary.revision

        def ask(new_revision: int) -> None:
            answer = QMessageBox.question(
                self,
                self.tr("Reopen"),
                self.tr(
                    "Reopening creates revision {new}, a draft with the answers of revision {rev}, to change and finalise again. Revision {rev} stays final as it is. Reopen?"
                ).format(new=new_revision, rev=revision),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.ctx.background.run(
                lambda: service.reopen(aid), lambda new: self._reopen_session(new.id), self._failed
            )

        self.ctx.background.read(lambda: service.next_revision(aid), ask, self._failed)

    def _reopen_session(self, assessment_id: int) -> None:
        self.ctx.events.assessments_changed.emit()
        self.controller.open_assessment(assessment_id, quiet=True)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Not done"), error_words(exc, self.ctx.lang))
        self.ctx.events.conflicts_changed.emit()  # e.g. refused for a conflict not yet counted
