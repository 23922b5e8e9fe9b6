"""The built-in example factory, shipped with the forms so the app is never empty."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factory_grader.forms.locate import forms_root

if TYPE_CHECKING:  # (storage, and with it SQLAlchemy, only for a command that needs it)
    from factory_grader.services.assessments import AssessmentService

EXAMPLE_FILE = "examples/example-factory.json"


def example_answers_path() -> Path:
    return forms_root() / EXAMPLE_FILE


def open_example(service: AssessmentService) -> tuple[int, bool]:
    """The example factory's assessment: the newest stored one of it (by name and credit code),
    else a new one. (its id, whether it was made now): loading the example twice opens the same
    one again instead of a second copy."""
    from factory_grader.services.answers_file import read_answers_file

    answers = read_answers_file(example_answers_path(), service.library)
    name, code = answers.profile.get("name"), answers.profile.get("credit_code")
    stored = [
        a
        for a in service.list_assessments()
        if a.factory_name == name and (a.credit_code or None) == (code or None)
    ]
    if stored:
        return max(stored, key=lambda a: (a.updated_at, a.id)).id, False
    return service.import_answers(answers).id, True
