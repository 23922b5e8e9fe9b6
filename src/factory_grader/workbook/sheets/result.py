"""评估结果: S, level, tier, A1–A5, every sub-domain per level, 环节 coverage and a radar chart.

Printed, page 2 of the submission is the result at a glance: the headline figures, every
sub-domain's scores and the radar chart of them; the next page holds how S is made up (A1–A5, the
weights) and the 环节 coverage. Schema /1 workbooks had the chart last, on a page of its own, and
are re-rendered so when verified."""

from __future__ import annotations

from dataclasses import replace

from factory_grader.domain.maturity_model import LEVELS
from factory_grader.domain.text import Lang
from factory_grader.scoring.rounding import format_weight
from factory_grader.scoring.subdomain_level import achieved_level
from factory_grader.wording import SUM_NOTE, short_level
from factory_grader.workbook.labels import word
from factory_grader.workbook.plan import Cell, Chart, SheetPlan, Style, cell_ref
from factory_grader.workbook.sheets.common import (
    CHAR_POINTS,
    ROW_POINTS,
    level_name,
    new_sheet,
    page_body_points,
    rows_points,
    tier_name,
    title_block,
)
from factory_grader.workbook.submission import SINGLE_CELL_LAYOUT, Submission
from factory_grader.workbook.text_cells import fit_heights, label_width, visible_text

LAST_COL = 10  # element, domain, sub-domain, 5 levels, reached, needed
CM_POINTS = 72 / 2.54
#: The radar chart (schema /3) is as wide as the table and as tall as the rest of the page
#: allows (it prints on the page of the sub-domain table), within these bounds, in cm.
CHART_HEIGHT_CM = (8.0, 14.0)
CHART_ROOM_POINTS = 6.0  # the chart's row is this much taller than the chart


def _score(value: float | None) -> Cell:
    return Cell("—", Style.CENTER) if value is None else Cell(round(value, 4), Style.SCORE)


def _weight(value: float | None) -> Cell:
    return Cell(format_weight(value), Style.CENTER)


def result_sheet(sub: Submission) -> SheetPlan:
    sheet = new_sheet("result", sub)
    widths = result_widths(sub)
    sheet.widths.update(widths)
    title_block(sheet, word("assessment", sub.info.lang), sub, LAST_COL, sum(widths.values()))
    _headline(sheet, sub)
    if sub.info.schema in SINGLE_CELL_LAYOUT:  # as /1 and /2 have it (verify re-renders them so)
        _levels(sheet, sub, legacy=True)
        header, first, last = _subdomain_scores(sheet, sub)
        _weights(sheet, sub)
        _coverage(sheet, sub, legacy=True)
        sheet.page_breaks.append(sheet.next_row - 1)  # the chart on a page of its own
        _radar(sheet, sub, header, first, last, legacy=True)
        return sheet
    header, first, last = _subdomain_scores(sheet, sub)
    _radar(sheet, sub, header, first, last, legacy=False)
    sheet.page_breaks.append(sheet.next_row - 1)  # A1–A5, weights and coverage on the next page
    _levels(sheet, sub, legacy=False)
    _weights(sheet, sub)
    _coverage(sheet, sub, legacy=False)
    return sheet


def result_widths(sub: Submission) -> dict[int, float]:
    """Columns A–C as wide as their labels (bold, whole, on one line), headers and names (on two
    lines at most, broken between words), the level columns as their headers, the last two
    fixed."""
    lang, form, cat = sub.info.lang, sub.form, sub.catalogue
    labels = [word(k, lang) for k in ("score", "level", "computed_tier", "rule", "weights")]
    labels += [word(k, lang) for k in ("totals", "ai_share")]
    columns = {  # (headers, names) of each column
        1: (
            [word(k, lang) for k in ("item", "level_col", "element", "link")],
            [
                *(level_name(sub, lv, lang) for lv in LEVELS),
                *(e.name.get(lang) for e in form.elements),
                *(x.name.get(lang) for x in cat.links),
            ],
        ),
        2: (
            [word(k, lang) for k in ("level_score", "domain", "built_count")],
            [d.name.get(lang) for d in form.domains],
        ),
        3: (
            [word(k, lang) for k in ("counted", "subdomain", "ai_count")],
            [s.name.get(lang) for s in form.subdomains],
        ),
    }
    widths = {
        col: max(
            label_width(headers, max_lines=2, minimum=minimum),
            label_width(names, max_lines=2, bold=False),
        )
        for (col, (headers, names)), minimum in zip(columns.items(), (16, 12, 14), strict=True)
    }
    widths[1] = max(widths[1], label_width(labels))
    levels = [*(short_level(lv, lang) for lv in LEVELS), word("covered", lang)]
    return {
        **widths,
        **dict.fromkeys(range(4, 9), label_width(levels, minimum=8)),
        9: 10.0,
        10: 18.0,
    }


