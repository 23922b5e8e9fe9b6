"""Turning user text into cell text a workbook can hold, and sizing columns and rows for it."""

from __future__ import annotations

import functools
import unicodedata

from factory_grader.domain.text_rules import FORBIDDEN
from factory_grader.workbook.plan import SheetPlan, Style

MAX_CELL_CHARS = 32767  # Excel's limit; longer text is cut with an ellipsis (visible sheets only)
# XML 1.0 cannot carry these (openpyxl refuses them): they are dropped from visible cells.
_ILLEGAL = FORBIDDEN
#: A cell starting with one of these is a formula to a spreadsheet user typing it in.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visible_text(text: str) -> str:
    """User text as a visible cell shows it: one line-break convention, no illegal characters."""
    clean = _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(clean) > MAX_CELL_CHARS:
        clean = clean[: MAX_CELL_CHARS - 1] + "…"
    return clean


@functools.lru_cache(maxsize=4096)  # names and answer words repeat on every row
def display_width(text: str) -> int:
    """Width in Latin character cells of the longest line: CJK and full-width characters take
    two."""
    if text.isascii():
        return max(map(len, text.split("\n")))
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        for line in text.split("\n")
    )


def fit_widths(
    sheet: SheetPlan,
    first_row: int,
    minimum: float = 6,
    maximum: float = 50,
    fixed: dict[int, float] | None = None,
) -> None:
    """Column widths from the longest line in each column (from first_row down), capped; columns
    in `fixed` keep their width (long text wraps there)."""
    widest: dict[int, int] = {}
    fixed = fixed or {}
    for (row, col), cell in sheet.cells.items():
        if row < first_row or col in fixed or cell.value is None or cell.style is Style.TITLE:
            continue
        text = cell.value if isinstance(cell.value, str) else f"{cell.value}"
        longest = display_width(text)
        if longest > widest.get(col, 0):
            widest[col] = longest
    for col, width in widest.items():
        sheet.widths[col] = min(max(width + 2, minimum), maximum)
    for col, width in fixed.items():
        sheet.widths[col] = width


_WRAPPING = {
    Style.WRAP,
    Style.CENTER,
    Style.HEADER,
    Style.LABEL,
    Style.NOTE,
    Style.STRONG,
    Style.SCORE,
    Style.INTEGER,
}
DEFAULT_WIDTH = 8.43  # a column without a set width


def fit_heights(sheet: SheetPlan, line_points: float = 14.0) -> None:
    """Row heights that show every wrapped cell whole. Spreadsheets grow such rows when a
    person edits them, but not when a file is opened (LibreOffice prints them cut off)."""
    spans: dict[tuple[int, int], float] = {}
    for ref in sheet.merges:
        first, last = ref.split(":")
        (r1, c1), (_, c2) = _parse_ref(first), _parse_ref(last)
        spans[(r1, c1)] = sum(sheet.widths.get(c, DEFAULT_WIDTH) for c in range(c1, c2 + 1))
    needed: dict[int, float] = {}
    for (row, col), cell in sheet.cells.items():
        if row in sheet.heights or cell.style not in _WRAPPING or not isinstance(cell.value, str):
            continue
        width = spans.get((row, col), sheet.widths.get(col, DEFAULT_WIDTH))
        if display_width(cell.value) <= width - 1 and "\n" not in cell.value:
            continue
        height = wrapped_height(cell.value, width, line_points)
        if height > needed.get(row, 0):
            needed[row] = height
    sheet.heights.update(needed)


def _parse_ref(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(ref[len(letters) :]), col


def wrapped_height(text: str, width_chars: float, line_points: float = 15.0) -> float:
    """The row height that shows all of `text` wrapped in a merged cell `width_chars` wide
    (spreadsheets do not grow merged rows by themselves)."""
    lines = 0
    usable = max(int(width_chars) - 1, 1)
    for line in text.split("\n"):
        lines += max(1, -(-display_width(line) // usable))
    return lines * line_points + 4
