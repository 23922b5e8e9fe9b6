"""Copies of the SQLite database: made online with SQLite's backup API (consistent even while
the app writes), written to a temporary name and renamed, so a copy is whole or absent."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date
from pathlib import Path

from factory_grader.domain.errors import DatabaseError

log = logging.getLogger(__name__)

KEEP_DAILY = 7


def copy_database(source: Path, target: Path) -> Path:
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{target}: the backup could not be written ({exc})") from None
    finally:
        part.unlink(missing_ok=True)
    log.info("backup of %s written to %s", source, target)
    return target


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


def backup_url(db_url: str, target: Path) -> Path:
    """copy_database for the database a URL names. A PostgreSQL server is backed up with its own
    tools (pg_dump); an export of this app's tables from there is not built yet."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(db_url)
    except ArgumentError:
        raise DatabaseError(f"{db_url}: not a database URL") from None
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError(
            f"{url.render_as_string(hide_password=True)}: back up a PostgreSQL server with"
            " pg_dump (this command copies SQLite databases)"
        )
    source = Path(url.database).expanduser()
    if not source.is_file():
        raise DatabaseError(f"{source}: no database there to back up")
    return copy_database(source, target)
