"""The fill-in workbook (填写包) a workshop participant answers without the app: an instructions
sheet, one sheet of their requirements with a dropdown of the five grades and a comment column
(everything else locked), and a hidden sheet of ids so the file reads back
(workbook/fill_in_reader.py). Plain features only — a list validation, sheet protection without a
password, a hidden sheet — that Excel, WPS and LibreOffice all keep when they save.

The layout is documented in docs/fill-in-workbook.md."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.text import Lang
from factory_grader.wording import grade_name
from factory_grader.workbook.text_cells import wrapped_height

#: Written in the ids sheet's A1/B1: what the file is and which layout it has.
KIND = "factory-grader fill-in"
FORMAT = "fill-in/1"
IDS_SHEET = "_ids"
HEADER_ROW = 4
#: Key rows of the ids sheet (A: key, B: value); the requirement rows follow from ROWS_FROM.
KEYS = ("token", "assessment", "revision", "participant", "sheet")
ROWS_FROM = 8
#: The grades offered, in the questionnaire's order.
CHOICES = (Grade.FULL, Grade.MOST, Grade.PARTIAL, Grade.NONE, Grade.NA)

SHEET_NAMES = {"zh": ("填写说明", "评分表"), "en": ("Instructions", "Answers")}
HEADERS = {
    "zh": ("编号", "能力子域", "等级", "要求", "证据提示", "评分（下拉选择）", "说明"),
    "en": ("No.", "Sub-domain", "Level", "Requirement", "Evidence", "Grade (choose)", "Comment"),
}
WIDTHS = (14, 14, 7, 46, 34, 16, 36)
GRADE_COLUMN, COMMENT_COLUMN = 6, 7

_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")


@dataclass(frozen=True, slots=True)
class PackRow:
    requirement_id: str
    number: str  # 组织战略 1.2 (wording.requirement_number)
    subdomain: str
    level: int
    text: str
    evidence: str
    grade: Grade | None = None  # what they returned before, if anything
    comment: str = ""


@dataclass(frozen=True, slots=True)
class FillInPack:
    token: str
    assessment_id: int
    revision: int
    company: str
    participant: str
    department: str
    role: str
    consultant: str
    rows: tuple[PackRow, ...]
    lang: Lang = "zh"


def choice_words(lang: Lang) -> list[str]:
    return [grade_name(g, lang) for g in CHOICES]


def write_fill_in(path: Path, pack: FillInPack) -> None:
    """Writes the workbook whole or not at all (a temporary file renamed into place)."""
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide_name, answers_name = SHEET_NAMES[pack.lang]
    guide.title = guide_name
    sheet = book.create_sheet(answers_name)
    _instructions(guide, pack)
    _answers(sheet, pack)
    _ids(book.create_sheet(IDS_SHEET), pack, answers_name)
    book.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    # a part file beside it (made with the user's usual permissions, unlike mkstemp's 0600)
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        book.save(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _instructions(ws: Worksheet, pack: FillInPack) -> None:
    zh = pack.lang == "zh"
    choices = "、".join(choice_words(pack.lang)) if zh else ", ".join(choice_words(pack.lang))
    who = "、".join(x for x in (pack.department, pack.role) if x)
    lines = (
        [
            ("智能工厂梯度评估 · 研讨填写表", True),
            (f"企业：{pack.company}", False),
            (f"填写人：{pack.participant}" + (f"（{who}）" if who else ""), False),
            (f"评估编号：{pack.assessment_id}（第 {pack.revision} 版）", False),
            ("", False),
            ("怎样填写", True),
            (f"1. 打开“{SHEET_NAMES['zh'][1]}”工作表，每行是一项要求。", False),
            (f"2. 在“评分”列的下拉框中选择：{choices}。不确定的可以留空。", False),
            ("3. 在“说明”列写下依据：做到的范围、系统名称、记录或文件等。", False),
            (
                "4. 其余单元格已锁定，请勿增删行、改名或移动工作表；"
                "隐藏的工作表供程序读回，请勿改动。",
                False,
            ),
            ("5. 保存（保持 .xlsx 格式），将文件交回给评估顾问。", False),
            ("", False),
            ("说明", True),
            ("本表是企业自评的一部分，评分在研讨会上讨论后才形成企业的答案；", False),
            ("正式评估以国家智能制造公共服务平台的评审为准。", False),
            ("可用 Excel、WPS 或 LibreOffice 填写，无需安装本程序。", False),
        ]
        if zh
        else [
            ("Smart-factory tier assessment · workshop fill-in sheet", True),
            (f"Company: {pack.company}", False),
            (f"Participant: {pack.participant}" + (f" ({who})" if who else ""), False),
            (f"Assessment: {pack.assessment_id} (revision {pack.revision})", False),
            ("", False),
            ("How to fill it in", True),
            (f"1. Open the sheet '{SHEET_NAMES['en'][1]}': one requirement per row.", False),
            (f"2. In the Grade column choose: {choices}. Leave it empty if unsure.", False),
            ("3. In the Comment column write why: where it is done, systems, records.", False),
            (
                "4. Other cells are locked; do not add rows or rename sheets. The hidden sheet"
                " lets the app read the file back.",
                False,
            ),
            ("5. Save (keep .xlsx) and return the file to the consultant.", False),
            ("", False),
            ("Note", True),
            (
                "This is part of a self-assessment: grades become the company's answers only after"
                " the workshop; the official assessment is made on the national public platform.",
                False,
            ),
            ("Excel, WPS or LibreOffice will do; the app is not needed.", False),
        ]
    )
    ws.column_dimensions["A"].width = 100
    for row, (text, bold) in enumerate(lines, start=1):
        cell = _put(ws, row, 1, text or None)
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.protection.sheet = True
    ws.sheet_view.showGridLines = False


def _answers(ws: Worksheet, pack: FillInPack) -> None:
    zh = pack.lang == "zh"
    _put(ws, 1, 1, ("研讨填写表：" if zh else "Fill-in sheet: ") + pack.company).font = Font(
        bold=True, size=13
    )
    _put(ws, 2, 1, ("填写人：" if zh else "Participant: ") + pack.participant)
    ws.cell(
        3,
        1,
        "请在黄色单元格中填写；评分从下拉框选择。"
        if zh
        else "Fill in the yellow cells; choose the grade from the list.",
    )
    for col, (title, width) in enumerate(zip(HEADERS[pack.lang], WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, title)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[cell.column_letter].width = width
    words = choice_words(pack.lang)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(words) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="评分" if zh else "Grade",
        error=("请从下拉框中选择：" if zh else "Choose one of: ") + "、".join(words),
        showInputMessage=True,
        promptTitle="评分" if zh else "Grade",
        prompt="从下拉框中选择一项" if zh else "Choose from the list",
    )
    ws.add_data_validation(validation)
    level_word = "{}级" if zh else "L{}"
    for i, r in enumerate(pack.rows):
        row = HEADER_ROW + 1 + i
        values = (
            r.number,
            r.subdomain,
            level_word.format("一二三四五"[r.level - 1] if zh else r.level),
            r.text,
            r.evidence,
            None if r.grade is None else grade_name(r.grade, pack.lang),
            r.comment or None,
        )
        for col, value in enumerate(values, start=1):
            cell = _put(ws, row, col, value)
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col in (GRADE_COLUMN, COMMENT_COLUMN):
                cell.protection = Protection(locked=False)
                cell.fill = _INPUT_FILL
        height = max(
            wrapped_height(r.text, WIDTHS[3]),
            wrapped_height(r.evidence, WIDTHS[4]),
            wrapped_height(r.comment, WIDTHS[6]),
            wrapped_height(r.number, WIDTHS[0]),
        )
        ws.row_dimensions[row].height = height
    if pack.rows:
        last = HEADER_ROW + len(pack.rows)
        validation.add(f"F{HEADER_ROW + 1}:F{last}")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Locked against edits, not against reading: no password (nothing here is secret), so a
    # participant's own program can always format or print it.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _ids(ws: Worksheet, pack: FillInPack, answers_sheet: str) -> None:
    ws.cell(1, 1, KIND)
    ws.cell(1, 2, FORMAT)
    values = (pack.token, str(pack.assessment_id), str(pack.revision), pack.participant)
    for row, (key, value) in enumerate(zip(KEYS, (*values, answers_sheet), strict=True), start=2):
        ws.cell(row, 1, key)
        _put(ws, row, 2, value)
    for i, r in enumerate(pack.rows):
        ws.cell(ROWS_FROM + i, 1, HEADER_ROW + 1 + i)
        _put(ws, ROWS_FROM + i, 2, r.requirement_id)
        _put(ws, ROWS_FROM + i, 3, r.number)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _put(ws: Worksheet, row: int, col: int, value: str | int | None) -> Cell:
    """A cell whose text stays text: openpyxl would make "=…" (a name or comment someone typed)
    a formula."""
    cell = ws.cell(row, col, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
