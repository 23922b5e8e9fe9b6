"""Presenter mode (演示模式): the workshop on a projector. Full screen, large type (body text
≥ 28 px, readable from 5 m at 1920 × 1080), one requirement at a time with its evidence hint and
the participants' grades as a small distribution; keys 1–5 set the agreed answer, ←/→ move, D
shows only the items in disagreement or all, Esc leaves. S and the tier update live in a corner.
Sizes are in pixels, not points: a projector's distance, not the laptop's DPI, decides them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from factory_grader.domain.maturity_model import Grade
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.pages.workshop_page import CHOICES, agree_in_session
from factory_grader.wording import NO_TIER, agreed_words, grade_name, listing, tier_name

if TYPE_CHECKING:
    from factory_grader.domain.results import AssessmentResult
    from factory_grader.domain.workshop import Agreement
    from factory_grader.services.workshop import Board, BoardItem, WorkshopService

BODY_PX = 30  # ≥ 28 px (issue 16)
TITLE_PX = 44
SMALL_PX = 28
VOTES_PX = 36  # the distribution is what the room argues about


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class PresenterWindow(QWidget):
    #: the window was closed (Esc): the workshop page shows what was agreed meanwhile
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        controller: Controller,
        workshop: WorkshopService,
        board: Board,
        only_discussion: bool = True,
        agreed_now: dict[str, Agreement] | None = None,
    ) -> None:
        """agreed_now: agreements made on the page that the board does not hold yet."""
        super().__init__(None, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx, self.controller, self.workshop, self.board = ctx, controller, workshop, board
        #: what is agreed, as it changes here (the board holds what was loaded)
        self.agreements = {i.requirement.id: i.agreement for i in board.items if i.agreement}
        self.agreements.update(agreed_now or {})
        self.only_discussion = only_discussion and any(
            i.consensus.needs_discussion for i in board.items
        )
        self.index = 0
        self.setObjectName("presenter")
        self.setStyleSheet("#presenter { background: #111; } QLabel { color: #f5f5f5; }")
        self.corner = QLabel()
        self.corner.setFont(_font(SMALL_PX, True))
        self.corner.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.place = QLabel()
        self.place.setFont(_font(SMALL_PX))
        self.title = QLabel()
        self.title.setFont(_font(TITLE_PX, True))
        self.title.setWordWrap(True)
        self.evidence = QLabel()
        self.evidence.setFont(_font(BODY_PX))
        self.evidence.setWordWrap(True)
        self.evidence.setStyleSheet("color: #bdbdbd;")
        self.votes = QLabel()
        self.votes.setFont(_font(VOTES_PX))
        self.votes.setWordWrap(True)
        self.votes.setTextFormat(Qt.TextFormat.RichText)
        self.answer = QLabel()
        self.answer.setFont(_font(BODY_PX, True))
        self.answer.setWordWrap(True)
        self.keys = QLabel()
        self.keys.setFont(_font(SMALL_PX))
        self.keys.setWordWrap(True)
        self.keys.setStyleSheet("color: #9e9e9e;")
        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.corner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.setSpacing(24)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.evidence)
        layout.addWidget(self.votes)
        layout.addStretch(1)
        layout.addWidget(self.answer)
        layout.addWidget(self.keys)
        ctx.events.result_changed.connect(self._show_result)
        self._show_result(ctx.result)
        self.show_item()

    # --- what is shown ---------------------------------------------------------------------

    def shown_items(self) -> tuple[BoardItem, ...]:
        voted = tuple(i for i in self.board.items if i.consensus.votes)
        if self.only_discussion:
            return tuple(i for i in voted if i.consensus.needs_discussion)
        return voted or self.board.items

    def current(self) -> BoardItem | None:
        items = self.shown_items()
        return items[self.index] if items else None

    def show_item(self) -> None:
        items, lang = self.shown_items(), self.ctx.lang
        item = self.current()
        which = (
            self.tr("Only those needing discussion")
            if self.only_discussion
            else self.tr("All with grades")
        )
        choices = "  ".join(f"{n} {grade_name(g, lang)}" for n, g in enumerate(CHOICES, 1))
        self.keys.setText(
            self.tr("Agreed answer: {choices}\n←/→ move · D: {which} · Esc leaves").format(
                choices=choices,
                which=self.tr("show all")
                if self.only_discussion
                else self.tr("only disagreements"),
            )
        )
        if item is None:
            self.place.setText(which)
            self.title.setText(self.tr("Nothing to show."))
            for label in (self.evidence, self.votes, self.answer):
                label.setText("")
            return
        self.place.setText(f"{self.index + 1} / {len(items)} · {which}")
        self.title.setText(f"{item.number}  {self.ctx.text(item.requirement.text)}")
        self.evidence.setText(
            self.tr("Evidence: {text}").format(text=self.ctx.text(item.requirement.evidence))
        )
        self.votes.setText(self._distribution(item))
        self.answer.setText(
            self.tr("Proposed: {proposed} · Agreed: {agreed}").format(
                proposed=grade_name(item.consensus.proposed, lang),
                agreed=agreed_words(
                    self.agreements.get(item.requirement.id), self._answer(item), lang
                ),
            )
        )

    def _distribution(self, item: BoardItem) -> str:
        """One line per grade chosen: a bar of blocks and who chose it."""
        lang = self.ctx.lang
        lines = []
        for g in CHOICES:
            who = [v.participant for v in item.consensus.votes if v.grade == g]
            if who:
                bar = "■" * len(who)
                lines.append(
                    f"<span style='color:#64b5f6'>{bar}</span>&nbsp; {grade_name(g, lang)}"
                    f" <span style='color:#bdbdbd'>{self._names(who)}</span>"
                )
        return "<br>".join(lines)

    def _names(self, who: list[str]) -> str:
        names = listing(who, self.ctx.lang)
        return f"（{names}）" if self.ctx.lang == "zh" else f"({names})"

    def _answer(self, item: BoardItem) -> Grade | None:
        session = self.ctx.session
        return session.answers.grade(item.requirement.id) if session is not None else item.answer

    def _show_result(self, result: AssessmentResult | None) -> None:
        if result is None or self.ctx.library is None or self.ctx.session is None:
            self.corner.setText("")
            return
        rules = self.ctx.library.rules_for(self.ctx.session.answers)
        tier = (
            tier_name(rules, result.tier.tier, self.ctx.lang)
            if result.tier.tier
            else self.ctx.text(NO_TIER)
        )
        self.corner.setText(f"S {format_hundredths(result.maturity.score_hundredths)} · {tier}")

    def closeEvent(self, event: QCloseEvent) -> None:
        # the app's events outlive this window: nothing may reach it once it is gone
        self.ctx.events.result_changed.disconnect(self._show_result)
        super().closeEvent(event)
        self.closed.emit()

    # --- keys --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        items = self.shown_items()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space) and items:
            self.index = min(self.index + 1, len(items) - 1)
            self.show_item()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp) and items:
            self.index = max(self.index - 1, 0)
            self.show_item()
        elif key == Qt.Key.Key_D:
            self.only_discussion = not self.only_discussion
            self.index = 0
            self.show_item()
        elif (
            Qt.Key.Key_1 <= key <= Qt.Key.Key_5
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            item = self.current()
            if item is not None and self.controller.editable:
                grade = CHOICES[key - Qt.Key.Key_1]
                earlier = self.agreements.get(item.requirement.id)
                rationale = earlier.rationale if earlier else ""
                done = agree_in_session(
                    self.ctx, self.controller, self.workshop, item, grade, rationale
                )
                if done is not None:
                    self.agreements[item.requirement.id] = done
                self.show_item()
        else:
            super().keyPressEvent(event)
