"""Backups the user asks for (the daily ones are made by storage when the database opens)."""

from __future__ import annotations

from pathlib import Path

from factory_grader.storage.backups import backup_url


def backup_database(db_url: str, target: Path) -> Path:
    """A consistent copy of the database at db_url, made while it may be in use."""
    return backup_url(db_url, target)
