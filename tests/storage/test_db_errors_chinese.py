"""Database errors are recognised by their codes (PostgreSQL SQLSTATE, SQLite result codes),
never by the English wording: a server answering in Chinese gets the same clear messages."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import psycopg
import pytest

from factory_grader.domain.errors import DatabaseError
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.storage.database import error_meaning, open_database
from tests.pg_server import _admin, create_database, drop_database
from tests.storage.conftest import make_service

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_chinese_speaking_server_refusing_a_write_is_understood(
    pg_server: str, library: FormLibrary, clock, tmp_path: Path
) -> None:
    name = "fg_test_chinese"
    url = create_database(pg_server, name)
    try:
        with _admin(pg_server) as admin:
            admin.execute(f"ALTER DATABASE {name} SET lc_messages TO 'zh_CN.UTF-8'")
        db = open_database(url, clock)
        service = make_service(db, library, clock, "王工", tmp_path)
        aid = service.import_answers(read_answers_file(example_answers_path(), library)).id
        version = service.sheet(aid).requirements["data.L2.01"].version
        db.close()
        with _admin(pg_server) as admin:  # from now on every new session is read-only
            admin.execute(f"ALTER DATABASE {name} SET default_transaction_read_only TO on")
        # The server really answers in Chinese: the driver's own message has no English clue.
        with _admin(url.replace("+psycopg", "")) as conn, pytest.raises(psycopg.Error) as raw:
            conn.execute("UPDATE requirement_answer SET comment = 'x'")
        assert CJK.search(str(raw.value)) and "read-only" not in str(raw.value)
        assert raw.value.sqlstate == "25006"

        db = open_database(url, clock)
        try:
            service = make_service(db, library, clock, "王工", tmp_path)
            with pytest.raises(DatabaseError) as info:
                service.save_requirement(aid, "data.L2.01", Grade.NONE, RequirementNote(), version)
            assert "read-only" in str(info.value) and name in str(info.value)
            assert service.answers(aid).requirements["data.L2.01"] is not Grade.NONE
        finally:
            db.close()
    finally:
        drop_database(pg_server, name)


def test_an_unreachable_server_and_sqlite_codes() -> None:
    """Codes, not words: a refused connection, and SQLite's read-only / locked / corrupt."""
    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect(host="127.0.0.1", port=1, user="x", dbname="x", connect_timeout=2)
    assert error_meaning(refused.value) == "unreachable"
    locked = sqlite3.OperationalError("anything at all")
    locked.sqlite_errorcode = 5  # type: ignore[attr-defined]
    assert error_meaning(locked) == "locked"
    readonly = sqlite3.OperationalError("irgendwas")
    readonly.sqlite_errorcode = 8 | (1 << 8)  # SQLITE_READONLY_RECOVERY: primary code 8
    assert error_meaning(readonly) == "read-only"
    damaged = sqlite3.DatabaseError("whatever")
    damaged.sqlite_errorcode = 26  # type: ignore[attr-defined]
    assert error_meaning(damaged) == "damaged"
