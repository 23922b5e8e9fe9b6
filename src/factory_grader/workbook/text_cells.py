"""Turning user text into cell text a workbook can hold, and sizing columns and rows for it."""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable

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


# --- how text prints: widths and wrapped lines -------------------------------------------------

#: Excel refuses taller rows (409.5 points); a taller one is cut off in print anyway.
MAX_ROW_POINTS = 409.0
#: Characters a line never starts with (closing punctuation): they stay with the one before.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〉〕”’…,.;:?!)]}%")
#: How wide characters print, in a column's unit (the width of "0" in the workbook's default
#: font, Calibri 11: 7 pixels). A CJK character of 10-point 微软雅黑 is 13.3 pixels wide; a
#: Latin one as wide as in DejaVu Sans, the sans serif LibreOffice falls back to without
#: 微软雅黑 (whose own Latin letters are a little narrower); bold text BOLD times as wide.
CJK = 1.9
BOLD = 1.13
_LATIN_WIDTHS: tuple[tuple[float, str], ...] = (
    (0.5, "'ijl"),
    (0.6, " ,./:;IJ\\|"),
    (0.7, "()-[]ft"),
    (0.8, "!r"),
    (0.9, '"'),
    (1.0, "*?_`csz"),
    (1.1, "FLPkvxy"),
    (1.2, "$0123456789EKSTYabdeghnopqu{}"),
    (1.3, "ABCRVXZ"),
    (1.4, "HNU"),
    (1.5, "&DGOQ"),
    (1.6, "#+<=>M^w~"),
    (1.8, "%"),
    (1.9, "@Wm"),
)
_LATIN = {ch: width for width, chars in _LATIN_WIDTHS for ch in chars}
OTHER = 1.2  # any other character that is not wide: Latin letters with accents, Greek …


@functools.lru_cache(maxsize=8192)
def char_width(ch: str) -> float:
    if ch in _LATIN:
        return _LATIN[ch]
    return CJK if unicodedata.east_asian_width(ch) in "WF" else OTHER


def _wide(ch: str) -> bool:
    return char_width(ch) == CJK


@functools.lru_cache(maxsize=8192)  # names and answer words repeat on every row
def text_width(text: str, bold: bool = False) -> float:
    """How wide the longest line of `text` prints, in column units (bold: Latin letters wider,
    CJK characters as wide)."""
    factor = BOLD if bold else 1.0
    return max(
        sum(w if w == CJK else w * factor for w in map(char_width, line))
        for line in text.split("\n")
    )


def _pieces(line: str) -> list[tuple[int, int, float, bool]]:
    """A line cut where it may break: (start, end, width, is_space). A CJK character is a piece
    of its own, a Latin word breaks after a hyphen, closing punctuation sticks to what precedes."""
    pieces: list[tuple[int, int, float, bool]] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        start, width = i, char_width(ch)
        wide = width == CJK
        i += 1
        if ch == " ":
            while i < n and line[i] == " ":
                i, width = i + 1, width + char_width(" ")
            pieces.append((start, i, width, True))
            continue
        if not wide and ch != "-":  # a Latin word, up to a space, a hyphen or a CJK character
            while i < n and line[i] != " " and not _wide(line[i]) and line[i - 1] != "-":
                width += char_width(line[i])
                i += 1
        while i < n and line[i] in _NO_LINE_START:
            width += char_width(line[i])
            i += 1
        pieces.append((start, i, width, False))
    return pieces


def _line_spans(line: str, usable: float) -> list[tuple[int, int]]:
    """Where a spreadsheet wraps one line of text (no line breaks) in `usable` column units:
    greedily, a word broken only when it alone is wider than the cell."""
    if text_width(line) <= usable:
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    start, width = 0, 0.0
    for first, end, w, space in _pieces(line):
        if space:
            width += w  # spaces where a line breaks take no room
            continue
        if width + w <= usable or first == start:
            if w <= usable or first != start:
                width += w
                continue
        else:
            spans.append((start, first))
            start, width = first, 0.0
        if w > usable:  # a word wider than the cell breaks anywhere
            for j in range(first, end):
                u = char_width(line[j])
                if width + u > usable and j > start:
                    spans.append((start, j))
                    start, width = j, 0.0
                width += u
        else:
            width = w
    spans.append((start, len(line)))
    return spans


