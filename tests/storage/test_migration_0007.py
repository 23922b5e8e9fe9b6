"""Schema 0007 (workshops) on a real SQLite file and a real PostgreSQL server: the 0007 fixture's
workshop reads back whole; an older database upgrades with the three tables empty and can hold a
workshop at once; down to 0006 drops only the workshop (every assessment and answer kept) and
up again works; deleting an assessment takes its workshop with it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import inspect

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.workshop import NewParticipant
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.workshop import WorkshopService
from factory_grader.storage import migrate
from factory_grader.storage.assessment_store import AssessmentStore
from factory_grader.storage.database import open_database
from tests.fixtures.db.make_schema_0007 import workshop_snapshot
from tests.storage.conftest import make_service
from tests.storage.test_migration_0006 import _downgrade, _engine
from tests.storage.test_upgrades import FIXTURES, snapshot

TABLES = {"participant", "vote", "agreement"}


def test_the_0007_fixture_keeps_its_workshop(tmp_path: Path, library, clock) -> None:
    path = tmp_path / "w.db"
    shutil.copy(FIXTURES / "db" / "schema-0007.db", path)
    expected = json.loads((FIXTURES / "db" / "schema-0007.workshop.json").read_text("utf-8"))
    db = open_database(f"sqlite:///{path}", clock)
    try:
        workshop = WorkshopService(make_service(db, library, clock, "王工", tmp_path))
        assert workshop_snapshot(workshop, 2) == expected
        item = next(i for i in workshop.board(2).items if i.requirement.id == "org-strategy.L1.01")
        # 全部满足 and 部分满足: two steps apart, to discuss; agreed 大部分满足 with its reason
        assert item.consensus.needs_discussion and item.answer is Grade.MOST
        assert item.agreement is not None and item.agreement.rationale == "两条主线已做到"
    finally:
        db.close()


def test_an_0006_database_upgrades_with_an_empty_workshop(tmp_path: Path, library, clock) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "db" / "schema-0006.db", path)
    db = open_database(f"sqlite:///{path}", clock)
    try:
        assert set(inspect(db.engine).get_table_names()) >= TABLES
        service = make_service(db, library, clock, "王工", tmp_path)
        workshop = WorkshopService(service)
        drafts = [s.id for s in service.list_assessments() if s.status.value == "draft"]
        assert all(workshop.participants(i) == [] for i in drafts)
        (person,) = workshop.set_participants(drafts[0], [NewParticipant("张三")])
        assert person.returned_at is None and len(person.token) == 32
    finally:
        db.close()


def test_down_to_0006_drops_only_the_workshop(db_url: str, library, clock, tmp_path) -> None:
    db = open_database(db_url, clock)
    service = make_service(db, library, clock, "王工", tmp_path)
    draft = service.import_answers(read_answers_file(example_answers_path(), library)).id
    workshop = WorkshopService(service)
    (zhang,) = workshop.set_participants(draft, [NewParticipant("张三")])
    workshop.store.store_return(zhang.id, {"org-strategy.L1.01": (Grade.FULL, "")}, "f", clock())
    workshop.agree(draft, "org-strategy.L1.01", Grade.MOST, "理由")
    before = snapshot(AssessmentStore(db), library)
    db.close()

    _downgrade(db_url, "0006")
    engine = _engine(db_url)
    try:
        assert not TABLES & set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0006"
    finally:
        engine.dispose()

    db = open_database(db_url, clock)
    try:
        assert snapshot(AssessmentStore(db), library) == before  # the agreed answer stays
        service = make_service(db, library, clock, "王工", tmp_path)
        assert WorkshopService(service).participants(draft) == []
    finally:
        db.close()


def test_deleting_an_assessment_takes_its_workshop(db_url: str, library, clock, tmp_path) -> None:
    db = open_database(db_url, clock)
    try:
        service = make_service(db, library, clock, "王工", tmp_path)
        draft = service.import_answers(read_answers_file(example_answers_path(), library)).id
        workshop = WorkshopService(service)
        (zhang,) = workshop.set_participants(draft, [NewParticipant("张三")])
        workshop.store.store_return(
            zhang.id, {"org-strategy.L1.01": (Grade.FULL, "")}, "f", clock()
        )
        workshop.agree(draft, "org-strategy.L1.01", Grade.MOST, "理由")
        service.delete(draft)
        with db.engine.connect() as conn:
            counts = [
                conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in sorted(TABLES)
            ]
        assert counts == [0, 0, 0]
        assert workshop.store.by_token(zhang.token) is None
    finally:
        db.close()
