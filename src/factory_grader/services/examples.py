"""The built-in example factory, shipped with the forms so the app is never empty."""

from __future__ import annotations

from pathlib import Path

from factory_grader.forms.locate import forms_root

EXAMPLE_FILE = "examples/example-factory.json"


def example_answers_path() -> Path:
    return forms_root() / EXAMPLE_FILE
