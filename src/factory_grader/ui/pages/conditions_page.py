"""Eligibility (要素条件) and each tier's 建设内容 items, with where each rule comes from."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QWidget,
)

from factory_grader.domain.rules import Condition, ConditionGroup, Confidence
from factory_grader.ui.context import AppContext
from factory_grader.ui.pages.base import Page, clear_layout

VALUES: tuple[bool | None, ...] = (None, True, False)


class ConditionsPage(Page):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(ctx)
        self.window_ = window
        self.heading, self.inner_layout = self.scrolling_body()
        self.combos: dict[str, QComboBox] = {}
        ctx.events.assessment_opened.connect(self.when_visible(self.load))
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Conditions"))
        self.load()

    def _confidence(self, c: Confidence) -> str:
        return {
            Confidence.OFFICIAL: self.tr("official"),
            Confidence.SECONDARY: self.tr("secondary source"),
            Confidence.UNCONFIRMED: self.tr("unconfirmed"),
        }[c]

    def load(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        clear_layout(self.inner_layout)
        self.combos = {}
        rules = lib.rules(session.answers.rules_id)
        groups: list[tuple[str, list[Condition]]] = [
            (
                self.tr("Eligibility (every tier)"),
                [c for c in rules.conditions if c.group is ConditionGroup.ELIGIBILITY],
            )
        ]
        for tier in rules.tiers:
            groups.append(
                (
                    self.tr("{tier}: construction and results").format(
                        tier=self.ctx.text(tier.name)
                    ),
                    [rules.condition(cid) for cid in tier.condition_ids],
                )
            )
        for title, conditions in groups:
            box = QGroupBox(title)
            grid = QGridLayout(box)
            for row, c in enumerate(conditions):
                text = QLabel(
                    f"{self.ctx.text(c.text)}<br><small>{self.ctx.text(c.hint)} · {self._confidence(c.provenance.confidence)}</small>"
                )
                text.setWordWrap(True)
                text.setToolTip(c.provenance.source)
                combo = QComboBox()
                combo.addItems([self.tr("Not answered"), self.tr("Met"), self.tr("Not met")])
                combo.setCurrentIndex(VALUES.index(session.answers.conditions.get(c.id)))
                combo.setAccessibleName(self.ctx.text(c.text))
                combo.setEnabled(session.editable)
                combo.currentIndexChanged.connect(lambda i, cid=c.id: self._changed(cid, VALUES[i]))
                grid.addWidget(text, row, 0)
                grid.addWidget(combo, row, 1)
                grid.setColumnStretch(0, 1)
                self.combos[c.id] = combo
            self.inner_layout.addWidget(box)
        self.inner_layout.addStretch(1)

    def _changed(self, condition_id: str, value: bool | None) -> None:
        session = self.ctx.session
        if (
            session is None
            or not session.editable
            or session.answers.conditions.get(condition_id) is value
        ):
            return
        self.window_.persist(session.set_condition(condition_id, value))  # type: ignore[attr-defined]
        self.ctx.events.answers_changed.emit()
