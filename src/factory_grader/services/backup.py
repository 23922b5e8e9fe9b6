"""Backups the user asks for (the daily ones are made by storage when the database opens): a
SQLite file either way — a consistent copy of a SQLite database, or an export of this app's
tables on a PostgreSQL server — and restoring one in place of the database in use."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from factory_grader.services import app_paths
from factory_grader.storage.backups import (
    backup_url,
    check_restorable,
    is_sqlite_url,
    restore_database,
    sqlite_path,
)


def backup_database(db_url: str, target: Path) -> Path:
    """A consistent copy of the database at db_url, made while it may be in use."""
    if is_sqlite_url(db_url):
        return backup_url(db_url, target)
    from factory_grader.storage.server_backup import export_server

    return export_server(db_url, target)


def is_database_file(db_url: str, path: Path) -> bool:
    """Is path the SQLite database at db_url, or one of SQLite's files beside it?"""
    if not is_sqlite_url(db_url):
        return False
    live = sqlite_path(db_url).resolve()
    names = {live, live.with_name(live.name + "-wal"), live.with_name(live.name + "-shm")}
    return path.expanduser().resolve() in names


def check_backup(source: Path) -> str:
    """The schema of a backup this app can restore (DatabaseError: why it cannot)."""
    return check_restorable(source)


def restore_backup(db_url: str, source: Path, now: datetime | None = None) -> Path | None:
    """Put a backup in place of the database at db_url; what it replaces is kept first (in
    backups/ beside a SQLite file; for a server, in the data folder's backups/) and returned.
    The caller closes its own connections first and reopens after (the GUI does)."""
    when = now or datetime.now(UTC)
    if is_sqlite_url(db_url):
        return restore_database(source, sqlite_path(db_url), when)
    from factory_grader.storage.server_backup import import_server

    return import_server(db_url, source, when, app_paths.data_home() / "backups")
