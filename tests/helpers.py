"""Answer sets built on the real forms, with a maturity score known in advance."""

from __future__ import annotations

from collections.abc import Iterable

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.forms.library import FormLibrary

#: One scenario per tier 环节, then five more (10 in all).
ONE_PER_LINK = (
    "factory-digital-planning",  # factory-construction
    "product-digital-design",  # rd-design
    "online-smart-inspection",  # production-operation
    "workshop-smart-scheduling",  # production-management
    "smart-business-decisions",  # operations-management
)
MORE = (
    "quality-traceability",
    "equipment-operation-monitoring",
    "smart-warehouse-management",
    "supplier-digital-management",
    "remote-operation-maintenance",
)
TEN = ONE_PER_LINK + MORE


def answers_at(
    library: FormLibrary,
    level: int,
    rules: str = "hainan-2025",
    built: Iterable[str] = TEN,
    ai: Iterable[str] = (),
    conditions: bool | None = True,
    industry: IndustryType = IndustryType.DISCRETE,
) -> Answers:
    """Every requirement at levels <= `level` fully met, the rest not met: S = level.00.
    Every condition of the rule set set to `conditions`."""
    form = library.maturity("cmmm-2020")
    rule_set = library.rules(rules)
    ai = set(ai)
    return Answers(
        form.id,
        rule_set.id,
        industry,
        {},
        {r.id: Grade.FULL if r.level <= level else Grade.NONE for r in form.requirements},
        {sid: ScenarioAnswer(True, sid in ai) for sid in built},
        {c.id: conditions for c in rule_set.conditions},
    )
