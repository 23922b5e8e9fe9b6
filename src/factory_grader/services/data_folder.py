"""Moving the data folder (设置 → 数据文件夹) to another disk or a USB stick, from inside the app:
copy the database (consistently) and every other file, verify the copy (row counts, every
evidence file's SHA-256), then switch by writing the new location into the base folder. The old
folder stays as it was until the user removes it: nothing is deleted here."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factory_grader.domain.errors import InputError
from factory_grader.services import app_paths
from factory_grader.services.network_paths import on_network
from factory_grader.storage.backups import copy_database, table_counts

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
        self.reason = reason  # same | inside | not-empty | network | not-writable | server | verify


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
    if target == source:
        raise MoveRefused(f"{target}: the data is there already", "same")
    if source in target.parents:
        raise MoveRefused(f"{target}: inside the current data folder {source}", "inside")
    if on_network(target):
        raise MoveRefused(
            f"{target}: a network folder; SQLite needs a local disk (use a shared PostgreSQL"
            " server for a team instead)",
            "network",
        )
    if target.exists() and any(target.iterdir()):
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
    """Copy, verify, switch. The caller has closed its connections to the database."""
    source = app_paths.data_home()
    check_target(source, target)
    target = target.expanduser().resolve()
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
    database = source / app_paths.DB_FILE
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
    log.info("data moved from %s to %s (%s rows, %d files)", source, target, rows, len(others))
    return MoveReport(source, target, rows, len(others), checked)


def _verify_rows(old: Path, new: Path) -> dict[str, int]:
    if not old.is_file():
        return {}
    before, after = table_counts(old, TABLES), table_counts(new, TABLES)
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
