"""差距分析: what blocks the next tier, and the improvements that raise S most."""

from __future__ import annotations

import math
from collections.abc import Sequence

from factory_grader.domain.results import Improvement
from factory_grader.scoring.rounding import format_gain
from factory_grader.wording import GRADE_NAMES, TOP_TIER, grade_name
from factory_grader.workbook.labels import word
from factory_grader.workbook.plan import Cell, SheetPlan, Style, cell_ref
from factory_grader.workbook.sheets.common import new_sheet, tier_name, title_block
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import label_width, text_width, visible_text

COLUMNS = (
    "rank",
    "id",
    "subdomain",
    "level_col",
    "statement",
    "current",
    "to",
    "gain",
    "score_after",
)
WIDTHS = {1: 8.0, 2: 22.0, 3: 14.0, 4: 7.0, 5: 56.0, 6: 12.0, 7: 12.0, 8: 10.0, 9: 10.0}
TOP_IMPROVEMENTS = 20


def gaps_sheet(sub: Submission) -> SheetPlan:
    lang, g, t = sub.info.lang, sub.result.gaps, sub.result.tier
    sheet = new_sheet("gaps", sub)
    sheet.landscape = True
    sheet.widths.update(WIDTHS)
    # requirement ids on one line; sub-domain names and answer words in two lines at most, words
    # unbroken
    sheet.widths[2] = math.ceil(max(text_width(r.id) for r in sub.form.requirements) + 1)
    names = [s.name.get(lang) for s in sub.form.subdomains]
    sheet.widths[3] = max(
        label_width([word("subdomain", lang)], max_lines=2, minimum=WIDTHS[3]),
        label_width(names, max_lines=2, bold=False),
    )
    grades = [grade_name(g, lang) for g in GRADE_NAMES]
    sheet.widths[6] = sheet.widths[7] = max(
        label_width([word(c, lang) for c in ("current", "to")], max_lines=2, minimum=WIDTHS[6]),
        label_width(grades, max_lines=2, bold=False),
    )
    last = len(COLUMNS)
    title_block(sheet, sheet.name, sub, last, sum(sheet.widths.values()))

    def pair(label: str, value: str | float, style: Style = Style.STRONG) -> None:
        r = sheet.row(Cell(word(label, lang), Style.LABEL), None, Cell(value, style))
        sheet.merges += [f"A{r}:B{r}", f"C{r}:E{r}"]

    pair("current_tier", tier_name(sub, t.tier, lang))
    pair("next_tier", tier_name(sub, t.next_tier, lang) if t.next_tier else TOP_TIER.get(lang))
    if g.target_hundredths is not None:
        pair("target", g.target_hundredths / 100, Style.SCORE)
    sheet.skip()

    sheet.merged_row(word("blockers", lang), Style.HEADER, last)
    for number, (sentence, earlier) in enumerate(
        zip(sub.unmet_sentences, sub.unmet_earlier, strict=True), start=1
    ):
        r = sheet.row(Cell(number, Style.INTEGER), Cell(visible_text(sentence), Style.WRAP))
        if earlier:
            sheet.earlier[(r, 2)] = tuple(visible_text(text) for text in earlier)
        sheet.merges.append(f"B{r}:E{r}")
    if not sub.unmet_sentences:
        sheet.row(Cell("—", Style.CENTER), Cell(word("no_blockers", lang)))
    sheet.skip()

    if sub.plan_sentences:
        sheet.merged_row(word("plan_to_tier", lang), Style.HEADER, last)
        for number, sentence in enumerate(sub.plan_sentences, start=1):
            r = sheet.row(Cell(number, Style.INTEGER), Cell(visible_text(sentence), Style.WRAP))
            sheet.merges.append(f"B{r}:{cell_ref(r, last)}")
        sheet.skip()
    if g.plan:
        sheet.merged_row(word("plan", lang), Style.HEADER, last)
        _table(sheet, sub, g.plan)
        if not g.plan_reaches_target:
            sheet.merged_row(word("plan_short", lang), Style.NOTE, last)
        sheet.skip()
    if g.improvements:
        sheet.merged_row(word("improvements", lang), Style.HEADER, last)
        _table(sheet, sub, g.improvements[:TOP_IMPROVEMENTS])
    return sheet


def _table(sheet: SheetPlan, sub: Submission, items: Sequence[Improvement]) -> None:
    lang = sub.info.lang
    sheet.row(*[word(c, lang) for c in COLUMNS], style=Style.HEADER)
    for number, item in enumerate(items, start=1):
        req = sub.form.requirement(item.requirement_id)
        assert req is not None
        sheet.row(
            Cell(number, Style.INTEGER),
            Cell(item.requirement_id, Style.WRAP),  # (the column fits every id)
            Cell(sub.form.subdomain(item.subdomain_id).name.get(lang), Style.WRAP),
            Cell(item.level, Style.INTEGER),
            Cell(req.text.get(lang), Style.WRAP),
            Cell(grade_name(item.current, lang), Style.CENTER),
            Cell(grade_name(item.target, lang), Style.CENTER),
            Cell(format_gain(item.gain), Style.CENTER),
            Cell(item.score_after_hundredths / 100, Style.SCORE),
        )
