"""研讨会 (issue 16): the participants of the open assessment, their fill-in workbooks out and
back, what each said per requirement (those needing discussion first) and the agreed answer
with its rationale. The agreed answer is set through the edit session like any answer (undo
works, only it is scored); the rationale goes into its comment and is recorded beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.text import Lang
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.error_words import error_text
from factory_grader.ui.pages.base import Page
from factory_grader.wording import agreed_words, grade_name

if TYPE_CHECKING:
    from factory_grader.domain.workshop import Agreement
    from factory_grader.services.workshop import Board, BoardItem, WorkshopService

CHOICES: tuple[Grade, ...] = (Grade.FULL, Grade.MOST, Grade.PARTIAL, Grade.NONE, Grade.NA)
ROLE_ID = Qt.ItemDataRole.UserRole


def distribution(item: BoardItem, lang: Lang) -> str:
    """全部满足 2 · 部分满足 1: how many chose each grade, in the choices' order."""
    counts = item.consensus.counts
    return " · ".join(f"{grade_name(g, lang)} {counts[g]}" for g in CHOICES if counts.get(g))


class WorkshopPage(Page):
    #: the user wants presenter mode (the window opens it)
    present_requested = Signal()

    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.board: Board | None = None
        #: agreed here since the board was loaded (it is loaded again once they are stored)
        self.agreed_now: dict[str, Agreement] = {}
        self._loads = 0
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.people_button = QPushButton()
        self.people_button.clicked.connect(self.edit_participants)
        self.pack_button = QPushButton()
        self.pack_button.clicked.connect(self.write_packs)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.read_returns)
        self.present_button = QPushButton()
        self.present_button.clicked.connect(self._present)
        buttons = QHBoxLayout()
        for button in (
            self.people_button,
            self.pack_button,
            self.merge_button,
            self.present_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.only_discuss = QCheckBox()
        self.only_discuss.setChecked(True)
        self.only_discuss.toggled.connect(self._fill_list)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.currentItemChanged.connect(lambda *_: self._show_current())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.only_discuss)
        left_layout.addWidget(self.items, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.agreed_label = QLabel()
        self.choice_group = QButtonGroup(self)
        choices = QHBoxLayout()
        self.choice_buttons: list[QRadioButton] = []
        for n, _g in enumerate(CHOICES):
            b = QRadioButton()
            self.choice_group.addButton(b, n)
            self.choice_buttons.append(b)
            choices.addWidget(b)
        choices.addStretch(1)
        self.rationale = QLineEdit()
        self.rationale.setMaxLength(500)
        self.agree_button = QPushButton()
        self.agree_button.clicked.connect(self.agree)
        self.rationale.returnPressed.connect(self.agree)
        self.vote_label = QLabel()
        self.vote_person = QComboBox()
        self.vote_grade = QComboBox()
        self.vote_button = QPushButton()
        self.vote_button.clicked.connect(self.enter_vote)
        vote_row = QHBoxLayout()
        vote_row.addWidget(self.vote_person)
        vote_row.addWidget(self.vote_grade)
        vote_row.addWidget(self.vote_button)
        vote_row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.agreed_label)
        right_layout.addLayout(choices)
        right_layout.addWidget(self.rationale)
        right_layout.addWidget(self.agree_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.vote_label)
        right_layout.addLayout(vote_row)
        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.split, 1)
        self.present_key = QShortcut(QKeySequence("F5"), self)
        self.present_key.activated.connect(self._present)
        ctx.events.assessment_opened.connect(self.when_visible(self.load))
        ctx.events.answers_changed.connect(self.when_visible(self._fill_list))
        self.retranslate()

    # --- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Workshop"))
        self.people_button.setText(self.tr("&Participants…"))
        self.pack_button.setText(self.tr("&Write fill-in workbooks…"))
        self.merge_button.setText(self.tr("&Read returned workbooks…"))
        self.present_button.setText(self.tr("Presenter mode (F5)"))
        self.only_discuss.setText(self.tr("Only those needing discussion"))
        self.agree_button.setText(self.tr("Set as the &agreed answer"))
        self.rationale.setPlaceholderText(self.tr("Rationale (kept in the answer's comment)"))
        self.vote_label.setText(self.tr("A grade said in the room:"))
        self.vote_button.setText(self.tr("Enter"))
        self.items.setAccessibleName(self.tr("Requirements with grades"))
        self.rationale.setAccessibleName(self.tr("Rationale"))
        self.vote_person.setAccessibleName(self.tr("Participant"))
        self.vote_grade.setAccessibleName(self.tr("Grade"))
        for b, g in zip(self.choice_buttons, CHOICES, strict=True):
            b.setText(f"&{CHOICES.index(g) + 1} {grade_name(g, self.ctx.lang)}")
        self.vote_grade.clear()
        for g in CHOICES:
            self.vote_grade.addItem(grade_name(g, self.ctx.lang), g.value)
        if self.board is not None and self.board.lang != self.ctx.lang:
            self.load()  # its numbers are in the other language (组织战略 1.2)
        self._fill_list()

    # --- loading -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.board is None or (
            self.ctx.session is not None and self.board.summary.id != self.ctx.session.assessment_id
        ):
            self.load()

    def workshop(self) -> WorkshopService | None:
        from factory_grader.services.workshop import WorkshopService

        return WorkshopService(self.ctx.service) if self.ctx.service is not None else None

    def load(self) -> None:
        session, workshop = self.ctx.session, self.workshop()
        if session is None or workshop is None:
            self.board = None
            self._fill_list()
            return
        self._loads += 1
        asked, aid = self._loads, session.assessment_id

        def loaded(board: Board) -> None:
            if asked == self._loads:
                self.board = board
                self.agreed_now = {}  # (the board has them now)
                self._fill_list()

        lang = self.ctx.lang
        self.ctx.background.read(lambda: workshop.board(aid, lang), loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Workshop"), error_text(exc, self.ctx.lang))

    def _fill_list(self) -> None:
        current = self._current_id()
        self.items.clear()
        board, lang = self.board, self.ctx.lang
        editable = self.controller.editable
        for b in (self.people_button, self.pack_button, self.merge_button):
            b.setEnabled(editable)
        if board is None:
            self.state.setText("")
            self._show_current()
            return
        voted = [i for i in board.items if i.consensus.votes]
        discuss = [i for i in voted if i.consensus.needs_discussion]
        self.state.setText(
            self.tr(
                "{people} participants, {back} returned; {voted} requirements have grades, {discuss} need discussion."
            ).format(
                people=len(board.participants),
                back=len(board.returned),
                voted=len(voted),
                discuss=len(discuss),
            )
            if board.participants
            else self.tr(
                "No participants yet. Add them (Participants…), write each a fill-in workbook, and read the returned ones here: everyone's grades side by side, those that differ first."
            )
        )
        if not editable:
            self.state.setText(
                self.state.text()
                + " "
                + self.tr("This revision is final: reopen it to hold a workshop.")
            )
        # unticked: every requirement (a grade said in the room can be entered on any)
        shown = discuss if self.only_discuss.isChecked() else list(board.items)
        for i in shown:
            mark = "⚠ " if i.consensus.needs_discussion else ""
            agreed = agreed_words(self.agreement(i), self._answer(i), lang)
            text = self.tr("{mark}{number} · {votes} · agreed: {answer}").format(
                mark=mark,
                number=i.number,
                votes=distribution(i, lang) or self.tr("no grades"),
                answer=agreed,
            )
            row = QListWidgetItem(text)
            row.setData(ROLE_ID, i.requirement.id)
            self.items.addItem(row)
            if i.requirement.id == current:
                self.items.setCurrentItem(row)
        self.vote_person.clear()
        for p in board.participants:
            self.vote_person.addItem(p.name, p.id)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self._show_current()

    def agreement(self, item: BoardItem) -> Agreement | None:
        return self.agreed_now.get(item.requirement.id) or item.agreement

    def _answer(self, item: BoardItem) -> Grade | None:
        """The answer as the session has it now (agreed here or edited elsewhere)."""
        session = self.ctx.session
        return session.answers.grade(item.requirement.id) if session is not None else item.answer

    def _current_id(self) -> str | None:
        row = self.items.currentItem()
        return str(row.data(ROLE_ID)) if row is not None else None

    def current_item(self) -> BoardItem | None:
        rid = self._current_id()
        if self.board is None or rid is None:
            return None
        return next((i for i in self.board.items if i.requirement.id == rid), None)

    def _show_current(self) -> None:
        from factory_grader.domain.consensus import RULE

        item, lang = self.current_item(), self.ctx.lang
        enabled = item is not None and self.controller.editable
        for w in (
            *self.choice_buttons,
            self.rationale,
            self.agree_button,
            self.vote_person,
            self.vote_grade,
            self.vote_button,
        ):
            w.setEnabled(enabled)
        if item is None:
            self.detail.setText(
                self.tr("No grades yet: the returned fill-in workbooks show here.")
                if self.board is not None and self.board.participants
                else ""
            )
            self.agreed_label.setText("")
            return
        votes = "\n".join(
            f"  {v.participant}：{grade_name(v.grade, lang)}"
            + (f"（{v.comment}）" if v.comment else "")
            if lang == "zh"
            else f"  {v.participant}: {grade_name(v.grade, lang)}"
            + (f" ({v.comment})" if v.comment else "")
            for v in item.consensus.votes
        )
        self.detail.setText(
            self.tr(
                "{number}  {text}\nEvidence: {evidence}\n\nGrades given:\n{votes}\n{spread}\n\nProposed: {proposed}. {rule}"
            ).format(
                number=item.number,
                text=self.ctx.text(item.requirement.text),
                evidence=self.ctx.text(item.requirement.evidence),
                votes=votes,
                spread=self.tr("Spread: {n} step(s){na}").format(
                    n=item.consensus.spread,
                    na=self.tr("; 不适用 beside other answers") if item.consensus.mixed_na else "",
                ),
                proposed=grade_name(item.consensus.proposed, lang),
                rule=self.ctx.text(RULE),
            )
        )
        answer = self._answer(item)
        self.agreed_label.setText(
            self.tr("Agreed: {agreed} · the answer now: {answer}").format(
                agreed=agreed_words(self.agreement(item), answer, lang),
                answer=grade_name(answer, lang),
            )
        )
        self.choice_group.setExclusive(False)
        for b, g in zip(self.choice_buttons, CHOICES, strict=True):
            b.setChecked(g == (answer or item.consensus.proposed))
        self.choice_group.setExclusive(True)
        agreement = self.agreement(item)
        self.rationale.setText(agreement.rationale if agreement else "")

    def _present(self) -> None:
        self.present_requested.emit()

    # --- acting --------------------------------------------------------------------------------

    def choose(self, grade: Grade) -> None:
        self.choice_buttons[CHOICES.index(grade)].setChecked(True)

    def agree(self) -> None:
        """The checked grade becomes the answer (through the edit session: undo works) and the
        rationale its comment's 研讨结论 line; the agreement is recorded beside it."""
        item, session, workshop = self.current_item(), self.ctx.session, self.workshop()
        checked = self.choice_group.checkedId()
        if item is None or session is None or workshop is None or checked < 0:
            return
        agreement = agree_in_session(
            self.ctx,
            self.controller,
            workshop,
            item,
            CHOICES[checked],
            self.rationale.text(),
            lambda: self.load(),
        )
        if agreement is not None:
            self.agreed_now[item.requirement.id] = agreement
        self._fill_list()

    def enter_vote(self) -> None:
        item, workshop = self.current_item(), self.workshop()
        pid = self.vote_person.currentData()
        if item is None or workshop is None or pid is None:
            return
        grade = Grade(self.vote_grade.currentData())
        rid = item.requirement.id
        self.controller.ctx.background.write(
            lambda: workshop.set_vote(pid, rid, grade), lambda _: self.load(), self._failed
        )

    def edit_participants(self) -> None:
        from factory_grader.ui.participants_dialog import ParticipantsDialog

        session, board = self.ctx.session, self.board
        if session is None or board is None or board.summary.id != session.assessment_id:
            return  # (the open assessment's board is still loading)
        people = list(board.participants)
        dialog = ParticipantsDialog(self.ctx, session.assessment_id, people, self)
        dialog.exec()
        dialog.deleteLater()
        self.load()

    def write_packs(self) -> None:
        session, workshop = self.ctx.session, self.workshop()
        if session is None or workshop is None:
            return
        if self.board is not None and not self.board.participants:
            QMessageBox.information(
                self, self.tr("Workshop"), self.tr("Add the participants first (Participants…).")
            )
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Folder for the fill-in workbooks"),
            self.ctx.preferences.export_folder or str(Path.home()),
        )
        if not folder:
            return
        aid, lang = session.assessment_id, self.ctx.lang

        def done(paths: list[Path]) -> None:
            QMessageBox.information(
                self,
                self.tr("Fill-in workbooks written"),
                self.tr(
                    "{n} fill-in workbooks were written to\n{folder}\n\nSend each participant theirs; Excel, WPS or LibreOffice will open it."
                ).format(n=len(paths), folder=folder),
            )

        self.ctx.background.run(lambda: workshop.pack(aid, Path(folder), lang), done, self._failed)

    def read_returns(self) -> None:
        session, workshop = self.ctx.session, self.workshop()
        if session is None or workshop is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Returned fill-in workbooks"),
            self.ctx.preferences.export_folder or str(Path.home()),
            self.tr("Workbooks (*.xlsx)"),
        )
        if not paths:
            return
        aid, lang = session.assessment_id, self.ctx.lang

        def done(outcomes: list) -> None:  # type: ignore[type-arg]
            lines = [("✓ " if o.returned else "✗ ") + o.text(lang) for o in outcomes]
            taken = sum(o.returned is not None for o in outcomes)
            box = QMessageBox.information if taken == len(outcomes) else QMessageBox.warning
            box(
                self,
                self.tr("Returned workbooks read"),
                self.tr("{taken} of {n} files read:").format(taken=taken, n=len(outcomes))
                + "\n\n"
                + "\n".join(lines),
            )
            self.load()

        self.ctx.background.write(
            lambda: workshop.merge(aid, [Path(p) for p in paths]), done, self._failed
        )


def agree_in_session(
    ctx: AppContext,
    controller: Controller,
    workshop: WorkshopService,
    item: BoardItem,
    grade: Grade,
    rationale: str,
    then: Callable[[], None] | None = None,
) -> Agreement | None:
    """Shared by the workshop page and presenter mode; `then` once the agreement is stored.
    Returns the agreement (None: this revision cannot change)."""
    from factory_grader.domain.records import RequirementNote
    from factory_grader.domain.text_rules import without_forbidden
    from factory_grader.domain.workshop import Agreement
    from factory_grader.services.workshop import with_rationale

    session = ctx.session
    if session is None or not controller.editable:
        return None
    rid = item.requirement.id
    rationale = without_forbidden(" ".join(rationale.split()))  # (as typed comments are)
    controller.set_grade(rid, grade)
    note = session.note(rid)
    comment = with_rationale(note.comment, rationale)
    if comment != note.comment:
        controller.set_note(rid, RequirementNote(comment, note.review))
    aid = session.assessment_id
    agreement = Agreement(rid, grade, rationale, workshop.service.actor, workshop.service.clock())
    controller.persist(
        lambda: workshop.store.record_agreement(aid, agreement),
        (lambda _: then()) if then is not None else None,
    )
    return agreement
