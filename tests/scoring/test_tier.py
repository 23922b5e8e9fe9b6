"""Tier placement on the shipped rule sets (hainan-2025, national-2025)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factory_grader.domain.results import AiShareCheck, CheckKind, MaturityCheck
from factory_grader.forms.library import FormLibrary
from factory_grader.services.scoring_service import score_answers
from tests.helpers import ONE_PER_LINK, TEN, answers_at


def tier_of(library: FormLibrary, answers) -> tuple[str | None, str | None]:
    result = score_answers(library, answers)
    return result.tier.tier, result.tier.next_tier


@pytest.mark.parametrize(
    ("rules", "level", "expected"),
    [
        ("hainan-2025", 1, "basic"),  # Hainan: basic at 一级
        ("national-2025", 1, None),  # national: basic needs 二级
        ("hainan-2025", 2, "advanced"),
        ("national-2025", 2, "advanced"),
    ],
)
def test_basic_threshold_differs_between_hainan_and_national(
    library: FormLibrary, rules: str, level: int, expected: str | None
) -> None:
    assert tier_of(library, answers_at(library, level, rules))[0] == expected


def test_national_level_one_is_decided_by_the_maturity_rule(library: FormLibrary) -> None:
    result = score_answers(library, answers_at(library, 1, "national-2025"))
    assert [c.kind for c in result.tier.decided_by] == [CheckKind.MATURITY]
    decided = result.tier.decided_by[0]
    assert isinstance(decided, MaturityCheck) and decided.required_level == 2


@pytest.mark.parametrize(
    ("ai", "expected", "convert_needed"),
    [
        (TEN[:2], "excellent", 0),  # 2 of 10 built = exactly 20 %: passes
        (TEN[:1], "advanced", 1),  # 10 %: one more built scenario must use AI
    ],
)
def test_ai_share_at_exactly_20_percent(
    library: FormLibrary, ai: tuple, expected: str, convert_needed: int
) -> None:
    result = score_answers(library, answers_at(library, 3, ai=ai))
    assert result.tier.tier == expected
    excellent = next(t for t in result.tier.tiers if t.tier_id == "excellent")
    share = next(c for c in excellent.checks if c.kind is CheckKind.AI_SHARE)
    assert isinstance(share, AiShareCheck) and share.convert_needed == convert_needed


@pytest.mark.parametrize(("ai_count", "expected"), [(6, "leading"), (5, "excellent")])
def test_ai_share_at_exactly_60_percent(library: FormLibrary, ai_count: int, expected: str) -> None:
    assert tier_of(library, answers_at(library, 4, ai=TEN[:ai_count]))[0] == expected


def test_no_built_scenario_fails_an_ai_share_rule(library: FormLibrary) -> None:
    result = score_answers(library, answers_at(library, 5, built=()))
    assert result.tier.tier is None  # basic needs 生产作业 covered
    assert result.tier.built_count == 0


def test_excellent_needs_all_five_links(library: FormLibrary) -> None:
    without_rd = [s for s in TEN if s != "product-digital-design"]
    result = score_answers(library, answers_at(library, 3, built=without_rd, ai=without_rd[:2]))
    assert result.tier.tier == "advanced"
    assert [(c.kind, c.subject) for c in result.tier.decided_by] == [
        (CheckKind.COVERAGE, "rd-design")
    ]


def test_an_unmet_eligibility_condition_blocks_every_tier(library: FormLibrary) -> None:
    answers = answers_at(library, 5, ai=TEN[:6])
    answers = replace(answers, conditions={**answers.conditions, "elig.compliance": False})
    result = score_answers(library, answers)
    assert result.tier.tier is None and result.tier.next_tier == "basic"
    assert [c.subject for c in result.tier.decided_by] == ["elig.compliance"]


def test_unanswered_condition_counts_as_unmet_and_is_reported(library: FormLibrary) -> None:
    answers = answers_at(library, 2)
    answers = replace(
        answers, conditions={**answers.conditions, "advanced.equipment-quality": None}
    )
    result = score_answers(library, answers)
    assert result.tier.tier == "basic"
    [check] = result.tier.decided_by
    assert check.subject == "advanced.equipment-quality" and not check.answered
    assert ("unanswered-condition", "advanced.equipment-quality") in {
        (p.code, p.subject) for p in result.problems
    }


def test_ladder_a_tier_needs_the_tiers_below(library: FormLibrary) -> None:
    answers = answers_at(library, 5, ai=TEN[:6])
    answers = replace(answers, conditions={**answers.conditions, "basic.key-equipment": False})
    result = score_answers(library, answers)
    leading = next(t for t in result.tier.tiers if t.tier_id == "leading")
    assert leading.met  # leading's own checks hold …
    assert result.tier.tier is None  # … but basic is not reached, so nothing is


def test_coverage_counts_built_scenarios_only(library: FormLibrary) -> None:
    result = score_answers(library, answers_at(library, 2, built=ONE_PER_LINK[:2]))
    assert result.tier.covered_links == ("factory-construction", "rd-design")
    assert result.tier.tier is None  # 生产作业 not covered


def test_ai_on_an_unbuilt_scenario_is_reported_and_not_counted(library: FormLibrary) -> None:
    from factory_grader.domain.answers import ScenarioAnswer

    answers = answers_at(library, 3, ai=TEN[:2])
    scenarios = {**answers.scenarios, "mass-customisation": ScenarioAnswer(False, True)}
    result = score_answers(library, replace(answers, scenarios=scenarios))
    assert result.tier.ai_count == 2 and result.tier.built_count == 10
    assert ("ai-without-built", "mass-customisation") in {
        (p.code, p.subject) for p in result.problems
    }
