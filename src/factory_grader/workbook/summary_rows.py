"""One compared workbook as a row (Entry), and the summary's machine sheet that carries the rows,
so that summaries can be compared again (city → province)."""

from __future__ import annotations

import json
from dataclasses import fields

from factory_grader.domain.comparison import Entry
from factory_grader.domain.errors import WorkbookError
from factory_grader.workbook.xlsx_reader import XlsxFile

SUMMARY_SHEET = "fg_summary"
SUMMARY_SCHEMA = "factory-grader-summary/2"
#: /1 carried no answers: its rows are read, but their figures cannot be recomputed
SUMMARY_SCHEMA_1 = "factory-grader-summary/1"

#: The row's JSON: every field but the file (its own column) and the answers (their own cells).
COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Entry) if f.name != "answers")
#: The machine sheet: row 1 the schema, row 2 this header, then one row per entry: its file,
#: every field as one JSON object (a thousand rows write ten times faster than in 25 columns),
#: and its answers' JSON in pieces of at most CHUNK characters (a cell holds 32,767).
HEADER = ("file", "entry", "answers")
HEADER_1 = ("file", "entry")
CHUNK = 30_000
MAX_PIECES = 20  # 600,000 characters: far more than any answers (comments are left out)


def entry_cells(entry: Entry) -> list[str]:
    values = {name: getattr(entry, name) for name in COLUMNS if name != "file"}
    pieces = [entry.answers[i : i + CHUNK] for i in range(0, len(entry.answers), CHUNK)]
    return [entry.file, json.dumps(values, ensure_ascii=False, separators=(",", ":")), *pieces]


def read_summary_entries(book: XlsxFile, source: str) -> list[Entry]:
    """The rows of a summary workbook's machine sheet, each keeping the file it came from (its
    figures are still to be checked against its answers: services/summary_check.py)."""
    table = book.rows(SUMMARY_SHEET, 2 + MAX_PIECES)
    schema = table[0][1] if table and table[0][0] == "schema" else ""
    if schema not in (SUMMARY_SCHEMA, SUMMARY_SCHEMA_1):
        raise WorkbookError(
            f"{source}: summary schema {schema!r}; this app reads {SUMMARY_SCHEMA} and"
            f" {SUMMARY_SCHEMA_1}",
            f"汇总表格式“{schema}”：本软件可读 {SUMMARY_SCHEMA} 和 {SUMMARY_SCHEMA_1}",
        )
    header = HEADER if schema == SUMMARY_SCHEMA else HEADER_1
    if len(table) < 2 or tuple(c for c in table[1] if c) != header:
        raise WorkbookError(
            f"{source}: {SUMMARY_SHEET}!A2: unexpected columns",
            f"汇总表机读数据 {SUMMARY_SHEET}!A2 的列不符",
        )
    entries = []
    for number, (file, text, *pieces) in enumerate(table[2:], start=3):
        if not file and not text:
            continue
        try:
            values = json.loads(text)
            if not isinstance(values, dict):
                raise ValueError("not a JSON object")
            expected = set(COLUMNS) - {"file"}
            if unknown := set(values) - expected:
                raise ValueError(f"unknown fields {', '.join(sorted(unknown))}")
            if schema == SUMMARY_SCHEMA and (missing := expected - set(values)):
                raise ValueError(f"missing fields {', '.join(sorted(missing))}")
            entry = Entry(file=f"{source} › {file}", **values, answers="".join(pieces))
        except (ValueError, TypeError, RecursionError) as exc:
            raise WorkbookError(
                f"{source}: {SUMMARY_SHEET}!B{number}: not an entry ({exc})",
                f"汇总表机读数据 {SUMMARY_SHEET}!B{number} 不是有效记录",
            ) from None
        entries.append(entry)
    return entries
