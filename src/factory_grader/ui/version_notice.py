"""The notice on a draft whose questionnaire or rules are not the current ones (or whose data
changed in place): what that means, and "update to the current rules" after seeing what changes.
A final assessment keeps its versions: the results page's banner shows its stored verdict; one
finalised before verdicts were stored gets this notice, without the update."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from factory_grader.domain.records import AssessmentStatus
from factory_grader.services.notices import update_text, version_sentence
from factory_grader.services.versions import VersionNote, VersionUpdate
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller


class VersionNotice(QWidget):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__()
        self.ctx, self.controller = ctx, controller
        self.label = QLabel()
        self.label.setObjectName("notice")
        self.label.setWordWrap(True)
        self.update_button = QPushButton()
        self.update_button.clicked.connect(self.preview)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.update_button)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.update_button.setText(self.tr("See what changes and update…"))

    def refresh(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        # a final one with its verdict stored has the results page's banner instead
        if session is None or service is None or session.summary.final_verdict is not None:
            self.setVisible(False)
            return
        summary = session.summary
        self.ctx.background.read(lambda: service.version_notes(summary), self._show)

    def _show(self, shown: list[VersionNote]) -> None:
        if not shown:
            self.setVisible(False)
            return
        self.label.setText(" ".join(version_sentence(n, self.ctx.lang) for n in shown))
        draft = (
            self.ctx.session is not None
            and self.ctx.session.summary.status is AssessmentStatus.DRAFT
        )
        self.update_button.setVisible(draft)  # a final assessment keeps its versions
        self.setVisible(True)

    def preview(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        ident = session.summary.id
        self.ctx.background.read(lambda: service.preview_update(ident), self._ask)

    def _ask(self, update: object) -> None:
        assert isinstance(update, VersionUpdate)
        session, service, lib = self.ctx.session, self.ctx.service, self.ctx.library
        if session is None or service is None or lib is None:
            return
        text = update_text(update, lib, self.ctx.lang, applied=False)
        if not update.changes_anything:
            QMessageBox.information(self, self.tr("Update to the current rules"), text)
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Update to the current rules"))
        box.setText(text.removesuffix(update_text_hint(self.ctx.lang)).rstrip())
        box.setInformativeText(
            self.tr(
                "Your answers stay as they are. To keep this revision as it is, duplicate it as a new revision first on the start page."
            )
        )
        go = box.addButton(self.tr("Update"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        ident = session.summary.id
        self.controller.persist(  # then the draft is loaded again, where the user is
            lambda: service.update_to_current(ident), lambda _: self.controller.reopen_current()
        )


def update_text_hint(lang: str) -> str:
    """The command-line hint update_text ends with, which the dialog's buttons replace."""
    return "用 --apply 执行更新。" if lang == "zh" else "Run with --apply to update."
