"""The start page's list: one row per stored assessment, sortable and filterable, shown at once
from the stored verdicts; the verdicts still to be computed arrive later, a few rows at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from factory_grader.ui.column_model import (
    Column,
    ColumnSortProxy,
    ColumnTableModel,
    Index,
)

if TYPE_CHECKING:  # (imported for real with the service, after the first paint)
    from factory_grader.domain.records import AssessmentSummary, Verdict

ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass
class StartRow:
    summary: AssessmentSummary
    verdict: Verdict | None  # None: not known yet (being computed), or `problem` says why not
    problem: str | None = None  # why this assessment cannot be scored


class StartTableModel(ColumnTableModel[StartRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._row_of: dict[int, int] = {}  # assessment id -> row
        #: columns whose text depends on the verdict (repainted when one arrives)
        self.verdict_columns: tuple[int, ...] = ()
        self.tooltip: Callable[[StartRow], str | None] = lambda row: None

    def set_columns(
        self, columns: list[Column[StartRow]], verdict_columns: tuple[int, ...]
    ) -> None:
        """New headers and texts (another language): every cell is drawn again, rows stay."""
        self.layoutAboutToBeChanged.emit()
        self.columns, self.verdict_columns = columns, verdict_columns
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(len(columns) - 1, 0))

    def replace_all(self, rows: Iterable[StartRow]) -> None:
        new = list(rows)
        if new and [r.summary.id for r in new] == [r.summary.id for r in self.rows]:
            # the same assessments again (the list read early, then through the open database;
            # a listing after a save): changed in place, so the view keeps where it was
            self.rows = new
            last = self.index(len(new) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows = new
        self._row_of = {r.summary.id: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def set_verdicts(self, found: Mapping[int, Verdict | BaseException]) -> None:
        """Verdicts (or why there is none) by assessment id; ids no longer listed are skipped.
        Only the rows concerned repaint (and re-sort, re-filter)."""
        for ident, outcome in found.items():
            row = self._row_of.get(ident)
            if row is None:
                continue
            entry = self.rows[row]
            if isinstance(outcome, BaseException):
                entry.verdict, entry.problem = None, str(outcome) or type(outcome).__name__
            else:
                entry.verdict, entry.problem = outcome, None
            for column in self.verdict_columns:
                index = self.index(row, column)
                self.dataChanged.emit(index, index)

    def pending(self) -> list[int]:
        """Ids of the rows whose verdict is still to be computed."""
        return [r.summary.id for r in self.rows if r.verdict is None and r.problem is None]

    def row_of(self, assessment_id: int) -> int | None:
        return self._row_of.get(assessment_id)

    def role_data(self, row: StartRow, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.summary.id
        if role == Qt.ItemDataRole.ToolTipRole and column in self.verdict_columns:
            return self.tooltip(row)
        return None


class StartFilter(ColumnSortProxy):
    """Free text over the factory name and credit code, case-insensitive; sorts by each
    column's key (names in pinyin order, empty values last)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.needle = ""
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self.needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.needle = needle
            self.endFilterChange()
            return
        self.needle = needle  # pragma: no cover - Qt < 6.10
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, StartTableModel)
        s = model.rows[row].summary
        return self.needle in f"{s.factory_name} {s.credit_code or ''}".casefold()
