"""Backups the user asks for (the daily ones are made by storage when the database opens)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from factory_grader.storage.backups import (
    backup_url,
    check_restorable,
    restore_database,
    sqlite_path,
)


def backup_database(db_url: str, target: Path) -> Path:
    """A consistent copy of the database at db_url, made while it may be in use."""
    return backup_url(db_url, target)


def check_backup(source: Path) -> str:
    """The schema of a backup this app can restore (DatabaseError: why it cannot)."""
    return check_restorable(source)


def restore_backup(db_url: str, source: Path, now: datetime | None = None) -> Path | None:
    """Put a backup in place of the database at db_url; the replaced one is kept (returned).
    The caller closes its own connections first and reopens after (the GUI does)."""
    return restore_database(source, sqlite_path(db_url), now or datetime.now(UTC))
