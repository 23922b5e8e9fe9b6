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


def test_reads_run_side_by_side(qtbot) -> None:
    """Two reads each waiting for the other: both finish only if they run at the same time."""
    bg = Background()
    both = threading.Barrier(2, timeout=20)
    done: list[str] = []
    for name in ("a", "b"):
        bg.read(lambda name=name: (both.wait(), name)[1], done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=30000)
    assert sorted(done) == ["a", "b"] and not both.broken


def test_a_read_after_a_write_sees_it_and_does_not_show_saving(qtbot) -> None:
    """The write is held until the test releases it; the read asked for after it waits, then
    sees its change. Only the write shows as saving."""
    bg = Background()
    stored: list[str] = []
    release = threading.Event()
    saving: list[bool] = []
    bg.busy_changed.connect(saving.append)
    read: list[list[str]] = []

    def write() -> None:
        assert release.wait(20)
        stored.append("change")

    bg.write(write)
    bg.read(lambda: list(stored), read.append)
    assert saving == [True] and bg.busy
    release.set()
    qtbot.waitUntil(lambda: bool(read), timeout=20000)
    assert read == [["change"]]
    assert saving == [True, False] and not bg.busy
    bg.read(lambda: 1, read.append)  # no write pending: runs at once, no "saving"
    qtbot.waitUntil(lambda: len(read) == 2, timeout=20000)
    assert saving == [True, False]


def test_wait_finishes_writes_and_held_reads(qtbot) -> None:
    bg = Background()
    order: list[str] = []
    bg.write(lambda: order.append("write"))
    bg.read(lambda: order.append("read"))
    assert bg.wait()
    assert order == ["write", "read"]
