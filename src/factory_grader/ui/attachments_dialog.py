"""Evidence files of one requirement: add (copied into the data folder), open, remove."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.records import Attachment
from factory_grader.ui.context import AppContext
from factory_grader.ui.error_words import error_words

if TYPE_CHECKING:
    from factory_grader.services.assessments import AssessmentService


class AttachmentsDialog(QDialog):
    def __init__(self, ctx: AppContext, requirement_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.requirement_id = ctx, requirement_id
        self.found: list[Attachment] = []
        self.setWindowTitle(self.tr("Evidence files: {id}").format(id=requirement_id))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Evidence files"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        add, self.open_button, self.remove_button = (
            QPushButton(self.tr("&Add…")),
            QPushButton(self.tr("&Open")),
            QPushButton(self.tr("&Remove…")),
        )
        add.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove)
        editable = ctx.session is not None and ctx.session.editable
        add.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (add, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(560, 320)
        self.reload()

    def reload(self) -> None:
        """The requirement's files, read off the GUI thread (a server may be slow to answer)."""
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        aid, rid = session.assessment_id, self.requirement_id
        self.list.setEnabled(False)
        self.ctx.background.read(
            lambda: [a for a in service.attachments(aid) if a.requirement_id == rid],
            self._show,
            self._failed,
        )

    def _show(self, found: list[Attachment]) -> None:
        self.found = found
        self.list.setEnabled(True)
        self.list.clear()
        for a in self.found:
            self.list.addItem(f"{a.file_name}  ({a.size:,} B, SHA-256 {a.sha256[:12]}…)")
        self.info.setText(
            self.tr("Files are copied into the app's data folder; the copy is what counts.")
        )

    def _selected(self) -> Attachment | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def add(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence files"), str(Path.home())
        )
        aid, rid = session.assessment_id, self.requirement_id
        for path in paths:
            # Copying and hashing a large scan takes time: on the background thread, in order.
            self.info.setText(self.tr("Copying {name}…").format(name=Path(path).name))
            self.ctx.background.write(
                _attaching(service, aid, rid, Path(path)),
                lambda _: self.reload(),
                self._not_added(path),
            )

    def _not_added(self, path: str) -> Callable[[BaseException], None]:
        def say(exc: BaseException) -> None:
            QMessageBox.warning(
                self, self.tr("Not added"), f"{path}: {error_words(exc, self.ctx.lang)}"
            )

        return say

    def open_selected(self) -> None:
        a, service = self._selected(), self.ctx.service
        if a is not None and service is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(service.attachment_path(a))))

    def remove(self) -> None:
        a, service = self._selected(), self.ctx.service
        if a is None or service is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Remove evidence file"),
                self.tr("Remove {name} from this requirement?").format(name=a.file_name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.ctx.background.write(
            lambda: service.remove_attachment(a.id), lambda _: self.reload(), self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.list.setEnabled(True)
        QMessageBox.warning(self, self.tr("Evidence files"), error_words(exc, self.ctx.lang))


def _attaching(
    service: AssessmentService, assessment_id: int, requirement_id: str, path: Path
) -> Callable[[], Attachment]:
    return lambda: service.attach(assessment_id, requirement_id, path)
