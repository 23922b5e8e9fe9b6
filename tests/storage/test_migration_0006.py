"""Schema 0006 (stored verdicts) on a real SQLite file and a real PostgreSQL server: the upgrade
keeps every assessment and adds the columns empty, the rows are then rescored once; down and up
again loses nothing; the migrated schema is exactly what the models say."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine

from factory_grader.domain.records import Verdict
from factory_grader.services import verdicts
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.editing import EditSession
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from factory_grader.storage import migrate
from factory_grader.storage.assessment_store import AssessmentStore
from factory_grader.storage.database import open_database
from factory_grader.storage.schema import Base
from tests.storage.conftest import make_service
from tests.storage.test_upgrades import FIXTURES, snapshot

NEW_COLUMNS = {
    "answers_rev",
    "verdict_hundredths",
    "verdict_level",
    "verdict_tier",
    "verdict_rev",
    "verdict_basis",
}


def _columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("assessment")}


def _engine(url: str) -> Engine:
    """As the app migrates: on SQLite with foreign keys OFF (platform-notes)."""
    engine = create_engine(url)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", lambda c, _: c.execute("PRAGMA foreign_keys = OFF"))
    return engine


def _downgrade(url: str, revision: str) -> None:
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            config = migrate._config()
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_the_0005_fixture_upgrades_with_empty_verdicts_then_rescored(
    tmp_path: Path, library, clock
) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "db" / "schema-0005.db", path)
    db = open_database(f"sqlite:///{path}", clock)
    try:
        assert _columns(db.engine) >= NEW_COLUMNS
        service = make_service(db, library, clock, "王工", tmp_path)
        summaries = service.list_assessments()
        assert len(summaries) == 5
        assert {(s.answers_rev, s.stored_verdict) for s in summaries} == {(0, None)}
        assert all(x.verdict is None for x in verdicts.list_with_verdicts(service))
        ids = [s.id for s in summaries]
        found = verdicts.rescore(service, ids)
        for ident in ids:
            result = score_answers(library, service.answers(ident))
            assert found[ident] == verdicts.verdict_of(result)
        assert {x.summary.id: x.verdict for x in verdicts.list_with_verdicts(service)} == found
        assert found[1] == Verdict(224, 2, "basic")  # the example factory, by hand
    finally:
        db.close()


def test_down_to_0005_and_up_again_keeps_every_assessment(db_url: str, library, clock, tmp_path):
    db = open_database(db_url, clock)
    service = make_service(db, library, clock, "王工", tmp_path)
    answers = read_answers_file(example_answers_path(), library)
    first = service.import_answers(answers)
    service.finalise(first.id)
    second = service.reopen(first.id)
    EditSession(service, second.id).set_requirement(next(iter(answers.requirements)), None)()
    before = snapshot(AssessmentStore(db), library)
    db.close()

    _downgrade(db_url, "0005")
    engine = _engine(db_url)
    try:
        assert not NEW_COLUMNS & _columns(engine)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0005"
            answers_kept = conn.exec_driver_sql("SELECT count(*) FROM requirement_answer").scalar()
        assert answers_kept == 2 * len(answers.requirements)  # the rebuild cascaded nothing
    finally:
        engine.dispose()

    db = open_database(db_url, clock)  # upgrades again, as the app does
    try:
        assert _columns(db.engine) >= NEW_COLUMNS
        assert snapshot(AssessmentStore(db), library) == before
        service = make_service(db, library, clock, "王工", tmp_path)
        assert {(s.answers_rev, s.stored_verdict) for s in service.list_assessments()} == {
            (0, None)
        }
    finally:
        db.close()


def test_the_migrated_schema_is_what_the_models_say(db_url: str, clock, tmp_path: Path) -> None:
    if db_url.startswith("sqlite"):  # on SQLite: from the oldest fixture, through every step
        path = tmp_path / "oldest.db"
        shutil.copy(FIXTURES / "db" / "schema-0001.db", path)
        db_url = f"sqlite:///{path}"
    db = open_database(db_url, clock)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()
