"""restore FILE: a backup goes back in place of the database, the replaced one kept; a file it
cannot restore (not SQLite, damaged, another program's, made by a newer app) is refused with a
reason and exit 2, and the database is left exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path
from factory_grader.storage import migrate
from tests.damage import wreck_the_schema_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "data" / "grader.db"
    path.parent.mkdir()
    assert (
        main(["--db", f"sqlite:///{path}", "assessments", "import", str(example_answers_path())])
        == 0
    )
    capsys.readouterr()
    return path


def grade(path: Path, requirement: str) -> str | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT grade FROM requirement_answer WHERE requirement_id = ?", (requirement,)
        ).fetchone()
    conn.close()
    return row[0]


def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(
    db: Path, tmp_path: Path, capsys
) -> None:
    url = f"sqlite:///{db}"
    copy = tmp_path / "copy.db"
    assert main(["--db", url, "backup", "--out", str(copy)]) == 0
    before = grade(db, "data.L1.01")
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE requirement_answer SET grade = 'none' WHERE requirement_id = 'data.L1.01'"
        )
    conn.close()
    assert grade(db, "data.L1.01") == "none" != before
    capsys.readouterr()

    assert main(["--db", url, "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert grade(db, "data.L1.01") == before
    kept = list((db.parent / "backups").glob("grader-before-restore-*.db"))
    assert len(kept) == 1 and str(kept[0]) in out
    assert grade(kept[0], "data.L1.01") == "none"  # what was replaced is not lost


def _not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    return path


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.close()
    return path


def _newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.db"
    shutil.copy(FIXTURES / "schema-0004.db", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001'")
    conn.close()
    return path


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    data = (FIXTURES / "schema-0004.db").read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize(
    ("make", "zh", "en"),
    [
        (_not_sqlite, "该文件不是数据库。", "not a SQLite database"),
        (_foreign, "该文件是其他程序的数据库，不是本软件的数据。", "not a factory-grader database"),
        (
            _newer,
            "该数据库由更新版本的本软件生成。请先升级本软件。",
            "made by a newer version of factory-grader (schema 9001",
        ),
        (_damaged, "数据库已损坏。请恢复备份副本。", "damaged"),
        (lambda tmp: tmp / "missing.db", "文件不存在。", "no such file"),
    ],
)
def test_a_file_it_cannot_restore_changes_nothing(
    db: Path, tmp_path: Path, capsys, make, zh, en
) -> None:
    source = make(tmp_path)
    before = sha(db)
    assert main(["--db", f"sqlite:///{db}", "restore", str(source)]) == 2
    err = capsys.readouterr().err
    assert err == f"factory-grader: {source}：{zh}\n"  # (Chinese, the default: no English)
    assert main(["--lang", "en", "--db", f"sqlite:///{db}", "restore", str(source)]) == 2
    err = capsys.readouterr().err
    assert en in err and str(source) in err and "Traceback" not in err
    assert sha(db) == before
    assert not (db.parent / "backups").exists() or not list(
        (db.parent / "backups").glob("*before-restore*")
    )


def test_an_older_backup_is_upgraded_when_opened(db: Path, tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-0001.db", old)
    assert main(["--db", f"sqlite:///{db}", "restore", str(old)]) == 0
    capsys.readouterr()
    assert main(["--db", f"sqlite:///{db}", "assessments", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()  # the backup's two revisions, upgraded
    assert [line.split()[:3] for line in listed] == [["1", "final", "r1"], ["2", "draft", "r2"]]
    with sqlite3.connect(db) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    conn.close()
    assert version == migrate.head_revision()


def test_relative_paths_and_another_page_size(
    db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """A backup named relative to the working folder, made with another page size (VACUUM'd by
    some tool), restores; two restores in the same second keep both replaced databases."""
    odd = tmp_path / "odd.db"
    shutil.copy(FIXTURES / "schema-0005.db", odd)
    with sqlite3.connect(odd) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA page_size=8192")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{db}"
    from datetime import UTC, datetime

    from factory_grader.services.backup import restore_backup

    now = datetime(2026, 11, 30, 12, 0, 0, tzinfo=UTC)
    first = restore_backup(url, Path("odd.db"), now)  # relative, as typed on a command line
    second = restore_backup(url, Path("odd.db"), now)  # the same second
    assert first is not None and second is not None and first != second
    assert first.is_file() and second.is_file()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM assessment").fetchone()[0] == 5  # the backup's
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # WAL again
    conn.close()
    with sqlite3.connect(first) as conn:  # what the first restore replaced: the original one
        assert conn.execute("SELECT count(*) FROM assessment").fetchone()[0] == 1
    conn.close()
    capsys.readouterr()
    assert main(["--db", url, "restore", "odd.db"]) == 0  # the command, relative too


def test_the_database_itself_is_never_a_backup_target(db: Path) -> None:
    from factory_grader.services.backup import is_database_file

    url = f"sqlite:///{db}"
    for name in ("grader.db", "grader.db-wal", "grader.db-shm"):
        assert is_database_file(url, db.parent / name)
    assert is_database_file(url, db.parent / "sub" / ".." / "grader.db")
    assert not is_database_file(url, db.parent / "grader-copy.db")
    assert not is_database_file("postgresql+psycopg://u@h/x", db)


@pytest.mark.parametrize("wreck", ["damaged", "text"])
def test_a_damaged_database_is_what_a_restore_is_for(
    db: Path, tmp_path: Path, capsys, wreck: str
) -> None:
    """The database itself is damaged (or is no database at all): the backup still goes back,
    and the damaged file is kept as the bytes it was, not refused."""
    url = f"sqlite:///{db}"
    copy = tmp_path / "copy.db"
    assert main(["--db", url, "backup", "--out", str(copy)]) == 0
    if wreck == "damaged":
        damaged = wreck_the_schema_page(db)
    else:
        damaged = "这不是数据库".encode() * 100
        db.write_bytes(damaged)
    capsys.readouterr()
    assert main(["--db", url, "assessments", "list"]) == 2  # (it cannot be used as it is)
    capsys.readouterr()
    assert main(["--db", url, "restore", str(copy)]) == 0
    kept = list((db.parent / "backups").glob("*before-restore*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert main(["--db", url, "assessments", "list"]) == 0
    assert "海口示例" in capsys.readouterr().out


def test_a_folder_that_cannot_take_the_kept_copy_is_said(db: Path, tmp_path: Path, capsys) -> None:
    import subprocess

    copy = tmp_path / "copy.db"
    assert main(["--db", f"sqlite:///{db}", "backup", "--out", str(copy)]) == 0
    capsys.readouterr()
    before = sha(db)
    subprocess.run(["chattr", "+i", str(db.parent)], check=True)  # (read-only even for root)
    try:
        assert main(["--db", f"sqlite:///{db}", "restore", str(copy)]) == 2
    finally:
        subprocess.run(["chattr", "-i", str(db.parent)], check=True)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected" not in err
    assert f"{db.parent / 'backups'}：无法创建数据库所在的文件夹。" in err
    assert sha(db) == before


def test_a_database_another_program_has_open_is_said_not_waited_for(
    db: Path, tmp_path: Path, capsys
) -> None:
    """Another program reading the database (rollback journal: its read lock blocks the
    copy in): the restore gives up after a few seconds, saying so, and changes nothing."""
    import threading

    copy = tmp_path / "copy.db"
    assert main(["--db", f"sqlite:///{db}", "backup", "--out", str(copy)]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    capsys.readouterr()
    before = sha(db)
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds a read lock
    codes: list[int] = []
    worker = threading.Thread(
        target=lambda: codes.append(main(["--db", f"sqlite:///{db}", "restore", str(copy)])),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=60)
    reader.execute("ROLLBACK")
    reader.close()
    assert not worker.is_alive(), "the restore waited for the other program for ever"
    assert codes == [2]
    assert "数据库正被其他程序使用" in capsys.readouterr().err
    assert sha(db) == before


def test_a_write_cut_off_by_a_crash_is_rolled_back_not_called_read_only(db: Path, capsys) -> None:
    """A process killed in the middle of a write in rollback-journal mode leaves a hot journal
    and a half-written file: a read-only look cannot roll it back (SQLite says READONLY_ROLLBACK),
    so the open rolls it back as any writer would, and the data is as it was."""
    import subprocess
    import sys

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        before = conn.execute("SELECT count(*), max(comment) FROM requirement_answer").fetchone()
    conn.close()
    crash = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA cache_size = 2')\n"  # (so the change spills into the file)
        "conn.execute('BEGIN')\n"
        "conn.execute(\"UPDATE requirement_answer SET comment = 'half written'\")\n"
        "os._exit(0)\n"  # (a crash: no rollback, no close)
    )
    subprocess.run([sys.executable, "-c", crash, str(db)], check=True, timeout=60)
    assert db.with_name(db.name + "-journal").exists()  # hot
    assert main(["--db", f"sqlite:///{db}", "assessments", "list"]) == 0
    assert "海口示例" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        assert (
            conn.execute("SELECT count(*), max(comment) FROM requirement_answer").fetchone()
            == before
        )
    conn.close()
