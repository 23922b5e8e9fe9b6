"""Back up and restore on both kinds of database: a SQLite file (a consistent copy) and a
PostgreSQL server (an export of this app's tables into a SQLite file of the same schema). A
backup restores onto either kind; what a restore replaces is kept first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factory_grader.domain.errors import DatabaseError
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.backup import backup_database, check_backup, restore_backup
from factory_grader.services.examples import example_answers_path
from factory_grader.storage import migrate

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_backup_then_restore(db_url: str, library, tmp_path: Path, isolated_home: Path) -> None:
    service, db = open_service(db_url, library, actor="王工")
    try:
        first = service.import_answers(read_answers_file(example_answers_path(), library))
        service.finalise(first.id)
        draft = service.reopen(first.id)
        kept_grade = service.answers(draft.id).grade("data.L1.01")
    finally:
        db.close()

    backup = tmp_path / "backup.db"
    backup_database(db_url, backup)
    assert check_backup(backup) == migrate.head_revision()
    with sqlite3.connect(backup) as conn:  # a SQLite file whatever the source
        assert conn.execute("SELECT count(*) FROM assessment").fetchone()[0] == 2
    conn.close()

    service, db = open_service(db_url, library, actor="李工")
    try:  # changes after the backup: one answer, one new assessment
        sheet = service.sheet(draft.id)
        service.save_requirement(
            draft.id,
            "data.L1.01",
            Grade.NONE,
            RequirementNote(),
            sheet.requirements["data.L1.01"].version,
        )
        service.import_answers(read_answers_file(example_answers_path(), library))
    finally:
        db.close()

    kept = restore_backup(db_url, backup, NOW)
    assert kept is not None and check_backup(kept) == migrate.head_revision()
    service, db = open_service(db_url, library, actor="王工")
    try:
        assert [s.id for s in service.list_assessments()] == [first.id, draft.id]
        assert service.answers(draft.id).grade("data.L1.01") == kept_grade
        assert service.summary(first.id).final_verdict is not None
        again = service.import_answers(read_answers_file(example_answers_path(), library))
        assert again.id > draft.id  # ids continue after the restored ones
    finally:
        db.close()
    with sqlite3.connect(kept) as conn:  # what the restore replaced: all three
        assert conn.execute("SELECT count(*) FROM assessment").fetchone()[0] == 3
    conn.close()


def test_a_server_backup_restores_into_a_sqlite_file(
    pg_server: str, library, tmp_path: Path
) -> None:
    from tests.pg_server import create_database, drop_database

    url = create_database(pg_server, "fg_cross_restore")
    try:
        service, db = open_service(url, library, actor="王工")
        try:
            ident = service.import_answers(read_answers_file(example_answers_path(), library)).id
            expected = service.answers(ident)
        finally:
            db.close()
        backup = backup_database(url, tmp_path / "server.db")
    finally:
        drop_database(pg_server, "fg_cross_restore")
    local = f"sqlite:///{tmp_path / 'laptop.db'}"
    restore_backup(local, backup, NOW)
    service, db = open_service(local, library)
    try:
        assert service.answers(ident) == expected
    finally:
        db.close()


def test_a_failed_server_restore_changes_nothing(pg_server: str, library, tmp_path: Path) -> None:
    """A backup the server cannot take (a value too long for its column) is refused as a whole:
    the rows and the id sequences stay as they were, and new assessments still get new ids."""
    from tests.pg_server import create_database, drop_database

    url = create_database(pg_server, "fg_failed_restore")
    try:
        service, db = open_service(url, library)
        try:
            for _ in range(3):
                service.import_answers(read_answers_file(example_answers_path(), library))
        finally:
            db.close()
        bad = tmp_path / "bad.db"
        backup_database(url, bad)
        with sqlite3.connect(bad) as conn:  # SQLite keeps it; the server's column is 80 wide
            conn.execute(
                "UPDATE requirement_answer SET requirement_id = ? WHERE rowid = 1", ("x" * 200,)
            )
        conn.close()
        with pytest.raises(DatabaseError) as info:
            restore_backup(url, bad, NOW)
        assert "nothing was changed" in str(info.value)
        service, db = open_service(url, library)
        try:
            assert [s.id for s in service.list_assessments()] == [1, 2, 3]
            new = service.import_answers(read_answers_file(example_answers_path(), library))
            assert new.id == 4
        finally:
            db.close()
    finally:
        drop_database(pg_server, "fg_failed_restore")


def test_a_backup_restores_onto_a_new_empty_server(pg_server: str, library, tmp_path: Path) -> None:
    from tests.pg_server import create_database, drop_database

    laptop = f"sqlite:///{tmp_path / 'laptop.db'}"
    service, db = open_service(laptop, library)
    try:
        ident = service.import_answers(read_answers_file(example_answers_path(), library)).id
        expected = service.answers(ident)
    finally:
        db.close()
    backup = backup_database(laptop, tmp_path / "laptop-backup.db")
    url = create_database(pg_server, "fg_empty_server")  # no tables yet
    try:
        restore_backup(url, backup, NOW)
        service, db = open_service(url, library)
        try:
            assert service.answers(ident) == expected
        finally:
            db.close()
    finally:
        drop_database(pg_server, "fg_empty_server")
