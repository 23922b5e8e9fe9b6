"""The side panel: S, level, tier badge, A1–A5 and what blocks the next tier, always in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from factory_grader import wording
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.ui.context import AppContext

if TYPE_CHECKING:
    from factory_grader.domain.results import AssessmentResult

TIER_COLOURS = {
    None: "#8a8f98",
    "basic": "#2e7d32",
    "advanced": "#1565c0",
    "excellent": "#6a1b9a",
    "leading": "#b8860b",
}


class ResultPanel(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("resultPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(230)
        self.setMaximumWidth(300)
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.score = QLabel("–")
        self.score.setObjectName("bigScore")
        self.score.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.level = QLabel()
        self.level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tier = QLabel()
        self.tier.setObjectName("tierBadge")
        self.tier.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.levels = QLabel()
        self.levels.setWordWrap(True)
        self.levels.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.next = QLabel()
        self.next.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        layout = QVBoxLayout(self)
        for w in (
            self.heading,
            self.score,
            self.level,
            self.tier,
            self.levels,
            self.progress,
            self.next,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.notice)
        ctx.events.result_changed.connect(self.show_result)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Result (updates as you answer)"))
        self.progress.setAccessibleName(self.tr("Questionnaire completeness"))
        self.progress.setFormat(self.tr("%v of %m answered"))
        self.notice.setText(
            self.tr(
                "Self-assessment only: the official assessment is done on the national public platform (智能制造评估评价公共服务平台)."
            )
        )
        self.show_result(self.ctx.result)

    def show_result(self, result: AssessmentResult | None) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if result is None or session is None or lib is None:
            self.score.setText("")
            for w in (self.level, self.tier, self.levels, self.next):
                w.setText("")
            self.tier.setStyleSheet("")
            self.progress.hide()
            self.next.setText(self.tr("Open or create an assessment to see its result here."))
            return
        self.progress.show()
        answers = session.answers
        form = lib.form_for(answers)
        rules = lib.rules_for(answers)
        m, t = result.maturity, result.tier
        self.score.setText(f"S = {format_hundredths(m.score_hundredths)}")
        self.level.setText(wording.level_name(form, m.level, self.ctx.lang))
        tier_name = wording.tier_name(rules, t.tier, self.ctx.lang)
        self.tier.setText(tier_name)
        colour = TIER_COLOURS.get(t.tier, "#8a8f98")
        self.tier.setStyleSheet(
            f"background:{colour};color:white;border-radius:6px;padding:6px;font-weight:bold"
        )
        cells = []
        for ls in m.level_scores:
            text = f"A{ls.level} {format_hundredths(ls.hundredths)}"
            cells.append(text if ls.counted else f"<span style='color:#999'>{text}</span>")
        self.levels.setText("&nbsp; ".join(cells))
        applicable = [r for r in form.requirements if answers.industry_type in r.applies_to]
        answered = sum(answers.grade(r.id) is not None for r in applicable)
        self.progress.setRange(0, len(applicable))
        self.progress.setValue(answered)
        if t.next_tier:
            self.next.setText(
                self.tr("Next: {tier} — {count} condition(s) not yet met").format(
                    tier=self.ctx.text(rules.tier(t.next_tier).name), count=len(result.gaps.unmet)
                )
            )
        else:
            self.next.setText(wording.TOP_TIER.get(self.ctx.lang))
