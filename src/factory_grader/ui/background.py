"""Database and file work off the GUI thread: one worker thread, so writes keep their order.

run(fn, on_done, on_error): fn runs on the worker; the callbacks run back on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

Callback = Callable[[Any], None]
log = logging.getLogger(__name__)


class Background(QObject):
    busy_changed = Signal(bool)
    # One signal for every job: (job id, succeeded, result or exception). The payload always
    # travels inside a tuple: PySide6 mis-counts references when a bare None crosses threads.
    _finished = Signal(tuple)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count()
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._finished.connect(self._deliver)  # queued: emitted on the worker, run here

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> None:
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        finished = self._finished

        def work() -> None:  # a plain callable: no Python QRunnable whose lifetime C++ owns
            try:
                result = fn()
            except BaseException as exc:  # reported on the GUI thread, never lost
                from factory_grader.domain.errors import AnswerConflict, InputError

                if not isinstance(exc, InputError | AnswerConflict):  # a fault, not bad input
                    log.error("background job failed", exc_info=exc)
                finished.emit((job, False, exc))
            else:
                finished.emit((job, True, result))

        self._pool.start(work)

    def _deliver(self, message: tuple[int, bool, Any]) -> None:
        job, ok, payload = message
        on_done, on_error = self._callbacks.pop(job)
        if not self._callbacks:
            self.busy_changed.emit(False)
        if ok:
            if on_done is not None:
                on_done(payload)
        else:
            (on_error or _unhandled)(payload)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is done (closing the window: nothing unsaved is dropped)."""
        return self._pool.waitForDone(msecs)


def _unhandled(exc: BaseException) -> None:
    raise exc
