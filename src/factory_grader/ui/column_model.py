"""A table model over a list of rows whose columns are (header, text of a row, sort key of a
row), and the proxy that sorts by those keys as a Chinese reader expects (pinyin order, numbers
by value, empty values last whichever the direction). The comparison's and the start page's
lists are both this."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
R = TypeVar("R")
#: (header, text of a row, sort key of a row; None or "" sorts last)
Column = tuple[str, Callable[[R], str], Callable[[R], Any]]


class ColumnTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []
        self.columns: list[Column[R]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        _, text, key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(row)
        if role == SORT_ROLE:
            return key(row)
        return self.role_data(row, index.column(), role)

    def role_data(self, row: R, column: int, role: int) -> Any:
        """What a subclass shows for other roles (tooltips, colours, ids)."""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0] if section < len(self.columns) else None
        return None


class ColumnSortProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.collator = QCollator(QLocale(QLocale.Language.Chinese))
        self.collator.setNumericMode(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        a, b = (None if a == "" else a), (None if b == "" else b)
        if a is None or b is None:  # not known, or nothing: last, whichever the direction
            if self.sortOrder() == Qt.SortOrder.AscendingOrder:
                return a is not None and b is None
            return a is None and b is not None
        if isinstance(a, str) and isinstance(b, str):
            return self.collator.compare(a, b) < 0  # 海口 before 三亚: pinyin, not code points
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
