"""真实性承诺: the authenticity pledge with room for signature, seal and date."""

from __future__ import annotations

from factory_grader.workbook.labels import PROFILE_LABELS, pick, word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import (
    WIDE_CHAR_POINTS,
    new_sheet,
    printed_scale,
    title_block,
)
from factory_grader.workbook.submission import SCHEMA_1, Submission
from factory_grader.workbook.text_cells import label_width, visible_text, wrapped_height

#: Column B about 90 mm wide on paper; the sheet narrow enough to print unshrunk (in Chinese).
WIDTHS = {1: 24.0, 2: 50.0}
LABELS = ("legal_rep", "seal", "date")
SEAL_HEIGHT = 130.0  # points: 45.9 mm


def pledge_sheet(sub: Submission) -> SheetPlan:
    lang = sub.info.lang
    sheet = new_sheet("pledge", sub)
    sheet.widths.update(WIDTHS)
    labels = [word(k, lang) for k in LABELS] + [pick(PROFILE_LABELS["name"], lang)]
    sheet.widths[1] = label_width(labels, minimum=WIDTHS[1])  # each label on one line
    width = sum(sheet.widths.values())
    if sub.info.schema == SCHEMA_1:  # as /1 workbooks have it (verify re-renders them so)
        sheet.merged_row(word("pledge_title", lang), Style.TITLE, 2)
        sheet.heights[1] = 28
        sheet.skip()
    else:  # the title and the self-assessment notice, as on every sheet
        title_block(sheet, word("pledge_title", lang), sub, 2, width)
    name = visible_text(sub.answers.profile.get("name") or "")
    sheet.row(Cell(pick(PROFILE_LABELS["name"], lang), Style.LABEL), Cell(name or "—"))
    sheet.skip()
    text = word("pledge_text", lang)
    r = sheet.merged_row(text, Style.WRAP, 2)
    sheet.heights[r] = wrapped_height(text, width, 18) + 12
    sheet.skip(2)
    # a company seal is 40–42 mm across: its box is at least 45 mm (128 points) high on paper,
    # also where the sheet prints shrunk (wider labels, LibreOffice's wider columns)
    seal = round(SEAL_HEIGHT / printed_scale(width, char_points=WIDE_CHAR_POINTS), 1)
    for key in LABELS:
        r = sheet.row(Cell(word(key, lang), Style.LABEL), Cell("", Style.WRAP))  # a box to sign
        sheet.heights[r] = seal if key == "seal" else 42
    return sheet
