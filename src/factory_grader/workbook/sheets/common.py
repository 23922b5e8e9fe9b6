"""Pieces several sheets share: names of tiers and levels, the title block."""

from __future__ import annotations

from factory_grader.domain.text import Lang
from factory_grader.workbook.labels import sheet_name, word
from factory_grader.workbook.plan import SheetPlan, Style
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import visible_text, wrapped_height


def tier_name(sub: Submission, tier_id: str | None, lang: Lang) -> str:
    if not tier_id:
        return word("no_tier", lang)
    return sub.rules.tier(tier_id).name.get(lang)


def level_name(sub: Submission, level: int, lang: Lang) -> str:
    return sub.form.band_for_level(level).name.get(lang)


def new_sheet(key: str, sub: Submission) -> SheetPlan:
    return SheetPlan(key=key, name=sheet_name(key, sub.info.lang))


def title_block(sheet: SheetPlan, title: str, sub: Submission, last_col: int, width: float) -> None:
    """Title, then the self-assessment notice (every printed sheet carries it)."""
    sheet.merged_row(title, Style.TITLE, last_col)
    sheet.heights[sheet.next_row - 1] = 24
    notice = visible_text(sub.form.disclaimer.get(sub.info.lang))
    r = sheet.merged_row(notice, Style.NOTE, last_col)
    sheet.heights[r] = wrapped_height(notice, width, 13)
    sheet.skip()


def text_or_dash(value: str | None) -> str:
    return visible_text(value) if value else "—"
