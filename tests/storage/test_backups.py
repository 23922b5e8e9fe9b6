"""Backups: one a day when the app opens an existing SQLite database (the last 7 kept), and
`factory-grader backup --out FILE` while the database is in use; a copy is whole and opens."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.storage.database import open_database
from tests.damage import wreck_the_schema_page
from tests.storage.conftest import make_service


def _clock_at(day: datetime):
    return lambda: day


def test_a_backup_a_day_and_the_last_seven_kept(
    tmp_path: Path, library: FormLibrary, clock
) -> None:
    path = tmp_path / "grader.db"
    db = open_database(f"sqlite:///{path}", clock)  # a new database: nothing to back up yet
    make_service(db, library, clock, "王工", tmp_path).import_answers(
        read_answers_file(example_answers_path(), library)
    )
    db.close()
    folder = tmp_path / "backups"
    assert not folder.exists()
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for n in range(9):  # opened on nine days, twice on each
        for _ in range(2):
            open_database(f"sqlite:///{path}", _clock_at(start + timedelta(days=n))).close()
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"grader-202603{d:02d}.db" for d in range(3, 10)]  # days 3–9: seven
    with sqlite3.connect(folder / kept[-1]) as conn:  # a whole, readable copy
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM requirement_answer").fetchone()[0] > 300
    conn.close()


def test_backup_command_copies_a_database_in_use(tmp_path: Path, library, clock, capsys) -> None:
    path = tmp_path / "grader.db"
    url = f"sqlite:///{path}"
    assert main(["--db", url, "assessments", "import", str(example_answers_path())]) == 0
    db = open_database(url, clock)  # held open by "the app" while the copy is made
    try:
        out = tmp_path / "copy.db"
        assert main(["--db", url, "backup", "--out", str(out)]) == 0
        assert main(["--db", url, "backup", "--out", str(out)]) == 2  # never overwrites
        assert "exists already" in capsys.readouterr().err
        copy = open_database(f"sqlite:///{out}", clock)
        try:
            service = make_service(copy, library, clock, "王工", tmp_path)
            assert [s.id for s in service.store.summaries()] == [1]
        finally:
            copy.close()
    finally:
        db.close()
    assert not list(tmp_path.glob("*.part"))
    other = str(tmp_path / "pg.db")
    code = main(["--db", "postgresql+psycopg://u@127.0.0.1:1/x", "backup", "--out", other])
    err = capsys.readouterr().err  # a server is exported; this one cannot be reached
    assert code == 2 and "postgresql+psycopg://u@127.0.0.1:1/x" in err and "Traceback" not in err
    assert not list(tmp_path.glob("pg.db*"))  # nothing half-written


# --- what a copy that cannot be made says ------------------------------------------------------


def _held_exclusively(path: Path):
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_a_database_another_program_holds_is_said_not_waited_for(tmp_path: Path) -> None:
    """SQLite's backup retries a locked source for ever: the copy gives up, saying who holds
    what (a thread, so that a hang fails the test instead of stopping the suite)."""
    import threading

    from factory_grader.domain.errors import DatabaseError
    from factory_grader.storage.backups import copy_database

    source = tmp_path / "held.db"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    holder = _held_exclusively(source)
    outcome: list[BaseException | Path] = []

    def copy() -> None:
        try:
            outcome.append(copy_database(source, tmp_path / "copy.db"))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=copy, daemon=True)
    worker.start()
    worker.join(timeout=60)
    holder.execute("ROLLBACK")
    holder.close()
    assert not worker.is_alive(), "the copy waited for the lock for ever"
    (found,) = outcome
    assert isinstance(found, DatabaseError) and found.meaning == "locked"
    assert found.where == str(source)
    assert not (tmp_path / "copy.db").exists()
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


@pytest.mark.parametrize(
    ("content", "meaning"),
    [("这不是数据库".encode() * 200, "not-a-database"), (None, "damaged")],
)
def test_a_source_that_cannot_be_copied_is_named_as_the_cause(
    tmp_path: Path, content: bytes | None, meaning: str
) -> None:
    from factory_grader.domain.errors import DatabaseError
    from factory_grader.storage.backups import copy_database

    source = tmp_path / "source.db"
    if content is None:  # a real database, then its schema page wrecked
        with sqlite3.connect(source) as conn:
            conn.execute("CREATE TABLE t (x)")
        conn.close()
        content = wreck_the_schema_page(source)
    source.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        copy_database(source, tmp_path / "out" / "copy.db")
    assert (info.value.meaning, info.value.where) == (meaning, str(source))
