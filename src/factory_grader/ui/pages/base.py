"""What every page shares: retranslation on language change, and the app context."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from factory_grader.ui.context import AppContext


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale: set[Callable[[], None]] = set()
        self._reveal_target: QWidget | None = None  # scroll_into_view's widget, for a second
        self._watching = False

    def scrolling_body(self) -> tuple[QLabel, QVBoxLayout]:
        """The usual page: a title over a scrolling column. Returns (title, column layout)."""
        heading = QLabel()
        heading.setObjectName("pageTitle")
        inner = QWidget()
        column = QVBoxLayout(inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.body_scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        self.body_layout = layout
        layout.addWidget(scroll, 1)
        return heading, column

    def when_visible(self, refresh: Callable[[], None]) -> Callable[..., None]:
        """A slot that refreshes now if the page is on screen, else once it is next shown, so
        a click on one page does not redraw every hidden one."""

        def slot(*_: object) -> None:
            if self.isVisible():
                refresh()
            else:
                self._stale.add(refresh)

        return slot

    def showEvent(self, event: QShowEvent) -> None:
        stale, self._stale = self._stale, set()
        for refresh in stale:
            refresh()
        super().showEvent(event)

    def scroll_into_view(self, widget: QWidget) -> None:
        """Scroll the page's column so the widget shows — now and as the column settles: a page
        just rebuilt grows to its full height over a few events, moving the widget down (for a
        second after, each resize of the column scrolls to it again)."""
        inner = self.body_scroll.widget()
        if inner is None:
            return
        self._reveal_target = widget
        if not self._watching:
            inner.installEventFilter(self)
            self._watching = True
        self.body_scroll.ensureWidgetVisible(widget, 50, 80)
        QTimer.singleShot(1000, lambda: self._forget_target(widget))

    def _forget_target(self, widget: QWidget) -> None:
        if self._reveal_target is widget:  # (not a later one)
            self._reveal_target = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._reveal_target is not None:
            QTimer.singleShot(0, self._scroll_to_target)
        return super().eventFilter(watched, event)

    def _scroll_to_target(self) -> None:
        target = self._reveal_target
        if target is not None and shiboken6.isValid(target):  # (the page may be rebuilt)
            self.body_scroll.ensureWidgetVisible(target, 50, 80)

    def retranslate(self) -> None:
        """Set every user-visible string; called at start and on each language change."""

    def reveal(self, subject: str) -> None:
        """Bring the thing named into view with the keyboard focus on it (a requirement,
        scenario or condition id; Controller.reveal). A page with nothing to point at keeps
        this."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in a layout (before building it again)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
