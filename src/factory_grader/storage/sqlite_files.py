"""The files SQLite keeps beside a WAL-mode database, and leaving none behind after a look."""

from __future__ import annotations

import contextlib
from pathlib import Path


def side_files(path: Path) -> list[Path]:
    """The -wal and -shm files of this database (which need not exist)."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def remove_created(side: list[Path], existed: set[Path]) -> None:
    """Remove the side files a read-only look created, unless they now hold something: a look
    must leave nothing new beside the file."""
    wal = side[0]
    with contextlib.suppress(OSError):  # (a read-only disk says EROFS even for a missing file)
        if wal not in existed and (not wal.exists() or wal.stat().st_size == 0):
            for p in side:
                if p not in existed:
                    p.unlink(missing_ok=True)
