"""One compared workbook as a row (Entry), and the summary's machine sheet that carries the rows,
so that summaries can be compared again (city → province)."""

from __future__ import annotations

import json
from dataclasses import fields

from factory_grader.domain.comparison import Entry
from factory_grader.domain.errors import WorkbookError
from factory_grader.workbook.xlsx_reader import XlsxFile

SUMMARY_SHEET = "fg_summary"
SUMMARY_SCHEMA = "factory-grader-summary/1"


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Entry))
#: The machine sheet: row 1 the schema, row 2 this header, then one row per entry: its file and
#: every field as one JSON object (a thousand rows write ten times faster than in 25 columns).
HEADER = ("file", "entry")


def entry_cells(entry: Entry) -> list[str]:
    values = {name: getattr(entry, name) for name in COLUMNS if name != "file"}
    return [entry.file, json.dumps(values, ensure_ascii=False, separators=(",", ":"))]


def read_summary_entries(book: XlsxFile, source: str) -> list[Entry]:
    """The rows of a summary workbook's machine sheet, each keeping the file it came from."""
    table = book.rows(SUMMARY_SHEET, 2)
    if not table or table[0][0] != "schema" or table[0][1] != SUMMARY_SCHEMA:
        found = table[0][1] if table else ""
        raise WorkbookError(f"{source}: summary schema {found!r}; this app reads {SUMMARY_SCHEMA}")
    if len(table) < 2 or tuple(table[1]) != HEADER:
        raise WorkbookError(f"{source}: {SUMMARY_SHEET}!A2: unexpected columns")
    entries = []
    for number, (file, text) in enumerate(table[2:], start=3):
        if not file and not text:
            continue
        try:
            values = json.loads(text)
            if not isinstance(values, dict) or set(values) != set(COLUMNS) - {"file"}:
                raise ValueError("fields differ")
            entry = Entry(file=f"{source} › {file}", **values)
        except (ValueError, TypeError) as exc:
            raise WorkbookError(
                f"{source}: {SUMMARY_SHEET}!B{number}: not an entry ({exc})"
            ) from None
        entries.append(entry)
    return entries
