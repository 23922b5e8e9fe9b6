"""设置 → 数据文件夹 → 移动到…: choose a folder, see what will happen, then the data is copied,
verified and switched to on the worker thread while a busy dialog shows. The old folder is
kept; the app closes afterwards so that nothing keeps writing to the old copy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from factory_grader.services import app_paths
from factory_grader.services.data_folder import MoveRefused, MoveReport, check_target, move_data
from factory_grader.ui.error_words import error_words

if TYPE_CHECKING:
    from factory_grader.ui.main_window import MainWindow


class DataFolderActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window

    def refusal_words(self, exc: BaseException) -> str:
        reason = exc.reason if isinstance(exc, MoveRefused) else ""
        words = {
            "same": self.tr("The data is in that folder already."),
            "inside": self.tr("Choose a folder outside the current data folder."),
            "not-empty": self.tr("The folder is not empty. Choose an empty or a new folder."),
            "network": self.tr(
                "That folder is on a network share. The database needs a local disk or a USB stick: on a share it can be damaged or stay locked. For a team, use a shared PostgreSQL server instead."
            ),
            "not-writable": self.tr("The app cannot write to that folder."),
            "server": self.tr(
                "The data is on a database server, not in a folder; there is nothing to move."
            ),
            "other-db": self.tr(
                "The app was started with another database (--db); only the data folder's own database is moved."
            ),
            "source-missing": self.tr(
                "The data folder is not there (is the USB stick plugged in?), so there is nothing to move."
            ),
            "not-a-folder": self.tr("That is a file, not a folder."),
            "full": self.tr(
                "The disk is full: nothing was moved, and the partial copy was removed."
            ),
            "io": self.tr(
                "The copy could not be written: nothing was moved, and the partial copy was removed."
            ),
            "verify": self.tr(
                "The copy did not match the original, so nothing was switched; the data stays where it was."
            ),
        }
        text = words.get(reason)
        if text is None:  # a database error (locked by another program …): the window's words
            return str(error_words(exc, self.window_.ctx.lang))
        return f"{text}\n\n{exc}"

    def choose(self, parent: QWidget) -> None:
        ctx = self.window_.ctx
        folder = QFileDialog.getExistingDirectory(
            parent, self.tr("Move the data to a folder"), str(Path.home())
        )
        if not folder:
            return
        target, source = Path(folder), app_paths.data_home()
        url = app_paths.database_url(self.window_.db_url)
        try:
            check_target(source, target, url)
        except MoveRefused as exc:
            QMessageBox.warning(parent, self.tr("Cannot move there"), self.refusal_words(exc))
            return
        box = QMessageBox(parent)
        box.setWindowTitle(self.tr("Move the data"))
        box.setText(
            self.tr(
                "Copy the database, evidence files and settings from {old} to {new}, check the copy (every row, every evidence file), then use the new folder? The old folder is kept as it is until you remove it. The app closes afterwards; open it again to go on."
            ).format(old=source, new=target)
        )
        go = box.addButton(self.tr("Move"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        ctx.background.wait()  # every queued save is stored before the copy
        if ctx.database is not None:
            ctx.database.close()
            ctx.database = None
        ctx.session = None
        busy = QProgressDialog(self.tr("Copying and checking the data…"), "", 0, 0, parent)
        busy.setCancelButton(None)
        busy.setWindowTitle(self.tr("Move the data"))
        busy.setMinimumDuration(0)
        busy.setModal(True)
        busy.show()

        def done(report: MoveReport) -> None:
            busy.close()
            # window state is saved on closing: into the new folder's settings, not the old
            from factory_grader.ui.preferences import Preferences

            ctx.preferences = Preferences()
            QMessageBox.information(
                parent,
                self.tr("Data moved"),
                self.tr(
                    "The data is now in {new} (checked: {rows} rows, {evidence} evidence files). The old copy stays in {old} until you remove it. The app closes now."
                ).format(
                    new=report.new,
                    old=report.old,
                    rows=sum(report.rows.values()),
                    evidence=report.evidence_checked,
                ),
            )
            parent.close()
            self.window_.close()

        def failed(exc: BaseException) -> None:
            busy.close()
            QMessageBox.warning(parent, self.tr("Not moved"), self.refusal_words(exc))
            parent.close()
            self.window_.close()  # the database was closed for the copy: start again

        self.window_.start.stop()  # no verdicts written back into the copy being moved
        ctx.background.run(lambda: move_data(target), done, failed)
