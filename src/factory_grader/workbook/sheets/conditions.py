"""要素条件: each condition of the rule set, which tiers ask for it, and whether it holds."""

from __future__ import annotations

from factory_grader.workbook.labels import CONFIDENCE_WORDS, pick, word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import fit_widths

COLUMNS = ("id", "group", "tiers", "condition", "holds", "provenance")


def conditions_sheet(sub: Submission) -> SheetPlan:
    lang, rules = sub.info.lang, sub.rules
    sheet = new_sheet("conditions", sub)
    title_block(sheet, sheet.name, sub, len(COLUMNS), 130)
    header = sheet.table_header(*[word(c, lang) for c in COLUMNS])
    every_tier = (
        "、".join(t.name.get(lang) for t in rules.tiers)
        if lang == "zh"
        else ", ".join(t.name.get(lang) for t in rules.tiers)
    )
    for cond in rules.conditions:
        asked_by = [t.name.get(lang) for t in rules.tiers if cond.id in t.condition_ids]
        tiers = ("、" if lang == "zh" else ", ").join(asked_by) if asked_by else every_tier
        holds = sub.answers.conditions.get(cond.id)
        shown = word("unanswered", lang) if holds is None else word("yes" if holds else "no", lang)
        sheet.row(
            Cell(cond.id),
            Cell(word(cond.group.value, lang)),
            Cell(tiers, Style.WRAP),
            Cell(cond.text.get(lang), Style.WRAP),
            Cell(shown, Style.CENTER),
            Cell(pick(CONFIDENCE_WORDS[cond.provenance.confidence.value], lang), Style.CENTER),
        )
    fit_widths(sheet, header, maximum=30, fixed={3: 18.0, 4: 50.0})
    return sheet