def _headline(sheet: SheetPlan, sub: Submission) -> None:
    lang = sub.info.lang
    m, t = sub.result.maturity, sub.result.tier
    sheet.row(word("item", lang), word("value", lang), style=Style.HEADER)
    sheet.merges.append(f"B{sheet.next_row - 1}:{cell_ref(sheet.next_row - 1, LAST_COL)}")
    for label, cell in (
        ("score", Cell(m.score_hundredths / 100, Style.STRONG)),
        ("level", Cell(level_name(sub, m.level, lang), Style.STRONG)),
        ("computed_tier", Cell(tier_name(sub, t.tier, lang), Style.STRONG)),
        ("rule", Cell(visible_text(sub.rule_sentence), Style.WRAP)),
        ("weights", Cell(sub.form.weights_name(sub.answers.weights_id).get(lang))),
    ):
        r = sheet.row(Cell(word(label, lang), Style.LABEL), cell)
        sheet.merges.append(f"B{r}:{cell_ref(r, LAST_COL)}")  # (fit_heights sizes the rows)
    if sub.info.schema not in SINGLE_CELL_LAYOUT and _sum_differs(
        sub
    ):  # beside S (/1, /2: under A1–A5)
        sheet.merged_row(SUM_NOTE.get(lang), Style.NOTE, LAST_COL)
    sheet.skip()


def _levels(sheet: SheetPlan, sub: Submission, legacy: bool) -> None:
    lang, m = sub.info.lang, sub.result.maturity
    sheet.merged_row(word("level_scores", lang), Style.HEADER, LAST_COL)
    sheet.row(
        word("level_col", lang),
        word("level_score", lang),
        word("counted", lang),
        style=Style.HEADER,
    )
    for ls in m.level_scores:
        sheet.row(
            Cell(level_name(sub, ls.level, lang), Style.CENTER),
            Cell(ls.hundredths / 100, Style.SCORE),
            Cell(word("yes" if ls.counted else "no", lang), Style.CENTER),
        )
    if legacy and _sum_differs(sub):
        sheet.merged_row(SUM_NOTE.get(lang), Style.NOTE, LAST_COL)
    sheet.skip()


def _sum_differs(sub: Submission) -> bool:
    """The A1–A5 shown (rounded each on its own) add up to other than the S shown."""
    m = sub.result.maturity
    return sum(ls.hundredths for ls in m.level_scores if ls.counted) != m.score_hundredths


def _names(sub: Submission, lang: Lang) -> list[tuple[str, str, str, str]]:
    """(sub-domain id, element, domain, sub-domain name) in questionnaire order."""
    domains = {d.id: d for d in sub.form.domains}
    elements = {e.id: e for e in sub.form.elements}
    rows = []
    for s in sub.form.subdomains:
        domain = domains[s.domain_id]
        element = elements[domain.element_id]
        rows.append((s.id, element.name.get(lang), domain.name.get(lang), s.name.get(lang)))
    return rows


def _subdomain_scores(sheet: SheetPlan, sub: Submission) -> tuple[int, int, int]:
    """The table; returns its header row and its first and last rows (the chart's data)."""
    lang, m, t = sub.info.lang, sub.result.maturity, sub.result.tier
    sheet.merged_row(word("subdomain_scores", lang), Style.HEADER, LAST_COL)
    header = sheet.row(
        word("element", lang),
        word("domain", lang),
        word("subdomain", lang),
        *[short_level(lv, lang) for lv in LEVELS],
        word("reached", lang),
        word("needed", lang),
        style=Style.HEADER,
    )
    target = t.next_tier or t.tier
    needed = sub.rules.tier(target).min_level if target else 0
    first = sheet.next_row
    for sid, element, domain, name in _names(sub, lang):
        scores = m.subdomain_scores[sid]
        sheet.row(
            Cell(element, Style.WRAP),
            Cell(domain, Style.WRAP),
            Cell(name, Style.WRAP),
            *[_score(v) for v in scores],
            Cell(achieved_level(scores), Style.INTEGER),
            Cell(needed, Style.INTEGER),
        )
    last = sheet.next_row - 1
    sheet.skip()
    return header, first, last


