"""Finalise: what is unanswered or flagged comes first; finalising freezes this revision."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.error_words import error_words
from factory_grader.ui.pages.base import Page


class FinalisePage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.items = QListWidget()
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
        for r in unanswered:
            self.items.addItem(
                self.tr("Unanswered: [{id}] {text}").format(id=r.id, text=self.ctx.text(r.text))
            )
        for rid in flagged:
            req = form.requirement(rid)
            self.items.addItem(
                self.tr("Marked for review: [{id}] {text}").format(
                    id=rid, text=self.ctx.text(req.text) if req else ""
                )
            )
        for c in open_conditions:
            self.items.addItem(
                self.tr("Condition not answered: {text}").format(text=self.ctx.text(c.text))
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
            self.items.insertItem(
                0,
                self.tr(
                    "{n} open conflict(s): someone else changed these answers after you; choose the final values before finalising."
                ).format(n=conflicts),
            )
        self.conflicts_button.setVisible(bool(conflicts))
        self.finalise_button.setEnabled(not final)
        self.reopen_button.setEnabled(final)

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
        aid = session.assessment_id
        self.ctx.background.run(
            lambda: service.finalise(aid), lambda _: self._reopen_session(aid), self._failed
        )

    def reopen(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        aid = session.assessment_id
        self.ctx.background.run(
            lambda: service.reopen(aid), lambda new: self._reopen_session(new.id), self._failed
        )

    def _reopen_session(self, assessment_id: int) -> None:
        self.ctx.events.assessments_changed.emit()
        self.controller.open_assessment(assessment_id, quiet=True)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Not done"), error_words(exc))
        self.ctx.events.conflicts_changed.emit()  # e.g. refused for a conflict not yet counted
