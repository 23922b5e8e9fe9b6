"""One compared workbook as a row (Entry), and the summary's machine sheet that carries the rows,
so that summaries can be compared again (city → province)."""

from __future__ import annotations

from dataclasses import fields

from factory_grader.domain.comparison import Entry
from factory_grader.domain.errors import WorkbookError
from factory_grader.workbook.xlsx_reader import XlsxFile

SUMMARY_SHEET = "fg_summary"
SUMMARY_SCHEMA = "factory-grader-summary/1"


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Entry))
_INTS = {"score_hundredths", "level", "built", "ai", "unanswered"}


def entry_cells(entry: Entry) -> list[str]:
    """Every field as text ("" for None): the row of the summary's machine sheet."""
    return ["" if (v := getattr(entry, name)) is None else str(v) for name in COLUMNS]


def read_summary_entries(book: XlsxFile, source: str) -> list[Entry]:
    """The rows of a summary workbook's machine sheet, each keeping the file it came from."""
    table = book.rows(SUMMARY_SHEET, len(COLUMNS) + 1)
    if not table or table[0][0] != "schema" or table[0][1] != SUMMARY_SCHEMA:
        found = table[0][1] if table and len(table[0]) > 1 else ""
        raise WorkbookError(f"{source}: summary schema {found!r}; this app reads {SUMMARY_SCHEMA}")
    header = table[1] if len(table) > 1 else []
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise WorkbookError(f"{source}: {SUMMARY_SHEET}!A2: unexpected columns")
    entries = []
    for number, row in enumerate(table[2:], start=3):
        if not any(row):
            continue
        values: dict[str, object] = {}
        for name, text in zip(COLUMNS, row, strict=False):
            if name in _INTS:
                if text and not text.lstrip("-").isdigit():
                    raise WorkbookError(f"{source}: {SUMMARY_SHEET} row {number}: {name} {text!r}")
                values[name] = int(text) if text else None
            elif name == "revision":
                values[name] = int(text) if text.isdigit() else 0
            else:
                values[name] = text
        values["file"] = f"{source} › {values['file']}"  # where the row came from, and before
        entries.append(Entry(**values))  # type: ignore[arg-type]
    return entries
