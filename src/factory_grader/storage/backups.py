"""Copies of the SQLite database: made online with SQLite's backup API (consistent even while
the app writes), written to a temporary name and renamed, so a copy is whole or absent."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from factory_grader.domain.errors import DatabaseError
from factory_grader.storage.sqlite_files import side_files, sqlite_meaning

log = logging.getLogger(__name__)

KEEP_DAILY = 7


LOCK_WAIT_S = 3  # another program holding the database: give up after this, saying so


def _uri(path: Path) -> str:
    """A file: URI (for read-only opening); a relative path is resolved first."""
    return path.resolve().as_uri()


def _free_name(folder: Path, stem: str) -> Path:
    """folder/stem.db, or stem-2.db … when that exists: a kept copy never replaces another."""
    candidate, n = folder / f"{stem}.db", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.db"
    return candidate


def copy_database(source: Path, target: Path) -> Path:
    """A whole copy of the database at source, written to target. A source that cannot be read
    (locked for longer than LOCK_WAIT_S, damaged, not a database) is said naming it; a target
    that cannot be written, naming that."""
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        src = _readable(source)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst, progress=_give_up_when_locked(source))
                check = dst.execute("PRAGMA quick_check").fetchall()
            finally:
                dst.close()
        finally:
            src.close()
        if check != [("ok",)]:  # (SQLite copies pages as they are: damage too)
            raise DatabaseError(
                f"{source}: the database is damaged ({check[0][0]})", "damaged", source
            )
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        meaning = sqlite_meaning(exc)
        if meaning in ("damaged", "locked"):  # (only the source can be: the copy is new)
            raise DatabaseError(f"{source}: cannot be copied ({exc})", meaning, source) from None
        raise DatabaseError(
            f"{target}: the backup could not be written ({exc})",
            meaning if meaning in ("full", "io", "read-only") else "backup-failed",
            target,
        ) from None
    finally:
        part.unlink(missing_ok=True)
    log.info("backup of %s written to %s", source, target)
    return target


def _readable(source: Path) -> sqlite3.Connection:
    """A read-only connection to a database that has been read once (so a lock, damage or a
    file that is no database is said now, naming the source)."""
    try:
        src = sqlite3.connect(f"{_uri(source)}?mode=ro", uri=True, timeout=LOCK_WAIT_S)
        try:
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            src.close()
            raise
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"{source}: cannot be read ({exc})", _file_meaning(exc), source
        ) from None
    return src


def _file_meaning(exc: sqlite3.Error) -> str:
    """What SQLite's refusal of a file given to copy or restore means: here NOTADB is a file
    that is no database at all (the open checks the header first, so there it means damage)."""
    if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_NOTADB:
        return "not-a-database"
    return sqlite_meaning(exc) or "failed"


def _give_up_when_locked(source: Path) -> Callable[[int, int, int], None]:
    """The backup's progress callback: SQLite's backup retries a locked source for ever (another
    program's exclusive lock); after LOCK_WAIT_S it is said instead."""
    since: list[float] = []

    def progress(status: int, remaining: int, total: int) -> None:
        if status not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            since.clear()
            return
        since.append(since[0] if since else time.monotonic())
        if time.monotonic() - since[0] > LOCK_WAIT_S:
            raise DatabaseError(f"{source}: in use by another program", "locked", source)

    return progress


def daily_backup(source: Path, today: date, keep: int = KEEP_DAILY) -> Path | None:
    """Once a day, on the first start: a copy in backups/ beside the database; the last `keep`
    are kept. None when today's copy exists already."""
    folder = source.parent / "backups"
    target = folder / f"{source.stem}-{today:%Y%m%d}.db"
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    copy_database(source, target)
    daily = sorted(folder.glob(f"{source.stem}-????????.db"))
    for old in daily[:-keep]:
        old.unlink(missing_ok=True)
        log.info("old daily backup %s removed (%d kept)", old, keep)
    return target


@contextlib.contextmanager
def writes_held(path: Path) -> Iterator[None]:
    """Hold the database's write lock meanwhile (readers go on), so that another program still
    holding it open cannot change it during a copy; waits 3 s for a writer to finish."""
    if not path.is_file():
        yield
        return
    conn = sqlite3.connect(path, timeout=3, isolation_level=None)
    try:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise DatabaseError(
                f"{path}: cannot be held for the copy ({exc})",
                sqlite_meaning(exc) or "failed",
                path,
            ) from None
        yield
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()


def table_counts(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Rows per table of a SQLite file (the tables it has), read-only: to verify a copy."""
    conn = sqlite3.connect(f"{_uri(path)}?mode=ro", uri=True)
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in tables
            if t in have
        }
    finally:
        conn.close()


def check_restorable(source: Path) -> str:
    """The schema revision of a backup this app can restore; DatabaseError saying why not (not
    a SQLite file, damaged, another program's database, or made by a newer app)."""
    from factory_grader.storage import migrate

    if not source.is_file():
        raise DatabaseError(f"{source}: no such file", "missing", source)
    try:
        conn = sqlite3.connect(f"{_uri(source)}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DatabaseError(
                    f"{source}: the file is damaged (SQLite integrity check failed)",
                    "damaged",
                    source,
                )
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "assessment", "requirement_answer"} <= tables:
                raise DatabaseError(f"{source}: not a factory-grader database", "foreign", source)
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # (by SQLite's error code, never its English text)
        raise DatabaseError(
            f"{source}: not a SQLite database ({exc})", _file_meaning(exc), source
        ) from None
    if revision is None or revision[0] not in migrate.known_revisions():
        found = revision[0] if revision else "none"
        raise DatabaseError(
            f"{source}: made by a newer version of factory-grader (schema {found}; this app knows"
            f" up to {migrate.head_revision()}): update the app to restore it",
            "newer",
            source,
        )
    return str(revision[0])


def restore_database(source: Path, target: Path, now: datetime) -> Path | None:
    """Replace the database at target with the backup at source (checked first: a file this app
    cannot restore leaves everything untouched). The database it replaces is kept in backups/
    first; returns that copy (None when there was none). A damaged database — what a restore
    is for — is kept as the bytes it is, and replaced as a file. An older schema is upgraded
    the next time the database opens, with its own pre-upgrade copy."""
    check_restorable(source)
    kept, damaged = None, False
    if target.is_file():
        folder = target.parent / "backups"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"{folder}: cannot be created ({exc.strerror}); nothing was restored",
                "no-folder",
                folder,
            ) from None
        keep = _free_name(folder, f"{target.stem}-before-restore-{now:%Y%m%d-%H%M%S}")
        try:
            kept = copy_database(target, keep)
        except DatabaseError as exc:
            if exc.meaning not in ("damaged", "not-a-database"):
                raise
            kept, damaged = _keep_bytes(target, keep), True
    part = target.with_name(f"{target.name}.{os.getpid()}.restore")
    try:
        copy_database(source, part)
        if damaged:  # (no SQLite connection can take it: the file itself is replaced)
            for side in side_files(target):
                side.unlink(missing_ok=True)
            part.replace(target)
        else:
            _copy_into(part, target)
    except (OSError, sqlite3.Error) as exc:
        meaning = sqlite_meaning(exc)
        raise DatabaseError(
            f"{target}: the backup could not be restored ({exc})",
            meaning if meaning in ("locked", "read-only", "full", "io") else "restore-failed",
            target,
        ) from None
    finally:
        part.unlink(missing_ok=True)
        for side in side_files(part):
            side.unlink(missing_ok=True)
    log.info("database %s restored from %s (previous kept as %s)", target, source, kept)
    return kept


def _copy_into(part: Path, target: Path) -> None:
    """Through SQLite, so any reader sees a whole database (another program holding it: said
    after LOCK_WAIT_S, not waited for)."""
    dst = sqlite3.connect(target, timeout=LOCK_WAIT_S)
    try:
        # a WAL database cannot take a copy of another page size: roll back the journal mode
        # for the copy (the app has closed its connections), WAL again after
        dst.execute("PRAGMA journal_mode=DELETE")
        src = sqlite3.connect(f"{_uri(part)}?mode=ro", uri=True)
        try:
            src.backup(dst, progress=_give_up_when_locked(target))
        finally:
            src.close()
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()


def _keep_bytes(target: Path, keep: Path) -> Path:
    """A damaged database kept as it is, with the files beside it (which may hold what it
    lacks)."""
    try:
        shutil.copy2(target, keep)
        for side in side_files(target):  # (-wal, -shm, -journal: what it may still need)
            if side.exists():
                shutil.copy2(side, keep.with_name(keep.name + side.name[len(target.name) :]))
    except OSError as exc:
        raise DatabaseError(
            f"{keep}: the damaged database could not be kept ({exc.strerror}); nothing was"
            " restored",
            "backup-failed",
            keep,
        ) from None
    log.warning("database %s is damaged: kept as it is in %s", target, keep)
    return keep


def is_sqlite_url(db_url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(db_url).get_backend_name() == "sqlite"
    except (ArgumentError, ValueError):  # (a port that is no number: ValueError)
        raise DatabaseError(f"{db_url}: not a database URL", "bad-url", db_url) from None


def sqlite_path(db_url: str) -> Path:
    """The file of a SQLite URL; DatabaseError for a server (PostgreSQL: use pg_dump/pg_restore)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(db_url)
    except (ArgumentError, ValueError):  # (a port that is no number: ValueError)
        raise DatabaseError(f"{db_url}: not a database URL", "bad-url", db_url) from None
    if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"):
        raise DatabaseError(f"{db_url}: an in-memory database keeps nothing", "in-memory")
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError(
            f"{url.render_as_string(hide_password=True)}: back up and restore a PostgreSQL server"
            " with pg_dump and pg_restore (these commands copy SQLite databases)",
            "server-backup",
            url.render_as_string(hide_password=True),
        )
    return Path(url.database).expanduser()


def backup_url(db_url: str, target: Path) -> Path:
    """copy_database for the database a URL names (SQLite only: see sqlite_path)."""
    source = sqlite_path(db_url)
    if not source.is_file():
        raise DatabaseError(f"{source}: no database there to back up", "missing", source)
    return copy_database(source, target)
