"""The log file: every layer logs through `logging`; this puts it in the data folder.

A windowed Windows build has no stderr, so nothing may depend on it: the log file is where
errors are kept, and the GUI shows them in a dialog that points to it.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "factory-grader.log"
MAX_BYTES = 2_000_000  # a few MB in all: the current file and three older ones
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


class _SharedFileHandler(RotatingFileHandler):
    """Rotation can fail on Windows while another process (the GUI and a command, or two
    windows) has the file open: then keep writing to the same file and try again later,
    rather than losing every record after it."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        try:
            return bool(super().shouldRollover(record))
        except OSError:
            return False


def configure_logging(folder: Path) -> Path | None:
    """Log to folder/factory-grader.log (rotating). Returns the file, or None when the folder
    cannot be written (then to stderr, if there is one). Safe to call more than once."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    target = folder / LOG_FILE
    for old in [h for h in root.handlers if getattr(h, "factory_grader", False)]:
        if isinstance(old, RotatingFileHandler) and Path(old.baseFilename) == target:
            return target
        root.removeHandler(old)  # another data folder now (tests; a moved data folder)
        old.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _SharedFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        if sys.stderr is not None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter(_FORMAT))
            handler.factory_grader = True  # type: ignore[attr-defined]
            root.addHandler(handler)
            logging.getLogger(__name__).warning("cannot write the log in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.factory_grader = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return target


class _LogStream:
    """Stands in for a missing stdout/stderr: each line written goes to the log."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        self.logger, self.level, self.pending = logger, level, ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if line.strip():
                self.logger.log(self.level, "%s", line)
        return len(text)

    def flush(self) -> None:
        if self.pending.strip():
            self.logger.log(self.level, "%s", self.pending)
        self.pending = ""

    def isatty(self) -> bool:
        return False


def without_console(folder: Path) -> bool:
    """A windowed build (pythonw.exe) has no stdout/stderr: anything printed — argparse's usage
    message, a command's output — would raise instead. Route it to the log. True when done."""
    if sys.stdout is not None and sys.stderr is not None:
        return False
    if configure_logging(folder) is None:  # no log file either: nowhere to keep it
        quiet = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process's life
        sys.stdout = sys.stdout or quiet
        sys.stderr = sys.stderr or quiet
        return True
    console = logging.getLogger("factory_grader.console")
    if sys.stdout is None:
        sys.stdout = _LogStream(console, logging.INFO)
    if sys.stderr is None:
        sys.stderr = _LogStream(console, logging.WARNING)
    return True