def _weights(sheet: SheetPlan, sub: Submission) -> None:
    lang, m = sub.info.lang, sub.result.maturity
    sheet.merged_row(word("subdomain_weights", lang), Style.HEADER, LAST_COL)
    sheet.row(
        word("element", lang),
        word("domain", lang),
        word("subdomain", lang),
        *[short_level(lv, lang) for lv in LEVELS],
        style=Style.HEADER,
    )
    for sid, element, domain, name in _names(sub, lang):
        sheet.row(
            Cell(element, Style.WRAP),
            Cell(domain, Style.WRAP),
            Cell(name, Style.WRAP),
            *[_weight(v) for v in m.subdomain_weights[sid]],
        )
    sheet.skip()


def _coverage(sheet: SheetPlan, sub: Submission, legacy: bool) -> None:
    lang, t = sub.info.lang, sub.result.tier
    sheet.merged_row(word("coverage", lang), Style.HEADER, LAST_COL)
    sheet.row(
        word("link", lang),
        word("built_count", lang),
        word("ai_count", lang),
        word("covered", lang),
        style=Style.HEADER,
    )
    built = {x.id: 0 for x in sub.catalogue.links}
    with_ai = dict(built)
    for sc in sub.catalogue.scenarios:
        answer = sub.answers.scenario(sc.id)
        if answer.built:
            link_id = sub.catalogue.link_of(sc)
            built[link_id] += 1
            with_ai[link_id] += answer.ai
    for link in sub.catalogue.links:
        sheet.row(
            Cell(link.name.get(lang), Style.WRAP),
            Cell(built[link.id], Style.INTEGER),
            Cell(with_ai[link.id], Style.INTEGER),
            Cell(word("yes" if link.id in t.covered_links else "no", lang), Style.CENTER),
        )
    share = Cell(round(t.ai_count / t.built_count if t.built_count else 0.0, 4), Style.PERCENT)
    totals = [
        Cell(word("totals", lang), Style.LABEL),
        Cell(t.built_count, Style.INTEGER),
        Cell(t.ai_count, Style.INTEGER),
    ]
    if legacy:  # the share beside the totals, its label squeezed into a level column
        sheet.row(*totals, Cell(word("ai_share", lang), Style.LABEL), share)
    else:  # the share on a row of its own, labelled in the label column
        sheet.row(*totals)
        sheet.row(Cell(word("ai_share", lang), Style.LABEL), share)
    sheet.skip()


def _radar(
    sheet: SheetPlan, sub: Submission, header: int, first: int, last: int, legacy: bool
) -> None:
    """The radar of the sub-domain table (rows first..last, series named on row `header`).
    /2: in a row of its own as tall as the chart (nothing prints under it), sized to what is left
    of the page; /1: under a header row, 17 × 12 cm."""
    lang = sub.info.lang
    if legacy:
        sheet.merged_row(word("radar", lang), Style.HEADER, LAST_COL)
    chart = Chart(
        title=word("radar", lang),
        anchor=f"A{sheet.next_row}",
        categories=f"C{first}:C{last}",
        series=(
            (cell_ref(header, 9), f"I{first}:I{last}"),
            (cell_ref(header, 10), f"J{first}:J{last}"),
        ),
        y_max=5,
    )
    if not legacy:
        width, height = chart_size(sheet)
        chart = replace(chart, width_cm=width, height_cm=height)
        r = sheet.row()
        sheet.heights[r] = round(height * CM_POINTS + CHART_ROOM_POINTS, 1)
    sheet.charts.append(chart)


def chart_size(sheet: SheetPlan) -> tuple[float, float]:
    """The radar's width and height in cm: the table's width (in a spreadsheet's usual column
    measure); the height what is left of the printed page under the rows so far, with a row to
    spare, at most 0.6 of the width and within CHART_HEIGHT_CM."""
    fit_heights(sheet)  # the rows so far as tall as they print (the headers may wrap)
    table = sum(sheet.widths.values())
    width = table * CHAR_POINTS / CM_POINTS
    room = page_body_points(table) - rows_points(sheet, 1, sheet.next_row - 1) - ROW_POINTS
    low, high = CHART_HEIGHT_CM
    height = max(low, min(high, 0.6 * width, (room - CHART_ROOM_POINTS) / CM_POINTS))
    return round(width, 1), round(height, 1)
