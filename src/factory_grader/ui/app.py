"""Start the desktop app: window first, heavy work (forms, database, charts) after it paints."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from factory_grader.ui.background import Background
from factory_grader.ui.context import AppContext, Events
from factory_grader.ui.fonts import ensure_cjk_font
from factory_grader.ui.i18n import Languages
from factory_grader.ui.main_window import MainWindow
from factory_grader.ui.preferences import Preferences
from factory_grader.ui.resources import resources_root


class _FirstPaint(QObject):
    """Calls back once, after the window's first paint event."""

    def __init__(self, callback: Callable[[], object]) -> None:
        super().__init__()
        self.callback = callback
        self.fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.fired:
            self.fired = True
            QTimer.singleShot(0, self.callback)
        return False


def build(db_url: str | None, app: QApplication) -> MainWindow:
    ensure_cjk_font(app)
    app.setStyleSheet(Path(__file__).with_name("style.qss").read_text(encoding="utf-8"))
    preferences = Preferences()
    languages = Languages()
    languages.switch(preferences.language)
    ctx = AppContext(languages, preferences, Background(app), Events())
    window = MainWindow(ctx, db_url)
    geometry = preferences.window_geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    fit_to_screen(window)
    return window


def fit_to_screen(window: MainWindow) -> None:
    """Within the screen's free area: 1280 × 800 (or a size saved on a larger screen, or at
    another scale) would hang off a 1366 × 768 laptop's screen or a 150 % one."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = 40  # title bar and borders, which geometry() leaves out
    width = min(window.width(), area.width())
    height = min(window.height(), area.height() - frame)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
        window.move(area.left(), area.top())


def run(db_url: str | None, exit_when_ready: bool = False) -> int:
    from factory_grader.services.app_paths import log_dir
    from factory_grader.services.log_setup import configure_logging
    from factory_grader.ui.crash_dialog import install_crash_reporter

    configure_logging(log_dir())
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    reporter = install_crash_reporter(log_dir())  # before anything else can fail
    app.setApplicationName("factory-grader")
    app.setOrganizationName("factory-grader")
    # the desktop entry it belongs to (Wayland's app id; the icon and name a dock shows)
    app.setDesktopFileName("factory-grader")
    app.setWindowIcon(QIcon(str(resources_root() / "icons" / "factory-grader.svg")))
    window = build(db_url, app)
    window.crash_reporter = reporter
    after_paint = app.quit if exit_when_ready else window.start_loading
    watcher = _FirstPaint(after_paint)
    window.installEventFilter(watcher)
    window.show()
    return int(app.exec())
