"""Database and file work off the GUI thread: one worker thread, so writes keep their order.

run(fn, on_done, on_error): fn runs on the worker; the callbacks run back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # reported on the GUI thread, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class Background(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay(self)  # lives on the GUI thread: its signals arrive there
        self._relays.add(relay)

        def finish(result: Any, callback: Callable[[Any], None] | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
            if callback is not None:
                callback(result)

        relay.done.connect(lambda r: finish(r, on_done))
        relay.failed.connect(lambda e: finish(e, on_error or _unhandled))
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is done (closing the window: nothing unsaved is dropped)."""
        return self._pool.waitForDone(msecs)


def _unhandled(exc: BaseException) -> None:
    raise exc
