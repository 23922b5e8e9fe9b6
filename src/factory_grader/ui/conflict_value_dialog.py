"""Enter the final value of a conflicted answer yourself, when neither the stored value nor the
one that was not saved is right (a requirement's grade and comment, a scenario, a condition)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from factory_grader.domain.answer_values import AnswerValue, ConditionValue, RequirementValue
from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.text import Lang
from factory_grader.ui.words import answer_words, holds_words
from factory_grader.wording import grade_name


class ConflictValueDialog(QDialog):
    def __init__(self, start: AnswerValue, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = start
        self.setWindowTitle(self.tr("Enter the final value"))
        form = QFormLayout(self)
        self.grade = QComboBox()
        self.comment = QLineEdit()
        self.built = QCheckBox(answer_words(ScenarioAnswer(built=True), lang))
        self.ai = QCheckBox(self.tr("Uses AI"))
        self.instance = QLineEdit()
        self.holds = QComboBox()
        if isinstance(start, RequirementValue):
            for grade in (None, *Grade):  # Qt keeps the grade's code (an enum does not compare)
                self.grade.addItem(grade_name(grade, lang), grade.value if grade else None)
            shown = start.grade.value if start.grade else None
            self.grade.setCurrentIndex(max(self.grade.findData(shown), 0))
            self.comment.setText(start.note.comment)
            form.addRow(self.tr("Answer"), self.grade)
            form.addRow(self.tr("Comment"), self.comment)
        elif isinstance(start, ScenarioAnswer):
            self.built.setChecked(start.built)
            self.ai.setChecked(start.ai)
            self.instance.setText(start.instance)
            form.addRow("", self.built)
            form.addRow("", self.ai)
            form.addRow(self.tr("Instance"), self.instance)
        else:
            for holds in (True, False, None):
                self.holds.addItem(holds_words(holds), holds)
            self.holds.setCurrentIndex(max(self.holds.findData(start.holds), 0))
            form.addRow(self.tr("Answer"), self.holds)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this value"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> AnswerValue:
        """The entered value (a requirement's review mark stays as stored)."""
        if isinstance(self.start, RequirementValue):
            note = replace(self.start.note, comment=self.comment.text().strip())
            code = self.grade.currentData()
            return RequirementValue(Grade(code) if code else None, note)
        if isinstance(self.start, ScenarioAnswer):
            built = self.built.isChecked()
            return ScenarioAnswer(
                built, built and self.ai.isChecked(), self.instance.text().strip()
            )
        return ConditionValue(self.holds.currentData())
