"""Errors caused by what a user or a data file supplied (never by a bug).

Front doors catch InputError, print its message and exit with code 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factory_grader.domain.answer_values import AnswerValue
    from factory_grader.domain.text import Lang


class InputError(Exception):
    """Bad input: the message names the file and the key, id, line or cell."""


class FormError(InputError):
    """One or more problems in the questionnaire, scenario or rule-set data."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s) in the form data:" if len(problems) > 1 else ""
        super().__init__("\n".join([head, *problems]) if head else problems[0])


class AnswersError(InputError):
    """A problem in an answers file or answer set."""


class DatabaseError(InputError):
    """The database cannot be used: not a database, damaged, newer than this app, read-only,
    locked, or unreachable. The message names the database; nothing in it was changed.
    `meaning` (a key of domain.database_meanings: read-only, locked, damaged …) and `where` (the
    file or server, as the message names it) let a front door say it in the user's language."""

    def __init__(self, message: str, meaning: str | None = None, where: object = None) -> None:
        super().__init__(message)
        self.meaning = meaning
        self.where = None if where is None else str(where)

    def said(self, lang: Lang) -> str:
        """In the user's language: where, then what it means (English: the message itself,
        with the driver's detail)."""
        if lang == "en":
            return str(self)
        from factory_grader.domain.database_meanings import meaning_words

        sentence = meaning_words(self.meaning).get(lang)
        return f"{self.where}：{sentence}" if self.where else sentence

    @property
    def zh(self) -> str:
        return self.said("zh")


class NotFound(InputError):
    """An assessment or factory id that does not exist."""


class OpenConflicts(InputError):
    """An assessment with open conflicts cannot be finalised: its final values are not chosen."""


class DataChanged(InputError):
    """A draft's questionnaire or rule data differs from what was recorded (changed in place):
    it is not finalised on data nobody has looked at; update to the current rules first."""


class AssessmentFrozen(InputError):
    """A final assessment cannot change; reopen it as a new revision."""


class AnswerConflict(Exception):
    """Someone else saved this answer since it was loaded: nothing was overwritten.

    Both values stay visible: `yours` (not saved, kept as an open conflict) and `theirs` (stored),
    with who saved theirs and when. Retry with `current_version` to overwrite deliberately.
    """

    def __init__(
        self,
        item: str,
        yours: AnswerValue,
        theirs: AnswerValue,
        theirs_by: str,
        theirs_at: str,
        current_version: int,
        conflict_id: int,
    ) -> None:
        self.item = item
        self.yours = yours
        self.theirs = theirs
        self.theirs_by = theirs_by
        self.theirs_at = theirs_at
        self.current_version = current_version
        self.conflict_id = conflict_id
        super().__init__(
            f"{item}: changed by {theirs_by} at {theirs_at} to {theirs!r} after you loaded it;"
            f" your value {yours!r} was not saved (kept as conflict {conflict_id})"
        )


class WorkbookError(InputError):
    """A file that is not a readable submission workbook (or summary workbook): not a workbook,
    damaged, password-protected, too large when inflated, foreign, or of an unknown version.
    `zh`: the same as a Chinese sentence, without the file's path (a list shows it already)."""

    def __init__(self, message: str, zh: str = "") -> None:
        super().__init__(message)
        self.zh = zh
