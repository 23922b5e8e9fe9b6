"""A list of things, some of them problems: a problem's row carries where it is fixed, shown as
"去修改 →" in a second column; a click there, or Enter / a double click on the row, goes there."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from factory_grader.ui.page_names import PageName

ROLE_PLACE = Qt.ItemDataRole.UserRole + 1
LINK_COLOUR = QColor("#1565c0")


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width: QTreeView's own size hint
    measures one line, so a long sentence was cut short with "…"."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        if index.column() != 0:  # "去修改 →": one line, its column fits it
            return base
        width = self.view.header().sectionSize(0) - 8
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width -= self.view.indentation() * (depth + int(self.view.rootIsDecorated()))
        width -= 24 if index.flags() & Qt.ItemFlag.ItemIsUserCheckable else 0
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        layout = QTextLayout(styled.text, styled.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(wrap)
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(width, 40))
            height += line.height()
        layout.endLayout()
        return QSize(base.width(), max(base.height(), int(height) + 6))


class JumpTree(QTreeWidget):
    #: the page (a PageName) and what on it (Controller.reveal)
    reveal = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegate(WrappingDelegate(self))
        # a wider or narrower column: the wrapped rows take their new height
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(lambda item, _: self._go(item))

    def set_place(self, item: QTreeWidgetItem, page: PageName, subject: str = "") -> None:
        """Make the row point at where its problem is fixed."""
        item.setData(0, ROLE_PLACE, (page.value, subject))
        item.setText(1, self.tr("Fix →"))
        item.setForeground(1, QBrush(LINK_COLOUR))
        item.setToolTip(1, self.tr("Go to where this is changed (or press Enter)"))

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 1:
            self._go(item)

    def _go(self, item: QTreeWidgetItem) -> None:
        place = item.data(0, ROLE_PLACE)
        if place:
            self.reveal.emit(*place)
