"""Looking into an SQLite file without changing anything beside it, and what SQLite's result
codes mean.

A read-only connection to a WAL-mode file creates empty -wal and -shm files beside it. Removing
them after the look is not safe: another program may have opened the file meanwhile and be
using them (its committed writes would be lost). So a file with no -wal beside it — every
committed change is in the file itself: the last connection checkpointed and removed it — is
read as immutable, which creates nothing; a file with a -wal must be read through it, so it is
read read-only beside the files already there. (A program that opens the file during the look
is not seen by it: the look is of the file as it was, which is all a look promises.)"""

from __future__ import annotations

from pathlib import Path

#: SQLite primary result codes -> what they mean (domain.database_meanings)
SQLITE_MEANING = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read-only",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "cannot-open",  # SQLITE_CANTOPEN
    26: "damaged",  # SQLITE_NOTADB
}


def sqlite_meaning(exc: BaseException) -> str | None:
    """What an sqlite3 error means, from its code alone (None: unknown)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return SQLITE_MEANING.get(code & 0xFF) if isinstance(code, int) else None


def read_only_uri(path: Path) -> str:
    """A URI that reads this database as it stands, creating nothing beside it (unless a -wal is
    there without its -shm: then SQLite adds the -shm it needs, which the next opener uses).
    A -journal beside it means a program writes it the old way (or crashed doing so): then
    locks are needed, and the look is read-only, not immutable, too."""
    busy = any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))
    return f"{path.resolve().as_uri()}?mode=ro{'' if busy else '&immutable=1'}"


def side_files(path: Path) -> list[Path]:
    """The -wal, -shm and -journal files of this database (which need not exist)."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def file_state(path: Path) -> tuple[object, ...]:
    """What changes when anybody writes the database: compared before and after an immutable
    look (which takes no lock), so a look that may have met a writer is made again, locked."""
    try:
        stat = path.stat()
    except OSError:
        return ()
    return (stat.st_mtime_ns, stat.st_size, *(p.exists() for p in side_files(path)))
