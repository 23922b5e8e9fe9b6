"""Open a database safely: inspect before touching, back up before migrating, migrate, connect.

A file that is not a database, a damaged one, or one whose schema is newer than this app is
refused with DatabaseError before anything is written to it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from factory_grader.domain.errors import DatabaseError
from factory_grader.storage import migrate
from factory_grader.storage.backups import copy_database, daily_backup
from factory_grader.storage.sqlite_files import file_state, read_only_uri, sqlite_meaning

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_READONLY_ROLLBACK = 776  # a hot journal a read-only connection cannot roll back
BUSY_TIMEOUT_MS = 3000  # wait this long for another writer, then say the file is locked


@dataclass
class Database:
    engine: Engine
    name: str  # how messages name the database (file path, or URL without password)
    read_only: bool
    backup: Path | None  # the copy made before a migration at this open, if any
    _sessions: sessionmaker[Session]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short unit of work; database faults become DatabaseError naming the database."""
        with translate_errors(self.name), self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def translate_errors(name: str) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        log.warning("%s: %s", name, exc.orig)
        raise DatabaseError(f"{name}: {_explain(exc.orig)}", _meaning(exc.orig), name) from None
    except SADatabaseError as exc:
        # A known condition (read-only, disk full, no permission, damage …) whatever class the
        # driver files it under; anything else is a bug and stays an error with its traceback.
        if isinstance(exc, DBAPIError) and error_meaning(exc.orig) is not None:
            log.warning("%s: %s", name, exc.orig)
            raise DatabaseError(f"{name}: {_explain(exc.orig)}", _meaning(exc.orig), name) from None
        raise


# Errors are recognised by their codes (SQLite result codes, PostgreSQL SQLSTATE), never by the
# message text: a server set to Chinese messages (lc_messages) says the same things in Chinese.
_SQLSTATE_MEANING = {
    "25006": "read-only",  # read_only_sql_transaction
    "53100": "full",  # disk_full
    "53200": "full",  # out_of_memory
    "55P03": "locked",  # lock_not_available
    "40P01": "locked",  # deadlock_detected
    "57014": "locked",  # query_canceled (a lock or statement timeout)
    "42501": "no-permission",  # insufficient_privilege
    "3D000": "no-database",  # invalid_catalog_name
    "28P01": "login",  # invalid_password
    "28000": "login",  # invalid_authorization_specification
    "XX001": "damaged",  # data_corrupted
    "XX002": "damaged",  # index_corrupted
}
_MEANING_WORDS = {
    "locked": "the database is locked by another program; close it and try again",
    "read-only": "the database is read-only here: changes cannot be saved (check permissions)",
    "io": "the disk could not be read or written (is it unplugged or failing?)",
    "damaged": "the database is damaged",
    "full": "the disk is full: nothing was saved",
    "cannot-open": "the database file cannot be opened (check the path and permissions)",
    "no-permission": "the database user lacks the permission for this",
    "no-database": "no such database on the server",
    "login": "the server refused the login (check user name and password)",
    "unreachable": "the database server cannot be reached (is it running? is the address right?)",
    "server-shutdown": "the database server is shutting down or starting up; try again shortly",
}


def error_meaning(orig: BaseException | None) -> str | None:
    """What a database driver error means, from its code alone (None when unknown)."""
    if orig is None:
        return None
    if isinstance(getattr(orig, "sqlite_errorcode", None), int):
        return sqlite_meaning(orig)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str):
        if state.startswith("08"):  # connection_exception class
            return "unreachable"
        if state.startswith("57P"):  # admin_shutdown, crash_shutdown, cannot_connect_now
            return "server-shutdown"
        return _SQLSTATE_MEANING.get(state)
    classes = {c.__name__ for c in type(orig).__mro__}  # (ConnectionTimeout is one too)
    if "OperationalError" in classes and getattr(orig, "sqlstate", "") is None:
        return "unreachable"  # psycopg: no connection was made, so there is no SQLSTATE
    return None


def _meaning(orig: BaseException | None) -> str:
    return error_meaning(orig) or "failed"


def _explain(orig: BaseException | None) -> str:
    meaning = error_meaning(orig)
    text = str(orig).strip()
    detail = text.splitlines()[0] if text else type(orig).__name__
    if meaning is None:
        return detail
    words = _MEANING_WORDS[meaning]
    return f"{words} ({detail})" if meaning in ("damaged", "io", "cannot-open") else words


