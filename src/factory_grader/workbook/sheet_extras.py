"""What a sheet shows besides its cells: drawings (charts, and anything placed over the cells),
comments, header and footer text, pictures. The exporter writes a footer on every sheet and the
charts its plan has, nothing else; anything more could show a reader other figures than the
answers give (a text box over 评估结果's tier, a footer saying 卓越级), so it is reported.

What LibreOffice and Excel add when they re-save a file is allowed: chart caches that hold the
cells' own values, chart style parts, printer settings.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from factory_grader.domain.errors import WorkbookError
from factory_grader.workbook.plan import Chart, SheetPlan, Value, WorkbookPlan
from factory_grader.workbook.text_cells import is_digits
from factory_grader.workbook.xlsx_reader import XlsxFile, column_number

#: What the submission prints at the foot of every page: the sheet's name left, "page / pages"
#: right (the writer's footer, as Excel and LibreOffice store it).
FOOTER = "&L&A&R&P / &N"

#: Children of <worksheet> that only set layout, printing or protection: they cannot show text.
#: Conditional formats, drop-downs, merges and hidden rows are compared elsewhere (presentation).
LAYOUT_ELEMENTS = frozenset(
    {
        "sheetPr",
        "dimension",
        "sheetViews",
        "sheetFormatPr",
        "cols",
        "sheetData",
        "sheetCalcPr",
        "sheetProtection",
        "protectedRanges",
        "mergeCells",
        "phoneticPr",
        "conditionalFormatting",
        "dataValidations",
        "printOptions",
        "pageMargins",
        "pageSetup",
        "headerFooter",
        "rowBreaks",
        "colBreaks",
        "ignoredErrors",
    }
)
#: Relationships of a sheet or chart that cannot show anything.
QUIET_RELATIONSHIPS = frozenset({"printerSettings", "chartStyle", "chartColorStyle", "drawing"})
ANCHORS = frozenset({"twoCellAnchor", "oneCellAnchor", "absoluteAnchor"})
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"


@dataclass(frozen=True, slots=True)
class Extra:
    """Something shown that the submission does not have. `kind` names it for a sentence in
    the reader's language (services.notices); `detail` goes into that sentence."""

    sheet: str
    kind: str  # element | relationship | header-footer | drawing | chart-count | chart
    detail: str
    message: str


def sheet_extras(book: XlsxFile, plan: WorkbookPlan, sheet: SheetPlan) -> list[Extra]:
    """Everything one visible sheet shows besides its cells and their look that its plan does
    not: other elements, related parts, header or footer text, drawings, chart contents."""
    info = book.sheet(sheet.name)
    if info is None:
        return []
    root = book.sheet_frame(sheet.name)  # outside the cells is all that is read here
    name = sheet.name
    out: list[Extra] = []
    drawing_id: str | None = None
    for child in root:
        local = _local(child.tag)
        if local == "drawing" and sheet.charts:
            drawing_id = _attr(child, "id")
        elif local not in LAYOUT_ELEMENTS:
            out.append(
                Extra(
                    name,
                    "element",
                    local,
                    f"{name}: holds <{local}>, which a"
                    " submission never has (it can show text over or beside the cells)",
                )
            )
    for _, kind, target in book.relationships(info.part):
        if kind not in QUIET_RELATIONSHIPS:
            out.append(
                Extra(
                    name,
                    "relationship",
                    kind,
                    f"{name}: has {kind} ({target}), which a submission never has",
                )
            )
    out += _header_footer(root, name)
    if sheet.charts:
        out += _drawing(book, plan, sheet, info.part, drawing_id)
    return out


def _header_footer(root: Element, name: str) -> list[Extra]:
    found = {}
    for holder in root:
        if _local(holder.tag) == "headerFooter":
            for part in holder:
                text = "".join(part.itertext())
                if text:
                    found[_local(part.tag)] = text
    if found in ({"oddFooter": FOOTER}, {}):  # none at all: the program's own default
        return []
    shown = " | ".join(v for _, v in sorted(found.items()))
    return [
        Extra(
            name,
            "header-footer",
            shown,
            f"{name}: printed header or footer {shown}; a"
            f" submission prints only {FOOTER!r} at the foot",
        )
    ]


