"""What every page shares: retranslation on language change, and the app context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from factory_grader.ui.context import AppContext


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale: set[Callable[[], None]] = set()

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

    def retranslate(self) -> None:
        """Set every user-visible string; called at start and on each language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
