"""The whole submission workbook as a plan: seven visible sheets and the machine sheet."""

from __future__ import annotations

from collections.abc import Callable, Collection

from factory_grader.workbook import machine
from factory_grader.workbook.labels import word
from factory_grader.workbook.plan import Cell, SheetPlan, Style, WorkbookPlan
from factory_grader.workbook.sheets.answers import answers_sheet
from factory_grader.workbook.sheets.conditions import conditions_sheet
from factory_grader.workbook.sheets.cover import cover_sheet
from factory_grader.workbook.sheets.gaps import gaps_sheet
from factory_grader.workbook.sheets.pledge import pledge_sheet
from factory_grader.workbook.sheets.result import result_sheet
from factory_grader.workbook.sheets.scenarios import scenarios_sheet
from factory_grader.workbook.submission import MACHINE_SHEET, Submission
from factory_grader.workbook.text_cells import fit_heights

BUILDERS: dict[str, Callable[[Submission, dict[str, str]], SheetPlan]] = {
    "cover": lambda sub, meta: cover_sheet(sub, meta["answers_sha256"]),
    "result": lambda sub, meta: result_sheet(sub),
    "answers": lambda sub, meta: answers_sheet(sub),
    "scenarios": lambda sub, meta: scenarios_sheet(sub),
    "conditions": lambda sub, meta: conditions_sheet(sub),
    "gaps": lambda sub, meta: gaps_sheet(sub),
    "pledge": lambda sub, meta: pledge_sheet(sub),
}


def submission_plan(
    sub: Submission,
    only: Collection[str] | None = None,
    encoded: tuple[dict[str, str], list[machine.Row]] | None = None,
    layout: bool = True,
) -> WorkbookPlan:
    """The whole workbook, or (`only`) just those visible sheets, for a quicker check.
    `encoded`: the machine sheet's meta and rows when already known; layout=False leaves out
    row heights (what a comparison of values does not need)."""
    meta, rows = encoded or machine.encode(sub)
    sheets = [build(sub, meta) for key, build in BUILDERS.items() if only is None or key in only]
    if only is None:
        sheets.append(machine_sheet(sub, meta, rows))
    for sheet in sheets:
        if sheet.state == "visible" and layout:
            fit_heights(sheet)
    name = sub.answers.profile.get("name") or ""
    return WorkbookPlan(
        sheets=sheets,
        properties=meta,
        title=f"{word('title', sub.info.lang)} — {name}".strip(" —"),
        creator=f"factory-grader {sub.info.app_version}",
        created=sub.info.exported_at,
    )


def machine_sheet(sub: Submission, meta: dict[str, str], rows: list[machine.Row]) -> SheetPlan:
    sheet = SheetPlan(key="machine", name=MACHINE_SHEET, state="veryHidden")
    for values in machine.sheet_rows(sub, meta, rows):
        sheet.row(*[Cell(v or None, Style.PLAIN) for v in values])
    return sheet
