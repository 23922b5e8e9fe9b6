"""要素条件: each condition of the rule set, which tiers ask for it, and whether it holds."""

from __future__ import annotations

from factory_grader.workbook.labels import word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import fit_widths

COLUMNS = ("id", "group", "link_col", "tiers", "condition", "holds", "provenance")


def conditions_sheet(sub: Submission) -> SheetPlan:
    lang, rules = sub.info.lang, sub.rules
    sheet = new_sheet("conditions", sub)
    title_block(sheet, sheet.name, sub, len(COLUMNS), 130)
    header = sheet.table_header(*[word(c, lang) for c in COLUMNS])
    sep = "、" if lang == "zh" else ", "
    links = {x.id: x.name.get(lang) for x in sub.catalogue.links}
    for cond in rules.conditions:
        asked_by = []
        for t in rules.tiers:
            if cond.id in rules.required_condition_ids(t):
                asked_by.append(t.name.get(lang))
            elif cond.id in t.condition_ids:  # an item of a 环节 this tier need not cover
                optional = word("optional", lang)
                asked_by.append(
                    f"{t.name.get(lang)}（{optional}）"
                    if lang == "zh"
                    else f"{t.name.get(lang)} ({optional})"
                )
        tiers = sep.join(asked_by) if asked_by else word("all_tiers", lang)
        holds = sub.answers.conditions.get(cond.id)
        shown = word("unanswered", lang) if holds is None else word("yes" if holds else "no", lang)
        sheet.row(
            Cell(cond.id),
            Cell(word(cond.group.value, lang)),
            Cell(links[cond.link] if cond.link else "—", Style.CENTER),
            Cell(tiers, Style.WRAP),
            Cell(cond.text.get(lang), Style.WRAP),
            Cell(shown, Style.CENTER),
            Cell(cond.provenance.label.get(lang), Style.WRAP),
        )
    fit_widths(sheet, header, maximum=30, fixed={3: 10.0, 4: 18.0, 5: 46.0, 7: 16.0})
    return sheet
