"""workbook/fast_cells.py against ElementTree on generated sheet XML (issue 14 §6): whatever the
quick path accepts, it must read exactly as the XML parser does; a sheet the parser refuses
must not be read quickly either. The generated cells mix the forms the quick path knows with
ones it must leave to the parser (formulas, rich text, other attribute orders, references)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from factory_grader.domain.errors import WorkbookError
from factory_grader.workbook.xlsx_reader import XlsxFile

SHEET_PART = "xl/worksheets/sheet1.xml"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
# text pieces: plain, CJK, spaces, the XML references (good and bad), characters XML refuses
PIECES = st.sampled_from(
    ["a", "Z", "中文", " ", "  ", "0", "-1", "=SUM(A1)", "&amp;", "&lt;", "&gt;", "&quot;",
     "&#x4E2D;", "&#20013;", "&#151;", "&#0;", "&#x1;", "&foo;", "&", "\t", "\n", "\r", "'"]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=4).map("".join)
NUMBER = st.sampled_from(["0", "2.23", "-7", "1e3", "1E-2", "12345678901234567890", "00", "5."])
COLUMN = st.sampled_from(["A", "B", "C", "Z", "AA", "AZ", "ZZ", "AAA"])


@st.composite
def cell(draw: st.DrawFn, row: int) -> str:
    ref = f' r="{draw(COLUMN)}{row}"'
    style = draw(st.sampled_from(["", ' s="0"', ' s="3"']))
    form = draw(st.integers(0, 8))
    if form == 0:
        space = draw(st.sampled_from(["", ' xml:space="preserve"']))
        return f'<c{ref}{style} t="inlineStr"><is><t{space}>{draw(TEXT)}</t></is></c>'
    if form == 1:
        return f'<c{ref}{style} t="s"><v>{draw(st.sampled_from(["0", "1", "7"]))}</v></c>'
    if form == 2:
        return f"<c{ref}{style}><v>{draw(NUMBER)}</v></c>"
    if form == 3:
        kind = draw(st.sampled_from(["", ' t="n"', ' t="inlineStr"']))
        return f"<c{ref}{style}{kind}/>"
    if form == 4:  # a formula with its cached value
        return f"<c{ref}{style}><f>1+1</f><v>{draw(NUMBER)}</v></c>"
    if form == 5:  # rich text
        return f'<c{ref} t="inlineStr"><is><r><t>{draw(TEXT)}</t></r></is></c>'
    if form == 6:  # attributes in another order
        return f'<c{style} t="inlineStr"{ref}><is><t>{draw(TEXT)}</t></is></c>'
    if form == 7:  # a string cell with t="str"
        return f'<c{ref} t="str"><v>{draw(TEXT)}</v></c>'
    return f'<c{ref} t="b"><v>{draw(st.sampled_from(["0", "1"]))}</v></c>'


@st.composite
def sheet_xml(draw: st.DrawFn) -> bytes:
    rows = []
    for number in draw(st.lists(st.integers(1, 30), max_size=6)):
        attributes = draw(
            st.sampled_from(["", ' spans="1:3"', ' ht="20" customHeight="1"', ' hidden="1"'])
        )
        numbered = draw(st.booleans())
        row_ref = f' r="{number}"' if numbered else ""
        cells = "".join(draw(st.lists(cell(number), max_size=4)))
        rows.append(f"<row{row_ref}{attributes}>{cells}</row>")
    tail = draw(st.sampled_from(["</worksheet>", "</worksheet>\n", "<!-- x --></worksheet>"]))
    return (HEAD + "<sheetData>" + "".join(rows) + "</sheetData>" + tail).encode("utf-8")


def _base() -> bytes:
    """A real workbook with one sheet and one shared string (index 0), to put sheets into."""
    book = Workbook()
    book.active.title = "S"
    book.active["A1"] = "共享"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BASE = _base()


def _with_sheet(xml: bytes, target: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(BASE)) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = xml if info.filename == SHEET_PART else zin.read(info.filename)
            zout.writestr(info.filename, data)
    return target


def _read(path: Path, fast: bool) -> object:
    try:
        with XlsxFile(path) as book:
            return book.cells("S", fast=fast)
    except WorkbookError as exc:
        return ("refused", type(exc).__name__)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(xml=sheet_xml())
# found by this test: a cell naming row 2 inside row 1 was read quickly (as A2), while the
# parser refuses it (a spreadsheet would show it elsewhere than a reader of the row expects)
@example(
    xml=(HEAD + '<sheetData><row><c r="A2"><v>0</v></c></row></sheetData></worksheet>').encode()
)
def test_the_quick_path_reads_what_the_parser_reads(xml: bytes, tmp_path_factory) -> None:
    path = _with_sheet(xml, tmp_path_factory.mktemp("fuzz") / "book.xlsx")
    assert _read(path, fast=True) == _read(path, fast=False), xml.decode("utf-8")


def test_the_generator_reaches_the_quick_path(tmp_path: Path) -> None:
    """The comparison above means something only if many generated sheets are read quickly."""
    from hypothesis import find

    simple = find(
        sheet_xml(),
        lambda xml: xml.count(b"<c ") >= 3 and _quick(xml, tmp_path) is not None,
        # the same search every run: a random one missed now and then (a red CI)
        settings=settings(max_examples=2000, deadline=None, database=None, derandomize=True),
    )
    assert simple.count(b"<c ") >= 3


def _quick(xml: bytes, folder: Path) -> object:
    with XlsxFile(_with_sheet(xml, folder / "probe.xlsx")) as book:
        return book.simple_sheet("S")
