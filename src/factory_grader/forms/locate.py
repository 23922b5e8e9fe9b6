"""Where the forms data is: an override, the copy inside an installed wheel, or the checkout."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FACTORY_GRADER_FORMS"


def forms_root() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "_forms"  # placed there by the wheel build (pyproject force-include)
    if packaged.is_dir():
        return packaged
    return package_dir.parent.parent / "forms"  # src/factory_grader -> the checkout's forms/
