"""The path to the next tier as a checklist: the plan's requirement raises, the scenarios to
build per 环节, the scenarios to give AI, the conditions to meet, and other raises that help.
Each step can be ticked (the page projects the result) and leads to where it is done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from factory_grader import wording
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.results import AiShareCheck, AssessmentResult, CoverageCheck
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Lang
from factory_grader.scoring.what_if import Step, StepKind
from factory_grader.ui.jump_tree import JumpTree
from factory_grader.ui.page_names import PageName

ROLE_STEP = Qt.ItemDataRole.UserRole + 2
PAGE_OF_STEP = {
    StepKind.RAISE: PageName.QUESTIONNAIRE,
    StepKind.MORE: PageName.QUESTIONNAIRE,
    StepKind.BUILD: PageName.SCENARIOS,
    StepKind.AI: PageName.SCENARIOS,
    StepKind.CONDITION: PageName.CONDITIONS,
}


class PathList(JumpTree):
    #: the ticked steps changed
    ticked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemChanged.connect(self._changed)

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and item.data(0, ROLE_STEP) is not None:
            self.ticked.emit()

    def show_steps(
        self,
        steps: tuple[Step, ...],
        result: AssessmentResult,
        form: MaturityForm,
        rules: RuleSet,
        catalogue: ScenarioCatalogue,
        lang: Lang,
    ) -> None:
        self.blockSignals(True)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for step in steps:
            key, heading = self._group_of(step, result, form, rules, catalogue, lang)
            group = groups.get(key)
            if group is None:
                group = groups[key] = QTreeWidgetItem(self, [heading])
                group.setToolTip(0, heading)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                group.setExpanded(step.kind is not StepKind.MORE)
            line = wording.step_sentence(step, form, rules, catalogue, lang)
            item = QTreeWidgetItem(group, [line])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, ROLE_STEP, step)
            # a requirement's id is kept in sight (exports use it); other ids are no one's words
            item.setToolTip(0, f"{line}\n{step.subject}" if step.improvement else line)
            subject = f"ai:{step.subject}" if step.kind is StepKind.AI else step.subject
            self.set_place(item, PAGE_OF_STEP[step.kind], subject)
        if not steps:
            QTreeWidgetItem(
                self, [self.tr("Nothing left to raise: every requirement is fully met.")]
            )
        self.blockSignals(False)

    def tick(self, wanted: set[tuple[StepKind, str]]) -> None:
        """Tick the steps named (kind, subject) without announcing each (ticked follows once)."""
        self.blockSignals(True)
        for item in self.step_items():
            step = item.data(0, ROLE_STEP)
            if step is not None and (step.kind, step.subject) in wanted:
                item.setCheckState(0, Qt.CheckState.Checked)
        self.blockSignals(False)

    def checked_steps(self) -> list[Step]:
        return [
            item.data(0, ROLE_STEP)
            for item in self.step_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def step_items(self) -> list[QTreeWidgetItem]:
        """Every step's row, in the order listed (not the "nothing left" row)."""
        groups = [self.topLevelItem(g) for g in range(self.topLevelItemCount())]
        return [
            item
            for group in groups
            if group is not None
            for item in (group.child(i) for i in range(group.childCount()))
            if item is not None and item.data(0, ROLE_STEP) is not None
        ]

    def _group_of(
        self,
        step: Step,
        result: AssessmentResult,
        form: MaturityForm,
        rules: RuleSet,
        catalogue: ScenarioCatalogue,
        lang: Lang,
    ) -> tuple[str, str]:
        """The group a step is listed under: (key, heading)."""
        gaps = result.gaps
        if step.kind is StepKind.RAISE:
            return "raise", wording.plan_sentences(gaps, rules, catalogue, lang)[0]
        if step.kind is StepKind.BUILD:
            link = catalogue.link_of(catalogue.scenario(step.subject))
            check = next(
                (c for c in gaps.unmet if isinstance(c, CoverageCheck) and c.subject == link),
                None,
            )
            heading = (
                wording.check_sentence(check, form, rules, catalogue, lang)
                if check
                else catalogue.link(link).name.get(lang)
            )
            return f"build:{link}", wording.sentence_case(heading)
        if step.kind is StepKind.AI:
            ai = next((c for c in gaps.unmet if isinstance(c, AiShareCheck)), None)
            heading = (
                wording.check_sentence(ai, form, rules, catalogue, lang)
                if ai
                else self.tr("Use AI in built scenarios")
            )
            return "ai", wording.sentence_case(heading)
        if step.kind is StepKind.CONDITION:
            return "condition", self.tr("Conditions to meet")
        if result.tier.next_tier is None:
            return "more", self.tr("Raises that still lift S, best first")
        return "more", self.tr("Other raises that help, best first (not needed for the next tier)")
