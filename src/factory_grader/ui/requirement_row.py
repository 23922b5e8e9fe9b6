"""One requirement: statement, evidence hint, five choices, comment, review flag, attachments.

The row itself takes keyboard focus: 1–5 answer, J/K or the arrow keys move to the next or
previous requirement (the page does the moving).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.maturity_model import Grade, Requirement
from factory_grader.domain.records import RequirementNote
from factory_grader.domain.text import Lang
from factory_grader.ui.text_guard import guard_text
from factory_grader.wording import GRADE_GUIDE, grade_name

#: Keys 1–5, in the order the choices are shown.
CHOICES: tuple[Grade, ...] = (Grade.FULL, Grade.MOST, Grade.PARTIAL, Grade.NONE, Grade.NA)
NEXT_KEYS = (Qt.Key.Key_J, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_K, Qt.Key.Key_Up)


class RequirementRow(QFrame):
    grade_chosen = Signal(str, object)  # requirement id, Grade | None
    note_changed = Signal(str, object)  # requirement id, RequirementNote
    attachments_requested = Signal(str)
    step_requested = Signal(int)  # +1 next, -1 previous (not "move": QWidget.move)
    #: an answer key on a row that cannot change (a final revision): the page says why
    refused = Signal()

    def __init__(
        self,
        requirement: Requirement,
        lang: Lang,
        number: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.requirement = requirement
        self.number = number or requirement.id  # 组织战略 1.2; the id stays in the tooltip
        self.lang = lang
        self.setObjectName("requirementRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.statement.setTextFormat(Qt.TextFormat.RichText)
        self.statement.setObjectName("statement")
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.evidence.setObjectName("evidence")
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        choices = QHBoxLayout()
        for index, _grade in enumerate(CHOICES):
            button = QRadioButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row answers to keys 1–5
            self.group.addButton(button, index)
            self.buttons.append(button)
            choices.addWidget(button)
        choices.addStretch(1)
        self.guide = QLabel()
        self.guide.setObjectName("hint")
        self.guide.setWordWrap(True)
        self.group.idClicked.connect(lambda index: self._choose(CHOICES[index]))
        self.comment = QLineEdit()
        guard_text(self.comment, "comment")
        self.comment.editingFinished.connect(self._note_edited)
        self.review = QCheckBox()
        self.review.toggled.connect(lambda _: self._note_edited())
        self.attach = QPushButton()
        self.attach.clicked.connect(lambda: self.attachments_requested.emit(requirement.id))
        extras = QHBoxLayout()
        extras.addWidget(self.comment, 1)
        extras.addWidget(self.review)
        extras.addWidget(self.attach)
        layout = QVBoxLayout(self)
        layout.addWidget(self.statement)
        layout.addWidget(self.evidence)
        layout.addLayout(choices)
        layout.addWidget(self.guide)
        layout.addLayout(extras)
        self._note = RequirementNote()
        self._attachments = 0
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        r = self.requirement
        self.statement.setText(
            f"<b>{escape(self.number)}</b>&nbsp; {escape(r.text.get(self.lang))}"
        )
        self.statement.setToolTip(r.id)
        self.evidence.setText(self.tr("Evidence: {hint}").format(hint=r.evidence.get(self.lang)))
        self.guide.setText(GRADE_GUIDE.get(self.lang))
        labels = [grade_name(grade, self.lang) for grade in CHOICES]
        for number, (button, label) in enumerate(zip(self.buttons, labels, strict=True), 1):
            button.setText(f"{number} {label}")
            button.setAccessibleName(label)
        self.comment.setPlaceholderText(self.tr("Comment (optional)"))
        self.comment.setAccessibleName(self.tr("Comment"))
        self.review.setText(self.tr("Mark for review"))
        self.attach.setText(self.tr("Evidence files ({n})…").format(n=self._attachments))
        self.setAccessibleName(r.text.get(self.lang))

    def show_answer(self, grade: Grade | None, note: RequirementNote, attachments: int) -> None:
        """Show stored values without emitting changes."""
        self._note, self._attachments = note, attachments
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)
        if grade is not None:
            self.buttons[CHOICES.index(grade)].setChecked(True)
        self.comment.blockSignals(True)
        self.review.blockSignals(True)
        self.comment.setText(note.comment)
        self.review.setChecked(note.review)
        self.comment.blockSignals(False)
        self.review.blockSignals(False)
        self.attach.setText(self.tr("Evidence files ({n})…").format(n=attachments))
        self.setProperty("answered", grade is not None)
        self.style().unpolish(self)
        self.style().polish(self)

    def set_editable(self, editable: bool) -> None:
        for w in (*self.buttons, self.comment, self.review):
            w.setEnabled(editable)

    def _choose(self, grade: Grade) -> None:
        if not self.buttons[0].isEnabled():
            return
        self.buttons[CHOICES.index(grade)].setChecked(True)
        self.setProperty("answered", True)
        self.style().unpolish(self)
        self.style().polish(self)
        self.grade_chosen.emit(self.requirement.id, grade)

    def _note_edited(self) -> None:
        note = RequirementNote(self.comment.text(), self.review.isChecked())
        if note != self._note:
            self._note = note
            self.note_changed.emit(self.requirement.id, note)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and not event.modifiers():
            if not self.buttons[0].isEnabled():
                self.refused.emit()
                return
            self._choose(CHOICES[key - Qt.Key.Key_1])
            self.step_requested.emit(+1)  # answered: on to the next one
        elif key in NEXT_KEYS:
            self.step_requested.emit(+1)
        elif key in PREVIOUS_KEYS:
            self.step_requested.emit(-1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setProperty("current", True)
        self.style().unpolish(self)
        self.style().polish(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setProperty("current", False)
        self.style().unpolish(self)
        self.style().polish(self)
        super().focusOutEvent(event)
