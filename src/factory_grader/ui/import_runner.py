"""Importing files from the GUI: one job on the writer thread (services/importing.py), a
progress dialog that can stop it between files, and what became of each file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from factory_grader.services.assessments import AssessmentService
from factory_grader.services.importing import FileImport, ImportOutcome
from factory_grader.ui.context import AppContext


class _Relay(QObject):
    # Payloads travel in tuples: PySide6 mis-counts references when a bare None crosses threads.
    step = Signal(tuple)  # (files done, files in all)


def import_with_progress(
    parent: QWidget,
    ctx: AppContext,
    service: AssessmentService,
    files: Sequence[Path],
    on_done: Callable[[list[FileImport]], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Imports files in order; what was imported stays when the user stops the rest."""
    stop = threading.Event()
    relay = _Relay(parent)
    dialog: QProgressDialog | None = None
    if len(files) > 1:
        dialog = QProgressDialog(
            QCoreApplication.translate("ImportRunner", "Importing {n} files…").format(n=len(files)),
            QCoreApplication.translate("ImportRunner", "Stop"),
            0,
            len(files),
            parent,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.canceled.connect(stop.set)
        relay.step.connect(lambda message: dialog.setValue(message[0]))

    def work() -> list[FileImport]:
        from factory_grader.services.importing import import_files

        return import_files(
            service, files, progress=lambda _r, done, total: relay.step.emit((done, total)),
            stop=stop.is_set,
        )  # fmt: skip

    def finish(then: Callable[..., None], payload: object) -> None:
        if dialog is not None:
            dialog.close()
        relay.deleteLater()
        then(payload)

    ctx.background.run(work, lambda r: finish(on_done, r), lambda e: finish(on_error, e))


def show_summary(parent: QWidget, results: Sequence[FileImport], asked: int, lang: str) -> None:
    """How many were imported, edited, refused (and stopped), with one line per file below."""
    imported = [r for r in results if r.outcome is not ImportOutcome.REFUSED]
    edited = [r for r in results if r.outcome is ImportOutcome.EDITED]
    refused = [r for r in results if r.outcome is ImportOutcome.REFUSED]
    text = QCoreApplication.translate(
        "ImportRunner", "{n} of {total} files imported as new drafts."
    ).format(n=len(imported), total=asked)
    if edited:
        text += "\n" + QCoreApplication.translate(
            "ImportRunner",
            "{n} of them were changed after export: their answers were imported and rescored;"
            " check them.",
        ).format(n=len(edited))
    if refused:
        text += "\n" + QCoreApplication.translate(
            "ImportRunner", "{n} could not be imported (see the details)."
        ).format(n=len(refused))
    if len(results) < asked:
        text += "\n" + QCoreApplication.translate(
            "ImportRunner", "Stopped: {n} files were not tried."
        ).format(n=asked - len(results))
    lines = []
    for r in results:
        if r.outcome is ImportOutcome.REFUSED:
            line = QCoreApplication.translate("ImportRunner", "{file}: not imported: {why}")
        elif r.outcome is ImportOutcome.EDITED:
            line = QCoreApplication.translate(
                "ImportRunner", "{file}: imported; changed after export: {why}"
            )
        else:
            line = QCoreApplication.translate("ImportRunner", "{file}: imported")
        lines.append(line.format(file=r.path.name, why=r.reason(lang)))  # type: ignore[arg-type]
    box = QMessageBox(
        QMessageBox.Icon.Warning if refused or edited else QMessageBox.Icon.Information,
        QCoreApplication.translate("ImportRunner", "Import"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setDetailedText("\n".join(lines))
    box.exec()
