"""A workbook's content as plain data (what golden files hold): values, number formats, fonts,
fills, alignment, merged ranges, validations, protection, sheet states and print settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook


def _color(color: Any) -> str | None:
    return None if color is None or color.rgb is None else str(color.rgb)


def describe_workbook(path: Path) -> dict[str, Any]:
    wb = load_workbook(path)
    styles: dict[tuple[Any, ...], int] = {}
    sheets = []
    for ws in wb.worksheets:
        rows: dict[str, list[Any]] = {}
        for row in ws.iter_rows():
            cells = []
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                key = (
                    c.number_format,
                    c.font.name,
                    c.font.sz,
                    bool(c.font.b),
                    bool(c.font.i),
                    _color(c.font.color),
                    c.fill.fill_type,
                    _color(c.fill.fgColor) if c.fill.fill_type else None,
                    c.alignment.horizontal,
                    c.alignment.vertical,
                    bool(c.alignment.wrap_text),
                    bool(c.quotePrefix),
                    c.border.left.style if c.border and c.border.left else None,
                )
                style = styles.setdefault(key, len(styles))
                if c.value is not None or c.coordinate in ws.merged_cells:
                    cells.append([c.coordinate, c.value, c.data_type, style])
            if cells:
                rows[str(row[0].row)] = cells
        ps = ws.page_setup
        sheets.append(
            {
                "title": ws.title,
                "state": ws.sheet_state,
                "protected": bool(ws.protection.sheet),
                "freeze": ws.freeze_panes,
                "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                "widths": {k: v.width for k, v in sorted(ws.column_dimensions.items())},
                "heights": {
                    str(k): v.height for k, v in sorted(ws.row_dimensions.items()) if v.height
                },
                "validations": [
                    [dv.type, dv.formula1, str(dv.sqref)]
                    for dv in ws.data_validations.dataValidation
                ],
                "print": {
                    "paper": ps.paperSize,
                    "orientation": ps.orientation,
                    "fit_width": ps.fitToWidth,
                    "fit_height": ps.fitToHeight,
                    "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage
                    if ws.sheet_properties.pageSetUpPr
                    else None,
                    "title_rows": ws.print_title_rows,
                    "gridlines": ws.print_options.gridLines,
                    "footer": [ws.oddFooter.left.text, ws.oddFooter.right.text],
                    "row_breaks": [b.id for b in ws.row_breaks.brk],
                },
                "charts": len(ws._charts),
                "rows": rows,
            }
        )
    return {
        "properties": {p.name: p.value for p in wb.custom_doc_props.props},
        "structure_locked": bool(wb.security and wb.security.lockStructure),
        "styles": [list(k) for k, _ in sorted(styles.items(), key=lambda kv: kv[1])],
        "sheets": sheets,
    }
