"""典型场景: the 40 scenarios by 环节, whether each is built, with AI, and the 实例."""

from __future__ import annotations

import math
from collections.abc import Sequence

from factory_grader.workbook.labels import word, yes_no
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import SINGLE_CELL_LAYOUT, Submission
from factory_grader.workbook.text_cells import continued, fit_widths, text_width, visible_text

COLUMNS = ("id", "stage", "link", "scenario", "built", "ai", "instance")
FIXED = {4: 26.0, 7: 56.0}  # scenario names and 实例 wrap
INSTANCE_COL = COLUMNS.index("instance") + 1
#: A 实例 longer than this many lines goes on in the rows below (schema /3), as a long comment
#: does on 答题明细.
INSTANCE_LINES = 20


def scenarios_sheet(sub: Submission) -> SheetPlan:
    lang, cat = sub.info.lang, sub.catalogue
    sheet = new_sheet("scenarios", sub)
    sheet.landscape = True
    sheet.gridlines = True
    title_block(sheet, sheet.name, sub, len(COLUMNS), 160)
    header = sheet.table_header(*[word(c, lang) for c in COLUMNS])
    links = {x.id: x for x in cat.links}
    for sc in cat.scenarios:
        answer = sub.answers.scenario(sc.id)
        stage = cat.stage(sc.stage_id)
        instance = visible_text(answer.instance) if answer.instance else None
        parts: Sequence[str | None] = [instance]
        if instance and sub.info.schema not in SINGLE_CELL_LAYOUT:  # /1, /2: in one cell
            parts = continued(instance, FIXED[INSTANCE_COL], INSTANCE_LINES)
        sheet.row(
            Cell(sc.id, Style.WRAP),  # (the column fits every id)
            Cell(stage.name.get(lang)),
            Cell(links[stage.link_id].name.get(lang)),
            Cell(sc.name.get(lang), Style.WRAP),
            Cell(yes_no(answer.built, lang), Style.CENTER),
            Cell(yes_no(answer.built and answer.ai, lang), Style.CENTER),
            Cell(parts[0], Style.WRAP),
        )
        for part in parts[1:]:
            r = sheet.row(Cell(sc.id, Style.WRAP))
            sheet.cells[(r, 4)] = Cell(word("instance_continued", lang), Style.NOTE)
            sheet.cells[(r, INSTANCE_COL)] = Cell(part, Style.WRAP)
    ids = math.ceil(max(text_width(sc.id) for sc in cat.scenarios) + 1)  # each on one line
    fit_widths(sheet, header, maximum=34, fixed={1: ids, **FIXED})
    return sheet
