"""import -> show is the identity; the score from the database equals the one from the file."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import AssessmentStatus, RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import answers_to_json, parse_answers, read_answers_file
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers

LIB = FormLibrary.load()
FORM = LIB.maturity("cmmm-2020")
REQS = [r.id for r in FORM.requirements]
SCENARIOS = [s.id for s in LIB.catalogue("scenarios-2025").scenarios]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@st.composite
def answer_sets(draw: st.DrawFn) -> Answers:
    rules = LIB.rules(draw(st.sampled_from(["hainan-2025", "national-2025"])))
    grades = draw(st.lists(st.sampled_from([None, *Grade]), min_size=len(REQS), max_size=len(REQS)))
    noted = draw(st.lists(st.sampled_from(REQS), max_size=5, unique=True))
    notes = {rid: RequirementNote(draw(TEXT), draw(st.booleans())) for rid in noted}
    built = draw(st.lists(st.sampled_from(SCENARIOS), max_size=12, unique=True))
    scenarios = {s: ScenarioAnswer(True, draw(st.booleans()), draw(TEXT)) for s in built}
    conds = {c.id: draw(st.sampled_from([True, False, None])) for c in rules.conditions}
    profile = {"name": draw(TEXT.filter(str.strip)), "city": draw(TEXT)}
    answers = Answers(
        FORM.id,
        rules.id,
        draw(st.sampled_from(list(IndustryType))),
        profile,
        dict(zip(REQS, grades, strict=True)),
        scenarios,
        conds,
        {k: v for k, v in notes.items() if v != RequirementNote()},
    )
    # the canonical file form of these answers, read back: what `import FILE` would store
    return parse_answers(json.dumps(answers_to_json(answers, LIB)), "generated", LIB)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(answers=answer_sets())
def test_import_then_show_is_identity(service: AssessmentService, answers: Answers) -> None:
    created = service.import_answers(answers)
    shown = service.answers(created.id)
    assert answers_to_json(shown, LIB) == answers_to_json(answers, LIB)
    assert score_answers(LIB, shown) == score_answers(LIB, answers)


def test_example_file_round_trip_and_score(service: AssessmentService) -> None:
    answers = read_answers_file(example_answers_path(), LIB)
    created = service.import_answers(answers)
    assert created.status is AssessmentStatus.DRAFT and created.revision == 1
    assert created.series_id == created.id and created.created_by == "王工"
    text = json.loads(example_answers_path().read_text(encoding="utf-8"))
    assert answers_to_json(service.answers(created.id), LIB) == text
    _, result = service.score(created.id)
    assert result == score_answers(LIB, answers)
    assert [s.id for s in service.list_assessments()] == [created.id]


def test_same_credit_code_is_the_same_factory(service: AssessmentService) -> None:
    answers = read_answers_file(example_answers_path(), LIB)
    first = service.import_answers(answers)
    second = service.import_answers(answers)
    assert first.factory_id == second.factory_id and first.id != second.id
    assert second.series_id == second.id  # a new assessment, not a revision
