"""The background writer: order kept, results and errors back on the GUI thread, and many
None results in a row do not crash the interpreter (PySide6 refcount bug with bare None)."""

from __future__ import annotations

import threading

from factory_grader.ui.background import Background


def test_thousands_of_none_results_in_order(qtbot) -> None:
    bg = Background()
    seen: list[int] = []
    gui_thread = threading.get_ident()
    threads: set[int] = set()

    def job(i: int):
        threads.add(threading.get_ident())
        seen.append(i)
        return None

    callbacks: list[object] = []
    for i in range(3000):
        bg.run(lambda i=i: job(i), lambda r: callbacks.append(r))
    qtbot.waitUntil(lambda: len(callbacks) == 3000, timeout=60000)
    assert seen == list(range(3000))  # one worker: saves keep their order
    assert callbacks == [None] * 3000
    assert gui_thread not in threads


def test_errors_come_back(qtbot) -> None:
    bg = Background()
    errors: list[BaseException] = []
    bg.run(lambda: 1 / 0, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert isinstance(errors[0], ZeroDivisionError) and not bg.busy