def _parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except (ArgumentError, ValueError):  # (a port that is no number: ValueError)
        raise DatabaseError(
            f"{url}: not a database URL (e.g. sqlite:///path/file.db)", "bad-url", url
        ) from None


def open_database(
    url: str,
    clock: Callable[[], datetime],
    extra_migrations: Sequence[Path] = (),
) -> Database:
    parsed = _parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _open_sqlite(parsed, clock, extra_migrations)
    return _open_server(parsed, extra_migrations)


# --- SQLite --------------------------------------------------------------------------------


def _open_sqlite(url: URL, clock: Callable[[], datetime], extra: Sequence[Path]) -> Database:
    if not url.database or url.database == ":memory:":
        raise DatabaseError("an in-memory database keeps nothing: give a file path", "in-memory")
    path = Path(url.database).expanduser().resolve()
    name = str(path)
    known = migrate.known_revisions(extra)
    head = migrate.head_revision(extra)
    revision = None
    if path.exists():
        revision = _inspect(path, known)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"{name}: cannot create its folder: {exc.strerror}", "no-folder", name
            ) from None
    read_only = path.exists() and not _writable(path)
    if revision != head:
        if read_only:
            raise DatabaseError(
                f"{name}: needs an upgrade but is read-only here", "upgrade-read-only", name
            )
        backup = _backup(path, clock) if revision is not None else None
        log.info("upgrading %s from schema %s to %s (backup: %s)", name, revision, head, backup)
        _migrate_sqlite(path, name, extra)
    else:
        backup = None
    engine = _sqlite_engine(path, read_only)
    if not read_only and revision is not None:  # an existing database: a copy a day, 7 kept
        try:
            daily_backup(path, clock().date())
        except (DatabaseError, OSError) as exc:  # the app still opens; the log says why
            log.warning("no daily backup of %s: %s", name, exc)
    return Database(engine, name, read_only, backup, sessionmaker(engine, expire_on_commit=False))


def _writable(path: Path) -> bool:
    # WAL needs to create -wal/-shm files beside the database, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _inspect(path: Path, known: set[str]) -> str | None:
    name = str(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            f"{name}: cannot be read: {exc.strerror}", "cannot-open", name
        ) from None
    if not header:
        return None  # an empty file is an empty database
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"{name}: not a database (this is not an SQLite file)", "not-a-database", name
        )
    before = file_state(path)
    try:
        # (read_only_uri: creates nothing beside the file, so a refusal leaves it as it was)
        revision = _look(path, known, read_only_uri(path))
        if file_state(path) == before:
            return revision
    except DatabaseError as exc:
        if exc.meaning == "hot-journal" and _writable(path):
            _roll_back(path)  # (what SQLite does for any writer opening it; then look again)
        elif file_state(path) == before:
            raise
    # written meanwhile: an immutable look takes no lock and may have met half a write
    return _look(path, known, f"{path.resolve().as_uri()}?mode=ro")


def _roll_back(path: Path) -> None:
    """A hot journal (a write interrupted by a crash) rolled back by opening the file to write,
    which a read-only look cannot do."""
    with (
        contextlib.closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn,
        contextlib.suppress(sqlite3.Error),  # (what else is wrong, the look says)
    ):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _look(path: Path, known: set[str], uri: str) -> str | None:
    name = str(path)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            check = conn.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                detail = "; ".join(str(row[0]) for row in check[:3])
                raise DatabaseError(f"{name}: the database is damaged ({detail})", "damaged", name)
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise DatabaseError(
                    f"{name}: an SQLite database, but not a factory-grader one", "foreign", name
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) == SQLITE_READONLY_ROLLBACK:
            raise DatabaseError(
                f"{name}: a hot journal to roll back, which needs write access", "hot-journal", name
            ) from None
        meaning = error_meaning(exc) or "damaged"  # (SQLite says NOTADB, CORRUPT … by code)
        raise DatabaseError(f"{name}: {_explain_sqlite(exc)}", meaning, name) from None
    revision = row[0] if row else None
    if revision is not None and revision not in known:
        raise DatabaseError(
            f"{name}: its schema ({revision}) is newer than this version of factory-grader;"
            " update the app to open it",
            "newer",
            name,
        )
    return revision


def _explain_sqlite(exc: sqlite3.Error) -> str:
    if error_meaning(exc) in (None, "damaged"):
        return f"the database is damaged or unreadable ({exc})"
    return _explain(exc)


