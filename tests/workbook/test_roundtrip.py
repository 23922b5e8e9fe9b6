"""answers -> workbook -> import gives back identical answers and the same score (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factory_grader.domain.answers import PROFILE_FIELDS, Answers, ScenarioAnswer
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import RequirementNote
from factory_grader.domain.text_rules import without_forbidden
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import answers_to_json
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.submission import build_submission, export_workbook, read_for_import

LIB = FormLibrary.load()
FORM = LIB.maturity("cmmm-2020")
# any character hypothesis finds that a workbook can hold: \r, tabs, "=", astral characters …
# (the ones XML cannot hold are refused at entry: tests/workbook/test_unreadable_text.py)
text = st.text(max_size=30).map(without_forbidden)


@st.composite
def answer_sets(draw: st.DrawFn) -> Answers:
    rules = LIB.rules(draw(st.sampled_from(["hainan-2025", "national-2025"])))
    catalogue = LIB.catalogue(rules.scenarios_id)
    grades = st.one_of(st.none(), st.sampled_from(list(Grade)))
    requirements = {r.id: draw(grades) for r in FORM.requirements if draw(st.booleans())}
    noted = draw(st.lists(st.sampled_from([r.id for r in FORM.requirements]), max_size=6))
    notes = {rid: RequirementNote(draw(text), draw(st.booleans())) for rid in noted}
    return Answers(
        FORM.id,
        rules.id,
        draw(st.sampled_from(list(IndustryType))),
        {k: draw(text) for k in PROFILE_FIELDS if draw(st.booleans())},
        requirements,
        {
            s.id: ScenarioAnswer(draw(st.booleans()), draw(st.booleans()), draw(text))
            for s in catalogue.scenarios
            if draw(st.booleans())
        },
        {c.id: draw(st.one_of(st.none(), st.booleans())) for c in rules.conditions},
        {rid: n for rid, n in notes.items() if n != RequirementNote()},
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets(), lang=st.sampled_from(["zh", "en"]))
def test_round_trip_keeps_answers_and_score(answers: Answers, lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "roundtrip.xlsx"
        export_workbook(build_submission(LIB, answers, lang=lang), book)  # type: ignore[arg-type]
        verdict = read_for_import(book, LIB)
    assert verdict.answers is not None
    assert verdict.status.value == "ok", verdict.findings
    assert answers_to_json(verdict.answers, LIB) == answers_to_json(answers, LIB)
    assert verdict.result == score_answers(LIB, answers)
