"""The real main window on a real temporary SQLite database, driven by pytest-qt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from factory_grader.ui.app import build
from factory_grader.ui.main_window import MainWindow


class _DialogGuard:
    """One test's count of dialogs it asked for. A fresh guard per test: a test that fails
    before its expected dialog appears leaves nothing behind that would switch the check off
    (or click a dialog) in a later test."""

    def __init__(self) -> None:
        self.expected = 0
        self.active = True


_guard: list[_DialogGuard] = [_DialogGuard()]


def expect_dialogs(count: int) -> None:
    """The running test expects `count` more dialogs (negative: it has handled them)."""
    _guard[0].expected += count


def alive_check() -> Callable[[], bool]:
    """For a polling closure: False once the test that scheduled it has ended."""
    guard = _guard[0]
    return lambda: guard.active


@pytest.fixture(autouse=True)
def unexpected_dialogs(qtbot) -> Iterator[list[str]]:
    """A dialog no test asked for would block forever: close it, and fail the test with its text."""
    guard = _DialogGuard()
    _guard[0] = guard
    seen: list[str] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and guard.expected == 0:
            text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            seen.append(text)
            dialog.reject()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(300)
    try:
        yield seen
    finally:
        timer.stop()
        guard.active = False  # pending clicks of this test stop here
    assert not seen, f"unexpected dialog(s): {seen}"


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.ctx.background.busy, timeout=20000)


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(
        lang: str = "zh",
        db: Path | None = None,
        while_loading: Callable[[MainWindow], None] | None = None,
        opens: bool = True,
    ) -> MainWindow:
        app = QApplication.instance()
        db_url = f"sqlite:///{db or tmp_path / 'gui.db'}"
        window = build(db_url, app)
        window.ctx.languages.switch(lang)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        window.start_loading()
        if while_loading is not None:  # (to watch it load: its results arrive after this)
            while_loading(window)
        windows.append(window)
        if opens:  # (else the test waits for what it expects instead)
            qtbot.waitUntil(lambda: window.ctx.service is not None, timeout=30000)
            wait_idle(qtbot, window)
        return window

    yield make
    for w in windows:
        w.ctx.background.wait()
        if w.ctx.database is not None:
            w.ctx.database.close()


def on_next_dialog(kind: type[QWidget], handle: Callable[[QWidget], None]) -> None:
    """Call handle(dialog) once a modal dialog of this kind is up (the test expects it); the
    handler closes it. Stops polling when the test that scheduled it has ended."""
    expect_dialogs(1)
    alive = alive_check()

    def poll() -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, poll)
            return
        handle(dialog)  # may wait for the dialog's own work: it is still expected meanwhile
        expect_dialogs(-1)

    QTimer.singleShot(0, poll)


def answer_next_dialog(
    button: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes,
    texts: list[str] | None = None,
    label: str | None = None,
) -> None:
    """Click `button` (or the button whose text is `label`) on the next modal dialog (a real
    click on the real dialog)."""
    guard = _guard[0]
    guard.expected += 1

    def click() -> None:
        if not guard.active:
            return  # the test that expected this dialog has ended
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog):  # progress is not a question
            QTimer.singleShot(20, click)
            return
        guard.expected -= 1
        if isinstance(dialog, QMessageBox):
            if texts is not None:
                texts.append(dialog.text())
            labelled = next((b for b in dialog.buttons() if b.text() == label), None)
            assert label is None or labelled is not None, (label, dialog.text())
            target = (
                labelled or dialog.button(button) or dialog.defaultButton() or dialog.buttons()[0]
            )
            target.click()
        elif isinstance(dialog, QDialog):
            dialog.accept()

    QTimer.singleShot(0, click)


def load_example(qtbot, window: MainWindow) -> None:
    window.start.example_button.click()
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
    wait_idle(qtbot, window)
