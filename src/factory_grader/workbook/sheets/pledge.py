"""真实性承诺: the authenticity pledge with room for signature, seal and date."""

from __future__ import annotations

from factory_grader.workbook.labels import PROFILE_LABELS, pick, word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import SCHEMA_1, Submission
from factory_grader.workbook.text_cells import visible_text, wrapped_height

WIDTHS = {1: 30.0, 2: 60.0}  # column B: about 110 mm wide on paper
SEAL_HEIGHT = 130.0  # points: 45.9 mm


def pledge_sheet(sub: Submission) -> SheetPlan:
    lang = sub.info.lang
    sheet = new_sheet("pledge", sub)
    sheet.widths.update(WIDTHS)
    if sub.info.schema == SCHEMA_1:  # as /1 workbooks have it (verify re-renders them so)
        sheet.merged_row(word("pledge_title", lang), Style.TITLE, 2)
        sheet.heights[1] = 28
        sheet.skip()
    else:  # the title and the self-assessment notice, as on every sheet
        title_block(sheet, word("pledge_title", lang), sub, 2, sum(WIDTHS.values()))
    name = visible_text(sub.answers.profile.get("name") or "")
    sheet.row(Cell(pick(PROFILE_LABELS["name"], lang), Style.LABEL), Cell(name or "—"))
    sheet.skip()
    text = word("pledge_text", lang)
    r = sheet.merged_row(text, Style.WRAP, 2)
    sheet.heights[r] = wrapped_height(text, sum(WIDTHS.values()), 18) + 12
    sheet.skip(2)
    for key in ("legal_rep", "seal", "date"):
        r = sheet.row(Cell(word(key, lang), Style.LABEL), Cell("", Style.WRAP))  # a box to sign
        # a company seal is 40–42 mm across: its box is at least 45 mm (128 points) high
        sheet.heights[r] = SEAL_HEIGHT if key == "seal" else 42
    return sheet
