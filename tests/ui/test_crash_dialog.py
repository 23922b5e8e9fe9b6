"""An unhandled error in a Qt slot or a background job: written to the log file, shown in a
dialog in the user's language (copy details, open log folder), and the app keeps running."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from factory_grader.services.app_paths import log_dir
from factory_grader.services.log_setup import LOG_FILE, configure_logging
from factory_grader.ui.crash_dialog import CrashReporter
from tests.ui import conftest


def test_unhandled_errors_are_logged_shown_and_survived(qtbot, open_window) -> None:
    window = open_window()
    log_file = configure_logging(log_dir())
    assert log_file is not None and log_file.name == LOG_FILE
    reporter = CrashReporter(log_dir())
    hooks = sys.excepthook, threading.excepthook
    reporter.install()
    try:
        seen: list[str] = []
        stayed_open: list[bool] = []

        def read(box: QMessageBox) -> None:  # no assert in here: it runs inside the dialog
            seen.append(box.text())
            names = {b.text(): b for b in box.buttons()}
            seen.append(" | ".join(sorted(names)))
            copy = names.get("复制详情(&C)")
            if copy is not None:
                copy.click()  # copies, and the box stays open
            stayed_open.append(box.isVisible())
            box.button(QMessageBox.StandardButton.Ok).click()

        # 1. an exception raised inside a Qt slot (a timer's callback)
        conftest.on_next_dialog(QMessageBox, read)  # type: ignore[arg-type]
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: reporter.shown == 1 and len(seen) == 2, timeout=20000)
        assert "意外" in seen[0] and "日志" in seen[0]
        assert "复制详情(&C)" in seen[1] and "打开日志文件夹(&L)" in seen[1]
        assert stayed_open == [True]
        assert "ZeroDivisionError" in QGuiApplication.clipboard().text()

        # 2. a background job that fails with no error handler of its own
        def fail() -> None:
            raise RuntimeError("后台任务失败")

        conftest.on_next_dialog(QMessageBox, read)  # type: ignore[arg-type]
        window.ctx.background.run(fail)
        qtbot.waitUntil(lambda: reporter.shown == 2 and len(seen) == 4, timeout=20000)

        text = log_file.read_text(encoding="utf-8")
        assert "ZeroDivisionError" in text and "后台任务失败" in text
        assert window.isVisible() and window.ctx.service is not None  # still running
    finally:
        sys.excepthook, threading.excepthook = hooks
