"""Edits are what the user clicked, when they clicked: the save queue, conflicts, undo and redo
(EditSession), on a real SQLite file and a real PostgreSQL server, in one process and in two."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factory_grader.domain.errors import AnswerConflict
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.editing import EditSession
from factory_grader.services.examples import example_answers_path
from factory_grader.storage.database import open_database
from tests.storage.conftest import make_service

ROOT = Path(__file__).resolve().parents[2]
X, Y = "data.L2.01", "data.L2.02"


@pytest.fixture
def two_people(db_url: str, library: FormLibrary, clock, tmp_path: Path):
    """Alice and Bob, each with their own connection to the same database, and an assessment."""
    db_a, db_b = open_database(db_url, clock), open_database(db_url, clock)
    alice = make_service(db_a, library, clock, "alice", tmp_path)
    bob = make_service(db_b, library, clock, "bob", tmp_path)
    aid = alice.import_answers(read_answers_file(example_answers_path(), library)).id
    yield alice, bob, aid
    db_a.close()
    db_b.close()


def _grade(service, aid: int, rid: str) -> Grade | None:
    return service.answers(aid).requirements[rid]


def test_a_queued_save_stores_the_click_not_the_reloaded_value(two_people) -> None:
    """The issue's reproduction: Alice changes X; Bob clicks X, then Y; Bob's save of X
    conflicts and the session reloads; Bob's queued save of Y must store Y as Bob clicked it."""
    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    y_before = _grade(bob, aid, Y)
    assert y_before is not Grade.NONE
    alice_x = EditSession(alice, aid).set_requirement(X, Grade.FULL, RequirementNote("alice"))
    save_x = session.set_requirement(X, Grade.PARTIAL, RequirementNote("bob"))
    save_y = session.set_requirement(Y, Grade.NONE)
    alice_x()
    with pytest.raises(AnswerConflict):
        save_x()
    save_y()
    assert _grade(alice, aid, Y) is Grade.NONE  # Bob's click, not the value before it
    assert _grade(alice, aid, X) is Grade.FULL  # Alice's answer survives
    [conflict] = alice.conflicts(aid)
    assert conflict.item == f"requirement:{X}" and conflict.yours.grade is Grade.PARTIAL
    # only X was reloaded: memory shows Alice's X and Bob's Y
    assert session.answers.grade(X) is Grade.FULL and session.answers.grade(Y) is Grade.NONE


def test_every_click_made_before_a_conflict_was_known_is_kept_as_a_conflict(two_people) -> None:
    """Bob clicks X twice and Y once before his first save of X conflicts: the second click of X
    was made against the old value too, so it is refused and kept, not written over Alice's."""
    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    saves = [
        session.set_requirement(X, Grade.PARTIAL),
        session.set_requirement(X, Grade.MOST),
        session.set_requirement(Y, Grade.NONE),
    ]
    EditSession(alice, aid).set_requirement(X, Grade.FULL, RequirementNote("alice"))()
    outcomes = []
    for save in saves:
        try:
            save()
            outcomes.append("saved")
        except AnswerConflict:
            outcomes.append("conflict")
    assert outcomes == ["conflict", "conflict", "saved"]
    assert _grade(alice, aid, X) is Grade.FULL
    assert sorted(c.yours.grade.value for c in alice.conflicts(aid)) == ["most", "partial"]
    # a click made after the conflict is known saves normally, against Alice's version
    session.set_requirement(X, Grade.NONE)()
    assert _grade(alice, aid, X) is Grade.NONE


def test_undo_and_redo_are_saved_edits(two_people) -> None:
    _, bob, aid = two_people
    session = EditSession(bob, aid)
    x0, y0 = session.answers.grade(X), session.answers.grade(Y)
    session.set_requirement(X, Grade.NONE)()
    session.set_requirement(Y, Grade.FULL)()
    undone = session.undo()
    assert undone is not None and undone[0].key == Y
    undone[1]()
    assert _grade(bob, aid, Y) is y0 and _grade(bob, aid, X) is Grade.NONE
    session.undo()[1]()  # type: ignore[index]
    assert _grade(bob, aid, X) is x0
    assert session.undo() is None and session.can_redo
    session.redo()[1]()  # type: ignore[index]
    assert _grade(bob, aid, X) is Grade.NONE and session.answers.grade(X) is Grade.NONE
    # a new edit clears what could be redone
    session.set_requirement(Y, Grade.PARTIAL)()
    assert not session.can_redo


def test_undo_of_an_answer_a_colleague_has_changed_is_a_conflict(two_people) -> None:
    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    session.set_requirement(X, Grade.NONE)()
    EditSession(alice, aid).set_requirement(X, Grade.MOST, RequirementNote("alice"))()
    undo = session.undo()
    assert undo is not None
    with pytest.raises(AnswerConflict):
        undo[1]()
    assert _grade(alice, aid, X) is Grade.MOST  # not overwritten
    assert [c.item for c in alice.conflicts(aid)] == [f"requirement:{X}"]


