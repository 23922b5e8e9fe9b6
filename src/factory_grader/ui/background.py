"""Database and file work off the GUI thread, of two kinds:

- write(fn, …): through the single writer thread, so changes are stored in the order made;
- read(fn, …): on a small pool, reads in parallel with each other (a slow list never holds up
  a save), but never before the writes queued ahead of them: a read asked for after a change
  sees it.

fn runs off the GUI thread; on_done(result) or on_error(exception) run back on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

T = TypeVar("T")
OnError = Callable[[BaseException], None]
log = logging.getLogger(__name__)

READERS = 3  # the list, its background scoring, and what the user just asked for


class Background(QObject):
    #: True while changes are waiting to be stored ("Saving…"), False once all are
    busy_changed = Signal(bool)
    # One signal for every job: (job id, succeeded, result or exception). The payload always
    # travels inside a tuple: PySide6 mis-counts references when a bare None crosses threads.
    _finished = Signal(tuple)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(READERS)
        self._ids = itertools.count()
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, OnError | None]] = {}
        self._writes: set[int] = set()  # queued or running
        self._held: list[tuple[int, Callable[[], None]]] = []  # reads waiting for those writes
        self._closed = False  # after shutdown(): nothing more runs or is delivered
        self._finished.connect(self._deliver)  # queued: emitted on a worker, run here

    def write(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """Store something: in order with every other write."""
        if self._closed:
            return
        job = self._register(on_done, on_error)
        self._writes.add(job)
        if len(self._writes) == 1:
            self.busy_changed.emit(True)
        self._writer.start(self._work(job, fn))

    def read(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """Fetch or compute something that changes nothing stored."""
        if self._closed:
            return
        job = self._register(on_done, on_error)
        work = self._work(job, fn)
        if self._writes:
            self._held.append((job, work))  # after the writes asked for before it
        else:
            self._readers.start(work)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """Work that may change what is stored: a write (the safe default)."""
        self.write(fn, on_done, on_error)

    def _register(self, on_done: Callable[[Any], None] | None, on_error: OnError | None) -> int:
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_error)
        return job

    def _work(self, job: int, fn: Callable[[], Any]) -> Callable[[], None]:
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

        return work

    def _deliver(self, message: tuple[int, bool, Any]) -> None:
        if self._closed:
            return  # the window is gone: nobody to tell, nothing more to start
        job, ok, payload = message
        on_done, on_error = self._callbacks.pop(job)
        if job in self._writes:
            self._writes.discard(job)
            if not self._writes:
                self.busy_changed.emit(False)
                held, self._held = self._held, []
                for _, work in held:
                    self._readers.start(work)
        if ok:
            if on_done is not None:
                on_done(payload)
        else:
            (on_error or _unhandled)(payload)

    @property
    def busy(self) -> bool:
        """Any work not yet delivered, read or write."""
        return bool(self._callbacks)

    @property
    def writing(self) -> bool:
        """A write queued or running (what "正在保存…" is about)."""
        return bool(self._writes)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is done (closing the window: nothing unsaved is dropped)."""
        written = self._writer.waitForDone(msecs)
        if not written:  # a write still running: what waits for it must go on waiting
            return False
        for _, work in self._held:  # their writes are done: let them finish too
            self._readers.start(work)
        self._held = []
        return self._readers.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> None:
        """The window closes: what is queued is finished (every change stored), then nothing
        more is started and no result is delivered (a callback could start more work on a
        closed database)."""
        self.wait(msecs)
        self._closed = True
        self._held = []
        self._callbacks.clear()


def _unhandled(exc: BaseException) -> None:
    raise exc
