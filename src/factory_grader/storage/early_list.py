"""The start list read straight from the database with its driver alone (sqlite3, psycopg),
before the full open: SQLAlchemy takes 0.3 s to import and the open (integrity check,
migrations, the day's backup) 0.2 s more, so a list waiting for them shows a second after the
window (issue 14 §2).

Only a database already at this app's schema is read so, in a read-only transaction (an SQLite
file through sqlite_files.read_only_uri: nothing created beside it, nothing removed). Anything
else — no such file, another schema, locked, damaged, unreachable, a URL this does not read
exactly as SQLAlchemy would — gives None: the list then waits for the full open, which says
what is wrong. The rows are converted by the same code as the store's (summary_rows); a test
holds the readings equal."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from factory_grader.domain.records import AssessmentSummary, Factory
from factory_grader.storage import migrate
from factory_grader.storage.sqlite_files import file_state, read_only_uri
from factory_grader.storage.summary_rows import summary_of

log = logging.getLogger(__name__)

PREFIX = "sqlite:///"
LOCKED_WAIT_S = 0.2  # a writer holding the file: give up early, the full open waits properly
SERVER_WAIT_S = 1  # a server slow to answer: the full open (5 s) then says it plainly
SERVER_LIMITS = "-c statement_timeout=2000 -c lock_timeout=1000"  # (ms) a table locked meanwhile
SERVER_SCHEMES = frozenset({"postgresql", "postgresql+psycopg"})
# what AssessmentStore.summaries selects
QUERY = (
    "SELECT a.*, f.name AS f_name, f.credit_code AS f_code"
    " FROM assessment AS a JOIN factory AS f ON f.id = a.factory_id ORDER BY a.id"
)
TIMES = frozenset({"created_at", "updated_at", "finalised_at"})


def read_summaries(url: str) -> list[AssessmentSummary] | None:
    """Every assessment, oldest first, as AssessmentStore.summaries gives them; None when this
    database cannot be read this way (see the module's docstring)."""
    server = server_params(url)
    if server is not None:
        try:
            found = _read_server(server)
            return None if found is None else [_summary(r) for r in found]
        except Exception:  # unreachable, refused, another schema: the full open says it
            log.info("no early list from the server", exc_info=True)
            return None
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        rows = _read(path)
        return None if rows is None else [_summary(r) for r in rows]
    except Exception:  # whatever it is, the full open meets it too and says it properly
        log.info("no early list from %s", path, exc_info=True)
        return None


def sqlite_path(url: str) -> Path | None:
    """The file of an sqlite:/// URL, resolved as the full open resolves it; None for any other
    URL, or one with escapes or options (which SQLAlchemy would read differently)."""
    if not url.startswith(PREFIX):
        return None
    rest = url[len(PREFIX) :]
    if not rest or rest == ":memory:" or any(c in rest for c in "%?"):
        return None
    return Path(rest).expanduser().resolve()


def server_params(url: str) -> dict[str, Any] | None:
    """psycopg's connection parameters for a postgresql:// URL, as SQLAlchemy's psycopg dialect
    makes them (user, password and database percent-decoded, the query's libpq options passed
    on, with this look's own time limits); None for any other URL, or one this does not read
    exactly so (several hosts, an option given twice, an @ or # SQLAlchemy reads otherwise)."""
    parts = urlsplit(url)
    if parts.scheme not in SERVER_SCHEMES or "," in parts.netloc or parts.netloc.count("@") > 1:
        return None
    if "#" in url:  # (SQLAlchemy keeps it in the database name, urlsplit cuts it off)
        return None
    options = parse_qsl(parts.query, keep_blank_values=True)
    if len({k for k, _ in options}) != len(options):
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    found: dict[str, Any] = {
        "host": parts.hostname,
        "port": port,
        "user": unquote(parts.username) if parts.username is not None else None,
        "password": unquote(parts.password) if parts.password is not None else None,
        "dbname": unquote(parts.path[1:]) if parts.path.startswith("/") else None,
    }
    found.update(options)
    # a look, not the open: it waits for no slow server and no lock (the open does, and says it)
    found["connect_timeout"] = SERVER_WAIT_S
    found["options"] = f"{SERVER_LIMITS} {found.get('options') or ''}".strip()
    return {k: v for k, v in found.items() if v not in (None, "")}


def _read_server(params: dict[str, Any]) -> list[dict[str, Any]] | None:
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(**params, row_factory=dict_row) as conn:
        conn.read_only = True  # (this look changes nothing, whatever happens)
        if not _at_head([tuple(r.values()) for r in _version(conn)]):
            return None
        return conn.execute(QUERY).fetchall()


def _version(conn: Any) -> list[dict[str, Any]]:
    exists = conn.execute("SELECT to_regclass('alembic_version') AS t").fetchone()
    if exists is None or exists["t"] is None:
        return []
    rows: list[dict[str, Any]] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return rows


def _at_head(found: list[tuple[Any, ...]]) -> bool:
    return found == [(migrate.head_revision(),)]


def _read(path: Path) -> list[dict[str, Any]] | None:
    before = file_state(path)
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=LOCKED_WAIT_S)
    try:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if not _at_head(found):
            return None  # to be upgraded (after a backup) by the full open first
        cursor = conn.execute(QUERY)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        conn.close()
    # written meanwhile: an immutable look takes no lock, so it may have met half a write
    return rows if file_state(path) == before else None


def _summary(row: dict[str, Any]) -> AssessmentSummary:
    """A row of QUERY as the store converts it, the times read as its UtcDateTime reads them."""
    columns = dict(row)
    for name in TIMES:
        if columns[name] is not None:
            columns[name] = _utc(columns[name])
    factory = Factory(columns["factory_id"], columns["f_name"], columns["f_code"])
    return summary_of(SimpleNamespace(**columns), factory)


def _utc(value: str | datetime) -> datetime:
    found = datetime.fromisoformat(value) if isinstance(value, str) else value
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)
