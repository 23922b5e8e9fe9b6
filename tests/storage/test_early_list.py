"""The start list read early, straight from the SQLite file (storage/early_list.py, issue 14 §2):
exactly what the store lists once the database is open, or None — never a guess — for a file
it must not read that way; and the look leaves the file and its folder as they were."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from factory_grader.services import verdicts
from factory_grader.services.assessments import open_service
from factory_grader.storage import migrate
from factory_grader.storage.early_list import (
    SERVER_LIMITS,
    read_summaries,
    server_params,
    sqlite_path,
)
from tests.damage import wreck_the_schema_page
from tests.pg_server import _admin, create_database, drop_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HEAD_FIXTURE = FIXTURES / "db" / f"schema-{migrate.head_revision()}.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def head_copy(tmp_path: Path) -> Path:
    """The newest schema's fixture: finalised revisions with their final verdicts, stored
    verdicts that hold and one that no longer does, two rule sets, a workshop."""
    assert HEAD_FIXTURE.exists(), "a fixture for the head schema is made with each migration"
    path = tmp_path / "grader.db"
    shutil.copy(HEAD_FIXTURE, path)
    return path


def test_the_early_list_is_what_the_open_store_lists(head_copy: Path, library) -> None:
    before, beside = digest(head_copy), folder_listing(head_copy.parent)
    early = read_summaries(f"sqlite:///{head_copy}")
    assert digest(head_copy) == before  # read-only
    assert folder_listing(head_copy.parent) == beside  # no -wal/-shm left beside it

    service, db = open_service(f"sqlite:///{head_copy}", library)
    try:
        stored = service.list_assessments()
        listed = verdicts.list_with_verdicts(service)
        early_listed = verdicts.early_list(f"sqlite:///{head_copy}", library)
    finally:
        db.close()
    assert early is not None and len(early) == len(stored) >= 3
    assert early == stored  # every field: times (aware, UTC), final verdicts, stored verdicts
    assert any(s.final_verdict is not None for s in early)
    assert any(s.finalised_at is not None and s.finalised_at.tzinfo is not None for s in early)
    assert any(s.stored_verdict is not None for s in early)
    assert early_listed == listed  # and the verdicts shown from them


def test_an_assessment_written_now_is_listed_alike(tmp_path: Path, library) -> None:
    """A database this version made (not only the fixture): demo factories, one finalised."""
    import random

    from factory_grader.services.demo import demo_answers

    url = f"sqlite:///{tmp_path / 'new.db'}"
    service, db = open_service(url, library)
    try:
        rng = random.Random(3)
        made = [service.import_answers(demo_answers(library, rng)) for _ in range(4)]
        service.finalise(made[1].id)
        stored = service.list_assessments()
    finally:
        db.close()
    assert read_summaries(url) == stored


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://fg@localhost/fg",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlite:///{folder}/grader.db",  # (another driver spelling: left to the open)
        "sqlite:///{folder}/grader%20copy.db",  # escapes SQLAlchemy would decode
        "sqlite:///{folder}/grader.db?mode=ro",  # options SQLAlchemy would read
    ],
)
def test_a_url_not_read_exactly_as_the_open_reads_it_is_left_to_the_open(
    url: str, head_copy: Path
) -> None:
    shutil.copy(head_copy, head_copy.with_name("grader copy.db"))
    assert read_summaries(url.format(folder=head_copy.parent)) is None


def test_the_path_is_resolved_as_the_open_resolves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert sqlite_path("sqlite:///grader.db") == tmp_path / "grader.db"
    assert sqlite_path(f"sqlite:///{tmp_path}/a/../grader.db") == tmp_path / "grader.db"


def _older_schema(folder: Path) -> Path:
    path = folder / "old.db"
    shutil.copy(FIXTURES / "db" / "schema-0006.db", path)
    return path


def _newer_schema(folder: Path) -> Path:
    path = folder / "newer.db"
    shutil.copy(HEAD_FIXTURE, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    return path


def _text_file(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_text("企业名称,得分\n甲厂,2.24\n", encoding="utf-8")
    return path


def _empty_file(folder: Path) -> Path:
    path = folder / "empty.db"
    path.write_bytes(b"")
    return path


def _damaged(folder: Path) -> Path:
    path = folder / "damaged.db"
    shutil.copy(HEAD_FIXTURE, path)
    wreck_the_schema_page(path)
    return path


def _sqlite_not_ours(folder: Path) -> Path:
    path = folder / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    return path


def _a_folder(folder: Path) -> Path:
    path = folder / "folder.db"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    "make",
    [_older_schema, _newer_schema, _text_file, _empty_file, _damaged, _sqlite_not_ours, _a_folder],
)
def test_a_file_to_upgrade_or_refuse_gives_no_early_list_and_stays_as_it_was(
    make, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = make(folder)
    before = None if path.is_dir() else digest(path)
    beside = folder_listing(folder)
    assert read_summaries(f"sqlite:///{path}") is None
    assert (None if path.is_dir() else digest(path)) == before
    assert folder_listing(folder) == beside


def test_a_missing_file_gives_none_and_creates_nothing(tmp_path: Path) -> None:
    assert read_summaries(f"sqlite:///{tmp_path / 'nowhere' / 'grader.db'}") is None
    assert read_summaries(f"sqlite:///{tmp_path / 'grader.db'}") is None
    assert list(tmp_path.iterdir()) == []


def test_a_file_another_program_is_writing_the_old_way_gives_none(head_copy: Path) -> None:
    """A program writing the file with a rollback journal (its -journal beside it, the file
    itself half changed) and holding it locked: no early list, at once, rather than a read of
    pages it is changing; the committed rows once it is done."""
    holder = sqlite3.connect(head_copy, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode = DELETE")
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE factory SET name = '写了一半'")
        assert head_copy.with_name(head_copy.name + "-journal").exists()
        assert read_summaries(f"sqlite:///{head_copy}") is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    after = read_summaries(f"sqlite:///{head_copy}")  # (and read once it is free)
    assert after is not None and "写了一半" not in {s.factory_name for s in after}


# --- a PostgreSQL server -----------------------------------------------------------------------


@pytest.fixture
def server_db(pg_server: str):
    name = "fg_test_early"
    url = create_database(pg_server, name)
    yield url
    drop_database(pg_server, name)


def fill(url: str, library) -> list:
    import random

    from factory_grader.services.demo import demo_answers

    service, db = open_service(url, library)
    try:
        rng = random.Random(5)
        made = [service.import_answers(demo_answers(library, rng)) for _ in range(3)]
        service.finalise(made[0].id)
        service.new_revision(made[0].id)
        return service.list_assessments()
    finally:
        db.close()


def test_the_early_list_from_a_server_is_what_the_open_store_lists(server_db: str, library) -> None:
    stored = fill(server_db, library)
    early = read_summaries(server_db)
    assert early is not None and len(early) == 4
    assert early == stored
    assert any(s.final_verdict is not None for s in early)
    service, db = open_service(server_db, library)
    try:
        assert verdicts.early_list(server_db, library) == verdicts.list_with_verdicts(service)
    finally:
        db.close()


def test_a_server_database_at_another_schema_or_none_gives_none(server_db: str, library) -> None:
    assert read_summaries(server_db) is None  # empty: no schema yet
    fill(server_db, library)
    with _admin(server_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0006'")
    assert read_summaries(server_db) is None


def test_an_unreachable_server_or_a_refused_login_gives_none(pg_server: str) -> None:
    from tests.pg_server import _free_port

    assert read_summaries(f"postgresql+psycopg://postgres@127.0.0.1:{_free_port()}/x") is None
    url = make_url(pg_server)
    assert read_summaries(url.set(database="no_such_db").render_as_string(False)) is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://us%40er:p%3Aw%2F@Host.example:5433/db%20x?sslmode=disable",
        "postgresql://u@/db?host=/var/run/postgresql&application_name=fg",
        "postgresql+psycopg://u@[::1]:5432/db",
        "postgresql+psycopg://u:@h/db",
        "postgresql+psycopg://h",
        "postgresql+psycopg://u@h/db?connect_timeout=30&options=-c%20search_path%3Dfg",
    ],
)
def test_server_parameters_are_what_sqlalchemy_makes_of_the_url(url: str) -> None:
    """Whatever the early list connects to is the database the full open connects to."""
    sa = make_url(url)
    expected = {
        "host": sa.host.lower() if sa.host else None,
        "port": sa.port,
        "user": sa.username,
        "password": sa.password,
        "dbname": sa.database,
        **dict(sa.query),
    }
    expected = {k: v for k, v in expected.items() if v not in (None, "")}
    options = f"{SERVER_LIMITS} {expected.pop('options', '')}".strip()
    assert server_params(url) == {**expected, "connect_timeout": 1, "options": options}


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://u@a,b/db",  # several hosts
        "postgresql+psycopg://u@h/db?sslmode=disable&sslmode=require",  # an option twice
        "postgresql+psycopg://u@h:port/db",  # a port that is no number
        "postgresql+psycopg2://u@h/db",  # another driver: left to the open
        "mysql://u@h/db",
        "postgresql://u@h/db#part",  # SQLAlchemy: database "db#part"; urlsplit: "db"
        "postgresql://u:p@ss@h/db",  # SQLAlchemy: host "ss@h"; urlsplit: host "h"
    ],
)
def test_a_server_url_not_read_exactly_so_is_left_to_the_open(url: str) -> None:
    assert server_params(url) is None


def test_the_early_list_is_read_without_sqlalchemy(head_copy: Path) -> None:
    """Its point: the list before SQLAlchemy's 0.3 s import (a fresh process, as at start)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from factory_grader.forms.library import FormLibrary\n"
        "from factory_grader.services.verdicts import early_list\n"
        f"listed = early_list({f'sqlite:///{head_copy}'!r}, FormLibrary.load())\n"
        "print(len(listed), sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, heavy = done.stdout.split(" ", 1)
    assert int(count) >= 3
    assert heavy.strip() == "[]"


def test_a_file_another_program_has_open_is_read_through_its_wal_and_its_files_kept(
    head_copy: Path,
) -> None:
    """Another program (another window, the CLI) has the file open and has committed a change
    that is still only in the -wal: the early list shows it, and the -wal and -shm that program
    is using stay where they are (removing them would lose its writes)."""
    other = sqlite3.connect(head_copy, isolation_level=None)
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("PRAGMA wal_autocheckpoint = 0")  # (the change stays in the -wal)
        other.execute("UPDATE factory SET name = '改过的名字' WHERE id = 1")
        wal, shm = (head_copy.with_name(head_copy.name + s) for s in ("-wal", "-shm"))
        assert wal.stat().st_size > 0
        early = read_summaries(f"sqlite:///{head_copy}")
        assert early is not None
        assert "改过的名字" in {s.factory_name for s in early}
        assert wal.exists() and shm.exists()
        other.execute("UPDATE factory SET name = '又改了' WHERE id = 1")  # (still usable)
        assert ("又改了",) in other.execute("SELECT name FROM factory").fetchall()
    finally:
        other.close()
