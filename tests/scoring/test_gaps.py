"""Gap analysis: unmet checks of the next tier, ranked improvements, the plan, what-if."""

from __future__ import annotations

from dataclasses import replace

from factory_grader.domain.maturity_model import SCORED_GRADES, Grade
from factory_grader.domain.results import CheckKind
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.assess import what_if
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from tests.helpers import answers_at


def _forms(library: FormLibrary, answers):
    rules = library.rules(answers.rules_id)
    return library.maturity(answers.form_id), library.catalogue(rules.scenarios_id), rules


def test_unmet_lists_every_failing_check_of_the_next_tier(library: FormLibrary) -> None:
    answers = answers_at(library, 1, "national-2025")
    answers = replace(answers, conditions={**answers.conditions, "basic.results": False})
    gaps = score_answers(library, answers).gaps
    assert gaps.next_tier == "basic"
    assert {(c.kind, c.subject) for c in gaps.unmet} == {
        (CheckKind.MATURITY, "basic"),
        (CheckKind.RESULTS, "basic.results"),
    }
    assert gaps.target_hundredths == 180


def test_plan_reaches_the_target_and_what_if_confirms_it(library: FormLibrary) -> None:
    answers = answers_at(library, 1, "national-2025")
    result = score_answers(library, answers)
    gaps = result.gaps
    assert gaps.plan and gaps.plan_reaches_target
    assert all(item.level == 2 for item in gaps.plan)  # only the stop level can lift S here
    scores = [item.score_after_hundredths for item in gaps.plan]
    assert scores == sorted(scores) and scores[-1] >= 180
    changes = {item.requirement_id: item.target for item in gaps.plan}
    after = what_if(*_forms(library, answers), answers, changes)
    assert after.maturity.score_hundredths == scores[-1]
    assert after.tier.tier == "advanced"  # national: basic and advanced both need 二级


def test_plan_from_the_example_factory(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    form, catalogue, rules = _forms(library, answers)
    result = score_answers(library, answers)
    # The example sits at 二级 with 先进级 blocked by conditions, not by maturity …
    assert result.tier.tier == "basic" and result.gaps.target_hundredths is None
    # … so ask for a plan under a stricter target: 三级.
    from factory_grader.scoring.gaps import plan_to_target

    plan, reached = plan_to_target(form, answers.industry_type, answers.requirements, 280)
    assert reached
    after = what_if(form, catalogue, rules, answers, {i.requirement_id: i.target for i in plan})
    assert after.maturity.score_hundredths >= 280
    assert after.maturity.score_hundredths == plan[-1].score_after_hundredths


def test_ranked_improvements_are_sorted_and_exact(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    form, catalogue, rules = _forms(library, answers)
    result = score_answers(library, answers)
    items = result.gaps.improvements
    assert len(items) == 20
    per_step = [i.gain_per_step for i in items]
    assert per_step == sorted(per_step, reverse=True)
    base = result.maturity
    for item in items[:8]:
        assert SCORED_GRADES.index(item.target) - SCORED_GRADES.index(
            item.current or Grade.NONE
        ) == (item.steps)
        after = what_if(form, catalogue, rules, answers, {item.requirement_id: item.target})
        assert after.maturity.score_hundredths == item.score_after_hundredths
        raw_gain = sum(ls.raw for ls in after.maturity.level_scores if ls.counted) - sum(
            ls.raw for ls in base.level_scores if ls.counted
        )
        assert abs(raw_gain - item.gain) < 1e-9


def test_improvements_only_at_or_below_the_stop_level(library: FormLibrary) -> None:
    answers = answers_at(library, 2)  # A3 = 0: the stop level is 3
    items = score_answers(library, answers).gaps.improvements
    assert items and all(i.level == 3 for i in items)  # levels 1-2 are full already


def test_nothing_left_when_all_is_full(library: FormLibrary) -> None:
    result = score_answers(library, answers_at(library, 5))
    assert result.maturity.score_hundredths == 500
    assert result.gaps.improvements == ()


def test_top_tier_has_no_next(library: FormLibrary) -> None:
    from tests.helpers import TEN

    result = score_answers(library, answers_at(library, 5, ai=TEN[:6]))
    assert result.tier.tier == "leading" and result.gaps.next_tier is None
    assert result.gaps.unmet == ()