def _backup(path: Path, clock: Callable[[], datetime]) -> Path:
    """A consistent copy beside the file, made with SQLite's backup API before a migration."""
    stamp = clock().strftime("%Y%m%d-%H%M%S")
    return copy_database(path, path.with_name(f"{path.name}.{stamp}.bak"))


def _on_connect(read_only: bool, foreign_keys: bool) -> Callable[[Any, Any], None]:
    def setup(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit survives a power cut, not only a crash (0.3 ms per commit here).
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return setup


def _sqlite_engine(path: Path, read_only: bool, foreign_keys: bool = True) -> Engine:
    uri = f"{path.as_uri()}?mode={'ro' if read_only else 'rwc'}"
    # A pool of connections any thread may check out, one at a time each: the GUI reads on
    # several threads while one writes. (The URL without a file would give SingletonThreadPool,
    # which closes other threads' connections once more than five threads have used it: a
    # connection in use by a live thread closed under it crashes the interpreter.)
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _on_connect(read_only, foreign_keys))
    return engine


def _migrate_sqlite(path: Path, name: str, extra: Sequence[Path]) -> None:
    # Foreign keys OFF while migrating: a batch migration rebuilds a parent table, and with them
    # ON the rebuild fires ON DELETE CASCADE and deletes every child row (platform-notes).
    engine = _sqlite_engine(path, read_only=False, foreign_keys=False)
    try:
        with translate_errors(name), engine.begin() as conn:
            migrate.upgrade_to_head(conn, extra)
        with translate_errors(name), engine.connect() as conn:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(
                    f"{name}: migration left {len(broken)} broken references",
                    "upgrade-failed",
                    name,
                )
    finally:
        engine.dispose()


# --- PostgreSQL (and other servers) ----------------------------------------------------------


def _open_server(url: URL, extra: Sequence[Path]) -> Database:
    name = url.render_as_string(hide_password=True)
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=_connect_args(url))
    except Exception as exc:  # unknown driver names etc.
        raise DatabaseError(
            f"{name}: cannot use this database URL ({exc})", "unsupported", name
        ) from None
    known = migrate.known_revisions(extra)
    with translate_errors(name), engine.begin() as conn:
        revision = migrate.current_revision(conn)
        if revision is not None and revision not in known:
            raise DatabaseError(
                f"{name}: its schema ({revision}) is newer than this version of factory-grader;"
                " update the app to open it",
                "newer",
                name,
            )
        if revision != migrate.head_revision(extra):
            log.info("upgrading %s from schema %s", name, revision)
            migrate.upgrade_to_head(conn, extra)  # PostgreSQL migrates transactionally
    return Database(engine, name, False, None, sessionmaker(engine, expire_on_commit=False))


def _connect_args(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql":
        return {"connect_timeout": 5}  # an unreachable server: a clear message, not a hang
    return {}


@dataclass(frozen=True, slots=True)
class DatabaseStatus:
    """What `doctor` says of a database, found without changing it (no migration, no file
    created): where it is, its schema revision, and this app's newest."""

    where: str
    exists: bool
    revision: str | None
    head: str


def database_status(url: str) -> DatabaseStatus:
    """Read only. Raises DatabaseError (with its meaning) when the database cannot be used."""
    parsed = _parse_url(url)
    head = migrate.head_revision()
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise DatabaseError(
                "an in-memory database keeps nothing: give a file path", "in-memory"
            )
        path = Path(parsed.database).expanduser().resolve()
        if not path.exists():
            return DatabaseStatus(str(path), False, None, head)
        if path.is_dir():
            raise DatabaseError(f"{path}: is a folder, not a database file", "is-folder", path)
        revision = _inspect(path, migrate.known_revisions())
        return DatabaseStatus(str(path), True, revision, head)
    where = parsed.render_as_string(hide_password=True)
    try:
        engine = create_engine(url, connect_args=_connect_args(parsed), poolclass=NullPool)
    except (ArgumentError, ImportError) as exc:  # a driver this app does not have
        raise DatabaseError(
            f"{where}: this app cannot use that database ({exc})", "unsupported", where
        ) from None
    try:
        with translate_errors(where), engine.connect() as connection:
            revision = migrate.current_revision(connection)
    finally:
        engine.dispose()
    return DatabaseStatus(where, True, revision, head)
