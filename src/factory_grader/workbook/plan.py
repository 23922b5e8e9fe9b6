"""A workbook described as data: what each cell holds and how the sheet looks and prints.

The exporter builds a plan and writes it with openpyxl; `verify` builds the same plan from the
machine sheet and compares it with what the file holds, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Value = str | int | float | None


class Style(StrEnum):
    """Named cell styles (workbook/styles.py defines how each looks)."""

    PLAIN = "plain"  # no style at all (the machine sheet)
    TITLE = "fg-title"
    NOTE = "fg-note"
    HEADER = "fg-header"
    LABEL = "fg-label"
    TEXT = "fg-text"
    WRAP = "fg-wrap"
    CENTER = "fg-center"
    SCORE = "fg-score"  # 0.00
    INTEGER = "fg-integer"
    PERCENT = "fg-percent"
    STRONG = "fg-strong"  # a headline figure


#: The number format of each style that has one other than General (shared by the writer and
#: by verify, which checks a cell shows its own value).
NUMBER_FORMATS: dict[Style, str] = {
    Style.SCORE: "0.00",
    Style.INTEGER: "0",
    Style.PERCENT: "0%",
    Style.STRONG: "0.00",
}


@dataclass(frozen=True, slots=True)
class Cell:
    value: Value
    style: Style = Style.TEXT


@dataclass(frozen=True, slots=True)
class ListValidation:
    """An in-cell drop-down over `ref` (e.g. "G4:G309")."""

    ref: str
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A native Excel chart over a block of this sheet (it stays live in Excel and LibreOffice)."""

    title: str
    anchor: str  # top-left cell
    categories: str  # e.g. "C12:C31" (x values for a scatter chart)
    series: tuple[tuple[str, str], ...]  # (header cell, values range) per series
    kind: Literal["radar", "bar", "stacked-bar", "scatter"] = "radar"
    width_cm: float = 17.0
    height_cm: float = 12.0
    x_title: str = ""
    y_title: str = ""
    y_max: float | None = None
    #: the sheet holding the data ("": this one); charts on a printed sheet keep their tables
    #: on a hidden one, so a summary does not print pages of numbers
    source: str = ""


@dataclass
class SheetPlan:
    key: str  # stable, language-independent (labels.SHEETS)
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)  # column -> width in characters
    heights: dict[int, float] = field(default_factory=dict)  # row -> height in points
    merges: list[str] = field(default_factory=list)
    freeze: str | None = None  # the top-left cell that stays scrollable, e.g. "A4"
    print_title_rows: str | None = None  # e.g. "3:3", repeated on every printed page
    landscape: bool = False
    gridlines: bool = False  # print the grid (tables, where empty cells carry no border)
    page_breaks: list[int] = field(default_factory=list)  # a new printed page after these rows
    validations: list[ListValidation] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    state: Literal["visible", "hidden", "veryHidden"] = "visible"
    #: cell -> texts an earlier version of the app wrote there for the same fact: a workbook
    #: exported then still verifies (wording.earlier_check_sentences)
    earlier: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    protected: bool = True
    next_row: int = 1

    def row(self, *values: Value | Cell, style: Style = Style.TEXT, start_col: int = 1) -> int:
        """Append a row; plain values get `style`. Returns the row number."""
        r = self.next_row
        for offset, value in enumerate(values):
            cell = value if isinstance(value, Cell) else Cell(value, style)
            # Empty cells are not written (a sheet has a third fewer cells to serialise);
            # tables print their gridlines instead of relying on each cell's border.
            if cell.value is not None:
                self.cells[(r, start_col + offset)] = cell
        self.next_row = r + 1
        return r

    def table_header(self, *labels: str, freeze_col: str = "B") -> int:
        """A table's header row: it stays on screen (frozen, with the columns before
        `freeze_col`) and repeats on every printed page."""
        r = self.row(*labels, style=Style.HEADER)
        self.freeze = f"{freeze_col}{r + 1}"
        self.print_title_rows = f"{r}:{r}"
        return r

    def skip(self, rows: int = 1) -> None:
        self.next_row += rows

    def merged_row(self, value: Value, style: Style, last_col: int) -> int:
        r = self.row(Cell(value, style))
        if last_col > 1:
            self.merges.append(f"A{r}:{column_letter(last_col)}{r}")
        return r

    def values(self) -> dict[tuple[int, int], Value]:
        return {rc: c.value for rc, c in self.cells.items() if c.value not in (None, "")}


@dataclass
class WorkbookPlan:
    sheets: list[SheetPlan]
    properties: dict[str, str]  # custom document properties
    title: str
    creator: str
    created: str  # ISO 8601 UTC


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"
