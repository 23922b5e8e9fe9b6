"""Files that must not be opened for writing: clear message, exit 2, the file byte-for-byte
unchanged; read-only and locked files: a clear message and no hang."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path
from tests.damage import wreck_a_table_page

EXAMPLE = str(example_answers_path())


def cli(
    capsys: pytest.CaptureFixture[str], db: Path, *argv: str, lang: str = "zh"
) -> tuple[int, str, str]:
    code = main(["--lang", lang, "--db", f"sqlite:///{db}", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


@pytest.fixture
def good_db(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "good.db"
    assert cli(capsys, db, "assessments", "import", EXAMPLE)[0] == 0
    return db


def said_in_chinese(err: str, where: object, sentence: str) -> None:
    """The refusal in the Chinese interface: where, then the sentence; no English word."""
    assert f"{where}：{sentence}" in err, err
    assert not re.search(r"[A-Za-z]{2,}", err.replace(str(where), "").replace("factory-grader", ""))


def refuses_untouched(capsys, db: Path, message: str, zh: str) -> None:
    before, files = digest(db), siblings(db)
    for argv in (["assessments", "list"], ["assessments", "import", EXAMPLE]):
        code, out, err = cli(capsys, db, *argv, lang="en")
        assert code == 2 and out == "", err
        assert message in err and str(db) in err and "Traceback" not in err
        code, out, err = cli(capsys, db, *argv)
        assert code == 2 and out == "", err
        said_in_chinese(err, db, zh)
    assert digest(db) == before and siblings(db) == files  # not even a -wal file appeared


def test_not_a_database(tmp_path: Path, capsys) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    refuses_untouched(
        capsys, db, "not a database (this is not an SQLite file)", "该文件不是数据库。"
    )


def test_damaged_database(good_db: Path, capsys) -> None:
    data = bytearray(good_db.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[2 * page : 5 * page] = b"\xff" * (3 * page)  # wreck three b-tree pages
    good_db.write_bytes(bytes(data))
    refuses_untouched(capsys, good_db, "the database is damaged", "数据库已损坏。请恢复备份副本。")


def test_truncated_database(good_db: Path, capsys) -> None:
    data = good_db.read_bytes()
    good_db.write_bytes(data[: len(data) // 3])
    refuses_untouched(capsys, good_db, "damaged", "数据库已损坏。请恢复备份副本。")


def test_newer_schema(good_db: Path, capsys) -> None:
    with sqlite3.connect(good_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    refuses_untouched(
        capsys,
        good_db,
        "newer than this version of factory-grader",
        "该数据库由更新版本的本软件生成。请先升级本软件。",
    )


def test_someone_elses_sqlite_file(tmp_path: Path, capsys) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    refuses_untouched(
        capsys,
        db,
        "an SQLite database, but not a factory-grader one",
        "该文件是其他程序的数据库，不是本软件的数据。",
    )


@pytest.fixture
def immutable(good_db: Path) -> Iterator[Path]:
    """chattr +i: not writable even by root, so the test is real when run as root in CI."""
    subprocess.run(["chattr", "+i", str(good_db)], check=True)
    try:
        yield good_db
    finally:
        subprocess.run(["chattr", "-i", str(good_db)], check=True)


def test_read_only_file_reads_but_refuses_changes(immutable: Path, capsys) -> None:
    before = digest(immutable)
    code, out, _ = cli(capsys, immutable, "assessments", "list")
    assert code == 0 and "海口示例" in out  # reading still works
    code, out, err = cli(capsys, immutable, "assessments", "import", EXAMPLE, lang="en")
    assert code == 2 and "read-only" in err and str(immutable) in err
    code, out, err = cli(capsys, immutable, "assessments", "import", EXAMPLE)
    assert code == 2
    said_in_chinese(err, immutable, "数据库在此处为只读，修改无法保存。请检查文件夹的权限。")
    assert digest(immutable) == before


def test_locked_file_gives_up_with_a_message(good_db: Path, capsys) -> None:
    blocker = sqlite3.connect(good_db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        code, _, err = cli(capsys, good_db, "assessments", "import", EXAMPLE, lang="en")
        waited = time.monotonic() - started
        zh_code, _, zh_err = cli(capsys, good_db, "assessments", "import", EXAMPLE)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert code == 2 and "locked by another program" in err
    assert zh_code == 2
    said_in_chinese(zh_err, good_db, "数据库正被其他程序使用。请关闭该程序后重试；数据没有丢失。")
    assert waited < 15  # the busy timeout (3 s), not a hang
    assert cli(capsys, good_db, "assessments", "list")[1].count("海口示例") == 1


def test_unreachable_server_fails_fast(capsys) -> None:
    started = time.monotonic()
    code = main(["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "assessments", "list"])
    err = capsys.readouterr().err
    assert code == 2 and "127.0.0.1:1" in err and "Traceback" not in err
    assert time.monotonic() - started < 15


def test_not_a_url(capsys) -> None:
    code = main(["--lang", "en", "--db", "::nonsense::", "assessments", "list"])
    assert code == 2 and "not a database URL" in capsys.readouterr().err
    assert main(["--db", "::nonsense::", "assessments", "list"]) == 2
    assert capsys.readouterr().err == (
        "factory-grader: ::nonsense::：这不是有效的数据库地址（例如 sqlite:///路径/文件.db 或"
        " postgresql+psycopg://用户@主机/库名）。\n"
    )


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://u:p@127.0.0.1/x", "mysql://u:p@127.0.0.1/x：本软件不能使用这种数据库"),
        ("sqlite://", "factory-grader: 内存数据库不保存任何内容，请给出文件路径。"),
    ],
)
def test_a_backup_of_a_database_it_cannot_copy_is_said(capsys, tmp_path: Path, url, said) -> None:
    assert main(["--db", url, "backup", "--out", str(tmp_path / "b.db")]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err and "unexpected" not in err
    assert not (tmp_path / "b.db").exists()


def test_a_backup_of_a_database_damaged_inside_is_refused(
    good_db: Path, tmp_path: Path, capsys
) -> None:
    """SQLite copies damaged pages as they are: the copy is checked before it is kept."""
    wreck_a_table_page(good_db)
    out = tmp_path / "b.db"
    assert main(["--db", f"sqlite:///{good_db}", "backup", "--out", str(out)]) == 2
    said_in_chinese(capsys.readouterr().err, good_db, "数据库已损坏。请恢复备份副本。")
    assert not out.exists() and not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_a_port_that_is_no_number_is_a_bad_url(capsys) -> None:
    url = "postgresql+psycopg://u@h:notaport/db"
    for argv in (["assessments", "list"], ["backup", "--out", "/tmp/never.db"], ["doctor"]):
        code = main(["--db", url, *argv])
        err = capsys.readouterr().err
        assert "unexpected" not in err and "Traceback" not in err, argv
        if argv[0] != "doctor":
            assert code == 2 and "这不是有效的数据库地址" in err, argv
