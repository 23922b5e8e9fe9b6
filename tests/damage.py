"""Damaging a real SQLite database the ways the tests need, in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

PAGE = 4096  # (the page size of every database the app makes)


def wreck_a_table_page(db: Path, table: str = "requirement_answer") -> None:
    """Garbage over one leaf page of this table: the integrity check fails, and reading that
    table does, while the other tables still read."""
    with sqlite3.connect(db) as conn:
        (page,) = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' LIMIT 1", (table,)
        ).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * size : page * size] = b"\xa5" * size
    db.write_bytes(bytes(data))


def wreck_the_schema_page(db: Path) -> bytes:
    """Garbage over the first page after the header (the schema): no connection can use the
    file. Returns its bytes now."""
    data = bytearray(db.read_bytes())
    data[100:PAGE] = b"\xff" * (PAGE - 100)
    db.write_bytes(bytes(data))
    return bytes(data)
