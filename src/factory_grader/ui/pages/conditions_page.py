"""Eligibility (要素条件) and each tier's 建设内容 items grouped by 环节, each marked required or
optional for this tier, with where each rule comes from in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
)

from factory_grader.domain.rules import Condition, ConditionGroup, Confidence
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.markup import plain_title, rich
from factory_grader.ui.pages.base import Page, clear_layout
from factory_grader.wording import CONFIDENCE_NAMES

VALUES: tuple[bool | None, ...] = (None, True, False)


class ConditionsPage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.heading, self.inner_layout = self.scrolling_body()
        self.combos: dict[str, QComboBox] = {}
        ctx.events.assessment_opened.connect(self.when_visible(self.load))
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Conditions"))
        self.load()

    def _confidence(self, c: Confidence) -> str:
        return CONFIDENCE_NAMES[c].get(self.ctx.lang)

    def _source(self, c: Condition) -> str:
        """Where the rule comes from, in the UI's language (never the raw English notes)."""
        return self.ctx.text(c.provenance.label)

    def _tooltip(self, c: Condition) -> str:
        tip = self.tr("{source}; confidence: {confidence}").format(
            source=self._source(c), confidence=self._confidence(c.provenance.confidence)
        )
        return tip + (f"\n{c.provenance.source}" if self.ctx.lang == "en" else "")

    def load(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        clear_layout(self.inner_layout)
        self.combos = {}
        rules = lib.rules_for(session.answers)
        catalogue = lib.catalogue_for(session.answers)
        link_names = {x.id: self.ctx.text(x.name) for x in catalogue.links}
        eligibility = [c for c in rules.conditions if c.group is ConditionGroup.ELIGIBILITY]
        self._group(self.tr("Eligibility (every tier)"), [(None, eligibility, True)])
        # which items a tier requires is a reading of the 要素条件's structure: say so
        label = self.ctx.text(rules.content_links_provenance.label)
        basis = f"（{label}）" if self.ctx.lang == "zh" else f" ({label})"
        for tier in rules.tiers:
            required = set(rules.required_condition_ids(tier))
            own = [rules.condition(cid) for cid in tier.condition_ids]
            sections: list[tuple[str | None, list[Condition], bool]] = [
                (self.tr("Whole tier"), [c for c in own if c.link is None], True)
            ]
            for link in catalogue.links:
                items = [c for c in own if c.link == link.id]
                if items:
                    sections.append((link_names[link.id], items, items[0].id in required))
            self._group(
                self.tr("{tier}: construction and results").format(tier=self.ctx.text(tier.name)),
                sections,
                note=self.tr(
                    "Required: the items of the stages this tier must cover ({links}), the "
                    "results item and whole-tier items. Items of other stages are optional "
                    "and never block the tier."
                ).format(
                    links="、".join(link_names[x] for x in tier.required_links)
                    if self.ctx.lang == "zh"
                    else ", ".join(link_names[x] for x in tier.required_links)
                )
                + basis,
            )
        self.inner_layout.addStretch(1)

    def _group(
        self,
        title: str,
        sections: list[tuple[str | None, list[Condition], bool]],
        note: str = "",
    ) -> None:
        session = self.ctx.session
        assert session is not None
        box = QGroupBox(plain_title(title))
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        row = 0
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            grid.addWidget(hint, row, 0, 1, 2)
            row += 1
        for heading, conditions, required in sections:
            if not conditions:
                continue
            if heading is not None:
                tag = self.tr("required") if required else self.tr("optional")
                label = QLabel(f"<b>{rich(heading)}</b> · {rich(tag)}")
                grid.addWidget(label, row, 0, 1, 2)
                row += 1
            for c in conditions:
                text = QLabel(
                    f"{rich(self.ctx.text(c.text))}<br><small>{rich(self.ctx.text(c.hint))} · "
                    f"{rich(self._source(c))}</small>"
                )
                text.setWordWrap(True)
                text.setToolTip(self._tooltip(c))
                combo = QComboBox()
                combo.addItems([self.tr("Not answered"), self.tr("Met"), self.tr("Not met")])
                combo.setCurrentIndex(VALUES.index(session.answers.conditions.get(c.id)))
                combo.setAccessibleName(self.ctx.text(c.text))
                combo.setEnabled(session.editable)
                combo.currentIndexChanged.connect(lambda i, cid=c.id: self._changed(cid, VALUES[i]))
                grid.addWidget(text, row, 0)
                grid.addWidget(combo, row, 1)
                self.combos[c.id] = combo
                row += 1
        self.inner_layout.addWidget(box)

    def reveal(self, subject: str) -> None:
        """The condition's answer box, in view with the focus."""
        combo = self.combos.get(subject)
        if combo is None:
            return
        combo.setFocus(Qt.FocusReason.OtherFocusReason)
        # once the page is laid out (it may have been built just now)
        QTimer.singleShot(0, lambda: self._scroll_to(subject))

    def _scroll_to(self, subject: str) -> None:
        combo = self.combos.get(subject)  # looked up again: the page may be rebuilt by now
        if combo is not None:
            self.scroll_into_view(combo)

    def _changed(self, condition_id: str, value: bool | None) -> None:
        session = self.ctx.session
        if (
            session is None
            or not session.editable
            or session.answers.conditions.get(condition_id) is value
        ):
            return
        self.controller.set_condition(condition_id, value)
