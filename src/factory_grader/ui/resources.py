"""Where the app's resources (font, translations, icon) are: inside a wheel or in the checkout."""

from __future__ import annotations

from pathlib import Path


def resources_root() -> Path:
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "_resources"  # placed there by the wheel build (force-include)
    if packaged.is_dir():
        return packaged
    return package_dir.parent.parent / "resources"
