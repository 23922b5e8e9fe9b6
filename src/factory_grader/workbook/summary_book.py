"""The summary workbook (汇总表) an official sends upward: the list, the problem files, charts,
and a machine sheet so that summaries can be combined again."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.domain.text import Lang
from factory_grader.scoring import summary_stats as stats
from factory_grader.workbook.plan import (
    Cell,
    Chart,
    SheetPlan,
    Style,
    WorkbookPlan,
    cell_ref,
    column_letter,
)
from factory_grader.workbook.summary_rows import (
    HEADER,
    SUMMARY_SCHEMA,
    SUMMARY_SHEET,
    entry_cells,
)
from factory_grader.workbook.text_cells import fit_heights, fit_widths, visible_text

#: The summary list's columns, in this fixed order (序号 first). Key -> (中文, English).
SUMMARY_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("no", "序号", "No."),
    ("city", "市县", "City / county"),
    ("name", "企业名称", "Enterprise"),
    ("credit_code", "统一社会信用代码", "Credit code"),
    ("industry", "行业", "Industry"),
    ("size", "规模", "Size"),
    ("score", "成熟度得分", "Score S"),
    ("level", "成熟度等级", "Level"),
    ("claimed_tier", "申报等级", "Tier applied for"),
    ("tier", "自评梯度", "Tier (computed)"),
    ("agrees", "申报与自评一致", "Applied = computed"),
    ("links", "覆盖环节", "环节 covered"),
    ("built", "已建场景数", "Scenarios built"),
    ("ai_share", "AI 场景占比", "AI share"),
    ("unanswered", "未答题数", "Unanswered"),
    ("status", "完整性", "Integrity"),
    ("file", "文件", "File"),
)
PROBLEM_COLUMNS = (
    ("no", "序号", "No."),
    ("file", "文件", "File"),
    ("status", "状态", "Status"),
    ("reason", "原因", "Reason"),
)
STATUS_WORDS = {
    "ok": ("正常", "ok"),
    "edited": ("导出后被修改", "edited after export"),
    "invalid": ("无效", "invalid"),
    "unchecked": ("未重新计算（照录）", "not recomputed (copied)"),
    "superseded": ("已被新修订替代", "superseded by a newer revision"),
    "conflict": ("同一修订答题不同", "same revision, other answers"),
}
SHEET_NAMES = {
    "summary": ("汇总表", "Summary"),
    "problems": ("问题文件", "Problems"),
    "charts": ("图表", "Charts"),
    "chart-data": ("图表数据", "Chart data"),
}


@dataclass(frozen=True)
class SummaryNames:
    """Names the summary shows for ids (from the forms, in the summary's language)."""

    cities: dict[str, str]  # 行政区划代码 -> name
    industries: dict[str, str]  # GB/T 4754 code -> name
    tiers: dict[str, str]  # tier id -> name; "" -> "no tier reached"
    levels: dict[int, str]
    links: dict[str, str]
    subdomains: tuple[str, ...]


@dataclass(frozen=True)
class SummaryInfo:
    lang: Lang
    generated_at: str  # ISO UTC
    app_version: str
    sources: int  # files read


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def summary_plan(entries: Sequence[Entry], names: SummaryNames, info: SummaryInfo) -> WorkbookPlan:
    sheets = [
        _summary_sheet(entries, names, info),
        _problems_sheet(entries, info),
        *_charts_sheets(entries, names, info),
        _machine_sheet(entries, info),
    ]
    for sheet in sheets[:3]:
        fit_heights(sheet)
    return WorkbookPlan(
        sheets=sheets,
        properties={
            "schema": SUMMARY_SCHEMA,
            "generated_at": info.generated_at,
            "app_version": info.app_version,
            "files": str(info.sources),
        },
        title=_pick(("智能工厂梯度自评汇总表", "Smart-factory self-assessment summary"), info.lang),
        creator=f"factory-grader {info.app_version}",
        created=info.generated_at,
    )


def _title(sheet: SheetPlan, title: str, note: str, last_col: int) -> None:
    sheet.merged_row(title, Style.TITLE, last_col)
    sheet.heights[1] = 24
    sheet.merged_row(note, Style.NOTE, last_col)
    sheet.heights[2] = 30
    sheet.skip()


def _summary_sheet(entries: Sequence[Entry], names: SummaryNames, info: SummaryInfo) -> SheetPlan:
    lang = info.lang
    sheet = SheetPlan(key="summary", name=_pick(SHEET_NAMES["summary"], lang), landscape=True)
    listed = [e for e in entries if e.counts]
    note = _pick(
        (
            f"共读取 {info.sources} 个文件，列入汇总 {len(listed)} 家；{info.generated_at} 生成。"
            "各项得分由本软件根据申报工作簿中的答题重新计算，为企业自评结果；正式评估以智能制造评估评价公共服务平台为准。",
            f"{info.sources} files read, {len(listed)} factories listed; made {info.generated_at}."
            " Every figure is recomputed from the answers in each workbook; results are"
            " self-assessments, the official assessment is on the national public platform.",
        ),
        lang,
    )
    unchecked = sum(e.status is EntryStatus.UNCHECKED for e in listed)
    if unchecked:  # never "recomputed" for rows that could not be
        note += _pick(
            (
                f"其中 {unchecked} 家来自未附答题的汇总表，得分照录、未能重新计算（完整性列为"
                "“未重新计算（照录）”）。",
                f" {unchecked} of them come from a summary without answers: their figures are"
                " copied, not recomputed (Integrity: not recomputed).",
            ),
            lang,
        )
    _title(sheet, sheet.name, note, len(SUMMARY_COLUMNS))
    header = sheet.table_header(
        *[_pick((zh, en), lang) for _, zh, en in SUMMARY_COLUMNS], freeze_col="D"
    )
    sheet.gridlines = True
    # grouped by 市县 (by code; in the order they first appear), each city with its subtotal
    groups: dict[str, list[Entry]] = {}
    for e in listed:
        groups.setdefault(e.city_key or "—", []).append(e)
    number = 0
    for key, members in groups.items():
        for e in members:
            number += 1
            _summary_row(sheet, number, e, names, lang)
        city = names.cities.get(key, key)
        _subtotal_row(
            sheet, _pick((f"{city} 小计", f"{city} subtotal"), lang), members, names, lang
        )
    if len(groups) > 1:
        _subtotal_row(sheet, _pick(("合计", "Total"), lang), listed, names, lang)
    fit_widths(sheet, header, maximum=24, fixed={3: 24.0, 5: 18.0, 17: 30.0})
    return sheet


def _summary_row(sheet: SheetPlan, number: int, e: Entry, names: SummaryNames, lang: Lang) -> None:
    agrees = (e.claimed_tier or "") == (e.tier or "")
    sheet.row(
        Cell(number, Style.INTEGER),
        Cell(visible_text(names.cities.get(e.city_code, e.city))),
        Cell(visible_text(e.name), Style.WRAP),
        Cell(e.credit_code),
        Cell(visible_text(names.industries.get(e.industry_code, e.industry)), Style.WRAP),
        Cell(visible_text(e.size), Style.CENTER),
        Cell(None if e.score_hundredths is None else e.score_hundredths / 100, Style.SCORE),
        Cell(names.levels.get(e.level, "") if e.level is not None else "", Style.CENTER),
        Cell(
            names.tiers.get(e.claimed_tier, e.claimed_tier) if e.claimed_tier else "—",
            Style.CENTER,
        ),
        Cell(names.tiers.get(e.tier, e.tier), Style.CENTER),
        Cell(_pick(("是", "yes"), lang) if agrees else _pick(("否", "no"), lang), Style.CENTER),
        Cell(len(e.links), Style.INTEGER),
        Cell(e.built, Style.INTEGER),
        Cell(None if e.ai_share is None else round(e.ai_share, 4), Style.PERCENT),
        Cell(e.unanswered, Style.INTEGER),
        Cell(_pick(STATUS_WORDS[e.status], lang), Style.CENTER),
        Cell(visible_text(e.file), Style.WRAP),
    )


def _subtotal_row(
    sheet: SheetPlan, label: str, members: Sequence[Entry], names: SummaryNames, lang: Lang
) -> None:
    """How many factories, their mean S, and how many reached each tier."""
    scores = [e.score_hundredths for e in members if e.score_hundredths is not None]
    mean = round(sum(scores) / len(scores)) / 100 if scores else None
    counts: dict[str, int] = {}
    for e in members:
        counts[e.tier or ""] = counts.get(e.tier or "", 0) + 1
    tiers = ("，" if lang == "zh" else ", ").join(
        f"{names.tiers.get(tier, tier)} {n}"
        for tier, n in sorted(counts.items(), key=_tier_order(names))
    )
    sheet.row(
        None,
        Cell(label, Style.LABEL),
        Cell(_pick((f"{len(members)} 家", f"{len(members)} factories"), lang), Style.LABEL),
        *[None] * 3,
        Cell(mean, Style.SCORE),
        None,
        None,
        Cell(tiers, Style.WRAP),
    )


def _tier_order(names: SummaryNames) -> Any:
    order = {tier: i for i, tier in enumerate(names.tiers)}
    return lambda item: order.get(item[0], len(order))


def _problems_sheet(entries: Sequence[Entry], info: SummaryInfo) -> SheetPlan:
    lang = info.lang
    sheet = SheetPlan(key="problems", name=_pick(SHEET_NAMES["problems"], lang), landscape=True)
    note = _pick(
        (
            "无效或导出后被修改的文件，以及被同一企业更新修订替代的文件。",
            "Files that are invalid or were edited after export, and files superseded by a newer"
            " revision of the same enterprise.",
        ),
        lang,
    )
    _title(sheet, sheet.name, note, len(PROBLEM_COLUMNS))
    header = sheet.table_header(
        *[_pick((zh, en), lang) for _, zh, en in PROBLEM_COLUMNS], freeze_col="A"
    )
    number = 0
    for e in entries:
        if e.status is EntryStatus.OK and not e.superseded_by and not e.conflict_with:
            continue
        number += 1
        if e.conflict_with:  # both stay listed: which one counts is the official's call
            status = "conflict"
            reason = _pick(("答题不同的另一文件：", "the other file: "), lang) + e.conflict_with
        elif e.superseded_by:
            status = "superseded"
            who = visible_text(e.name) or e.credit_code  # which enterprise, at a glance
            reason = (
                f"{who}：被替代为 {e.superseded_by}"
                if lang == "zh"
                else (f"{who}: superseded by {e.superseded_by}")
            )
            if e.status is EntryStatus.EDITED:
                reason += "；" + (e.reason_zh or e.reason) if lang == "zh" else "; " + e.reason
        else:
            status, reason = e.status, (e.reason_zh or e.reason) if lang == "zh" else e.reason
        sheet.row(
            Cell(number, Style.INTEGER),
            Cell(visible_text(e.file), Style.WRAP),
            Cell(_pick(STATUS_WORDS[status], lang), Style.CENTER),
            Cell(visible_text(reason), Style.WRAP),
        )
    fit_widths(sheet, header, fixed={2: 48.0, 4: 70.0})
    return sheet


def _charts_sheets(
    entries: Sequence[Entry], names: SummaryNames, info: SummaryInfo
) -> tuple[SheetPlan, SheetPlan]:
    """图表: the charts, one under the other, to print; 图表数据 (hidden): the tables they draw."""
    lang = info.lang
    sheet = SheetPlan(key="charts", name=_pick(SHEET_NAMES["charts"], lang), landscape=True)
    data = SheetPlan(key="chart-data", name=_pick(SHEET_NAMES["chart-data"], lang), state="hidden")
    _title(
        sheet,
        sheet.name,
        _pick(
            (
                "图表数据来自“汇总表”所列企业（数据表在隐藏的“图表数据”工作表中）。",
                "Charts over the factories listed in the summary (their tables are on the hidden"
                " sheet Chart data).",
            ),
            lang,
        ),
        8,
    )
    factories = _pick(("企业数", "Factories"), lang)
    tiers = ["", *(t for t in names.tiers if t)]
    by_city = stats.tiers_by_city(entries)
    charts = _Charts(sheet, data)
    charts.add(
        [_pick(("市县", "City"), lang), *[names.tiers[t] for t in tiers]],
        [
            [
                Cell(visible_text(names.cities.get(city, city))),
                *[Cell(counts.get(t, 0), Style.INTEGER) for t in tiers],
            ]
            for city, counts in by_city.items()
        ],
        _pick(("各市县梯度分布", "Tiers by city"), lang),
        kind="stacked-bar",
        y_title=factories,
    )
    levels = stats.level_distribution(entries)
    charts.add(
        [_pick(("成熟度等级", "Level"), lang), factories],
        [
            [Cell(names.levels[lv]), Cell(levels.get(lv, 0), Style.INTEGER)]
            for lv in sorted(names.levels)
        ],
        _pick(("成熟度等级分布", "Maturity levels"), lang),
        kind="bar",
        y_title=factories,
    )
    by_industry = stats.subdomain_levels_by_industry(entries)  # the five largest industries
    highest = max((v for values in by_industry.values() for v in values), default=0.0)
    charts.add(
        [
            _pick(("能力子域", "Sub-domain"), lang),
            *[visible_text(names.industries.get(i, i)) for i in by_industry],
        ],
        [
            [Cell(name), *[Cell(values[index], Style.SCORE) for values in by_industry.values()]]
            for index, name in enumerate(names.subdomains)
        ],
        _pick(("各行业能力子域平均达到等级", "Average level by industry"), lang),
        kind="radar",
        # the scale follows the data: averages of 1–2 on a 0–5 scale collapse into a blob
        y_max=min(5.0, max(1.0, math.ceil((highest + 0.25) * 2) / 2)),
    )
    charts.add(
        [_pick(("已建场景数", "Scenarios built"), lang), _pick(("成熟度得分 S", "Score S"), lang)],
        [
            [Cell(built, Style.INTEGER), Cell(score, Style.SCORE)]
            for built, score in stats.score_vs_scenarios(entries)
        ],
        _pick(("成熟度得分与已建场景数", "Score S against scenarios built"), lang),
        kind="scatter",
        x_title=_pick(("已建场景数", "Scenarios built"), lang),
        y_title="S",
        y_max=5,
    )
    fit_widths(data, 1, maximum=16)
    return sheet, data


class _ChartSize(TypedDict):
    width_cm: float
    height_cm: float


#: each chart fills most of an A4 landscape page (one a page, under the title on the first):
#: 24 × 13.5 cm, about 26 rows of 15 points; the next one starts below it, after a page break
CHART_SIZE: _ChartSize = {"width_cm": 24.0, "height_cm": 13.5}
CHART_ROWS = 28


class _Charts:
    """Each table on the data sheet, side by side; each chart over it on the charts sheet."""

    def __init__(self, sheet: SheetPlan, data: SheetPlan) -> None:
        self.sheet, self.data, self.col = sheet, data, 1

    def add(self, headers: list[str], rows: list[list[Cell]], title: str, **chart: Any) -> None:
        first_col = self.col
        head = self.data.row(*headers, style=Style.HEADER, start_col=first_col)
        for cells in rows:
            self.data.row(*cells, start_col=first_col)
        first, last = head + 1, max(self.data.next_row - 1, head + 1)
        self.data.next_row = 1  # the next table starts at the top, further right
        series = tuple(
            (cell_ref(head, col), f"{column_letter(col)}{first}:{column_letter(col)}{last}")
            for col in range(first_col + 1, first_col + len(headers))
        )
        self.col += len(headers) + 1
        if series:
            categories = f"{column_letter(first_col)}{first}:{column_letter(first_col)}{last}"
            anchor = f"A{self.sheet.next_row}"
            self.sheet.charts.append(
                Chart(
                    title, anchor, categories, series, source=self.data.name, **CHART_SIZE, **chart
                )
            )
            self.sheet.skip(CHART_ROWS)
            self.sheet.page_breaks.append(self.sheet.next_row - 1)  # one chart a page, whole


def _machine_sheet(entries: Sequence[Entry], info: SummaryInfo) -> SheetPlan:
    sheet = SheetPlan(key="machine", name=SUMMARY_SHEET, state="veryHidden")
    sheet.row(
        *[
            Cell(v, Style.PLAIN)
            for v in (
                "schema",
                SUMMARY_SCHEMA,
                "generated_at",
                info.generated_at,
                "app_version",
                info.app_version,
            )
        ]
    )
    sheet.row(*[Cell(c, Style.PLAIN) for c in HEADER])
    for e in entries:
        sheet.row(*[Cell(v or None, Style.PLAIN) for v in entry_cells(e)])
    return sheet
