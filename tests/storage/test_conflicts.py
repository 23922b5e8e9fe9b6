"""Two people on one assessment: the second writer of a stale answer is told, nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from factory_grader.domain.answer_values import ConditionValue, RequirementValue
from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.errors import AnswerConflict
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.storage.database import open_database
from tests.storage.conftest import make_service


def test_stale_write_is_refused_with_both_values_kept(
    db_url: str, library: FormLibrary, clock, tmp_path: Path
) -> None:
    # Two separate app instances on the same database (two engines, two connections).
    db_a, db_b = open_database(db_url, clock), open_database(db_url, clock)
    try:
        alice = make_service(db_a, library, clock, "alice", tmp_path)
        bob = make_service(db_b, library, clock, "bob", tmp_path)
        aid = alice.import_answers(read_answers_file(example_answers_path(), library)).id
        loaded_by_alice = alice.sheet(aid).requirements["data.L2.01"].version
        loaded_by_bob = bob.sheet(aid).requirements["data.L2.01"].version

        alice.save_requirement(aid, "data.L2.01", Grade.FULL, RequirementNote("A"), loaded_by_alice)
        with pytest.raises(AnswerConflict) as info:
            bob.save_requirement(aid, "data.L2.01", Grade.NONE, RequirementNote("B"), loaded_by_bob)
        conflict = info.value
        assert conflict.theirs == RequirementValue(Grade.FULL, RequirementNote("A"))
        assert conflict.yours == RequirementValue(Grade.NONE, RequirementNote("B"))
        assert conflict.theirs_by == "alice" and "changed by alice" in str(conflict)

        stored = bob.sheet(aid).requirements["data.L2.01"]
        assert stored.value == (Grade.FULL, RequirementNote("A"))  # alice's answer survives
        [kept] = bob.conflicts(aid)  # … and bob's refused value is kept to resolve
        assert kept.yours == RequirementValue(Grade.NONE, RequirementNote("B"))
        assert kept.by == "bob"

        # Bob decides, knowingly, against the version he has now seen.
        bob.save_requirement(aid, "data.L2.01", Grade.MOST, RequirementNote("B"), stored.version)
        bob.resolve_conflict(kept.id)
        assert alice.conflicts(aid) == []
        assert alice.answers(aid).requirements["data.L2.01"] is Grade.MOST
    finally:
        db_a.close()
        db_b.close()


def test_conflicts_on_scenarios_and_conditions_too(service, library: FormLibrary) -> None:
    aid = service.import_answers(read_answers_file(example_answers_path(), library)).id
    v = service.sheet(aid).conditions["elig.scale"].version
    service.save_condition(aid, "elig.scale", False, v)
    with pytest.raises(AnswerConflict, match=r"condition:elig\.scale"):
        service.save_condition(aid, "elig.scale", True, v)
    v = service.sheet(aid).scenarios["mass-customisation"].version
    service.save_scenario(aid, "mass-customisation", ScenarioAnswer(True), v)
    with pytest.raises(AnswerConflict, match="scenario:mass-customisation"):
        service.save_scenario(aid, "mass-customisation", ScenarioAnswer(False, False, "x"), v)
    condition, scenario = service.conflicts(aid)
    # typed values, not JSON: what was refused and what was stored
    assert (condition.yours, condition.theirs) == (ConditionValue(True), ConditionValue(False))
    assert scenario.yours == ScenarioAnswer(False, False, "x")
    assert scenario.theirs == ScenarioAnswer(True, False, "")


@pytest.mark.parametrize(
    ("kept", "read"),
    [
        ("not json", RequirementValue(None, RequirementNote())),
        ('["full"]', RequirementValue(None, RequirementNote())),
        ('{"grade": "perfect", "comment": 5}', RequirementValue(None, RequirementNote("5"))),
        ('{"grade": "most", "review": "yes"}', RequirementValue(Grade.MOST, RequirementNote())),
    ],
)
def test_a_damaged_kept_value_reads_as_not_answered(
    service, library: FormLibrary, kept: str, read: RequirementValue
) -> None:
    """A conflict row whose JSON was damaged (by hand, or a tool) still lists, its value read as
    far as it goes: an unknown grade is no grade, only a true review flag is one."""
    from sqlalchemy import update

    from factory_grader.storage.schema import ConflictRow

    aid = service.import_answers(read_answers_file(example_answers_path(), library)).id
    v = service.sheet(aid).requirements["data.L2.01"].version
    service.save_requirement(aid, "data.L2.01", Grade.FULL, RequirementNote("A"), v)
    with pytest.raises(AnswerConflict):
        service.save_requirement(aid, "data.L2.01", Grade.NONE, RequirementNote("B"), v)
    with service.store.db.transaction() as s:
        s.execute(update(ConflictRow).values(yours=kept))
    [conflict] = service.conflicts(aid)
    assert conflict.yours == read
    assert conflict.theirs == RequirementValue(Grade.FULL, RequirementNote("A"))


def test_a_kept_conflict_on_an_unknown_item_is_left_out(service, library: FormLibrary) -> None:
    """Not an item this app writes (a hand-edited or foreign row): listed without it, the
    others as they are."""
    from factory_grader.storage.schema import ConflictRow

    aid = service.import_answers(read_answers_file(example_answers_path(), library)).id
    v = service.sheet(aid).conditions["elig.scale"].version
    service.save_condition(aid, "elig.scale", False, v)
    with pytest.raises(AnswerConflict):
        service.save_condition(aid, "elig.scale", True, v)
    [kept] = service.conflicts(aid)
    with service.store.db.transaction() as s:
        s.add(
            ConflictRow(
                assessment_id=aid, item="widget:x", yours="{}", theirs="{}", by="x", at=kept.at
            )
        )
    assert [c.item for c in service.conflicts(aid)] == ["condition:elig.scale"]
