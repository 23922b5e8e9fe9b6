"""典型场景: the 40 scenarios by 环节, whether each is built, with AI, and the 实例."""

from __future__ import annotations

from factory_grader.workbook.labels import word, yes_no
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import fit_widths, visible_text

COLUMNS = ("id", "stage", "link", "scenario", "built", "ai", "instance")


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
        sheet.row(
            Cell(sc.id),
            Cell(stage.name.get(lang)),
            Cell(links[stage.link_id].name.get(lang)),
            Cell(sc.name.get(lang), Style.WRAP),
            Cell(yes_no(answer.built, lang), Style.CENTER),
            Cell(yes_no(answer.built and answer.ai, lang), Style.CENTER),
            Cell(visible_text(answer.instance) if answer.instance else None, Style.WRAP),
        )
    fit_widths(sheet, header, maximum=34, fixed={4: 26.0, 7: 56.0})
    return sheet
