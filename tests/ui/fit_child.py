"""Run by test_fits_every_screen.py in a process of its own (the screen's size and scale are
fixed when Qt starts): the real window on the offscreen screen it was given, the example factory
loaded, every page shown in turn; prints one JSON line per page: the window's frame and the
screen's free area, in the screen's (logical) pixels."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from factory_grader.ui.app import build
from factory_grader.ui.page_names import PageName


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = build(sys.argv[1], app)
    window.show()
    window.start_loading()
    deadline = QTimer()
    deadline.singleShot(120_000, lambda: app.exit(3))
    out: list[dict[str, object]] = []

    def when(ready, then) -> None:  # poll the event loop until ready() (no sleeping)
        if ready():
            then()
        else:
            QTimer.singleShot(20, lambda: when(ready, then))

    def loaded() -> None:
        window.start.example_button.click()
        when(lambda: window.ctx.session is not None and not window.ctx.background.busy, visit)

    pages = list(PageName)

    def visit() -> None:
        if not pages:
            print(json.dumps(out), flush=True)
            app.exit(0)
            return
        name = pages.pop(0)
        window.go(name)
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: measure(name)))

    def measure(name: PageName) -> None:
        app.processEvents()
        frame = window.frameGeometry()
        area = window.screen().availableGeometry()
        out.append(
            {
                "page": name.value,
                "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                "area": [area.x(), area.y(), area.width(), area.height()],
                # the page as wide as its room: no sideways scrolling (cut cards and columns)
                "sideways": window.stack_area.horizontalScrollBar().isVisible(),
                # a page that scrolls its own column does not also scroll as a whole
                "down": window.stack_area.verticalScrollBar().isVisible(),
            }
        )
        visit()

    when(lambda: window.ctx.service is not None and "profile" in window.pages, loaded)
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