def _drawing(
    book: XlsxFile, plan: WorkbookPlan, sheet: SheetPlan, part: str, drawing_id: str | None
) -> list[Extra]:
    name = sheet.name
    targets = {i: t for i, _, t in book.relationships(part)}
    drawing = targets.get(drawing_id or "")
    root = book.part_xml(drawing) if drawing else None
    if not drawing or root is None:  # (without a drawing, root is None)
        return [
            Extra(name, "chart-count", f"0/{len(sheet.charts)}", f"{name}: its chart is missing")
        ]
    out: list[Extra] = []
    charts: list[str] = []
    chart_targets = {i: t for i, _, t in book.relationships(drawing)}
    for anchor in root:
        local = _local(anchor.tag)
        chart_id = _chart_id(anchor) if local in ANCHORS else None
        if chart_id is None:
            what = _content_name(anchor)
            out.append(
                Extra(
                    name,
                    "drawing",
                    what,
                    f"{name}: a drawing holds {DRAWN.get(what, what)}, which a"
                    " submission never has (it can cover the cells)",
                )
            )
        elif (target := chart_targets.get(chart_id)) is not None:
            charts.append(target)
    if len(charts) != len(sheet.charts):
        out.append(
            Extra(
                name,
                "chart-count",
                f"{len(charts)}/{len(sheet.charts)}",
                f"{name}: {len(charts)} chart(s); the submission has {len(sheet.charts)}",
            )
        )
        return out
    for target, spec in zip(charts, sheet.charts, strict=True):
        out += _chart(book, plan, sheet, target, spec)
    return out


def _chart(
    book: XlsxFile, plan: WorkbookPlan, sheet: SheetPlan, part: str, spec: Chart
) -> list[Extra]:
    """A chart shows its titles, its series' names and the cells it points at: the titles must
    be the plan's, every range one the plan gives, every cached value the cell's own."""
    name = sheet.name
    root = book.part_xml(part)
    if root is None:
        return [Extra(name, "chart", part, f"{name}: the chart part {part} is missing")]
    out = [
        Extra(
            name,
            "relationship",
            kind,
            f"{name}: its chart has {kind} ({target}), which a submission's chart never has",
        )
        for _, kind, target in book.relationships(part)
        if kind not in QUIET_RELATIONSHIPS
    ]
    source = plan_sheet(plan, spec.source or sheet.name)
    labels = {str(_value(source, header)) for header, _ in spec.series}
    ranges = {_range(source.name, spec.categories)} | {
        _range(source.name, values) for _, values in spec.series
    }
    texts = {spec.title, spec.x_title, spec.y_title} - {""}
    shown = _shown_values(plan, ranges) | labels | texts
    wrong: list[str] = _series_problems(root, source.name, spec) + _axis_problems(root, spec)
    for element in root.iter():
        local = _local(element.tag)
        text = element.text or ""
        if local == "t" and text and text not in texts:
            wrong.append(text)
        elif local == "v" and not _among(text, shown):
            wrong.append(text)  # (a data label's range cache, say: only the cells' own values)
        elif local == "numFmt" and not _plain_number_format(element):
            wrong.append(element.get("formatCode", ""))
        elif local == "f":
            if text.startswith('"'):
                if text.strip('"') not in labels:
                    wrong.append(text)
            elif _normal_ref(text) not in ranges:
                wrong.append(text)
        elif local in ("tx", "strRef", "numRef"):
            wrong += _cached(element, plan, labels)
    if wrong:
        listed = ", ".join(sorted(set(wrong))[:5])
        out.append(
            Extra(
                name,
                "chart",
                listed,
                f"{name}: the chart shows {listed}, which the answers do not give",
            )
        )
    return out


def _axis_problems(root: Element, spec: Chart) -> list[str]:
    """The value axis as the plan sets it: from 0 (to y_max when set), not reversed, not
    logarithmic, no display units (each would show the same values as other numbers). The
    category axis may run either way (LibreOffice turns a radar's round)."""
    wrong = [local for e in root.iter() if (local := _local(e.tag)) == "dispUnits"]
    for axis in (e for e in root.iter() if _local(e.tag) == "valAx"):
        for element in axis.iter():
            local = _local(element.tag)
            value = element.get("val", "")
            if local == "logBase":
                wrong.append(local)
            elif local == "orientation" and value != "minMax":
                wrong.append(f"orientation {value}")
            elif local == "min" and not _number_is(value, 0.0):
                wrong.append(f"min {value}")
            elif local == "max" and (spec.y_max is None or not _number_is(value, spec.y_max)):
                wrong.append(f"max {value}")
    return wrong


def _number_is(text: str, number: float) -> bool:
    try:
        return math.isclose(float(text), number, abs_tol=1e-9)
    except ValueError:
        return False


def _plain_number_format(element: Element) -> bool:
    """A number format on a chart (data labels, axis) that shows the number itself: linked to
    the cells', General, or digits only (a format such as "卓越级" or [=1]"3" shows other text)."""
    code = element.get("formatCode", "")
    return (
        element.get("sourceLinked") in ("1", "true")
        or re.fullmatch(r"General|[0#.,%]+", code) is not None
    )


def _shown_values(plan: WorkbookPlan, ranges: set[str]) -> set[str]:
    """Every value the chart's ranges hold, as text (numbers also as the float they are)."""
    out: set[str] = set()
    for formula in ranges:
        for value in _range_values(plan, formula):
            if value is not None:
                out.add(str(value))
    return out


def _among(text: str, shown: set[str]) -> bool:
    if text in shown:
        return True
    try:
        number = float(text)
    except ValueError:
        return False
    return any(_number_is(s, number) for s in shown if s[:1].isdigit() or s[:1] == "-")


