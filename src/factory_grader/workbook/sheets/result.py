"""评估结果: S, level, tier, A1–A5, every sub-domain per level, 环节 coverage and a radar chart."""

from __future__ import annotations

from factory_grader.domain.maturity_model import LEVELS
from factory_grader.scoring.rounding import format_weight
from factory_grader.scoring.subdomain_level import achieved_level
from factory_grader.workbook.labels import short_level, word
from factory_grader.workbook.plan import Cell, Chart, SheetPlan, Style, cell_ref
from factory_grader.workbook.sheets.common import level_name, new_sheet, tier_name, title_block
from factory_grader.workbook.submission import Submission
from factory_grader.workbook.text_cells import visible_text, wrapped_height

LAST_COL = 10  # element, domain, sub-domain, 5 levels, reached, needed


def _score(value: float | None) -> Cell:
    return Cell("—", Style.CENTER) if value is None else Cell(round(value, 4), Style.SCORE)


def _weight(value: float | None) -> Cell:
    return Cell(format_weight(value), Style.CENTER)


def result_sheet(sub: Submission) -> SheetPlan:
    lang = sub.info.lang
    m, t = sub.result.maturity, sub.result.tier
    sheet = new_sheet("result", sub)
    widths = {1: 16.0, 2: 16.0, 3: 18.0, **{c: 8.0 for c in range(4, 9)}, 9: 10.0, 10: 18.0}
    title_block(sheet, word("assessment", lang), sub, LAST_COL, sum(widths.values()))

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
        sheet.merges.append(f"B{r}:{cell_ref(r, LAST_COL)}")
        if isinstance(cell.value, str) and label == "rule":
            sheet.heights[r] = wrapped_height(cell.value, sum(widths.values()) - widths[1])
    sheet.skip()

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
    if sum(ls.hundredths for ls in m.level_scores if ls.counted) != m.score_hundredths:
        note = word("sum_note", lang)
        r = sheet.merged_row(note, Style.NOTE, LAST_COL)
        sheet.heights[r] = wrapped_height(note, sum(widths.values()))
    sheet.skip()

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
    domains = {d.id: d for d in sub.form.domains}
    elements = {e.id: e for e in sub.form.elements}
    first = sheet.next_row
    for s in sub.form.subdomains:
        scores = m.subdomain_scores[s.id]
        domain = domains[s.domain_id]
        sheet.row(
            Cell(elements[domain.element_id].name.get(lang)),
            Cell(domain.name.get(lang)),
            Cell(s.name.get(lang)),
            *[_score(v) for v in scores],
            Cell(achieved_level(scores), Style.INTEGER),
            Cell(needed, Style.INTEGER),
        )
    last = sheet.next_row - 1
    sheet.skip()

    r = sheet.merged_row(word("subdomain_weights", lang), Style.HEADER, LAST_COL)
    sheet.heights[r] = wrapped_height(word("subdomain_weights", lang), sum(widths.values()))
    sheet.row(
        word("element", lang),
        word("domain", lang),
        word("subdomain", lang),
        *[short_level(lv, lang) for lv in LEVELS],
        style=Style.HEADER,
    )
    for s in sub.form.subdomains:
        domain = domains[s.domain_id]
        sheet.row(
            Cell(elements[domain.element_id].name.get(lang)),
            Cell(domain.name.get(lang)),
            Cell(s.name.get(lang)),
            *[_weight(v) for v in m.subdomain_weights[s.id]],
        )
    sheet.skip()

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
            link = sub.catalogue.link_of(sc)
            built[link] += 1
            with_ai[link] += answer.ai
    for link in sub.catalogue.links:
        sheet.row(
            Cell(link.name.get(lang)),
            Cell(built[link.id], Style.INTEGER),
            Cell(with_ai[link.id], Style.INTEGER),
            Cell(word("yes" if link.id in t.covered_links else "no", lang), Style.CENTER),
        )
    share = t.ai_count / t.built_count if t.built_count else 0.0
    sheet.row(
        Cell(word("totals", lang), Style.LABEL),
        Cell(t.built_count, Style.INTEGER),
        Cell(t.ai_count, Style.INTEGER),
        Cell(word("ai_share", lang), Style.LABEL),
        Cell(round(share, 4), Style.PERCENT),
    )
    sheet.skip()

    sheet.page_breaks.append(sheet.next_row - 1)  # the chart prints whole, on a page of its own
    sheet.merged_row(word("radar", lang), Style.HEADER, LAST_COL)
    sheet.charts.append(
        Chart(
            title=word("radar", lang),
            anchor=f"A{sheet.next_row}",
            categories=f"C{first}:C{last}",
            series=(
                (cell_ref(header, 9), f"I{first}:I{last}"),
                (cell_ref(header, 10), f"J{first}:J{last}"),
            ),
            y_max=5,
        )
    )
    sheet.widths.update(widths)
    return sheet
