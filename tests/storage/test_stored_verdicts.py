"""Stored verdicts (schema 0006), on a real SQLite file and a real PostgreSQL server: every write
of answers leaves the verdict of the answers it leaves, a verdict is shown only while it belongs
to the current answers and data, and the list's rescoring stores what it finds unless the
answers changed meanwhile."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.errors import InputError, NotFound
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote, StoredVerdict, Verdict
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.locate import forms_root
from factory_grader.services import verdicts
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.editing import EditSession
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from factory_grader.storage.database import Database
from tests.storage.conftest import make_service

#: the example factory: S = 2.24, level 2, 基础级 (computed by hand in tests/scoring)
EXAMPLE = Verdict(224, 2, "basic")


def example(library: FormLibrary):
    return read_answers_file(example_answers_path(), library)


def scored(service: AssessmentService, assessment_id: int) -> Verdict:
    """What score_answers gives for the answers as stored now."""
    return verdicts.verdict_of(score_answers(service.library, service.answers(assessment_id)))


def listed(service: AssessmentService) -> dict[int, Verdict | None]:
    return {x.summary.id: x.verdict for x in verdicts.list_with_verdicts(service)}


def test_an_import_stores_its_verdict(service: AssessmentService, library) -> None:
    created = service.import_answers(example(library))
    assert created.answers_rev == 0
    assert created.stored_verdict is not None
    assert created.stored_verdict.verdict == EXAMPLE == scored(service, created.id)
    assert listed(service) == {created.id: EXAMPLE}


def test_a_saved_edit_stores_the_verdict_score_answers_gives(
    service: AssessmentService, library
) -> None:
    """By hand: every requirement 满足 (1.00) makes every level's score 1.00, so S = 5 x 1.00 =
    5.00, level 5; the tier stays 基础级, since the example meets none of 进阶级's conditions."""
    answers = example(library)
    last = next(iter(answers.requirements))
    almost = answers.with_grades({r: Grade.FULL for r in answers.requirements} | {last: None})
    created = service.import_answers(almost)
    before = service.summary(created.id).stored_verdict
    assert before is not None and before.verdict.score_hundredths < 500  # one left unanswered

    session = EditSession(service, created.id)
    session.set_requirement(last, Grade.FULL)()  # the writer's save, run here

    after = service.summary(created.id)
    assert after.answers_rev == 1
    assert after.stored_verdict == StoredVerdict(Verdict(500, 5, "basic"), 1, before.basis)
    assert after.stored_verdict.verdict == scored(service, created.id)
    assert listed(service) == {created.id: Verdict(500, 5, "basic")}


def test_each_kind_of_save_keeps_the_verdict_current(service: AssessmentService, library) -> None:
    created = service.import_answers(example(library))
    session = EditSession(service, created.id)
    condition = next(iter(session.answers.conditions))
    scenario = next(iter(session.answers.scenarios))
    for save in (
        session.set_condition(condition, False),
        session.set_scenario(scenario, ScenarioAnswer(True, True, "新线")),
        session.set_note(next(iter(session.answers.requirements)), RequirementNote("备注")),
    ):
        save()
        now = service.summary(created.id)
        assert now.stored_verdict is not None
        assert now.stored_verdict.answers_rev == now.answers_rev
        assert now.stored_verdict.verdict == scored(service, created.id)
    # the profile's rule set: stored by the service, the session goes on from there
    session.set_profile(
        dict(session.answers.profile), session.answers.industry_type, "national-2025"
    )()
    session.set_condition(condition, True)()
    now = service.summary(created.id)
    assert now.answers_rev == 5
    assert listed(service) == {created.id: scored(service, created.id)}


def test_a_verdict_from_answers_someone_else_changed_is_not_stored(
    service: AssessmentService, library
) -> None:
    """Two people on one assessment: the second one's session did not see the first one's save,
    so the verdict it computed is of answers that are not the stored ones. It is refused; the
    list rescores, and stores the verdict of both saves."""
    created = service.import_answers(example(library))
    mine, theirs = EditSession(service, created.id), EditSession(service, created.id)
    unanswered = [r for r, g in mine.answers.requirements.items() if g is None]
    mine.set_requirement(unanswered[0], Grade.FULL)()
    assert listed(service) == {created.id: scored(service, created.id)}

    theirs.set_requirement(unanswered[1], Grade.FULL)()  # claims a verdict without mine
    now = service.summary(created.id)
    assert now.answers_rev == 2
    assert now.stored_verdict is not None and now.stored_verdict.answers_rev == 1  # refused
    assert listed(service) == {created.id: None}  # not shown as current

    assert verdicts.rescore(service, [created.id]) == {created.id: scored(service, created.id)}
    now = service.summary(created.id)
    assert now.stored_verdict is not None and now.stored_verdict.answers_rev == 2
    assert listed(service) == {created.id: scored(service, created.id)}


def test_a_save_without_a_verdict_leaves_it_to_the_list(service: AssessmentService, library):
    created = service.import_answers(example(library))
    rid = next(r for r, g in example(library).requirements.items() if g is None)
    service.save_requirement(created.id, rid, Grade.FULL, RequirementNote(), 0)
    assert listed(service) == {created.id: None}
    assert verdicts.rescore(service, [created.id]) == {created.id: scored(service, created.id)}
    assert listed(service) == {created.id: scored(service, created.id)}


