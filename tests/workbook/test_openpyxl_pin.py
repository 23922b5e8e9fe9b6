"""workbook/writer.py uses openpyxl's private cell API for speed; pyproject pins openpyxl below
3.2 for it. An upgrade that moves that API must fail here, loudly, before any export does."""

from __future__ import annotations

from importlib import metadata

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles.cell_style import StyleArray


def test_openpyxl_is_the_pinned_series() -> None:
    major, minor = (int(x) for x in metadata.version("openpyxl").split(".")[:2])
    assert (major, minor) == (3, 1), "writer.py relies on openpyxl 3.1's private cell API"


def test_the_private_api_the_writer_uses_is_there_and_behaves() -> None:
    ws = Workbook().active
    probe = ws.cell(row=1, column=1)
    probe.style = "Normal"
    style = probe._style
    assert isinstance(style, StyleArray)
    made = Cell(ws, row=2, column=3, value="文本", style_array=StyleArray())
    ws._cells[2, 3] = made
    assert ws.cell(row=2, column=3) is made
    assert ws["C2"].value == "文本"
