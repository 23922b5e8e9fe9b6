"""Enter the final value of a conflicted answer yourself, when neither the stored value nor the
one that was not saved is right (a requirement's grade and comment, a scenario, a condition)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.text import Lang
from factory_grader.ui.words import answer_words
from factory_grader.wording import grade_name


class ConflictValueDialog(QDialog):
    def __init__(
        self, kind: str, start: dict[str, Any], lang: Lang, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind, self.start = kind, start
        self.setWindowTitle(self.tr("Enter the final value"))
        form = QFormLayout(self)
        self.grade = QComboBox()
        self.comment = QLineEdit(start.get("comment") or "")
        self.built = QCheckBox(answer_words({"built": True}, lang))
        self.ai = QCheckBox(self.tr("Uses AI"))
        self.instance = QLineEdit(start.get("instance") or "")
        self.holds = QComboBox()
        if kind == "requirement":
            for grade in (None, *Grade):
                self.grade.addItem(grade_name(grade, lang), grade.value if grade else None)
            self.grade.setCurrentIndex(max(self.grade.findData(start.get("grade")), 0))
            form.addRow(self.tr("Answer"), self.grade)
            form.addRow(self.tr("Comment"), self.comment)
        elif kind == "scenario":
            self.built.setChecked(bool(start.get("built")))
            self.ai.setChecked(bool(start.get("ai")))
            form.addRow("", self.built)
            form.addRow("", self.ai)
            form.addRow(self.tr("Instance"), self.instance)
        else:
            for value in (True, False, None):
                self.holds.addItem(answer_words({"value": value}, lang), value)
            self.holds.setCurrentIndex(max(self.holds.findData(start.get("value")), 0))
            form.addRow(self.tr("Answer"), self.holds)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this value"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> dict[str, Any]:
        """The entered value, in the shape a conflict keeps values in."""
        if self.kind == "requirement":
            return {
                "grade": self.grade.currentData(),
                "comment": self.comment.text().strip(),
                "review": bool(self.start.get("review")),  # the review mark stays as stored
            }
        if self.kind == "scenario":
            built = self.built.isChecked()
            return {
                "built": built,
                "ai": built and self.ai.isChecked(),
                "instance": self.instance.text().strip(),
            }
        return {"value": self.holds.currentData()}
