"""文件 → 备份… / 恢复…: a consistent copy of the database while it is in use, and putting a
backup back (checked first; the replaced database is kept in backups/). After a restore the app
closes, so nothing keeps working on the data that was replaced."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from factory_grader.services.app_paths import database_url
from factory_grader.services.backup import (
    backup_database,
    check_backup,
    is_database_file,
    restore_backup,
)
from factory_grader.ui.error_words import error_words

if TYPE_CHECKING:
    from factory_grader.ui.main_window import MainWindow


class BackupActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window

    @property
    def _url(self) -> str:
        return database_url(self.window_.db_url)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(
            self.window_,
            self.tr("Not done"),
            error_words(exc, self.window_.ctx.lang),
        )

    def backup(self) -> None:
        suggested = Path.home() / f"factory-grader-backup-{date.today():%Y%m%d}.db"
        path, _ = QFileDialog.getSaveFileName(
            self.window_,
            self.tr("Back up the data"),
            str(suggested),
            self.tr("Database backups (*.db)"),
        )
        if not path:
            return
        target, url = Path(path), self._url
        if is_database_file(url, target):
            QMessageBox.warning(
                self.window_,
                self.tr("Not done"),
                self.tr("That is the database itself. Choose another file name for the copy."),
            )
            return
        # a file the dialog agreed to replace is replaced whole, once the copy is complete

        def done(written: object) -> None:
            QMessageBox.information(
                self.window_,
                self.tr("Backup written"),
                self.tr("A consistent copy of the data was written to {path}.").format(
                    path=written
                ),
            )

        self.window_.ctx.background.run(lambda: backup_database(url, target), done, self._failed)

    def restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window_,
            self.tr("Restore from a backup"),
            str(Path.home()),
            self.tr("Database backups (*.db);;All files (*)"),
        )
        if not path:
            return
        source = Path(path)
        self.window_.ctx.background.run(
            lambda: check_backup(source), lambda _: self._confirm(source), self._failed
        )

    def _confirm(self, source: Path) -> None:
        box = QMessageBox(self.window_)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restore from a backup"))
        box.setText(
            self.tr(
                "Replace all data with the backup {name}? The data as it is now is kept first in the backups folder beside the database. The app closes afterwards; open it again to work with the restored data."
            ).format(name=source.name)
        )
        go = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        ctx, url = self.window_.ctx, self._url
        ctx.background.wait()  # every queued save is stored before the data is replaced
        if ctx.database is not None:
            ctx.database.close()
            ctx.database = None
        ctx.session = None

        def done(kept: object) -> None:
            QMessageBox.information(
                self.window_,
                self.tr("Restored"),
                self.tr(
                    "The backup is restored. The data it replaced is kept as {kept}. The app closes now."
                ).format(kept=kept or "—"),
            )
            self.window_.close()

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.window_.close()  # the database was closed for the restore: start again

        self.window_.start.stop()  # no verdicts written back into the database replaced
        ctx.background.run(lambda: restore_backup(url, source), done, failed)
