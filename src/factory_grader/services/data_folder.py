"""Moving the data folder (设置 → 数据文件夹) to another disk or a USB stick, from inside the app:
copy the database (consistently) and every other file, verify the copy (row counts, every
evidence file's SHA-256), then switch by writing the new location into the base folder. The old
folder stays as it was until the user removes it: nothing is deleted here."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factory_grader.domain.errors import DatabaseError, InputError
from factory_grader.services import app_paths
from factory_grader.services.log_setup import configure_logging
from factory_grader.services.network_paths import on_network
from factory_grader.storage.backups import copy_database, table_counts, writes_held

log = logging.getLogger(__name__)

#: the tables whose rows must all arrive
TABLES = (
    "factory",
    "assessment",
    "requirement_answer",
    "scenario_answer",
    "condition_answer",
    "attachment",
    "answer_conflict",
)
#: the live database and SQLite's companions: copied through SQLite, not as files
_DATABASE_FILES = {app_paths.DB_FILE, f"{app_paths.DB_FILE}-wal", f"{app_paths.DB_FILE}-shm"}


class MoveRefused(InputError):
    """The data cannot be moved there; `reason` lets a front door say why in its language."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        # server | other-db | source-missing | same | inside | not-a-folder | network | not-empty
        # | not-writable | verify | full | io
        self.reason = reason


@dataclass(frozen=True, slots=True)
class MoveReport:
    old: Path
    new: Path
    rows: dict[str, int]  # table -> rows, the same in both copies
    files: int  # other files copied (evidence, settings, backups, logs)
    evidence_checked: int  # evidence files whose SHA-256 was checked


def check_target(source: Path, target: Path, db_url: str | None = None) -> None:
    """Why the data cannot move to target (MoveRefused), or nothing."""
    source, target = source.resolve(), target.expanduser().resolve()
    if db_url is not None and not db_url.startswith("sqlite"):
        raise MoveRefused(f"{db_url}: the data is on a database server, not in a folder", "server")
    if db_url is not None and db_url != app_paths.database_url(None):
        raise MoveRefused(f"{db_url}: the database in use is not the data folder's", "other-db")
    if app_paths.missing_data_folder() is not None or not source.is_dir():
        raise MoveRefused(
            f"{source}: the data folder is not there; nothing to move", "source-missing"
        )
    if target == source:
        raise MoveRefused(f"{target}: the data is there already", "same")
    if source in target.parents:
        raise MoveRefused(f"{target}: inside the current data folder {source}", "inside")
    if target.exists() and not target.is_dir():
        raise MoveRefused(f"{target}: a file, not a folder", "not-a-folder")
    if on_network(target):
        raise MoveRefused(
            f"{target}: a network folder; SQLite needs a local disk (use a shared PostgreSQL"
            " server for a team instead)",
            "network",
        )
    # the default folder holds the pointer to the moved data: moving back there is allowed
    if target.exists() and any(p.name != app_paths.LOCATION_FILE for p in target.iterdir()):
        raise MoveRefused(
            f"{target}: the folder is not empty; choose an empty or new one", "not-empty"
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        probe = target / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise MoveRefused(
            f"{target}: cannot write there ({exc.strerror})", "not-writable"
        ) from None


def move_data(
    target: Path,
    progress: Callable[[int, int], None] | None = None,
) -> MoveReport:
    """Copy, verify, switch. The caller has closed its connections to the database; any other
    writer is held off (a write lock on the database) until the switch, so the copy is whole."""
    source = app_paths.data_home()
    check_target(source, target)
    target = target.expanduser().resolve()
    created = not any(target.iterdir())  # what is in it after this point is ours to remove
    database = source / app_paths.DB_FILE
    try:
        with writes_held(database):
            report = _copy_verify_switch(source, target, database, progress)
    except OSError as exc:
        if created:
            _empty(target)
        reason = "full" if exc.errno == errno.ENOSPC else "io"
        raise MoveRefused(
            f"{target}: the copy failed ({exc.strerror}); not moved", reason
        ) from None
    except (MoveRefused, DatabaseError):  # (a database that cannot be copied: said as it is)
        if created:
            _empty(target)
        raise
    # from now on the log is written in the new folder (the old one stays as it was)
    configure_logging(app_paths.log_dir())
    log.info(
        "data moved from %s to %s (%s rows, %d files)", source, target, report.rows, report.files
    )
    return report


def _copy_verify_switch(
    source: Path, target: Path, database: Path, progress: Callable[[int, int], None] | None
) -> MoveReport:
    others = [
        p
        for p in sorted(source.rglob("*"))
        if p.is_file()
        and not (
            p.parent == source and (p.name in _DATABASE_FILES or p.name == app_paths.LOCATION_FILE)
        )
        and not p.name.endswith((".part", ".restore"))
    ]
    total, done = len(others) + 1, 0
    if database.is_file():
        copy_database(database, target / app_paths.DB_FILE)
    done += 1
    if progress:
        progress(done, total)
    for path in others:
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        done += 1
        if progress:
            progress(done, total)
    rows = _verify_rows(database, target / app_paths.DB_FILE)
    checked = _verify_evidence(source / "attachments", target / "attachments")
    _point_to(target)
    return MoveReport(source, target, rows, len(others), checked)


def _empty(folder: Path) -> None:
    """Remove what a failed move copied into a folder that was empty before it."""
    for child in folder.iterdir():
        if child.name == app_paths.LOCATION_FILE:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _verify_rows(old: Path, new: Path) -> dict[str, int]:
    if not old.is_file():
        return {}
    try:
        before, after = table_counts(old, TABLES), table_counts(new, TABLES)
    except sqlite3.Error as exc:  # (copied without complaint, then unreadable: damaged)
        raise DatabaseError(f"{old}: the database is damaged ({exc})", "damaged", old) from None
    if before != after:
        raise MoveRefused(
            f"{new}: the copy does not hold every row ({before} → {after}); not moved", "verify"
        )
    return after


def _verify_evidence(old: Path, new: Path) -> int:
    """Evidence files are named by their SHA-256: each copy must hash to its name."""
    checked = 0
    for path in sorted(old.rglob("*")) if old.is_dir() else []:
        if not path.is_file():
            continue
        copy = new / path.relative_to(old)
        digest = hashlib.sha256(copy.read_bytes()).hexdigest()
        expected = (
            path.name if len(path.name) == 64 else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        if digest != expected:
            raise InputError(
                f"{copy}: the copied evidence file differs from the original; not moved"
            )
        checked += 1
    return checked


def _point_to(target: Path) -> None:
    """Switch: the base folder names the new data folder (written whole, then renamed)."""
    base = app_paths.base_home()
    base.mkdir(parents=True, exist_ok=True)
    part = base / f"{app_paths.LOCATION_FILE}.{os.getpid()}.part"
    if target == base.resolve():
        (base / app_paths.LOCATION_FILE).unlink(missing_ok=True)  # back home: no pointer needed
        return
    part.write_text(str(target) + "\n", encoding="utf-8")
    part.replace(base / app_paths.LOCATION_FILE)
