"""Errors caused by what a user or a data file supplied (never by a bug).

Front doors catch InputError, print its message and exit with code 2.
"""

from __future__ import annotations


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
