"""The tier ladder of the results page: 基础级 → 先进级 → 卓越级 → 领航级, where the factory
stands, and under each rung its checks ✓/✗ in plain words. The next rung is open; an unmet
check leads to where it is fixed."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from factory_grader import wording
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.results import (
    AiShareCheck,
    AssessmentResult,
    Check,
    CoverageCheck,
    MaturityCheck,
)
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Lang
from factory_grader.ui.jump_tree import JumpTree
from factory_grader.ui.page_names import PageName

MET, UNMET = QColor("#2e7d32"), QColor("#c62828")


class TierLadder(JumpTree):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(True)

    def show_result(
        self,
        result: AssessmentResult,
        form: MaturityForm,
        rules: RuleSet,
        catalogue: ScenarioCatalogue,
        lang: Lang,
    ) -> None:
        self.clear()
        t = result.tier
        reached = True
        opened: QTreeWidgetItem | None = None
        for tier_check in t.tiers:
            reached = reached and tier_check.met
            name = wording.tier_name(rules, tier_check.tier_id, lang)
            unmet = sum(not c.met for c in tier_check.checks)
            if reached:
                text = self.tr("✓ {tier}: reached").format(tier=name)
            elif tier_check.tier_id == t.next_tier:
                text = self.tr("✗ {tier}: the next tier, {n} check(s) not met").format(
                    tier=name, n=unmet
                )
            elif tier_check.met:
                text = self.tr("○ {tier}: its own checks are met; a tier below is not").format(
                    tier=name
                )
            else:
                text = self.tr("✗ {tier}: {n} check(s) not met").format(tier=name, n=unmet)
            rung = QTreeWidgetItem(self, [text])
            font = rung.font(0)
            font.setBold(True)
            rung.setFont(0, font)
            rung.setForeground(0, QBrush(MET if reached else UNMET))
            for check in tier_check.checks:
                say = wording.met_check_sentence if check.met else wording.check_sentence
                line = wording.sentence_case(say(check, form, rules, catalogue, lang))
                item = QTreeWidgetItem(rung, [("✓ " if check.met else "✗ ") + line])
                item.setForeground(0, QBrush(MET if check.met else UNMET))
                item.setToolTip(0, line)
                if not check.met:
                    self.set_place(item, *_place_of(check, result))
            if tier_check.tier_id == t.next_tier:
                opened = rung
        if opened is None and self.topLevelItemCount():  # the top tier: show its checks
            opened = self.topLevelItem(self.topLevelItemCount() - 1)
        if opened is not None:
            opened.setExpanded(True)


def _place_of(check: Check, result: AssessmentResult) -> tuple[PageName, str]:
    """Where an unmet check is fixed."""
    if isinstance(check, MaturityCheck):
        # the plan's first raise; when the next tier's maturity holds there is no plan, and
        # the raise that lifts S most comes first among the improvements
        first = (*result.gaps.plan, *result.gaps.improvements)
        return PageName.QUESTIONNAIRE, first[0].requirement_id if first else ""
    if isinstance(check, CoverageCheck):
        return PageName.SCENARIOS, f"link:{check.subject}"
    if isinstance(check, AiShareCheck):
        return PageName.SCENARIOS, "ai:"  # the first built scenario without AI
    return PageName.CONDITIONS, check.subject
