"""要素条件: each condition of the rule set, which tiers ask for it, and whether it holds."""

from __future__ import annotations

import math

from factory_grader.workbook.labels import word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import fit_widths, label_width, text_width

COLUMNS = ("id", "group", "link_col", "tiers", "condition", "holds", "provenance")


def conditions_sheet(sub: Submission) -> SheetPlan:
    lang, rules = sub.info.lang, sub.rules
    sheet = new_sheet("conditions", sub)
    sheet.landscape = True  # a wide table, as 答题明细 and 典型场景
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
            Cell(cond.id, Style.WRAP),  # (the column fits every id)
            Cell(word(cond.group.value, lang)),
            Cell(links[cond.link] if cond.link else "—", Style.CENTER),
            Cell(tiers, Style.WRAP),
            Cell(cond.text.get(lang), Style.WRAP),
            Cell(shown, Style.CENTER),
            Cell(cond.provenance.label.get(lang), Style.WRAP),
        )
    fixed = {
        1: math.ceil(max(text_width(c.id) for c in rules.conditions) + 1),  # ids on one line
        3: max(  # the 环节's names in two lines at most, words unbroken
            label_width([word("link_col", lang)], minimum=10),
            label_width(links.values(), max_lines=2, bold=False),
        ),
        4: 18.0,
        5: 48.0,
        7: label_width(  # 依据：海南省通知 … on one line (in English two at most)
            (c.provenance.label.get(lang) for c in rules.conditions),
            max_lines=2,
            minimum=16,
            bold=False,
        ),
    }
    fit_widths(sheet, header, maximum=30, fixed=fixed)
    return sheet
