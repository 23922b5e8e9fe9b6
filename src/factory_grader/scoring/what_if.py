"""The path to the next tier as steps a person can tick, and the answers once ticked steps are
done: the results page projects S, level, tier and the radar from them.

A step is one change to the answers: raise a requirement (the gap plan's items, then the other
ranked improvements), build a scenario of a 环节 the next tier needs, give a scenario AI, meet a
condition. Ticking any mix of them is answered exactly by scoring the changed answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.maturity_model import SCORED_GRADES, Grade
from factory_grader.domain.results import GapReport, Improvement
from factory_grader.domain.scenarios import ScenarioCatalogue


class StepKind(StrEnum):
    RAISE = "raise"  # the plan to the next tier's S
    BUILD = "build"  # a scenario of a 环节 the next tier needs
    AI = "ai"  # a scenario that must also use AI (built first when it is not)
    CONDITION = "condition"  # a condition the next tier needs
    MORE = "more"  # another raise that helps, outside the plan


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    subject: str  # requirement, scenario or condition id
    improvement: Improvement | None = None  # RAISE and MORE: the raise
    build_first: bool = False  # AI on a scenario not yet built: it is built too


def path_steps(gaps: GapReport, answers: Answers, catalogue: ScenarioCatalogue) -> tuple[Step, ...]:
    """Every step toward the next tier, in the order the path lists them: the plan's raises,
    scenarios to build per 环节, scenarios to give AI, conditions, then other raises."""
    steps = [Step(StepKind.RAISE, i.requirement_id, i) for i in gaps.plan]
    for gap in gaps.links_to_cover:
        steps += [Step(StepKind.BUILD, sid) for sid in gap.candidates]
    if gaps.ai_needed:
        # the built scenarios without AI first, then (when too few) ones not yet built
        built = [
            s.id
            for s in catalogue.scenarios
            if answers.scenario(s.id).built and not answers.scenario(s.id).ai
        ]
        unbuilt = [s.id for s in catalogue.scenarios if not answers.scenario(s.id).built]
        more = max(0, gaps.ai_needed - len(built))
        steps += [Step(StepKind.AI, sid) for sid in built]
        steps += [
            Step(StepKind.AI, sid, build_first=True) for sid in unbuilt[: more + 2 if more else 0]
        ]
    steps += [Step(StepKind.CONDITION, cid) for cid in gaps.conditions_to_meet]
    planned = {i.requirement_id for i in gaps.plan}
    steps += [
        Step(StepKind.MORE, i.requirement_id, i)
        for i in gaps.improvements
        if i.requirement_id not in planned
    ]
    return tuple(steps)


def with_steps(answers: Answers, steps: Iterable[Step]) -> Answers:
    """The answers once the steps are done. Two raises of one requirement: the higher grade."""
    grades: dict[str, Grade] = {}
    scenarios = dict(answers.scenarios)
    conditions = dict(answers.conditions)
    for step in steps:
        if step.improvement is not None:
            rid, target = step.subject, step.improvement.target
            if rid not in grades or SCORED_GRADES.index(target) > SCORED_GRADES.index(grades[rid]):
                grades[rid] = target
        elif step.kind in (StepKind.BUILD, StepKind.AI):
            old = scenarios.get(step.subject) or answers.scenario(step.subject)
            ai = old.ai or step.kind is StepKind.AI
            scenarios[step.subject] = ScenarioAnswer(True, ai, old.instance)
        elif step.kind is StepKind.CONDITION:
            conditions[step.subject] = True
    return replace(answers.with_grades(grades), scenarios=scenarios, conditions=conditions)
