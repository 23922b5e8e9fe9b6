"""The 40 typical scenarios under their 8 环节: built? uses AI? a short 实例 text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
)

from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.markup import plain_title, rich
from factory_grader.ui.pages.base import Page, clear_layout
from factory_grader.ui.text_guard import guard_text


class ScenariosPage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.heading, self.inner_layout = self.scrolling_body()
        self.summary = QLabel()
        self.body_layout.insertWidget(1, self.summary)
        self.widgets: dict[str, tuple[QCheckBox, QCheckBox, QLineEdit]] = {}
        ctx.events.assessment_opened.connect(self.when_visible(self.load))
        ctx.events.result_changed.connect(self.when_visible(self._summarise))
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Typical scenarios built"))
        self.load()

    def load(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        clear_layout(self.inner_layout)
        self.widgets = {}
        catalogue = lib.catalogue_for(session.answers)
        for stage in catalogue.stages:
            link = next(x for x in catalogue.links if x.id == stage.link_id)
            box = QGroupBox(
                plain_title(f"{self.ctx.text(stage.name)}  →  {self.ctx.text(link.name)}")
            )
            grid = QGridLayout(box)
            for row, sc in enumerate(s for s in catalogue.scenarios if s.stage_id == stage.id):
                answer = session.answers.scenario(sc.id)
                name = QLabel(
                    f"<b>{rich(self.ctx.text(sc.name))}</b><br>"
                    f"<small>{rich(self.ctx.text(sc.description))}</small>"
                )
                name.setWordWrap(True)
                built, ai, instance = (
                    QCheckBox(self.tr("Built")),
                    QCheckBox(self.tr("Uses AI")),
                    QLineEdit(),
                )
                built.setChecked(answer.built)
                ai.setChecked(answer.ai)
                ai.setEnabled(answer.built)
                guard_text(instance, "instance")
                instance.setText(answer.instance)
                instance.setCursorPosition(0)
                instance.setPlaceholderText(self.tr("Instance: what was built, with what result"))
                for w, what in (
                    (built, self.tr("Built")),
                    (ai, self.tr("Uses AI")),
                    (instance, self.tr("Instance")),
                ):
                    w.setAccessibleName(f"{self.ctx.text(sc.name)}: {what}")
                    w.setEnabled(w.isEnabled() and session.editable)
                built.toggled.connect(lambda _=None, sid=sc.id: self._changed(sid))
                ai.toggled.connect(lambda _=None, sid=sc.id: self._changed(sid))
                instance.editingFinished.connect(lambda sid=sc.id: self._changed(sid))
                grid.addWidget(name, row, 0)
                grid.addWidget(built, row, 1)
                grid.addWidget(ai, row, 2)
                grid.addWidget(instance, row, 3)
                grid.setColumnStretch(0, 2)
                grid.setColumnStretch(3, 2)
                self.widgets[sc.id] = (built, ai, instance)
            self.inner_layout.addWidget(box)
        self.inner_layout.addStretch(1)
        self._summarise()

    def reveal(self, subject: str) -> None:
        """A scenario's "built" box; with "link:<id>" the first scenario of that 环节; with
        "ai:<id>" the scenario's "uses AI" box ("ai:" alone: the first built one without AI)."""
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        catalogue, answers = lib.catalogue_for(session.answers), session.answers
        box = 0
        if subject.startswith("link:"):
            link = subject.removeprefix("link:")
            subject = next((s.id for s in catalogue.scenarios if catalogue.link_of(s) == link), "")
        elif subject.startswith("ai:"):
            subject, box = subject.removeprefix("ai:"), 1
            if not subject:
                subject = next(
                    (
                        s.id
                        for s in catalogue.scenarios
                        if answers.scenario(s.id).built and not answers.scenario(s.id).ai
                    ),
                    "",
                )
            if subject and not answers.scenario(subject).built:
                box = 0  # not built yet: building it comes first (AI is offered once built)
        widgets = self.widgets.get(subject)
        if widgets is None:
            return
        widgets[box].setFocus(Qt.FocusReason.OtherFocusReason)
        # once the page is laid out (it may have been built just now)
        QTimer.singleShot(0, lambda: self._scroll_to(subject))

    def _scroll_to(self, subject: str) -> None:
        widgets = self.widgets.get(subject)  # looked up again: the page may be rebuilt by now
        if widgets is not None:
            self.scroll_into_view(widgets[0])

    def _changed(self, scenario_id: str) -> None:
        session = self.ctx.session
        if session is None or not session.editable:
            return
        built, ai, instance = self.widgets[scenario_id]
        ai.setEnabled(built.isChecked())
        answer = ScenarioAnswer(
            built.isChecked(), ai.isChecked() and built.isChecked(), instance.text().strip()
        )
        if answer == session.answers.scenario(scenario_id):
            return
        self.controller.set_scenario(scenario_id, answer)

    def _summarise(self) -> None:
        result = self.ctx.result
        if result is None:
            self.summary.setText("")
            return
        t = result.tier
        share = f"{100 * t.ai_count / t.built_count:.0f}%" if t.built_count else "–"
        self.summary.setText(
            self.tr("{built} built, {ai} using AI ({share}); stages covered: {links} of 5").format(
                built=t.built_count, ai=t.ai_count, share=share, links=len(t.covered_links)
            )
        )