def test_a_rescore_overtaken_by_a_save_is_not_stored(service: AssessmentService, library) -> None:
    created = service.import_answers(example(library))
    rid = next(r for r, g in example(library).requirements.items() if g is None)
    loaded = service.store.load_for_scoring([created.id])
    rev, answers = loaded[created.id]
    service.save_requirement(created.id, rid, Grade.FULL, RequirementNote(), 0)  # meanwhile
    old = verdicts.verdict_of(score_answers(library, answers))
    basis = verdicts.verdict_basis(library, answers)
    assert service.store.store_verdicts({created.id: StoredVerdict(old, rev, basis)}) == set()
    assert listed(service) == {created.id: None}


def test_loading_for_scoring_gives_the_stored_answers(service: AssessmentService, library):
    first = service.import_answers(example(library))
    other = replace(example(library), rules_id="national-2025")
    second = service.import_answers(other)
    loaded = service.store.load_for_scoring([first.id, second.id, 999])
    assert set(loaded) == {first.id, second.id}
    for ident in (first.id, second.id):
        assert loaded[ident] == (0, service.answers(ident))


def test_another_app_version_or_data_changed_in_place_is_not_current(
    db: Database, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hainan-2025 rule set changed in place (same version, 基础级 now needs level 3): the
    stored 基础级 is not shown; rescoring with the data as it now is gives no tier. A new app
    version does not trust verdicts stored by another either."""
    forms = tmp_path / "forms"
    shutil.copytree(forms_root(), forms)
    before = FormLibrary.load(forms)
    service = make_service(db, before, clock, "王工", tmp_path)
    created = service.import_answers(example(before))
    assert listed(service) == {created.id: EXAMPLE}

    monkeypatch.setattr(verdicts, "__version__", "99.0")
    assert listed(service) == {created.id: None}
    monkeypatch.undo()
    assert listed(service) == {created.id: EXAMPLE}

    manifest = forms / "hainan-2025" / "manifest.toml"
    basic = 'id = "basic"\nrank = 1\nzh = "基础级"\nen = "Basic"\nmin_level = 1'
    content = manifest.read_text(encoding="utf-8")
    assert basic in content
    manifest.write_text(content.replace(basic, basic[:-1] + "3"), encoding="utf-8")
    changed = make_service(db, FormLibrary.load(forms), clock, "王工", tmp_path)
    assert listed(changed) == {created.id: None}
    assert verdicts.rescore(changed, [created.id]) == {created.id: Verdict(224, 2, None)}
    assert listed(changed) == {created.id: Verdict(224, 2, None)}
    assert listed(service) == {created.id: None}  # and the old data no longer trusts that one


def test_one_assessment_that_cannot_be_scored_does_not_stop_the_others(
    service: AssessmentService, db: Database, library
) -> None:
    good = service.import_answers(example(library))
    bad = service.import_answers(example(library))
    with db.engine.begin() as conn:  # a rule set this app does not have (removed, or a typo)
        conn.execute(
            text("UPDATE assessment SET rules_id = 'gone-2099' WHERE id = :i"), {"i": bad.id}
        )
    assert listed(service) == {good.id: EXAMPLE, bad.id: None}
    found = verdicts.rescore(service, [bad.id, good.id, 12345])
    assert isinstance(found[bad.id], InputError) and "gone-2099" in str(found[bad.id])
    assert isinstance(found[12345], NotFound)
    assert found[good.id] == EXAMPLE


def test_a_new_revision_is_scored_anew(service: AssessmentService, library) -> None:
    """Its answers are copied after its row was read: the copied verdict is not taken as
    current; the list scores the copy, and stores what its own answers give."""
    first = service.import_answers(example(library))
    copy = service.new_revision(first.id)
    assert listed(service) == {first.id: EXAMPLE, copy.id: None}
    assert verdicts.rescore(service, [copy.id]) == {copy.id: EXAMPLE}
    assert listed(service)[copy.id] == EXAMPLE == scored(service, copy.id)


def test_verdicts_are_stored_in_id_order(service: AssessmentService, library) -> None:
    """Two instances storing verdicts on one server lock rows in the same order, never in
    opposite orders (a deadlock on PostgreSQL): the store takes them by id whatever the order
    they were found in."""
    from sqlalchemy import event

    ids = [service.import_answers(example(library)).id for _ in range(3)]
    order: list[object] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("UPDATE ASSESSMENT"):
            # the row's id: positional on SQLite (…, id, answers_rev), named on PostgreSQL
            order.append(parameters[-2] if isinstance(parameters, tuple) else parameters["id_1"])

    event.listen(service.store.db.engine, "before_cursor_execute", seen)
    try:
        basis = verdicts.verdict_basis(library, example(library))
        service.store.store_verdicts({i: StoredVerdict(EXAMPLE, 0, basis) for i in reversed(ids)})
    finally:
        event.remove(service.store.db.engine, "before_cursor_execute", seen)
    assert order == sorted(ids)
