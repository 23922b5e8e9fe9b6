"""Writing a file on the worker thread behind a busy dialog, then saying where it went (or why
not). The file itself is written atomically by the service, so a failure leaves none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from factory_grader.ui.context import AppContext


@dataclass(frozen=True)
class FileJobTexts:
    busy: str  # "Writing the workbook…"
    title: str  # the progress dialog's title
    done_title: str
    done: str  # with {path}
    failed_title: str


def write_file(
    parent: QWidget,
    ctx: AppContext,
    work: Callable[[], Path],
    texts: FileJobTexts,
    then: Callable[[Path], None] | None = None,
) -> None:
    progress = QProgressDialog(texts.busy, "", 0, 0, parent)
    progress.setCancelButton(None)  # one workbook takes a fraction of a second to a few
    progress.setWindowTitle(texts.title)
    progress.setMinimumDuration(0)
    progress.setModal(True)
    progress.show()

    def done(path: Path) -> None:
        progress.close()
        if then is not None:
            then(path)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            texts.done_title,
            texts.done.format(path=path),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        open_file = box.addButton(
            QCoreApplication.translate("FileJob", "Open the file"),
            QMessageBox.ButtonRole.ActionRole,
        )
        open_folder = box.addButton(
            QCoreApplication.translate("FileJob", "Open its folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def failed(exc: BaseException) -> None:
        progress.close()
        from factory_grader.ui.error_words import error_text

        QMessageBox.warning(parent, texts.failed_title, error_text(exc, ctx.lang))

    ctx.background.run(work, done, failed)