def _series_problems(root: Element, source: str, spec: Chart) -> list[str]:
    """Each series in its place: the plan's categories and values (swapping two series, or
    drawing one from another's cells, shows other levels)."""
    series = [e for e in root.iter() if _local(e.tag) == "ser"]
    if len(series) != len(spec.series):
        return [f"{len(series)}≠{len(spec.series)}"]
    wrong = []
    for i, (ser, (_, values)) in enumerate(zip(series, spec.series, strict=True), start=1):
        for child in ser:
            local = _local(child.tag)
            if local in ("cat", "xVal"):
                want = _range(source, spec.categories)
            elif local in ("val", "yVal"):
                want = _range(source, values)
            else:
                continue
            formula = next((f.text or "" for f in child.iter() if _local(f.tag) == "f"), "")
            if _normal_ref(formula) != want:
                wrong.append(formula or f"#{i}")
    return wrong


def _cached(element: Element, plan: WorkbookPlan, labels: set[str]) -> list[str]:
    """The values a chart caches for a range (LibreOffice writes them; a program may show them
    instead of the cells): each must be the value of the cell at its place."""
    local = _local(element.tag)
    if local == "tx":  # a series name given as text: <tx><v>…</v></tx>
        return [
            c.text or "" for c in element if _local(c.tag) == "v" and (c.text or "") not in labels
        ]
    formula = next((c.text or "" for c in element if _local(c.tag) == "f"), "")
    cache = next((c for c in element if _local(c.tag) in ("strCache", "numCache")), None)
    if cache is None:
        return []
    if formula.startswith('"'):
        expected: list[Value] = [formula.strip('"')]
    else:
        expected = _range_values(plan, formula)
    wrong = []
    for pt in cache:
        if _local(pt.tag) != "pt":
            continue
        idx = pt.get("idx", "")
        shown = "".join(c.text or "" for c in pt if _local(c.tag) == "v")
        index = int(idx) if is_digits(idx) else -1
        if not 0 <= index < len(expected) or not _same(expected[index], shown):
            wrong.append(shown)
    return wrong


def _range_values(plan: WorkbookPlan, formula: str) -> list[Value]:
    sheet_name, _, cells = _normal_ref(formula).rpartition("!")
    sheet = next((s for s in plan.sheets if s.name == sheet_name), None)
    if sheet is None or ":" not in cells:
        return []
    first, last = cells.split(":")
    (r1, c1), (r2, c2) = _cell(first), _cell(last)
    return [
        sheet.cells[(r, c)].value if (r, c) in sheet.cells else None
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
    ]


def plan_sheet(plan: WorkbookPlan, name: str) -> SheetPlan:
    for sheet in plan.sheets:
        if sheet.name == name:
            return sheet
    raise WorkbookError(f"the plan has no sheet {name!r}")  # a bug of ours, not of the file


# --- helpers -----------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: Element, local: str) -> str | None:
    return next((v for k, v in element.attrib.items() if _local(k) == local), None)


def _chart_id(anchor: Element) -> str | None:
    """The chart an anchor places, or None when it places anything else (or more)."""
    content = [c for c in anchor if _local(c.tag) not in ("from", "to", "ext", "pos", "clientData")]
    if len(content) != 1 or _local(content[0].tag) != "graphicFrame":
        return None
    for data in content[0].iter():
        if _local(data.tag) == "graphicData":
            if data.get("uri") != CHART_URI:
                return None
            chart = next((c for c in data if _local(c.tag) == "chart"), None)
            return _attr(chart, "id") if chart is not None else None
    return None


#: what each kind of drawing content is, for the English message (wording.py has the Chinese)
DRAWN = {
    "sp": "a shape or text box",
    "pic": "a picture",
    "grpSp": "a group of shapes",
    "cxnSp": "a connector",
    "graphicFrame": "an object that is not a chart",
    "contentPart": "ink or other content",
}


def _content_name(anchor: Element) -> str:
    """What an anchor places other than a chart: sp, pic … (its element's name)."""
    for child in anchor:
        if (local := _local(child.tag)) in DRAWN:
            return local
    return _local(anchor.tag)


def _value(sheet: SheetPlan, ref: str) -> Value:
    cell = sheet.cells.get(_cell(ref))
    return None if cell is None else cell.value


def _cell(ref: str) -> tuple[int, int]:
    ref = ref.replace("$", "")
    digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return (int(digits) if is_digits(digits) else 0, column_number(ref) if digits else 0)


def _range(sheet: str, cells: str) -> str:
    return f"{sheet}!{cells.replace('$', '')}"


def _normal_ref(formula: str) -> str:
    """'评估结果'!$C$21:$C$40 and 评估结果!C21:C40 are one range."""
    sheet, _, cells = formula.strip().rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return f"{sheet}!{cells.replace('$', '')}"


def _same(expected: Value, shown: str) -> bool:
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        try:
            return math.isclose(float(shown), expected, abs_tol=1e-9)
        except ValueError:
            return False
    return str(expected if expected is not None else "") == shown
