"""The comparison table: one row per workbook, sortable and filterable, for thousands of rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from factory_grader.domain.comparison import Entry
from factory_grader.ui.column_model import (
    SORT_ROLE,
    Column,
    ColumnSortProxy,
    ColumnTableModel,
    Index,
)

__all__ = ["SORT_ROLE", "EntryFilter", "EntryTableModel", "status_of"]
STATUS_COLOURS = {
    "edited": "#fff3cd",
    "unchecked": "#fff3cd",
    "invalid": "#f8d7da",
    "superseded": "#eceff1",
    "conflict": "#ffe0b2",
}


def status_of(entry: Entry) -> str:
    if entry.conflict_with:
        return "conflict"  # same assessment and revision, other answers: the official decides
    return "superseded" if entry.superseded_by else entry.status


class EntryTableModel(ColumnTableModel[Entry]):
    """One row per compared workbook, coloured by what was found."""

    @property
    def entries(self) -> list[Entry]:
        return self.rows

    def set_columns(self, columns: list[Column[Entry]]) -> None:
        self.beginResetModel()
        self.columns = columns
        self.endResetModel()

    def role_data(self, row: Entry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.reason or row.conflict_with or row.superseded_by or row.file
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATUS_COLOURS.get(status_of(row))
            return QBrush(QColor(colour)) if colour else None
        return None

    def append(self, entries: Sequence[Entry]) -> None:
        if not entries:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self.rows.extend(entries)
        self.endInsertRows()

    def update(self, entries: Sequence[Entry]) -> None:
        """The same rows with some entries changed (marked superseded): only those repaint and
        re-sort. A reset would re-sort and re-filter every row (0.4 s for a thousand)."""
        if [e.file for e in entries] != [e.file for e in self.rows]:
            self.replace_all(entries)
            return
        last = self.columnCount() - 1
        for row, (old, new) in enumerate(zip(self.rows, entries, strict=True)):
            if old != new:
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def replace_all(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.rows = list(entries)
        self.endResetModel()


class EntryFilter(ColumnSortProxy):
    """City, industry, computed tier and status filters, plus free text over every column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.city: str | None = None
        self.industry: str | None = None
        self.tier: str | None = None
        self.status: str | None = None
        self.text = ""

    def set_filter(self, **values: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter is deprecated there
            self.beginFilterChange()
            for key, value in values.items():
                setattr(self, key, value)
            self.endFilterChange()
            return
        for key, value in values.items():  # pragma: no cover - Qt < 6.10
            setattr(self, key, value)
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EntryTableModel)
        e = model.entries[row]
        if self.city is not None and e.city_key != self.city:  # by code
            return False
        if self.industry is not None and e.industry_key != self.industry:
            return False
        if self.tier is not None and e.tier != self.tier:
            return False
        if self.status is not None and status_of(e) != self.status:
            return False
        if self.text:
            needle = self.text.lower()
            haystack = f"{e.name} {e.credit_code} {e.city} {e.industry} {e.file}".lower()
            return needle in haystack
        return True
