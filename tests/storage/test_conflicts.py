"""Two people on one assessment: the second writer of a stale answer is told, nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
        assert conflict.theirs == {"grade": "full", "comment": "A", "review": False}
        assert conflict.yours == {"grade": "none", "comment": "B", "review": False}
        assert conflict.theirs_by == "alice" and "changed by alice" in str(conflict)

        stored = bob.sheet(aid).requirements["data.L2.01"]
        assert stored.value == (Grade.FULL, RequirementNote("A"))  # alice's answer survives
        [kept] = bob.conflicts(aid)  # … and bob's refused value is kept to resolve
        assert json.loads(kept.yours)["grade"] == "none" and kept.by == "bob"

        # Bob decides, knowingly, against the version he has now seen.
        bob.save_requirement(aid, "data.L2.01", Grade.MOST, RequirementNote("B"), stored.version)
        bob.resolve_conflict(kept.id)
        assert alice.conflicts(aid) == []
        assert alice.answers(aid).requirements["data.L2.01"] is Grade.MOST
    finally:
        db_a.close()
        db_b.close()


def test_conflicts_on_scenarios_and_conditions_too(service, library: FormLibrary) -> None:
    from factory_grader.domain.answers import ScenarioAnswer

    aid = service.import_answers(read_answers_file(example_answers_path(), library)).id
    v = service.sheet(aid).conditions["elig.scale"].version
    service.save_condition(aid, "elig.scale", False, v)
    with pytest.raises(AnswerConflict, match=r"condition:elig\.scale"):
        service.save_condition(aid, "elig.scale", True, v)
    v = service.sheet(aid).scenarios["mass-customisation"].version
    service.save_scenario(aid, "mass-customisation", ScenarioAnswer(True), v)
    with pytest.raises(AnswerConflict, match="scenario:mass-customisation"):
        service.save_scenario(aid, "mass-customisation", ScenarioAnswer(False), v)
    assert len(service.conflicts(aid)) == 2
