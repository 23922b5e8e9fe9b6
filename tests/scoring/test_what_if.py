"""The path to the next tier as steps, and the answers once ticked steps are done (the results
page's projection). Expectations worked out by hand from the example factory's answers file:
2 of its 10 built scenarios use AI; 运营管理 has none of its 11 scenarios built."""

from __future__ import annotations

from dataclasses import replace

from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.results import Improvement
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.what_if import Step, StepKind, path_steps, with_steps
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers


def _raise(rid: str, target: Grade) -> Step:
    item = Improvement(rid, "data", 2, None, target, 1, 0.01, 0.01, 0)
    return Step(StepKind.RAISE, rid, item)


def test_done_steps_change_exactly_what_they_name(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    ids = {s.id for s in library.catalogue_for(answers).scenarios}
    assert {"smart-business-decisions", "remote-operation-maintenance"} <= ids
    assert not answers.scenario("smart-business-decisions").built
    done = with_steps(
        answers,
        [
            Step(StepKind.BUILD, "smart-business-decisions"),
            Step(StepKind.AI, "smart-business-decisions"),  # built and ticked for AI: both
            Step(StepKind.AI, "remote-operation-maintenance"),  # not built: AI builds it first
            Step(StepKind.CONDITION, "advanced.data-integration"),
            _raise("data.L2.01", Grade.PARTIAL),
            _raise("data.L2.01", Grade.FULL),  # two raises of one requirement: the higher
            _raise("data.L2.02", Grade.MOST),
        ],
    )
    assert done.scenario("smart-business-decisions") == ScenarioAnswer(True, True, "")
    assert (
        done.scenario("remote-operation-maintenance").built
        and done.scenario("remote-operation-maintenance").ai
    )
    assert done.conditions["advanced.data-integration"] is True
    assert done.grade("data.L2.01") is Grade.FULL and done.grade("data.L2.02") is Grade.MOST
    # nothing else moved, and the answers ticked from are untouched
    changed = {"data.L2.01", "data.L2.02"}
    assert {k: v for k, v in done.requirements.items() if k not in changed} == {
        k: v for k, v in answers.requirements.items() if k not in changed
    }
    assert answers.conditions.get("advanced.data-integration") is None
    assert not answers.scenario("smart-business-decisions").built
    assert with_steps(answers, []) == answers


def test_an_instance_text_survives_a_built_step(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    answers = replace(
        answers,
        scenarios={
            **answers.scenarios,
            "remote-operation-maintenance": ScenarioAnswer(False, False, "试点"),
        },
    )
    done = with_steps(answers, [Step(StepKind.BUILD, "remote-operation-maintenance")])
    assert done.scenario("remote-operation-maintenance") == ScenarioAnswer(True, False, "试点")


def test_the_ai_steps_offer_built_scenarios_first(library: FormLibrary) -> None:
    """Leading needs 60 % of built scenarios with AI. With the example's 10 built (2 with AI)
    the path to 卓越级 needs none more; asked of a gap report that needs 4, the steps offer
    the 8 built scenarios without AI and no unbuilt one (8 ≥ 4)."""
    answers = read_answers_file(example_answers_path(), library)
    result = score_answers(library, answers)
    catalogue = library.catalogue_for(answers)
    gaps = replace(result.gaps, ai_needed=4, links_to_cover=(), conditions_to_meet=(), plan=())
    ai = [s.subject for s in path_steps(gaps, answers, catalogue) if s.kind is StepKind.AI]
    built = [s.id for s in catalogue.scenarios if answers.scenario(s.id).built]
    assert len(built) == 10 and len(ai) == 8
    assert all(answers.scenario(sid).built and not answers.scenario(sid).ai for sid in ai)
    # more needed than built without AI: the unbuilt ones follow, two more than the shortfall
    gaps = replace(gaps, ai_needed=10)
    ai = [s.subject for s in path_steps(gaps, answers, catalogue) if s.kind is StepKind.AI]
    assert len(ai) == 8 + (10 - 8) + 2
    assert not any(answers.scenario(sid).built for sid in ai[8:])
    steps = [s for s in path_steps(gaps, answers, catalogue) if s.kind is StepKind.AI]
    assert [s.build_first for s in steps] == [False] * 8 + [True] * 4  # said "建成并应用"


def test_the_paths_steps_reach_the_next_tier_when_all_are_done(library: FormLibrary) -> None:
    """The example (基础级): the 5 conditions and one 运营管理 scenario make it 先进级."""
    answers = read_answers_file(example_answers_path(), library)
    result = score_answers(library, answers)
    steps = path_steps(result.gaps, answers, library.catalogue_for(answers))
    conditions = [s for s in steps if s.kind is StepKind.CONDITION]
    builds = [s for s in steps if s.kind is StepKind.BUILD]
    assert len(conditions) == 5 and len(builds) == 11
    assert score_answers(library, with_steps(answers, conditions)).tier.tier == "basic"
    reached = score_answers(library, with_steps(answers, [*conditions, builds[0]]))
    assert reached.tier.tier == "advanced"
