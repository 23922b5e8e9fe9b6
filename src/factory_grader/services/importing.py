"""Answers files and submission workbooks become new drafts, one or hundreds at once (a folder
of what the factories sent): each file is read, a workbook verified and rescored (its stored
scores never count), then stored. A file that cannot be imported is reported and the rest go
on; only a database that cannot be used stops the batch. The CLI and the GUI both use this."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from factory_grader.domain.errors import DatabaseError, InputError, WorkbookError
from factory_grader.domain.records import AssessmentSummary
from factory_grader.domain.text import Lang
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.file_lists import expand_paths
from factory_grader.services.notices import finding_sentence
from factory_grader.services.submission import (
    FileStatus,
    Finding,
    looks_like_workbook,
    read_for_import,
)

log = logging.getLogger(__name__)

#: what a folder given to import contributes (a file named is always tried)
IMPORTABLE = (".json", ".xlsx", ".xlsm")


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    EDITED = "edited"  # a workbook changed after export: its machine sheet's answers, rescored
    REFUSED = "refused"  # nothing stored: see the reason


@dataclass(frozen=True, slots=True)
class FileImport:
    path: Path
    outcome: ImportOutcome
    assessment: AssessmentSummary | None = None  # the new draft (not when refused)
    finding: Finding | None = None  # edited: the first difference found
    error: InputError | None = None  # refused: why

    @property
    def is_workbook(self) -> bool:
        return looks_like_workbook(self.path)

    def reason(self, lang: Lang) -> str:
        """Why refused, or what was edited, in lang ("" when imported as it was); without the
        file's path, which whoever shows the reason shows beside it."""
        if self.finding is not None:
            return finding_sentence(self.finding, lang)
        if self.error is None:
            return ""
        if lang == "zh" and isinstance(self.error, WorkbookError) and self.error.zh:
            return self.error.zh
        text = str(self.error)
        return text.removeprefix(f"{self.path}: ").removeprefix(f"{self.path}!")


def importable_files(paths: Sequence[Path]) -> list[Path]:
    """The files to import: those named, and the answers files and workbooks under folders."""
    return expand_paths(paths, suffixes=IMPORTABLE)


def import_file(service: AssessmentService, path: Path) -> FileImport:
    """One file; a bad file is a REFUSED result, never an exception (a database that cannot be
    used still raises: it is no file's fault, and the next would fail too)."""
    try:
        if looks_like_workbook(path):
            verdict = read_for_import(path, service.library)
            assert verdict.answers is not None
            created = service.import_answers(verdict.answers)
            if verdict.status is FileStatus.EDITED:
                return FileImport(path, ImportOutcome.EDITED, created, verdict.findings[0])
            return FileImport(path, ImportOutcome.IMPORTED, created)
        created = service.import_answers(read_answers_file(path, service.library))
        return FileImport(path, ImportOutcome.IMPORTED, created)
    except DatabaseError:
        raise
    except InputError as exc:
        return FileImport(path, ImportOutcome.REFUSED, error=exc)
    except OSError as exc:  # unreadable (permissions, a stick pulled out): that file only
        why = exc.strerror or type(exc).__name__
        return FileImport(path, ImportOutcome.REFUSED, error=InputError(f"{path}: {why}"))
    except Exception as exc:  # a file no check foresaw: logged, refused, and the rest go on
        log.exception("import of %s failed", path)
        error = InputError(f"{path}: cannot be imported ({type(exc).__name__})")
        return FileImport(path, ImportOutcome.REFUSED, error=error)


def import_files(
    service: AssessmentService,
    files: Sequence[Path],
    progress: Callable[[FileImport, int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[FileImport]:
    """Each file in turn (each its own transaction: what was imported stays if the batch is
    stopped); progress(result, done, total) after each; stop() is asked before each file."""
    results: list[FileImport] = []
    try:
        for done, path in enumerate(files, start=1):
            if stop is not None and stop():
                break
            results.append(import_file(service, path))
            if progress is not None:
                progress(results[-1], done, len(files))
    except (DatabaseError, KeyboardInterrupt) as exc:
        raise ImportInterrupted(results, exc) from exc
    return results


class ImportInterrupted(Exception):
    """The batch stopped before its end (the database failed, or Ctrl+C): `done` says what was
    stored by then, so nobody imports it twice; `cause` says why it stopped."""

    def __init__(self, done: list[FileImport], cause: BaseException) -> None:
        super().__init__(str(cause))
        self.done = done
        self.cause = cause
