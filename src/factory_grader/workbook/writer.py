"""Writes a WorkbookPlan with openpyxl, atomically: the target appears complete or not at all."""

from __future__ import annotations

import contextlib
import os
from copy import copy
from datetime import datetime
from pathlib import Path
from typing import Protocol, cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.chart import BarChart, RadarChart, Reference, ScatterChart, Series
from openpyxl.chart._chart import ChartBase
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.packaging.custom import CustomPropertyList, StringProperty
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.styleable import StyleableObject
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from factory_grader.workbook import plan as p
from factory_grader.workbook.sheets.common import MARGIN_SIDE_INCHES, MARGIN_TOP_INCHES
from factory_grader.workbook.styles import named_styles
from factory_grader.workbook.text_cells import FORMULA_STARTS, visible_text

CM = 360000  # EMU per centimetre


# What openpyxl has and types-openpyxl 3.1.5 leaves out or gets wrong; the objects are cast to
# these where they are used (tests/workbook/test_openpyxl_pin.py checks the private ones).
class _Styled(Protocol):
    _style: StyleArray  # StyleableObject's private style array, not in the stubs


class _WithCustomProps(Protocol):
    custom_doc_props: CustomPropertyList[str | None]  # Workbook's, missing from the stubs


class _ChartWidth(Protocol):
    # ChartBase's width in cm: an int in the stubs, but any number goes (openpyxl writes
    # int(width * 360000) EMU, and its own default height is 7.5)
    width: float


def _style_of(cell: StyleableObject) -> StyleArray:
    return cast(_Styled, cell)._style


def _set_style(cell: StyleableObject, style: StyleArray) -> None:
    cast(_Styled, cell)._style = style


def build_workbook(plan: p.WorkbookPlan) -> Workbook:
    wb = Workbook()
    first = wb.active
    assert first is not None  # a new workbook has one empty sheet
    wb.remove(first)
    for style in named_styles():
        wb.add_named_style(style)
    for sheet in plan.sheets:
        _sheet(wb.create_sheet(sheet.name), sheet)
    for sheet in plan.sheets:  # charts once every sheet exists: data may be on another one
        ws: Worksheet = wb[sheet.name]  # made above (wb[...] types as a chartsheet too)
        for chart in sheet.charts:
            ws.add_chart(_chart(wb[chart.source] if chart.source else ws, chart), chart.anchor)
    wb.active = 0
    created = datetime.fromisoformat(plan.created).replace(tzinfo=None)
    wb.properties.title = visible_text(plan.title)  # it may hold a company name
    wb.properties.creator = visible_text(plan.creator)
    wb.properties.lastModifiedBy = visible_text(plan.creator)
    wb.properties.created = created
    wb.properties.modified = created
    for key, value in plan.properties.items():
        cast(_WithCustomProps, wb).custom_doc_props.append(StringProperty(name=key, value=value))
    # Sheets can't be added, removed or unhidden by accident; each sheet is protected too.
    wb.security = WorkbookProtection(lockStructure=True)
    return wb


def save_atomically(wb: Workbook, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_plan(plan: p.WorkbookPlan, target: Path) -> None:
    save_atomically(build_workbook(plan), target)


def _sheet(ws: Worksheet, sheet: p.SheetPlan) -> None:
    # Cells are made directly, their style looked up by name once per sheet and then copied:
    # openpyxl's per-cell lookup took a third of the export time.
    styles: dict[p.Style, StyleArray] = {}
    cells = ws._cells
    for (row, col), cell in sheet.cells.items():
        style = styles.get(cell.style)
        if cell.style is p.Style.PLAIN:
            style = StyleArray()
        elif style is None:
            probe = ws.cell(row=row, column=col)
            probe.style = cell.style.value
            style = styles[cell.style] = _style_of(probe)
        # Cells of one style share its StyleArray: nothing changes a style after this point
        # except quotePrefix, which gets its own copy.
        c = Cell(ws, row=row, column=col, value=cell.value, style_array=style)
        cells[row, col] = c
        if isinstance(cell.value, str):
            if c.data_type == "f":
                c.data_type = "s"  # user text is text: "=SUM(…)" must never run
            if cell.value.startswith(FORMULA_STARTS):
                _set_style(c, copy(style))
                c.quotePrefix = True  # and stays text when someone edits the cell
    borderless = {0}  # openpyxl's border 0 is "none"
    for ref in sheet.merges:
        _merge(ws, ref, borderless)
    for col, width in sheet.widths.items():
        ws.column_dimensions[p.column_letter(col)].width = width
    for row, height in sheet.heights.items():
        ws.row_dimensions[row].height = height
    if sheet.freeze:
        ws.freeze_panes = sheet.freeze
    for v in sheet.validations:
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(v.choices) + '"',
            allow_blank=True,
            showDropDown=False,
        )
        dv.error = "／".join(v.choices)
        dv.add(v.ref)
        ws.add_data_validation(dv)
    ws.sheet_state = sheet.state
    if sheet.state != "visible":
        return
    ws.protection.sheet = True  # no password: against accidental edits, not a lock
    ws.protection.formatColumns = False  # widths may still be adjusted for reading
    _print_setup(ws, sheet)


