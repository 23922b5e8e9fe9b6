"""Backups of a database server (PostgreSQL): this app's tables exported into a SQLite file of
the same schema — the same kind of file a SQLite backup is, so either restores anywhere — and
restored from one in a single transaction. Read in one snapshot (REPEATABLE READ), so the copy
is consistent while colleagues keep working."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, insert, select, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from factory_grader.domain.errors import DatabaseError
from factory_grader.storage import migrate
from factory_grader.storage.backups import check_restorable
from factory_grader.storage.database import open_database, translate_errors
from factory_grader.storage.schema import Base

log = logging.getLogger(__name__)


def server_engine(db_url: str) -> Engine:
    """An engine for the server at db_url; a driver this app does not have is said as such."""
    try:
        return create_engine(db_url)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(
            f"{db_url}: this app cannot use that database ({exc})", "unsupported", db_url
        ) from None


def export_server(db_url: str, target: Path) -> Path:
    """This app's tables on the server at db_url, copied into a new SQLite file at target."""
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    source = server_engine(db_url)
    name = source.url.render_as_string(hide_password=True)
    try:
        with translate_errors(name):  # unreachable, login refused …: by error code
            _export(source, part)
        part.replace(target)
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"{target}: the server could not be exported ({exc.__class__.__name__})",
            "backup-failed",
            target,
        ) from None
    finally:
        source.dispose()
        part.unlink(missing_ok=True)
    log.info("tables of %s exported to %s", source.url.render_as_string(hide_password=True), target)
    return target


def _export(source: Engine, part: Path) -> None:
    target = create_engine(f"sqlite:///{part}")
    try:
        Base.metadata.create_all(target)
        with source.connect() as s, target.begin() as d:
            s = s.execution_options(isolation_level="REPEATABLE READ")
            with s.begin():  # one snapshot of every table
                revision = migrate.current_revision(s)
                if revision != migrate.head_revision():
                    raise DatabaseError(
                        f"{source.url.render_as_string(hide_password=True)}: schema {revision},"
                        f" this app writes {migrate.head_revision()}: open it with this app once"
                        " (it upgrades it), then back it up",
                        "older",
                        source.url.render_as_string(hide_password=True),
                    )
                d.execute(
                    text(
                        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL"
                        " PRIMARY KEY)"
                    )
                )
                d.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": revision})
                for table in Base.metadata.sorted_tables:
                    rows = [dict(r) for r in s.execute(select(table)).mappings()]
                    if rows:
                        d.execute(insert(table), rows)
    finally:
        target.dispose()


def import_server(db_url: str, source: Path, now: datetime, keep_folder: Path) -> Path:
    """Replace this app's tables on the server with a backup's (checked first; an older backup
    is upgraded in a temporary copy). What the server held is exported to keep_folder first;
    returns that file."""

    check_restorable(source)
    open_database(db_url, lambda: now).close()  # a new, empty server gets this app's tables first
    keep_folder.mkdir(parents=True, exist_ok=True)
    kept = export_server(db_url, keep_folder / f"server-before-restore-{now:%Y%m%d-%H%M%S}.db")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "restore.db"
        shutil.copyfile(source, copy)
        open_database(f"sqlite:///{copy}", lambda: now).close()  # upgraded to this app's schema
        reader, writer = create_engine(f"sqlite:///{copy}"), server_engine(db_url)
        try:
            with (
                translate_errors(writer.url.render_as_string(hide_password=True)),
                reader.connect() as s,
                writer.begin() as d,
            ):
                for table in reversed(Base.metadata.sorted_tables):
                    d.execute(delete(table))
                for table in Base.metadata.sorted_tables:
                    rows = [dict(r) for r in s.execute(select(table)).mappings()]
                    if rows:
                        d.execute(insert(table), rows)
                # Only after every row is in: a sequence change is not rolled back with a failed
                # transaction. Never backwards either: a new row gets an id above every id the
                # server has handed out, restored or not.
                for table in Base.metadata.sorted_tables:
                    if "id" in table.c and table.c.id.autoincrement is not False:
                        seq = f"pg_get_serial_sequence('{table.name}', 'id')"
                        high = (
                            f"GREATEST(COALESCE(MAX(id), 0),"
                            f" COALESCE(pg_sequence_last_value({seq}::regclass), 0))"
                        )
                        d.execute(
                            text(
                                f"SELECT setval({seq}, GREATEST({high}, 1), {high} > 0)"
                                f" FROM {table.name}"
                            )
                        )
        except SQLAlchemyError as exc:
            raise DatabaseError(
                f"{source}: could not be restored to the server ({exc.__class__.__name__});"
                " nothing was changed",
                "restore-failed",
                source,
            ) from None
        finally:
            reader.dispose()
            writer.dispose()
    log.info("server restored from %s (previous kept as %s)", source, kept)
    return kept
