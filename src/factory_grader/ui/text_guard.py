"""Text fields take only what a workbook can hold: a length limit per kind of field, and
characters XML cannot carry (pasted control characters) removed as they arrive, with a note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QToolTip

from factory_grader.domain.text_rules import FORBIDDEN, MAX_LENGTH, without_forbidden


def guard_text(edit: QLineEdit, kind: str) -> None:
    """kind: profile | comment | instance (domain.text_rules.MAX_LENGTH)."""
    edit.setMaxLength(MAX_LENGTH[kind])

    def clean(text: str) -> None:
        if FORBIDDEN.search(text) is None:
            return
        position = edit.cursorPosition()
        edit.setText(without_forbidden(text))
        edit.setCursorPosition(min(position, len(edit.text())))
        QToolTip.showText(
            edit.mapToGlobal(edit.rect().bottomLeft()),
            QCoreApplication.translate(
                "TextGuard", "Removed characters a workbook cannot hold (control characters)."
            ),
            edit,
        )

    edit.textEdited.connect(clean)
    edit.textChanged.connect(clean)  # also text set from code (paste, undo)
