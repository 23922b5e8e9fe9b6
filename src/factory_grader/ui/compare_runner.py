"""Runs a comparison off the GUI thread: rows arrive as files are read; cancel stops it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class CompareRunner(QObject):
    # Payloads travel in tuples: PySide6 mis-counts references when a bare None crosses threads.
    found = Signal(tuple)  # (number of files,)
    batch = Signal(tuple)  # (entries, files done)
    finished = Signal(tuple)  # (all entries marked for duplicates,) | (None, error) on failure

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._active = False
        # Connected first, so it runs before any listener: when they hear `finished`, the run
        # is over, although the thread may take a moment longer to end.
        self.finished.connect(self._ended)

    @property
    def running(self) -> bool:
        return self._active

    def _ended(self, _message: tuple[object, ...]) -> None:
        self._active = False

    def start(self, paths: Sequence[Path]) -> None:
        self._cancel = threading.Event()
        self._active = True
        cancel = self._cancel

        def work() -> None:
            from factory_grader.services.compare import Cancelled, compare_files
            from factory_grader.services.file_lists import expand_paths

            try:
                files = expand_paths(paths)
                self.found.emit((len(files),))
                entries = compare_files(
                    files,
                    on_entries=lambda b, done: self.batch.emit((tuple(b), done)),
                    cancel=cancel,
                )
            except Cancelled:
                self.finished.emit((None, "cancelled"))
            except Exception as exc:  # shown to the user, never lost
                self.finished.emit((None, str(exc)))
            else:
                self.finished.emit((tuple(entries), ""))

        self._thread = threading.Thread(target=work, name="compare", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, seconds: float = 30) -> None:
        if self._thread is not None:
            self._thread.join(seconds)
