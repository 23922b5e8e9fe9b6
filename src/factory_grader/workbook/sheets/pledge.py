"""真实性承诺: the authenticity pledge with room for signature, seal and date."""

from __future__ import annotations

from factory_grader.workbook.labels import PROFILE_LABELS, pick, word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import visible_text, wrapped_height

WIDTHS = {1: 30.0, 2: 60.0}


def pledge_sheet(sub: Submission) -> SheetPlan:
    lang = sub.info.lang
    sheet = new_sheet("pledge", sub)
    sheet.widths.update(WIDTHS)
    sheet.merged_row(word("pledge_title", lang), Style.TITLE, 2)
    sheet.heights[1] = 28
    sheet.skip()
    name = visible_text(sub.answers.profile.get("name") or "")
    sheet.row(Cell(pick(PROFILE_LABELS["name"], lang), Style.LABEL), Cell(name or "—"))
    sheet.skip()
    text = word("pledge_text", lang)
    r = sheet.merged_row(text, Style.WRAP, 2)
    sheet.heights[r] = wrapped_height(text, sum(WIDTHS.values()), 18) + 12
    sheet.skip(2)
    for key in ("legal_rep", "seal", "date"):
        r = sheet.row(Cell(word(key, lang), Style.LABEL), Cell("", Style.WRAP))  # a box to sign
        sheet.heights[r] = 42
    return sheet