def _merge(ws: Worksheet, ref: str, borderless: set[int]) -> None:
    """Merge like ws.merge_cells, but the covered cells copy the top-left cell's style instead of
    openpyxl re-deriving every border (which cost 40 % of an export). A merge without a border
    (titles, notes) needs no covered cells at all."""
    merged = MergedCellRange(ws, ref)
    ws.merged_cells.add(merged)
    first = ws.cell(row=merged.min_row, column=merged.min_col)
    if _style_of(first).borderId in borderless:
        return
    cells = merged.cells
    next(cells)
    for row, col in cells:
        covered = MergedCell(ws, row, col)
        _set_style(covered, copy(_style_of(first)))
        ws._cells[row, col] = covered


def _print_setup(ws: Worksheet, sheet: p.SheetPlan) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    fit = ws.sheet_properties.pageSetUpPr
    assert fit is not None  # WorksheetProperties makes one when given none
    fit.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = sheet.gridlines
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE_INCHES
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_TOP_INCHES
    if sheet.print_title_rows:
        ws.print_title_rows = sheet.print_title_rows
    for row in sheet.page_breaks:
        ws.row_breaks.append(Break(id=row))
    footer = ws.oddFooter
    assert footer is not None  # a sheet's HeaderFooter makes each of its items
    footer.left.text = "&A"
    footer.right.text = "&P / &N"


def _chart(ws: Worksheet, spec: p.Chart) -> ChartBase:
    def ref(cells: str) -> Reference:
        return Reference(worksheet=ws, range_string=f"'{ws.title}'!{cells}")

    chart: ChartBase
    if spec.kind == "scatter":
        chart = ScatterChart(scatterStyle="marker")
        for header, values in spec.series:
            series = Series(ref(values), ref(spec.categories), title=str(ws[header].value))
            series.marker.symbol = "circle"
            series.marker.size = 6
            series.marker.graphicalProperties = GraphicalProperties(solidFill="1F77B4")
            series.graphicalProperties = GraphicalProperties()
            series.graphicalProperties.line.noFill = True  # points, not a line
            chart.series.append(series)
    else:
        if spec.kind == "radar":
            chart = RadarChart()
            chart.type = "marker"
        else:
            chart = BarChart()
            chart.type = "col"
            if spec.kind == "stacked-bar":
                chart.grouping = "stacked"
                chart.overlap = 100
        for header, values in spec.series:
            chart.add_data(ref(values), titles_from_data=False)
            chart.series[-1].tx = SeriesLabel(v=str(ws[header].value))
        chart.set_categories(ref(spec.categories))
    chart.title = spec.title
    cast(_ChartWidth, chart).width = spec.width_cm
    chart.height = spec.height_cm
    chart.y_axis.scaling.min = 0
    if spec.y_max is not None:
        chart.y_axis.scaling.max = spec.y_max
        chart.y_axis.majorUnit = 1
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    if spec.x_title:
        chart.x_axis.title = spec.x_title
    if spec.y_title:
        chart.y_axis.title = spec.y_title
    legend = chart.legend
    assert legend is not None  # every chart starts with a legend
    legend.position = "b"
    return chart
