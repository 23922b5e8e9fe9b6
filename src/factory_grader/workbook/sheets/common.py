"""Pieces several sheets share: names of tiers and levels, the title block."""

from __future__ import annotations

from factory_grader import wording
from factory_grader.domain.text import Lang
from factory_grader.workbook.labels import sheet_name
from factory_grader.workbook.plan import SheetPlan, Style
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import visible_text, wrapped_height

#: How every visible sheet prints (the writer sets these): A4, margins in inches, fitted to the
#: page's width. What fits on a page is reckoned with a spreadsheet's usual measures: a column
#: one character wide is 7 pixels (5.25 points, Calibri 11, the workbook's default font), a row
#: without a height of its own 15 points (one line of 10-point 微软雅黑 takes a little less).
#: LibreOffice without Calibri or its twin Carlito measures a column's character as DejaVu
#: Sans's, 7 points: sheets print smaller there.
A4_POINTS = (595.3, 841.9)
MARGIN_SIDE_INCHES = 0.5
MARGIN_TOP_INCHES = 0.7
CHAR_POINTS = 5.25
WIDE_CHAR_POINTS = 7.0
ROW_POINTS = 15.0


def printed_scale(
    width_chars: float, landscape: bool = False, char_points: float = CHAR_POINTS
) -> float:
    """How much a sheet `width_chars` wide shrinks to fit the page's width (1: not at all)."""
    page = A4_POINTS[1] if landscape else A4_POINTS[0]
    return min(1.0, (page - 2 * 72 * MARGIN_SIDE_INCHES) / (width_chars * char_points))


def page_body_points(width_chars: float) -> float:
    """The height of a portrait page's printed area, in the sheet's own points."""
    return (A4_POINTS[1] - 2 * 72 * MARGIN_TOP_INCHES) / printed_scale(width_chars)


def rows_points(sheet: SheetPlan, first: int, last: int) -> float:
    """The height of rows first..last as printed (rows without a height of their own: one line)."""
    return sum(sheet.heights.get(r, ROW_POINTS) for r in range(first, last + 1))


def tier_name(sub: Submission, tier_id: str | None, lang: Lang) -> str:
    return wording.tier_name(sub.rules, tier_id, lang)


def level_name(sub: Submission, level: int, lang: Lang) -> str:
    return wording.level_name(sub.form, level, lang)


def new_sheet(key: str, sub: Submission) -> SheetPlan:
    return SheetPlan(key=key, name=sheet_name(key, sub.info.lang))


def title_block(sheet: SheetPlan, title: str, sub: Submission, last_col: int, width: float) -> None:
    """Title, then the self-assessment notice (every printed sheet carries it)."""
    sheet.merged_row(title, Style.TITLE, last_col)
    sheet.heights[sheet.next_row - 1] = 24
    notice = visible_text(sub.form.disclaimer.get(sub.info.lang))
    r = sheet.merged_row(notice, Style.NOTE, last_col)
    sheet.heights[r] = wrapped_height(notice, width, 13)
    sheet.skip()


def text_or_dash(value: str | None) -> str:
    return visible_text(value) if value else "—"
