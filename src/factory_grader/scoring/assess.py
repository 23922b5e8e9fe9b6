"""One call from an answer set to the whole result, and the what-if entry point."""

from __future__ import annotations

from collections.abc import Mapping

from factory_grader.domain.answers import Answers
from factory_grader.domain.maturity_model import LEVELS, Grade, MaturityForm
from factory_grader.domain.results import AssessmentResult, Problem
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.scoring.gaps import analyse_gaps
from factory_grader.scoring.maturity import score_maturity
from factory_grader.scoring.tier import place_tier


def assess(
    form: MaturityForm,
    catalogue: ScenarioCatalogue,
    rules: RuleSet,
    answers: Answers,
    improvements_limit: int = 20,
) -> AssessmentResult:
    maturity = score_maturity(form, answers.industry_type, answers.requirements, answers.weights_id)
    tier = place_tier(rules, catalogue, answers, maturity)
    gaps = analyse_gaps(form, rules, catalogue, answers, maturity, tier, improvements_limit)
    problems = [Problem("unanswered-requirement", rid) for rid in maturity.unanswered]
    problems += [
        Problem("unanswered-condition", c.id)
        for c in rules.conditions
        if answers.conditions.get(c.id) is None
    ]
    problems += [
        Problem("ai-without-built", s.id)  # inconsistent: AI counts only on a built scenario
        for s in catalogue.scenarios
        if answers.scenario(s.id).ai and not answers.scenario(s.id).built
    ]
    problems += [
        Problem("nothing-scorable", str(level))
        for level, ls in zip(LEVELS, maturity.level_scores, strict=True)
        if not ls.scorable
    ]
    return AssessmentResult(maturity, tier, gaps, tuple(problems))


def what_if(
    form: MaturityForm,
    catalogue: ScenarioCatalogue,
    rules: RuleSet,
    answers: Answers,
    changes: Mapping[str, Grade | None],
) -> AssessmentResult:
    """Rescore the answer set with some requirement answers changed (planned improvements)."""
    return assess(form, catalogue, rules, answers.with_grades(changes))
