"""Reads a returned fill-in workbook (workbook/fill_in.py) without trusting it: through the safe
reader (size limits, no entities), checking the ids sheet is ours and of a known layout, that
each row still shows the requirement it was written for, and that every grade is one of the
choices. A problem is a WorkshopError naming the file, the sheet and the cell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factory_grader.domain.errors import WorkbookError
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.text_rules import MAX_LENGTH, without_forbidden
from factory_grader.domain.workshop import WorkshopError
from factory_grader.wording import grade_name
from factory_grader.workbook.fill_in import (
    CHOICES,
    COMMENT_COLUMN,
    FORMAT,
    GRADE_COLUMN,
    HEADER_ROW,
    IDS_SHEET,
    KEYS,
    KIND,
    ROWS_FROM,
)
from factory_grader.workbook.xlsx_reader import Value, XlsxFile

#: What a grade cell may say: the choice in either language, or the grade's own code.
_GRADE_WORDS = {
    word.casefold(): g
    for g in CHOICES
    for word in (grade_name(g, "zh"), grade_name(g, "en"), g.value)
}


@dataclass(frozen=True, slots=True)
class FillInReturn:
    token: str
    assessment_id: int
    revision: int
    participant: str
    #: requirement id -> (grade or None when left blank, comment)
    votes: dict[str, tuple[Grade | None, str]]


def read_fill_in(path: Path) -> FillInReturn:
    try:
        with XlsxFile(path) as book:
            return _read(path, book)
    except WorkbookError as exc:
        raise WorkshopError(str(exc), f"{path.name}：{exc.zh or exc}") from exc


def _read(path: Path, book: XlsxFile) -> FillInReturn:
    name = path.name
    if book.sheet(IDS_SHEET) is None:
        raise WorkshopError(
            f"{path}: not a fill-in workbook (no sheet '{IDS_SHEET}'): was it written by"
            " 'factory-grader pack'?",
            f"{name}：不是本程序生成的填写包（缺少工作表“{IDS_SHEET}”）",
        )
    ids = book.cells(IDS_SHEET)
    if _text(ids.get((1, 1))) != KIND:
        raise WorkshopError(
            f"{path}: not a fill-in workbook ({IDS_SHEET}!A1 is not '{KIND}')",
            f"{name}：不是本程序生成的填写包（{IDS_SHEET}!A1 不符）",
        )
    if _text(ids.get((1, 2))) != FORMAT:
        found = _text(ids.get((1, 2)))
        raise WorkshopError(
            f"{path}: fill-in layout {found!r} is not one this version reads ({FORMAT})",
            f"{name}：填写包格式“{found}”不是本版本能读取的（{FORMAT}）",
        )
    keys = {}
    for row, key in enumerate(KEYS, start=2):
        if _text(ids.get((row, 1))) != key:
            raise _damaged(path, f"{IDS_SHEET}!A{row}")
        keys[key] = _text(ids.get((row, 2)))
    if not keys["assessment"].isdigit() or not keys["revision"].isdigit() or not keys["token"]:
        raise _damaged(path, f"{IDS_SHEET}!B2:B4")
    sheet = keys["sheet"]
    if book.sheet(sheet) is None:
        raise WorkshopError(
            f"{path}: the sheet '{sheet}' is missing (renamed or deleted)",
            f"{name}：缺少工作表“{sheet}”（被改名或删除）",
        )
    cells = book.cells(sheet)
    votes: dict[str, tuple[Grade | None, str]] = {}
    pointed: set[str] = set()
    row = ROWS_FROM
    while (row, 1) in ids:
        at, requirement_id, number = (_text(ids.get((row, c))) for c in (1, 2, 3))
        # each requirement once, each on a row of its own below the headers, in the order written
        expected = str(HEADER_ROW + 1 + row - ROWS_FROM)
        if at != expected or not requirement_id or requirement_id in votes or at in pointed:
            raise _damaged(path, f"{IDS_SHEET}!A{row}")
        pointed.add(at)
        shown = _text(cells.get((int(at), 1)))
        if shown != number:
            raise WorkshopError(
                f"{path}: {sheet}!A{at} shows {shown!r} where {number!r} was written: rows were"
                " moved, added or deleted; return the file as it was given, filled in",
                f"{name}：工作表“{sheet}”的 A{at} 应为“{number}”，现为“{shown}”：行被移动、增加或"
                "删除了，请在原表上填写后交回",
            )
        grade = _grade(path, sheet, int(at), cells.get((int(at), GRADE_COLUMN)))
        comment = without_forbidden(_text(cells.get((int(at), COMMENT_COLUMN))))
        votes[requirement_id] = (grade, comment[: MAX_LENGTH["comment"]])
        row += 1
    return FillInReturn(
        keys["token"],
        int(keys["assessment"]),
        int(keys["revision"]),
        keys["participant"],
        votes,
    )


def _grade(path: Path, sheet: str, row: int, value: Value | None) -> Grade | None:
    text = _text(value)
    if not text:
        return None
    found = _GRADE_WORDS.get(text.casefold())
    if found is None:
        choices = "、".join(grade_name(g, "zh") for g in CHOICES)
        raise WorkshopError(
            f"{path}: {sheet}!F{row}: {text!r} is not one of the grades"
            f" ({', '.join(grade_name(g, 'en') for g in CHOICES)})",
            f"{path.name}：工作表“{sheet}”的 F{row}“{text}”不是可选的评分（{choices}）",
        )
    return found


def _damaged(path: Path, where: str) -> WorkshopError:
    return WorkshopError(
        f"{path}: the fill-in workbook's ids are damaged ({where})",
        f"{path.name}：填写包的识别信息已损坏（{where}）",
    )


def _text(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
