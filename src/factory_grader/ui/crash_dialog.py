"""Unhandled errors anywhere in the app (a Qt slot, a background job, another thread): logged,
then shown in a dialog in the user's language with "copy details" and "open log folder"; the app
keeps running. Nothing depends on stderr, which a windowed Windows build does not have."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a report from any thread to the GUI thread."""

    report = Signal(str, str)


class CrashReporter:
    def __init__(self, log_folder: Path) -> None:
        self.log_folder = log_folder
        self.shown = 0  # dialogs shown (a test reads it)
        self._relay = _Relay()
        self._connecting = threading.Lock()
        self._connected = False  # (at the first report: Qt's enums cost 60 ms before the window)
        self._showing = False
        self._seen: set[str] = set()  # the same fault (say, in a paint event) is shown once

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def _excepthook(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.report(exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value, args.exc_traceback)

    def report(self, exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(type(exc), exc, tb))
        log.error("unhandled error\n%s", details)
        where = traceback.extract_tb(tb)[-1:] if tb else []
        signature = f"{type(exc).__name__}@{[(f.filename, f.lineno) for f in where]}"
        if signature in self._seen:
            return  # logged again, not shown again
        self._seen.add(signature)
        with self._connecting:  # (two threads reporting at once: both wait for the connection)
            if not self._connected:
                from PySide6.QtCore import Qt

                self._relay.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
                self._connected = True
        self._relay.report.emit(str(exc) or type(exc).__name__, details)

    def _show(self, summary: str, details: str) -> None:
        if self._showing:  # one at a time: a burst of errors is in the log anyway
            return
        self._showing = True
        try:
            self.shown += 1
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(QCoreApplication.translate("Crash", "Unexpected error"))
            box.setText(
                QCoreApplication.translate(
                    "Crash",
                    "Something went wrong that the app did not expect. Your saved answers are safe; the app keeps running. The details are in the log file.",
                )
            )
            box.setInformativeText(summary)
            box.setDetailedText(details)
            copy = box.addButton(
                QCoreApplication.translate("Crash", "&Copy details"),
                QMessageBox.ButtonRole.ActionRole,
            )
            folder = box.addButton(
                QCoreApplication.translate("Crash", "Open &log folder"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.addButton(QMessageBox.StandardButton.Ok)
            # The action buttons must not close the box: it stays until OK.
            copy.clicked.disconnect()
            folder.clicked.disconnect()
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder)))
            )
            box.exec()
        finally:
            self._showing = False


def install_crash_reporter(log_folder: Path) -> CrashReporter:
    reporter = CrashReporter(log_folder)
    reporter.install()
    return reporter