@functools.lru_cache(maxsize=4096)
def wrap_spans(text: str, width_chars: float) -> tuple[tuple[int, int], ...]:
    """The lines `text` shows as in a wrapping cell `width_chars` wide, as (start, end) slices
    of the text: every line break starts a line, and long lines wrap (one unit of the width is
    the cell's padding)."""
    usable = max(width_chars - 1, 1)
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans += [(offset + a, offset + b) for a, b in _line_spans(line, usable)]
        offset += len(line) + 1
    return tuple(spans)


def has_cjk(text: str) -> bool:
    return not text.isascii() and any(map(_wide, text))


def unbroken_width(text: str, bold: bool = True) -> float:
    """How wide the widest part of `text` that must not break across lines prints: all of it
    when it has CJK characters (a Chinese label has no word breaks: "AI 场景占比" must never
    print as "AI 场景占" / "比"), else its longest word."""
    if has_cjk(text):
        return text_width(text, bold)
    widest = max((w for *_, w, space in _pieces(text) if not space), default=0.0)
    return widest * BOLD if bold else widest


def label_width(
    texts: Iterable[str], max_lines: int = 1, minimum: float = 0, bold: bool = True
) -> float:
    """The narrowest column width (in half units) that shows every text without breaking a word
    and in at most `max_lines` lines, a text with CJK characters on one line; one unit is the
    cell's padding. `bold`: reckoned as bold text (wider)."""
    shown = [t for t in texts if t]
    widest = max((unbroken_width(t, bold) for t in shown), default=0.0)
    width = max(minimum, math.ceil(2 * (widest + 1)) / 2)
    factor = BOLD if bold else 1.0
    while any(
        not has_cjk(t) and len(_line_spans(t, (width - 1) / factor)) > max_lines for t in shown
    ):
        width += 0.5
    return width


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
        longest = math.ceil(text_width(text))
        if longest > widest.get(col, 0):
            widest[col] = longest
    for col, width in widest.items():
        sheet.widths[col] = min(max(width + 2, minimum), maximum)
    for col, fixed_width in fixed.items():
        sheet.widths[col] = fixed_width


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


#: A line of 10-point text: 微软雅黑 needs 13.2 points, Noto Sans CJK (LibreOffice's fallback
#: on Linux) 14.5.
LINE_POINTS = 15.0


def fit_heights(sheet: SheetPlan, line_points: float = LINE_POINTS) -> None:
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
        if "\n" not in cell.value and text_width(cell.value) <= width - 1:
            continue  # one line: the row keeps the default height
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


def wrapped_height(text: str, width_chars: float, line_points: float = LINE_POINTS) -> float:
    """The row height that shows all of `text` wrapped in a cell `width_chars` wide
    (spreadsheets do not grow rows by themselves when a file is opened), at most the tallest
    row a spreadsheet has."""
    return min(len(wrap_spans(text, width_chars)) * line_points + 4, MAX_ROW_POINTS)


def continued(
    text: str,
    width_chars: float,
    max_lines: int,
    next_width: float | None = None,
    first_lines: int | None = None,
) -> list[str]:
    """`text` whole when it wraps to at most `max_lines` lines in a cell `width_chars` wide;
    else cut into parts: the first of `first_lines` lines (default max_lines) that wide, the
    others of at most `max_lines` lines `next_width` wide (default the same). Each cut is where
    a line wraps (a line break there is dropped), so the parts read on as one text, row after
    row."""
    parts: list[str] = []
    width, lines = width_chars, max_lines
    if len(wrap_spans(text, width)) > max_lines:
        lines = first_lines or max_lines
    while True:
        spans = wrap_spans(text, width)
        if len(spans) <= lines:
            parts.append(text)
            return parts
        cut = spans[lines][0]
        head = text[:cut]
        parts.append(head[:-1] if head.endswith("\n") else head)
        text = text[cut:]
        width, lines = next_width or width_chars, max_lines


def is_digits(text: str) -> bool:
    """0-9 only: str.isdigit() also takes ² and other digits int() refuses, which a forged file
    may hold where a number belongs."""
    return text.isascii() and text.isdigit()