def test_two_processes_editing_the_same_items_lose_nothing(
    db_url: str, two_people, tmp_path: Path
) -> None:
    """Two real processes click on the same three requirements at once. Every click is either
    saved (each save adds exactly one to the item's version) or refused and kept as a conflict
    row with its value; the stored value is the save that made the final version."""
    alice, _, aid = two_people
    sheet = alice.sheet(aid)
    start = {
        rid: sheet.requirements[rid].version for rid in ("data.L2.01", "data.L2.02", "sales.L1.01")
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage.edit_writer", db_url, str(aid), who, who, "40"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for who in ("carol", "dave")
    ]
    for p in procs:  # both ready (database open), then both start together
        assert p.stdout is not None and json.loads(p.stdout.readline()) == {"ready": True}
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    lines = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        lines += [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 80
    saved = [x for x in lines if x["saved"]]
    refused = [x for x in lines if not x["saved"]]
    final = alice.sheet(aid).requirements
    for rid, v0 in start.items():
        mine = [x for x in saved if x["item"] == rid]
        assert final[rid].version == v0 + len(mine)  # no save was lost or doubled
        if mine:
            last = next(x for x in mine if x["version"] == final[rid].version)
            assert final[rid].value[1].comment == last["comment"]
    kept = sorted(c.yours.note.comment for c in alice.conflicts(aid))
    assert kept == sorted(x["comment"] for x in refused)


def test_finalising_with_an_open_conflict_is_refused_with_the_reason(two_people) -> None:
    from factory_grader.domain.errors import OpenConflicts

    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    save = session.set_requirement(X, Grade.NONE)
    EditSession(alice, aid).set_requirement(X, Grade.FULL)()
    with pytest.raises(AnswerConflict):
        save()
    with pytest.raises(OpenConflicts, match=rf"1 open conflict\(s\) \(requirement:{X}\)"):
        bob.finalise(aid)
    assert bob.summary(aid).status.value == "draft"  # nothing changed
    [conflict] = bob.conflicts(aid)
    bob.resolve_conflict(conflict.id)
    assert bob.finalise(aid).status.value == "final"


def test_undo_after_ones_own_edit_conflicted_does_not_overwrite(two_people) -> None:
    """Bob's change of X conflicted with Alice's; Ctrl+Z must not write Bob's older value over
    Alice's either: it is kept as a conflict, and the screen shows what is stored."""
    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    save = session.set_requirement(X, Grade.PARTIAL)
    EditSession(alice, aid).set_requirement(X, Grade.FULL, RequirementNote("alice"))()
    with pytest.raises(AnswerConflict):
        save()
    undo = session.undo()
    assert undo is not None
    with pytest.raises(AnswerConflict):
        undo[1]()
    assert _grade(alice, aid, X) is Grade.FULL
    assert session.answers.grade(X) is Grade.FULL


def test_redo_after_a_conflicting_undo_does_not_overwrite(two_people) -> None:
    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    session.set_requirement(X, Grade.NONE)()
    EditSession(alice, aid).set_requirement(X, Grade.MOST, RequirementNote("alice"))()
    with pytest.raises(AnswerConflict):
        session.undo()[1]()  # type: ignore[index]
    with pytest.raises(AnswerConflict):
        session.redo()[1]()  # type: ignore[index]
    assert _grade(alice, aid, X) is Grade.MOST
    assert session.answers.grade(X) is Grade.MOST


def test_a_click_after_the_conflict_is_not_refused_by_an_older_stale_one(two_people) -> None:
    """Two blind clicks on X, Alice's change, the first save conflicts; Bob then clicks X again
    (knowing): the second blind click is refused, the new one is saved."""
    alice, bob, aid = two_people
    session = EditSession(bob, aid)
    first = session.set_requirement(X, Grade.PARTIAL)
    second = session.set_requirement(X, Grade.MOST)
    EditSession(alice, aid).set_requirement(X, Grade.FULL)()
    with pytest.raises(AnswerConflict):
        first()
    third = session.set_requirement(X, Grade.NONE)  # after the conflict was known
    with pytest.raises(AnswerConflict):
        second()
    third()
    assert _grade(alice, aid, X) is Grade.NONE
    assert session.answers.grade(X) is Grade.NONE


def test_a_click_made_while_the_conflicted_item_reloads_stays_on_screen(
    db_url: str, library: FormLibrary, clock, tmp_path: Path
) -> None:
    """The user clicks X again exactly while the session reloads X after a conflict: the
    reload must not hide that click (it is saved next, so the screen must show it)."""
    from factory_grader.services.assessments import AssessmentService

    db_a, db_b = open_database(db_url, clock), open_database(db_url, clock)
    try:
        alice = make_service(db_a, library, clock, "alice", tmp_path)
        aid = alice.import_answers(read_answers_file(example_answers_path(), library)).id
        later: list = []

        class ClickDuringReload(AssessmentService):
            def sheet(self, assessment_id: int):  # type: ignore[no-untyped-def]
                sheet = super().sheet(assessment_id)
                if session_ref and not later:  # the click lands between read and write
                    later.append(session_ref[0].set_requirement(X, Grade.NONE))
                return sheet

        base = make_service(db_b, library, clock, "bob", tmp_path)
        bob = ClickDuringReload(base.store, library, "bob", clock, tmp_path / "att")
        session_ref: list = []
        session = EditSession(bob, aid)
        session_ref.append(session)
        save = session.set_requirement(X, Grade.PARTIAL)
        EditSession(alice, aid).set_requirement(X, Grade.FULL)()
        with pytest.raises(AnswerConflict):
            save()
        assert later and session.answers.grade(X) is Grade.NONE  # the new click is shown …
        later[0]()
        assert _grade(alice, aid, X) is Grade.NONE  # … and it is what gets stored
    finally:
        db_a.close()
        db_b.close()
